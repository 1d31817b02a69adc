/** API shapes of the benefits domain (inputs carry .meta titles; answers are what pages read). */
import { z } from 'zod';
import { FACT_SOURCES } from './benefits.facts';
import { MODES } from './benefits.policies';

const SOURCE_KEYS = Object.keys(FACT_SOURCES) as [keyof typeof FACT_SOURCES, ...(keyof typeof FACT_SOURCES)[]];
const day = (title: string) => z.iso.date(`${title}格式应为YYYY-MM-DD`).meta({ title });
const text = (title: string, max: number, min = 1) => z.string().trim().min(min, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });

export const PolicyInput = z.object({
  code: z.string().trim().min(1, '请填写事项编号').max(20, '事项编号不能超过20个字').regex(/^[A-Za-z0-9-]+$/, '事项编号只能包含字母、数字和连字符').meta({ title: '事项编号' }),
  name: text('政策名称', 60, 2),
  docNo: text('文号', 60, 2),
  article: text('条款', 60, 1),
  issuer: text('发布机关', 60, 2),
  mode: z.enum(MODES, '请选择兑现方式').meta({ title: '兑现方式' }),
  subjectKind: z.enum(['enterprise', 'person']).meta({ title: '兑现对象' }),
  recurrence: z.enum(['once', 'yearly']).meta({ title: '一次性或按年度' }),
  exclusiveGroup: z.string().trim().max(20).nullable().optional().meta({ title: '就高不重复分组' }),
  budgetFen: z.number().int().min(0).max(1e13).nullable().optional().meta({ title: '资金预算（分）' }),
  validFrom: day('有效期起'),
  validTo: day('有效期止').nullable().optional(),
  /**
   * The eligibility rule and amount formula: checked against the one rule schema (PolicyTerms in
   * benefits.rule.ts) by the service; declared loosely here because the rule is recursive and the API
   * document cannot name a recursive shape.
   */
  terms: z.object({ eligibility: z.record(z.string(), z.unknown()), amount: z.record(z.string(), z.unknown()), splitPct: z.array(z.number()).optional() }).meta({ title: '兑现条件和金额' }),
}).refine((p) => !p.validTo || p.validTo >= p.validFrom, { message: '有效期止不能早于有效期起', path: ['validTo'] });
export type PolicyInput = z.infer<typeof PolicyInput>;

export const ImportInput = z.object({
  source: z.enum(SOURCE_KEYS, '请选择数据来源部门').meta({ title: '数据来源部门' }),
  asOf: day('数据截止日期'),
  fileName: z.string().trim().min(5).max(120).regex(/\.(csv|xlsx)$/i, '请上传 .csv 或 .xlsx 文件').meta({ title: '文件名' }),
  contentBase64: z.string().min(4).max(14_000_000, '文件不能超过10MB').meta({ title: '文件内容' }),
});
export type ImportInput = z.infer<typeof ImportInput>;
export const PlatformPullInput = z.object({ source: z.enum(SOURCE_KEYS, '请选择数据来源部门').meta({ title: '数据来源部门' }), asOf: day('数据截止日期') });
export const ImportResult = z.object({ batchId: z.uuid(), rows: z.number().int(), facts: z.number().int(), created: z.number().int(), adapter: z.string().nullable() });

export const ScanInput = z.object({ snapshot: day('比对基准日') });
export const SandboxInput = z.object({ snapshot: day('比对基准日') });

export const Explained = z.object({ label: z.string(), fact: z.string(), value: z.string(), op: z.string(), threshold: z.string(), ok: z.boolean() });
export const ResultItem = z.object({
  id: z.uuid(), outcome: z.string(), amountFen: z.number(), amountYuan: z.string(), explanation: z.array(Explained), failed: z.string().nullable(), failedFact: z.string().nullable(),
  correctionHint: z.string().nullable(), note: z.string().nullable(), payState: z.string().nullable(), payStateName: z.string().nullable(), publicityEnds: z.string().nullable(),
  subjectName: z.string(), subjectCode: z.string(), policyName: z.string(), policyCode: z.string(), docNo: z.string(), article: z.string(), mode: z.string(), version: z.number(),
  policyId: z.uuid(), accountMasked: z.string().nullable(), objectionOpen: z.boolean(),
});
export type ResultItem = z.infer<typeof ResultItem>;

