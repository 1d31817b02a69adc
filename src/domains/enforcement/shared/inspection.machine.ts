/**
 * 行政检查 (涉企检查) under 国办发〔2024〕54号《关于严格规范涉企行政检查的意见》 and the 司法部 Q&A on it
 * (rule-of-law-domains.md §2.5): a visit is registered before the officers enter the firm (扫码入企), by at
 * least two officers holding valid credentials (no inspections by staff without credentials); each org
 * publishes a yearly per-firm frequency cap (日常 + 个案 + 专项 together), and a visit above it is warned and
 * needs the approval of the org's head before it may go ahead; the result is recorded afterwards.
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';

const text = (title: string, max = 2000, min = 2) => z.string().trim().min(min, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });

export const INSPECTION_OUTCOMES = ['未发现问题', '责令限期整改', '移送立案查处', '其他'] as const;

/** The facts an inspection keeps in `cases.data`. */
export const InspectionData = z.object({
  /** The firm's 统一社会信用代码, normalised to upper case. */
  firmCode: z.string(),
  /** The day of the visit, YYYY-MM-DD. */
  visitOn: z.iso.date(),
  /** The firm had reached the org's yearly cap when the visit was registered (needs the head's approval). */
  overCap: z.boolean(),
});

export const inspectionMachine = defineMachine({
  type: 'inspection',
  plural: 'inspections',
  label: '涉企行政检查',
  data: InspectionData,
  initial: 'registered',
  states: {
    registered: { label: '已登记（可入企检查）', color: 'processing' },
    awaitingApproval: { label: '超频次待负责人审批', color: 'warning' },
    completed: { label: '已完成', color: 'success', terminal: true },
    refused: { label: '负责人不予批准', color: 'error', terminal: true },
    cancelled: { label: '已取消', color: 'default', terminal: true },
  },
  clocks: {},
  events: {
    // Fired by the registration itself when the firm has reached the org's published cap this year.
    flagOverCap: { label: '超过年度检查频次上限，提请负责人审批', from: ['registered'], to: 'awaitingApproval', permission: 'inspection.register', system: true },
    approve: {
      label: '负责人批准超频次检查', from: ['awaitingApproval'], to: 'registered', permission: 'inspection.approve',
      input: z.object({ reason: text('批准理由', 500) }),
    },
    refuse: {
      label: '不予批准', from: ['awaitingApproval'], to: 'refused', permission: 'inspection.approve', danger: true,
      input: z.object({ reason: text('不予批准理由', 500) }),
    },
    complete: {
      label: '登记检查结果', from: ['registered'], to: 'completed', permission: 'inspection.register',
      input: z.object({
        outcome: z.enum(INSPECTION_OUTCOMES, '请选择检查结果').meta({ title: '检查结果' }),
        findings: text('检查情况', 2000),
      }),
    },
    cancel: {
      label: '取消检查', from: ['registered', 'awaitingApproval'], to: 'cancelled', permission: 'inspection.register', danger: true,
      input: z.object({ reason: text('取消原因', 500) }),
    },
  },
});
