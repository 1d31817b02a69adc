/** 12345 and 市长信箱 metrics (definitions in README.md, the same sentences as here). */
import { defineMetric } from '../../../core/server';
import * as repo from './hotline.repository';

type F = repo.TicketRecordFilter;
const ticketMetric = (key: string, label: string, unit: 'rate' | 'count', definition: string, num: F, den: F | null) => defineMetric({
  key, label, unit, definition,
  compute: async (tx, _k, q) => { const c = await repo.ticketCounts(tx, q); return { numerator: c[num], denominator: den ? c[den] : null }; },
  recordsWhere: (q, which) => repo.ticketCasesWhere(q, which === 'numerator' || !den ? num : den),
  breakdown: async (tx, k, q, by) => new Map((await repo.ticketCountsBy(tx, k.tz, q, by)).map((r) => [r.key, { numerator: r[num], denominator: den ? r[den] : null }])),
});

export const hotlineMetrics = [
  ticketMetric('tickets.responseRate', '响应率', 'rate', '统计期内登记的工单中，派单后24小时内由承办单位签收的件数 ÷ 已派单的件数。', 'respondedInTime', 'dispatched'),
  ticketMetric('tickets.closeRate', '办结率', 'rate', '统计期内登记的工单中已办结的件数 ÷ 登记的工单数（并入其他工单的重复诉求不计）。', 'closed', 'received'),
  ticketMetric('tickets.resolveRate', '解决率', 'rate', '统计期内登记的工单中，回访联系上诉求人且诉求人认为已解决的件数 ÷ 回访联系上诉求人的件数。', 'resolved', 'calledBack'),
  ticketMetric('tickets.satisfactionRate', '满意率', 'rate', '统计期内登记的工单中，回访评价为“非常满意”“满意”“基本满意”的件数 ÷ 有回访评价的件数。', 'satisfied', 'rated'),
  ticketMetric('tickets.onTimeRate', '按时办结率', 'rate', '统计期内登记且已答复的工单中，在办理时限（含批准的延期）内答复的件数 ÷ 已答复且设有办理时限的件数。', 'repliedOnTime', 'repliedWithLimit'),
  ticketMetric('tickets.cannotDo', '“办不成事”反映件数', 'count', '统计期内登记的“办不成事”反映类工单件数（转区行政审批和政务信息管理局督办）。', 'cannotDo', null),
  defineMetric({
    key: 'mailbox.replyRate', label: '市长信箱答复率', unit: 'rate',
    definition: '统计期内收到的市长信箱来信中已答复的件数 ÷ 收到的来信件数。',
    compute: async (tx, _k, q) => { const c = await repo.letterCounts(tx, q); return { numerator: c.replied, denominator: c.received }; },
    recordsWhere: (q, which) => repo.letterCasesWhere(q, which === 'numerator'),
    breakdown: async (tx, k, q, by) => new Map((await repo.letterCountsBy(tx, k.tz, q, by)).map((r) => [r.key, { numerator: r.replied, denominator: r.received }])),
  }),
];
