/**
 * 评查整改 (rectification of the problems a case-file review found in one unit's files). The justice
 * bureau issues the problems to the unit (整改通知); the unit starts, reports its rectification, and only
 * the bureau's acceptance closes it — a unit never certifies its own rectification (行政执法监督条例
 * 国务院令第825号 gives the supervising body the 督促整改 and 验收; the clock is a local setting, days in
 * `data.days`, default CFR_RECTIFY_DAYS working days).
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';

const Note = (title: string) => z.object({ note: z.string().trim().min(2, `请填写${title}`).max(2000, `${title}不能超过2000个字`).meta({ title }) });
const days = (d: Record<string, unknown>) => (typeof d.days === 'number' ? d.days : 20);

/** The facts a rectification keeps in `cases.data`. */
export const RectificationData = z.object({
  /** The rectification period in working days (CFR_RECTIFY_DAYS, fixed when the notice is issued). */
  days: z.number().int(),
});

export const rectificationMachine = defineMachine({
  type: 'rectification',
  plural: 'rectifications',
  label: '案卷评查整改',
  data: RectificationData,
  initial: 'issued',
  states: {
    issued: { label: '已下发整改通知', color: 'warning' },
    rectifying: { label: '整改中', color: 'processing' },
    reported: { label: '已报送整改情况，待验收', color: 'processing' },
    accepted: { label: '整改验收通过', color: 'success', terminal: true },
  },
  clocks: {
    rectify: { label: '整改期限', unit: 'workday', limit: days, legalBasis: '行政执法监督条例（国务院令第825号）督促整改；整改期限为本地规定（CFR_RECTIFY_DAYS，可配置）', primary: true, warnBefore: 3 },
  },
  initialClocks: ['rectify'],
  events: {
    start: { label: '签收整改通知，开始整改', from: ['issued'], to: 'rectifying', permission: 'rectification.handle' },
    // Reporting in time is what the unit owes: the clock waits while the bureau checks, and runs on if sent back.
    report: { label: '报送整改情况', from: ['rectifying'], to: 'reported', permission: 'rectification.handle', input: Note('整改措施和结果'), clocks: [{ op: 'pause', clock: 'rectify', reason: '待司法局验收' }] },
    accept: { label: '验收通过', from: ['reported'], to: 'accepted', permission: 'rectification.accept', input: Note('验收意见'), clocks: [{ op: 'stop', clock: 'rectify' }] },
    returnFix: { label: '验收不通过，退回整改', from: ['reported'], to: 'rectifying', permission: 'rectification.accept', input: Note('退回理由'), danger: true, clocks: [{ op: 'resume', clock: 'rectify' }] },
  },
});
