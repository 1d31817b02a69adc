/**
 * Case-file review figures (definitions in README.md). Each counts the rows of its record set, so the
 * rows a reader opens behind a figure are exactly the units, files, problems or people counted.
 */
import { defineMetric, recordCountMetric } from '../../../core/server';
import * as repo from './case-file-review.repository';

export const caseFileReviewMetrics = [
  recordCountMetric({
    key: 'caseFileReview.units', label: '案卷评查抽查单位',
    definition: '统计期内抽取案卷的评查活动中的被抽查单位数，按抽取日期统计；同一单位在统计期内被多次评查活动抽查的，只计1家。',
    recordSet: repo.unitRecordSet,
  }),
  recordCountMetric({
    key: 'caseFileReview.reviewed', label: '评查行政执法案卷',
    definition: '统计期内完成评分的行政执法案卷数（系统抽取和人工登记的纸质案卷均计入），按评分日期统计。',
    recordSet: repo.reviewedFileRecordSet(false),
  }),
  recordCountMetric({
    key: 'caseFileReview.failed', label: '评查不合格案卷',
    definition: '统计期内完成评分、等次为“不合格”的案卷数（有一项否决项成立，或得分低于合格分数线 CFR_PASS_MIN），按评分日期统计。',
    recordSet: repo.reviewedFileRecordSet(true),
  }),
  recordCountMetric({
    key: 'caseFileReview.problems', label: '评查发现问题',
    definition: '统计期内评查发现的问题数：每一条扣分记录和每一项成立的否决项各计1个，按评分日期统计。',
    recordSet: repo.problemRecordSet(false),
  }),
  recordCountMetric({
    key: 'caseFileReview.problemsFixed', label: '评查问题整改',
    definition: '统计期内整改经司法行政机关验收通过的评查问题数，按验收日期统计；单位已报送但尚未验收或被退回的不计入。',
    recordSet: repo.problemRecordSet(true),
  }),
  recordCountMetric({
    key: 'caseFileReview.interviews', label: '约谈',
    definition: '统计期内因案卷评查发现的问题约谈单位负责人（分管负责人）的人次，按约谈日期统计。',
    recordSet: repo.measureRecordSet('interview'),
  }),
  recordCountMetric({
    key: 'caseFileReview.accountability', label: '追责',
    definition: '统计期内因案卷评查发现的问题追究行政执法人员责任的人次，按追责决定日期统计。',
    recordSet: repo.measureRecordSet('accountability'),
  }),
  recordCountMetric({
    key: 'enforcement.jointMeetings', label: '行政执法联席会议',
    definition: '统计期内司法行政部门召集召开并记录的行政执法联席会议次数，按会议日期统计。',
    recordSet: repo.jointMeetingRecordSet,
  }),
  defineMetric({
    key: 'supervision.notices', label: '制发行政执法监督意见书', unit: 'count',
    definition: '统计期内司法行政部门向行政执法单位制发的行政执法监督意见书份数，按制发日期统计（经核查不成立办结的事项不计入）。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countNotices(tx, q), denominator: null }),
    recordsWhere: (q) => repo.noticeRecords(q),
  }),
];
