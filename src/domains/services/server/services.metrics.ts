/** Government-service metrics; 受理/办结/按时办结率 come from the kernel's case set with caseType=application. */
import { eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { applications } from './services.tables';
import { defineMetric } from '../../../core/server/metrics';
import { divisionPrefix } from '../../../core/shared/division';
import * as repo from './services.repository';

/** Counted on `applications` (by index); the records list the cases behind the same condition. */
const byChannel = (key: string, label: string, definition: string, cond: SQL, recordsCond: SQL) => defineMetric({
  key, label, unit: 'count', definition,
  compute: async (tx, _k, q) => ({ numerator: await repo.countApplications(tx, q, cond), denominator: null }),
  records: (tx, _k, q, _w, p) => repo.pageCases(tx, repo.channelFilter(q, recordsCond), p),
});

export const servicesMetrics = [
  byChannel('applications.online', '网上办理件数', '统计期内通过网上渠道提交的办件数（一网通办）。', eq(applications.channel, 'online'), sql`a.channel = 'online'`),
  byChannel('applications.counter', '窗口办理件数', '统计期内在政务服务窗口收件的办件数。', eq(applications.channel, 'counter'), sql`a.channel = 'counter'`),
  byChannel('applications.assisted', '帮办代办件数', '统计期内由工作人员帮办代办提交的办件数。', isNotNull(applications.assistedBy), sql`a.assisted_by IS NOT NULL`),
  defineMetric({
    key: 'catalog.zeroVisitShare', label: '不见面审批事项占比', unit: 'rate',
    definition: '已发布事项中到办事现场次数为0的事项数 ÷ 已发布事项数（事项目录当前状态，不随统计期变化）。',
    recordsNote: '该指标的记录是事项目录中的事项，请在“事项目录”中按到现场次数查看',
    compute: async (tx, _k, q) => { const r = await repo.itemCounts(tx, divisionPrefix(q.divisionCode)); return { numerator: r.zeroVisit, denominator: r.published }; },
  }),
];
