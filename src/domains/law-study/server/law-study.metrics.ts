/**
 * 学法用法 figures (definitions in README.md); each opens its records through a record set. Plain counts of
 * a record set's rows are the kernel's recordCountMetric; 人次, rates and 述法 (distinct officials) compute their own.
 */
import { defineMetric, recordCountMetric } from '../../../core/server';
import * as repo from './law-study.repository';

export const lawStudyMetrics = [
  recordCountMetric({
    key: 'lawStudy.sessions', label: '组织学法',
    definition: '统计期内登记的集中学法活动次数（中心组专题学法、政府常务会议学法、专题培训班、以案释法、法治讲座、法治党课；旁听庭审另计）。',
    recordSet: repo.sessionRecordSet('study'),
  }),
  defineMetric({
    key: 'lawStudy.personTimes', label: '学法人次', unit: 'count',
    definition: '统计期内全部学法活动和旁听庭审的参加人次：名册中登记的参加人员数加名册外的其他参加人数。',
    compute: async (tx, _k, q) => ({ numerator: await repo.personTimes(tx, repo.sessionsWhere(q, 'all')), denominator: null }),
    recordSet: repo.sessionRecordSet('all'),
  }),
  recordCountMetric({
    key: 'lawStudy.courtVisits', label: '旁听庭审',
    definition: '统计期内组织旁听庭审活动的次数（每次登记一条，记法院和案号）。',
    recordSet: repo.sessionRecordSet('court'),
  }),
  defineMetric({
    key: 'lawStudy.coverageRate', label: '学法覆盖率', unit: 'rate',
    definition: '统计期内至少参加一次学法活动或旁听庭审的在册干部人数 ÷ 干部名册中的在册人数（名册含有登录账号的工作人员和导入的其他党政干部）。',
    compute: async (tx, _k, q) => { const r = await repo.coverage(tx, q); return { numerator: r.a, denominator: r.b }; },
    recordSet: repo.coverageRecordSet,
  }),
  defineMetric({
    key: 'exams.takers', label: '参加学法考试', unit: 'count',
    definition: '开考日期在统计期内的学法考试中，至少有一次答卷已交卷或已到时的干部人数（一人参加多场考试按场次分别计）。',
    compute: async (tx, k, q) => ({ numerator: (await repo.examFigures(tx, q, k.now(), k.tz)).takers, denominator: null }),
    recordSet: (k) => repo.examRecordSet(() => k.now(), k.tz),
  }),
  defineMetric({
    key: 'exams.passRate', label: '学法考试合格率', unit: 'rate',
    definition: '开考日期在统计期内的学法考试中，最高得分达到该场考试合格分数线的人数 ÷ 参加考试人数（多次作答取最高分；合格线为新建考试时的设置，默认 LAW_EXAM_PASS_MARK）。',
    compute: async (tx, k, q) => { const r = await repo.examFigures(tx, q, k.now(), k.tz); return { numerator: r.passed, denominator: r.takers }; },
    recordSet: (k) => repo.examRecordSet(() => k.now(), k.tz),
  }),
  defineMetric({
    key: 'shufa.officials', label: '党政干部述法', unit: 'count',
    definition: '统计期内述法（书面述法或在述法会上现场述法）的干部人数，按述法日期统计。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countShufa(tx, q), denominator: null }),
    recordSet: repo.shufaRecordSet,
  }),
  recordCountMetric({
    key: 'ruleOfLawMeetings.count', label: '党委常委会、政府常务会议研究法治建设',
    definition: '统计期内党委常委会会议、政府常务会议研究或决定法治建设事项的次数（依法治区委员会会议、述法会和第一责任人履职另行列示，不计入）。',
    recordSet: repo.meetingRecordSet,
  }),
];
