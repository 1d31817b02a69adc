/** The shapes of the bundles API (one zod schema per shape; the web imports the inferred types). */
import { z } from 'zod';
import { CaseAction, CaseSummary, ClockView } from '../../../core/shared/schemas';
import { Applicant, MaterialEntry } from '../../applications/public-shared';

export const BundleComponent = z.object({
  code: z.string(), itemId: z.uuid(), name: z.string(), orgName: z.string(), type: z.string(),
  promised: z.string().meta({ title: '承诺时限（该事项）' }), resultName: z.string().nullable(),
});

export const BundleMaterial = z.object({
  name: z.string(),
  necessity: z.enum(['required', 'optional', 'deferrable']),
  /** Obtained by data sharing between departments: the applicant need not provide it. */
  shared: z.boolean(),
  /** The component items that ask for it (listed once here, used by each). */
  usedBy: z.array(z.string()),
});

export const BundleFieldView = z.object({
  key: z.string(), label: z.string(), kind: z.enum(['text', 'date', 'idNumber', 'phone', 'select']), required: z.boolean(),
  options: z.array(z.string()).optional(), usedBy: z.array(z.string()),
});

export const BundleDefinitionView = z.object({
  code: z.string(), name: z.string(), batch: z.string(), basis: z.string(), description: z.string(),
  applicantKind: z.enum(['person', 'enterprise']), promisedDays: z.number().int(), atSites: z.boolean(),
  /** False when a component item is not published in this district's catalog; missing names them. */
  available: z.boolean(), missing: z.array(z.string()),
  items: z.array(BundleComponent), fields: z.array(BundleFieldView), materials: z.array(BundleMaterial),
  /** How many materials the applicant would have provided item by item, and how many once here. */
  materialsSeparately: z.number().int(),
});
export type BundleDefinitionView = z.infer<typeof BundleDefinitionView>;

export const BundleFile = z.object({
  definitionCode: z.string().trim().min(1).max(40).meta({ title: '“一件事”' }),
  form: z.record(z.string(), z.string().trim().max(200, '每项不超过200个字符')).meta({ title: '合并表单' }),
  applicant: Applicant.optional().meta({ title: '申请人（窗口代录时填写）' }),
  counterId: z.uuid().optional().meta({ title: '受理窗口' }),
  assisted: z.boolean().default(false).meta({ title: '帮办代办' }),
  materials: z.array(MaterialEntry).max(80).default([]).meta({ title: '材料清单（每种材料一次）' }),
  idempotencyKey: z.string().trim().max(64).optional(),
});

export const BundleFiled = z.object({
  id: z.uuid(), refNo: z.string(), created: z.boolean(),
  children: z.array(z.object({ refNo: z.string(), itemName: z.string(), orgName: z.string() })),
});

export const BundleChild = CaseSummary.extend({
  itemName: z.string(),
  clocks: z.array(ClockView),
  /** What the department asked to correct (一次告知), while the child waits for it. */
  correction: z.string().nullable(),
  /** The result this item yields once 办结 (出生医学证明, 社会保障卡 …). */
  resultName: z.string().nullable(),
  /** What the viewer may do on this child (the applicant: 提交补正材料, 撤回). */
  actions: z.array(CaseAction),
});

export const BundleProgress = z.object({
  bundle: CaseSummary,
  definitionName: z.string(),
  channelName: z.string(),
  siteName: z.string().nullable(),
  clocks: z.array(ClockView),
  children: z.array(BundleChild),
  /** The joint result: what the applicant has got so far, one line per completed item. */
  results: z.array(z.object({ itemName: z.string(), resultName: z.string(), orgName: z.string() })),
  actions: z.array(CaseAction),
});
export type BundleProgress = z.infer<typeof BundleProgress>;

export const BundleTrack = z.object({
  refNo: z.string().trim().min(6).max(40).meta({ title: '“一件事”编号' }),
  idLast4: z.string().trim().regex(/^[0-9Xx]{4}$/, '请输入证件号码后4位').meta({ title: '证件号码后4位' }),
});

/** The public tracking answer: states and clocks, no personal data. */
export const BundleTracked = z.object({
  refNo: z.string(), definitionName: z.string(), stateName: z.string(), submittedAt: z.string(), closedAt: z.string().nullable(),
  children: z.array(z.object({ itemName: z.string(), orgName: z.string(), stateName: z.string(), dueDate: z.string().nullable(), badge: z.string().nullable() })),
});
