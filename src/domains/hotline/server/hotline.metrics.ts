/** 12345 and 市长信箱 metrics (definitions in README.md, the same sentences as here). */
import { defineMetric } from '../../../core/server/metrics';
import * as repo from './hotline.repository';

type Counts = Awaited<ReturnType<typeof repo.ticketCounts>>;
const ticketRate = (key: string, label: string, definition: string, num: keyof Counts & repo.TicketRecordFilter, den: keyof Counts & repo.TicketRecordFilter) => defineMetric({
  key, label, unit: 'rate', definition,
  compute: async (tx, _k, q) => { const c = await repo.ticketCounts(tx, q); return { numerator: c[num], denominator: c[den] }; },
  records: (tx, _k, q, which, p) => repo.ticketCases(tx, q, which === 'numerator' ? num : den, p),
});

export const hotlineMetrics = [
  ticketRate('tickets.responseRate', '响应率', '统计期内派单后24小时内由承办单位签收的工单数 ÷ 派单的工单数。', 'respondedInTime', 'dispatched'),
  ticketRate('tickets.closeRate', '办结率', '统计期内登记的工单中已办结的件数 ÷ 登记的工单数（并单的重复诉求不计）。', 'closed', 'received'),
  ticketRate('tickets.resolveRate', '解决率', '统计期内回访联系上诉求人的工单中诉求人确认已解决的件数 ÷ 回访联系上的工单数。', 'resolved', 'calledBack'),
  ticketRate('tickets.satisfactionRate', '满意率', '统计期内回访评价为“非常满意”“满意”“基本满意”的工单数 ÷ 有回访评价的工单数。', 'satisfied', 'rated'),
  defineMetric({
    key: 'tickets.cannotDo', label: '“办不成事”反映件数', unit: 'count',
    definition: '统计期内登记的“办不成事”反映类工单件数（转区政数局督办）。',
    compute: async (tx, _k, q) => ({ numerator: (await repo.ticketCounts(tx, q)).cannotDo, denominator: null }),
    records: (tx, _k, q, _w, p) => repo.ticketCases(tx, q, 'cannotDo', p),
  }),
  defineMetric({
    key: 'mailbox.replyRate', label: '市长信箱答复率', unit: 'rate',
    definition: '统计期内收到的市长信箱来信中已答复的件数 ÷ 收到的来信件数。',
    compute: async (tx, _k, q) => { const c = await repo.letterCounts(tx, q); return { numerator: c.replied, denominator: c.received }; },
    records: (tx, _k, q, which, p) => repo.letterCases(tx, q, which === 'numerator', p),
  }),
];
