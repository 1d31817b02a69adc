/**
 * 村（居）法律顾问 figures: the advisers serving, and one count per work kind (the report's seven), each
 * opening the work-log rows it sums. Only entries the village confirmed count unless
 * LEGAL_ADVISERS_COUNT_UNCONFIRMED says otherwise.
 */
import { recordCountMetric } from '../../../core/server';
import { WORK_KINDS, WORK_KIND_KEYS } from '../shared/legal-advisers.labels';
import * as repo from './legal-advisers.repository';
import { settingsOf } from './legal-advisers.service';

export const legalAdvisersMetrics = [
  recordCountMetric({
    key: 'legalAdvisers.count', label: '村（居）法律顾问',
    definition: '统计期内在本区划的村（社区）受聘（聘期与统计期有交叉）的法律顾问人数，一人受聘多个村（社区）的计1人。',
    recordSet: repo.adviserRecordSet,
  }),
  ...WORK_KIND_KEYS.map((kind) => recordCountMetric({
    key: WORK_KINDS[kind].metric, label: `法律顾问${WORK_KINDS[kind].title}`,
    definition: `统计期内村（居）法律顾问登记、经村（社区）确认的“${WORK_KINDS[kind].label}”工作记录数（每条记录为1${WORK_KINDS[kind].unit}），按服务日期统计；是否计入未确认记录见 LEGAL_ADVISERS_COUNT_UNCONFIRMED。`,
    recordSet: (k) => repo.workRecordSet(kind, settingsOf(k).LEGAL_ADVISERS_COUNT_UNCONFIRMED),
  })),
];