export const ScanView = z.object({
  id: z.uuid(), snapshot: z.string(), state: z.string(), total: z.number(), done: z.number(), eligible: z.number(), nearMisses: z.number(), amountFen: z.number(),
  /** Eligible results not granted because the policy's budget was spent, and their amount. */
  overBudget: z.number(), overBudgetFen: z.number(),
  error: z.string().nullable(), createdAt: z.string(), finishedAt: z.string().nullable(),
});

export const SandboxResult = z.object({
  snapshot: z.string(), scanned: z.number(), eligible: z.number(), nearMisses: z.number(), amountFen: z.number(), amountYuan: z.string(), budgetFen: z.number().nullable(),
  overBudget: z.boolean(), byFailedCondition: z.array(z.object({ label: z.string(), n: z.number() })),
  sample: z.array(z.object({ name: z.string(), code: z.string(), amountYuan: z.string() })),
});
export type SandboxResult = z.infer<typeof SandboxResult>;

export const VersionView = z.object({
  id: z.uuid(), version: z.number(), status: z.string(), code: z.string(), name: z.string(), docNo: z.string(), article: z.string(), issuer: z.string(), mode: z.string(),
  subjectKind: z.enum(['enterprise', 'person']), recurrence: z.enum(['once', 'yearly']), exclusiveGroup: z.string().nullable(), budgetFen: z.number().nullable(), validFrom: z.string(), validTo: z.string().nullable(),
  terms: z.unknown(), publishedAt: z.string().nullable(),
});
export const PolicyDetail = z.object({ id: z.uuid(), refNo: z.string(), state: z.string(), versions: z.array(VersionView), sandbox: SandboxResult.nullable() });

export const ConfirmInput = z.object({
  accountName: text('收款账户名称', 60, 2),
  accountNo: z.string().trim().regex(/^\d{8,30}$/, '收款账号应为8至30位数字').meta({ title: '收款账号' }),
});
export const ObjectInput = z.object({
  claimedValue: text('您认为正确的数值', 60),
  reason: text('异议理由', 500, 4),
});
export const PayoutInput = z.object({ paidOn: day('拨付日期'), policyId: z.uuid().optional().meta({ title: '政策（不选为全部）' }) });
export const ReconcileInput = z.object({
  failedResultIds: z.array(z.uuid()).max(1000).meta({ title: '银行退回的兑现记录' }),
  note: z.string().trim().max(500).optional().meta({ title: '对账说明' }),
});
export const PayoutView = z.object({
  id: z.uuid(), no: z.string(), state: z.string(), count: z.number(), totalFen: z.number(), totalYuan: z.string(), paidOn: z.string().nullable(), reconciledAt: z.string().nullable(),
  reconcileNote: z.string().nullable(), netFen: z.number().optional(),
  ledger: z.array(z.object({ id: z.uuid(), resultId: z.uuid(), subjectName: z.string(), policyName: z.string(), version: z.number(), kind: z.string(), amountYuan: z.string(), instalment: z.number(), paidOn: z.string(), reason: z.string().nullable() })).optional(),
});
export const SubjectFacts = z.object({
  id: z.uuid(), name: z.string(), code: z.string(), kind: z.string(),
  facts: z.array(z.object({ key: z.string(), label: z.string(), value: z.string(), source: z.string(), asOf: z.string(), batchId: z.uuid() })),
});
export const PublicityItem = z.object({ subjectName: z.string(), subjectCode: z.string(), policyName: z.string(), docNo: z.string(), amountYuan: z.string(), publicityEnds: z.string().nullable() });
