/**
 * The parent case of a "one thing" (高效办成一件事). Its state is derived from its child applications
 * (bundle.derive.ts): the system fires the events below when a child moves; only withdrawal is a
 * person's act. Each child keeps its own statutory clocks (行政许可法 第32、42、44条, in the services
 * domain); the parent carries the county's promised time for the whole bundle (本级承诺).
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';

/** What becomes of the departments' finished results when the rest of a bundle is withdrawn. */
export const FINISHED_PARTS = ['保留已办结事项的结果，只撤回未办结的事项', '同时申请注销已办结事项的结果'] as const;

const open = ['submitted', 'correcting', 'processing'];

/** The facts a bundle keeps in `cases.data`. */
export const BundleData = z.object({
  /** The "one thing" definition's code (bundle.definitions.ts). */
  definitionCode: z.string(),
  /** The county's promised working days for the whole bundle (本级承诺), from its definition. */
  promisedDays: z.number().int(),
  /** Where it was filed: online, the hall's 一件事 window, or a township/street site. */
  channel: z.enum(['online', 'hall', 'site']),
  /** On withdrawal with finished parts: what becomes of their results. */
  finishedParts: z.enum(FINISHED_PARTS),
  /** On withdrawal with finished parts: the ref numbers of the children already finished. */
  finishedAtWithdrawal: z.array(z.string()),
});

export const bundleMachine = defineMachine({
  type: 'bundle',
  plural: 'bundles',
  label: '一件事',
  data: BundleData,
  initial: 'submitted',
  states: {
    submitted: { label: '待受理', color: 'processing' },
    correcting: { label: '待补正', color: 'warning' },
    processing: { label: '办理中', color: 'processing' },
    completed: { label: '已办结', color: 'success', terminal: true },
    partial: { label: '部分办结', color: 'warning', terminal: true },
    failed: { label: '未办成', color: 'error', terminal: true },
    withdrawn: { label: '已撤回', color: 'default', terminal: true },
  },
  clocks: {
    promised: { label: '“一件事”承诺时限', unit: 'workday', primary: true, warnBefore: 1, limit: (d) => (typeof d.promisedDays === 'number' ? d.promisedDays : null), legalBasis: '本级“高效办成一件事”承诺时限' },
  },
  initialClocks: ['promised'],
  events: {
    progress: { label: '部门受理', from: ['submitted', 'correcting'], to: 'processing', permission: 'bundle.read', system: true },
    awaitCorrection: { label: '部门要求补正', from: ['submitted', 'processing'], to: 'correcting', permission: 'bundle.read', system: true },
    corrected: { label: '补正完毕', from: ['correcting'], to: 'submitted', permission: 'bundle.read', system: true },
    complete: { label: '全部办结', from: open, to: 'completed', permission: 'bundle.read', system: true },
    completePartly: { label: '部分办结', from: open, to: 'partial', permission: 'bundle.read', system: true },
    fail: { label: '未能办成', from: open, to: 'failed', permission: 'bundle.read', system: true },
    allWithdrawn: { label: '各事项均已撤回', from: open, to: 'withdrawn', permission: 'bundle.read', system: true },
    // Only while a department is still working on it; with some already finished the applicant says what
    // becomes of their results (bundles.service checks both: the children are not in the case data).
    withdraw: {
      label: '撤回“一件事”申请', from: ['submitted', 'correcting'], to: 'withdrawn', permission: 'bundle.withdraw', danger: true,
      input: z.object({ finishedParts: z.enum(FINISHED_PARTS).optional().meta({ title: '已办结部门的结果如何处理（已有部门办结时必选）' }) }),
    },
  },
});
