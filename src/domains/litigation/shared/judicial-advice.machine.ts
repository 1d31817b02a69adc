/**
 * 司法建议: a court's written recommendation to the agency (行政诉讼法 第66条, 第96条; 法释〔2020〕3号
 * 第12条 when the head failed to appear), received on a suit and answered in writing with what the
 * agency changed. No statute fixes the reply period: the court's letter states one, and the district's
 * default is a setting (LITIGATION_ADVICE_REPLY_DAYS).
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';

const num = (d: Record<string, unknown>, k: string, dflt: number) => (typeof d[k] === 'number' ? (d[k] as number) : dflt);

/** What a 司法建议 keeps in `data`. */
export const JudicialAdviceData = z.object({
  replyDays: z.number().int(), // the reply period the court's letter states (or the setting)
  lagDays: z.number().int(), // days already gone between the letter and its registration
  suitRefNo: z.string(), // the suit it was issued in
});

export const judicialAdviceMachine = defineMachine({
  type: 'judicialAdvice',
  plural: 'judicial-advice',
  label: '司法建议',
  initial: 'received',
  data: JudicialAdviceData,
  states: {
    received: { label: '待回复', color: 'processing' },
    replied: { label: '已回复', color: 'success', terminal: true },
  },
  clocks: {
    reply: {
      label: '回复期限', unit: 'natural', primary: true, warnBefore: 5,
      // Counted from the day the letter was received, which may precede its registration by lagDays.
      limit: (d) => num(d, 'replyDays', 60) - num(d, 'lagDays', 0),
      legalBasis: (d) => `司法建议书载明的期限内书面回复（未载明的按本地规定${num(d, 'replyDays', 60)}日，可配置）`,
    },
  },
  initialClocks: ['reply'],
  events: {
    reply: {
      label: '书面回复', from: ['received'], to: 'replied', permission: 'judicialAdvice.handle',
      input: z.object({
        reply: z.string().trim().min(2, '请填写回复内容').max(3000, '回复内容不能超过3000个字').meta({ title: '回复内容' }),
        measures: z.string().trim().min(2, '请填写整改措施').max(3000, '整改措施不能超过3000个字').meta({ title: '整改措施' }),
      }),
      clocks: [{ op: 'stop', clock: 'reply' }],
    },
  },
});

export const AdviceInput = z.object({
  court: z.string().trim().min(2, '请填写发出建议的法院').max(60).meta({ title: '发出建议的法院' }),
  adviceNo: z.string().trim().min(2, '请填写司法建议书文号').max(60).meta({ title: '司法建议书文号' }),
  receivedOn: z.iso.date('收到日期格式应为YYYY-MM-DD').meta({ title: '收到日期' }),
  content: z.string().trim().min(4, '请填写建议内容').max(3000, '建议内容不能超过3000个字').meta({ title: '建议内容' }),
  replyDays: z.number().int('回复期限应为整数').min(1, '回复期限至少1日').max(365, '回复期限不能超过365日').optional().meta({ title: '建议书载明的回复期限（日）' }),
});
export type AdviceInput = z.infer<typeof AdviceInput>;
