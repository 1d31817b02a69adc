/** Government-service metrics; 受理/办结/按时办结率 come from the kernel's case set with caseType=application. */
import { eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { applications } from './applications.tables';
import { defineMetric } from '../../../core/server';
import * as repo from './applications.repository';

/** Counted on `applications` (by index); the records list the cases behind the same condition. */
const byChannel = (key: string, label: string, definition: string, cond: SQL, recordsCond: SQL) => defineMetric({
  key, label, unit: 'count', definition,
  compute: async (tx, _k, q) => ({ numerator: await repo.countApplications(tx, q, cond), denominator: null }),
  recordsWhere: (q) => repo.channelFilter(q, recordsCond),
});

export const applicationsMetrics = [
  byChannel('applications.online', '网上办理件数', '统计期内通过网上渠道提交的办件数（一网通办）。', eq(applications.channel, 'online'), sql`a.channel = 'online'`),
  byChannel('applications.counter', '窗口办理件数', '统计期内在政务服务窗口收件的办件数。', eq(applications.channel, 'counter'), sql`a.channel = 'counter'`),
  byChannel('applications.assisted', '帮办代办件数', '统计期内由工作人员帮办代办提交的办件数。', isNotNull(applications.assistedBy), sql`a.assisted_by IS NOT NULL`),
];
