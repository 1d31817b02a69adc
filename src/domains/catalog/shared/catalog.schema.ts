/**
 * API shapes of the catalog (事项目录 / 实施清单). The guide elements follow the national 实施清单
 * exchange tables (service-catalog.md §2.2: basic, extended, materials, fees, FAQ). A draft may be
 * saved with any element empty; completeness (catalog.completeness.ts) says what is still missing and
 * publication requires 100%.
 */
import { z } from 'zod';
import {
  BODY_NATURES, CROSS_REGION_SCOPES, EXERCISE_LEVELS, HANDLE_MODES, HANDLING_TYPES, ITEM_TYPES, LIMIT_UNITS,
  ONLINE_DEPTHS, POWER_SOURCES, RESULT_TYPES, SERVICE_OBJECTS,
} from './catalog.labels';

const s = (max: number) => z.string().trim().max(max, `不能超过${max}个字符`);
/** Optional text: blank means "not filled", stored as null. */
const opt = (max: number, title: string) => s(max).nullable().default(null).transform((v) => (v ? v : null)).meta({ title });
const flag = (title: string) => z.boolean().nullable().default(null).meta({ title });
const days = (title: string) => z.number().int('应为整数').min(0, '不能为负数').max(3650, '不能超过3650').nullable().default(null).meta({ title });
const list = <T extends z.ZodType>(item: T, max: number, title: string) => z.array(item).max(max, `不能超过${max}项`).default([]).meta({ title });

export const Material = z.object({
  name: s(200).min(1, '不能为空').meta({ title: '材料名称' }),
  necessity: z.enum(['required', 'optional', 'deferrable']).meta({ title: '材料必要性' }),
  source: z.enum(['applicant', 'government', 'other']).nullable().default(null).meta({ title: '来源渠道' }),
  sourceNote: opt(200, '来源说明'),
  form: z.enum(['paper', 'electronic', 'both']).nullable().default(null).meta({ title: '材料形式' }),
  copies: z.number().int().min(0).max(99).nullable().default(null).meta({ title: '纸质份数' }),
  spec: opt(200, '纸质规格'),
  blankForm: opt(500, '空白表格'),
  sample: opt(500, '示例样表'),
  basis: opt(500, '要求提供材料的依据'),
  note: opt(500, '填报须知/备注'),
});
export type Material = z.infer<typeof Material>;

export const Fee = z.object({
  name: s(200).min(1, '不能为空').meta({ title: '收费项目名称' }),
  standard: s(500).min(1, '不能为空').meta({ title: '收费标准' }),
  basis: opt(500, '收费依据'),
  reducible: flag('是否允许减免'),
  reductionBasis: opt(500, '减免依据'),
});
export const Faq = z.object({
  question: s(300).min(1, '不能为空').meta({ title: '问题' }),
  answer: s(2000).min(1, '不能为空').meta({ title: '答案' }),
});
export const ProcessStep = z.object({
  name: s(50).min(1, '不能为空').meta({ title: '环节名称' }),
  description: opt(1000, '环节说明'),
});
export const SpecialProcedure = z.object({
  name: s(50).min(1, '不能为空').meta({ title: '特别程序名称' }),
  limit: days('时限'),
  unit: z.enum(LIMIT_UNITS).nullable().default(null).meta({ title: '时限单位' }),
  note: opt(500, '说明'),
});

/** Every guide element of one version. Lists default to empty; `specialProcedures: []` means 无. */
export const GuideElements = z.object({
  // ---- A. 基本信息 ----
  name: s(200).min(1, '不能为空').meta({ title: '事项名称' }),
  basicCode: opt(64, '基本编码'),
  businessCode: opt(64, '业务办理项编码'),
  type: z.enum(ITEM_TYPES, { message: `应为：${ITEM_TYPES.join('、')}` }).meta({ title: '事项类型' }),
  legalBasis: opt(4000, '设定依据'),
  powerSource: z.enum(POWER_SOURCES).nullable().default(null).meta({ title: '权力来源' }),
  exerciseLevel: z.enum(EXERCISE_LEVELS).nullable().default(null).meta({ title: '行使层级' }),
  bodyNature: z.enum(BODY_NATURES).nullable().default(null).meta({ title: '实施主体性质' }),
  entrustedOrg: opt(200, '委托部门'),
  serviceObjects: list(z.enum(SERVICE_OBJECTS), 7, '服务对象'),
  acceptanceConditions: opt(4000, '受理条件'),
  process: list(ProcessStep, 30, '办理流程'),
  legalLimit: days('法定办结时限'),
  legalLimitUnit: z.enum(LIMIT_UNITS).nullable().default(null).meta({ title: '法定时限单位' }),
  legalLimitBasis: opt(1000, '法定时限依据'),
  legalLimitNote: opt(1000, '法定办结时限说明'),
  promisedLimit: days('承诺办结时限'),
  promisedLimitUnit: z.enum(LIMIT_UNITS).nullable().default(null).meta({ title: '承诺时限单位' }),
  promisedLimitNote: opt(1000, '承诺办结时限说明'),
  handlingType: z.enum(HANDLING_TYPES).nullable().default(null).meta({ title: '办件类型' }),
  specialProcedures: z.array(SpecialProcedure).max(20).nullable().default(null).meta({ title: '特别程序' }),
  charged: flag('是否收费'),
  feeBasis: opt(1000, '收费依据'),
  fees: list(Fee, 20, '收费项目'),
  handleModes: list(z.enum(HANDLE_MODES), 4, '办理形式'),
  visits: z.number().int('应为整数').min(0, '不能为负数').max(9, '不能超过9次').nullable().default(null).meta({ title: '到办事现场次数' }),
  onSiteReason: opt(500, '必须现场办理原因说明'),
  handlingLocation: opt(500, '办理地点'),
  handlingHours: opt(500, '办理时间'),
  consultPhone: opt(40, '咨询电话'),
  complaintPhone: opt(40, '监督投诉电话'),
  ssoIntegrated: flag('是否对接单点登录'),
  onlineUrl: opt(500, '在线办理地址'),
  // ---- B. 扩展信息 ----
  inHall: flag('是否进驻政务大厅'),
  online: flag('是否网办'),
  onlinePayment: flag('是否支持网上支付'),
  logistics: flag('是否支持物流快递'),
  resultType: z.enum(RESULT_TYPES).nullable().default(null).meta({ title: '审批结果类型' }),
  resultName: opt(200, '审批结果名称'),
  resultSample: opt(500, '审批结果样本'),
  resultValidity: opt(500, '审批结果有效期限'),
  onlineDepth: z.enum(ONLINE_DEPTHS).nullable().default(null).meta({ title: '网上办理深度' }),
  appointment: flag('是否支持预约'),
  selfService: flag('是否支持自助终端'),
  quantityLimit: opt(500, '数量限制'),
  intermediaryServices: opt(1000, '中介服务'),
  jointOrgs: opt(500, '联办机构'),
  crossRegionScope: z.enum(CROSS_REGION_SCOPES).nullable().default(null).meta({ title: '通办范围' }),
  topicsPerson: list(s(20).min(1), 10, '面向自然人主题分类'),
  topicsLegal: list(s(20).min(1), 10, '面向法人主题分类'),
  // ---- C/D/E. 材料、收费（见上）、常见问题 ----
  materials: list(Material, 60, '申请材料'),
  faqs: list(Faq, 30, '常见问题'),
  // ---- search aids and notes (not national elements) ----
  bundles: list(s(100).min(1), 10, '所属“一件事”'),
  keywords: list(s(30).min(1), 20, '检索关键词'),
  notes: opt(2000, '备注'),
});
export type GuideElements = z.infer<typeof GuideElements>;
export type GuideElementsInput = z.input<typeof GuideElements>;

export const CompletenessIssue = z.object({ key: z.string(), label: z.string(), group: z.string(), message: z.string() });
export type CompletenessIssue = z.infer<typeof CompletenessIssue>;
export const Completeness = z.object({
  filled: z.number().int(),
  total: z.number().int(),
  /** filled ÷ total, 0..1. */
  score: z.number(),
  complete: z.boolean(),
  missing: z.array(CompletenessIssue),
});
export type Completeness = z.infer<typeof Completeness>;

export const VersionStatus = z.enum(['draft', 'published', 'withdrawn']);

export const VersionView = GuideElements.extend({
  id: z.uuid(),
  itemId: z.uuid(),
  versionNo: z.number().int(),
  status: VersionStatus,
  statusName: z.string(),
  /** Optimistic-lock counter of a draft: send it back with every save and with publish. */
  rev: z.number().int(),
  code: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  divisionCode: z.string(),
  completeness: Completeness,
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type VersionView = z.infer<typeof VersionView>;

export const VersionRef = z.object({
  id: z.uuid(), versionNo: z.number().int(), status: VersionStatus, statusName: z.string(),
  createdAt: z.string(), publishedAt: z.string().nullable(), withdrawnAt: z.string().nullable(), withdrawReason: z.string().nullable(),
});

export const Site = z.object({ orgId: z.uuid(), orgName: z.string(), divisionCode: z.string(), divisionName: z.string() });
export type Site = z.infer<typeof Site>;

/** What the actor may do with the item now; the editor shows only these buttons. */
export const ItemAction = z.enum(['edit', 'createDraft', 'discardDraft', 'publish', 'withdraw', 'sink']);
export type ItemAction = z.infer<typeof ItemAction>;

export const ItemStatus = z.enum(['draft', 'published', 'withdrawn']);
export const ItemStatusNames: Record<z.infer<typeof ItemStatus>, string> = { draft: '未发布', published: '已发布', withdrawn: '已撤销' };

export const ItemDetail = z.object({
  id: z.uuid(),
  code: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  divisionCode: z.string(),
  status: ItemStatus,
  statusName: z.string(),
  published: VersionView.nullable(),
  draft: VersionView.nullable(),
  /** The newest version when there is neither a draft nor a published one (a withdrawn item). */
  latest: VersionView,
  versions: z.array(VersionRef),
  sites: z.array(Site),
  actions: z.array(ItemAction),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

export const ItemSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  divisionCode: z.string(),
  status: ItemStatus,
  statusName: z.string(),
  hasDraft: z.boolean(),
  publishedVersionNo: z.number().int().nullable(),
  visits: z.number().int().nullable(),
  /** Completeness of the version being worked on (the draft if any, else the published one). */
  score: z.number(),
  complete: z.boolean(),
  missingCount: z.number().int(),
  sites: z.number().int(),
  updatedAt: z.string(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

const Page = {
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};
const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ItemQuery = z.object({
  q: z.string().trim().max(50).optional().meta({ title: '关键词' }),
  orgId: z.uuid().optional().meta({ title: '实施主体' }),
  type: z.enum(ITEM_TYPES).optional().meta({ title: '事项类型' }),
  status: ItemStatus.optional().meta({ title: '状态' }),
  complete: boolParam.optional().meta({ title: '要素完整' }),
  visits: z.coerce.number().int().min(0).max(9).optional().meta({ title: '到现场次数' }),
  ...Page,
});
export type ItemQuery = z.infer<typeof ItemQuery>;

export const ItemCreate = z.object({
  orgId: z.uuid().meta({ title: '实施主体' }),
  code: z.string().trim().regex(/^[0-9A-Za-z-]{4,40}$/, '实施编码为4-40位字母、数字或-').optional().meta({ title: '实施编码' }),
  elements: GuideElements,
});
export const DraftSave = z.object({
  rev: z.number().int().min(1).meta({ title: '草稿版本' }),
  elements: GuideElements,
});
export const PublishInput = z.object({ rev: z.number().int().min(1).meta({ title: '草稿版本' }) });
export const WithdrawInput = z.object({ reason: s(500).min(2, '请填写撤销原因').meta({ title: '撤销原因' }) });
export const SitesInput = z.object({ siteOrgIds: z.array(z.uuid()).max(500).meta({ title: '下沉站点' }) });

export const CatalogSummary = z.object({
  items: z.number().int(),
  complete: z.number().int(),
  /** complete ÷ items, null when there are no items. */
  share: z.number().nullable(),
  averageScore: z.number().nullable(),
  published: z.number().int(),
  drafts: z.number().int(),
  byOrg: z.array(z.object({ orgId: z.uuid(), orgName: z.string(), items: z.number().int(), complete: z.number().int(), averageScore: z.number() })),
  topMissing: z.array(z.object({ label: z.string(), items: z.number().int() })),
});
export type CatalogSummary = z.infer<typeof CatalogSummary>;

export const CatalogOptions = z.object({
  /** Orgs where the actor may create and edit items. */
  orgs: z.array(z.object({ id: z.uuid(), name: z.string(), divisionCode: z.string() })),
  /** 便民服务中心 / 站 the actor's items may be sunk to. */
  sites: z.array(Site),
});

export const ImportRowError = z.object({ sheet: z.string(), row: z.number().int(), messages: z.array(z.string()) });
export const ImportResult = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), items: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), created: z.boolean() })) });

// ---- public (citizens) ----
export const PublicQuery = z.object({
  q: z.string().trim().max(50).optional().meta({ title: '关键词' }),
  type: z.enum(ITEM_TYPES).optional().meta({ title: '事项类型' }),
  siteOrgId: z.uuid().optional().meta({ title: '办理地点（便民服务中心）' }),
  zeroVisit: boolParam.optional().meta({ title: '不见面审批' }),
  ...Page,
});
export const PublicItem = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  orgName: z.string(),
  visits: z.number().int().nullable(),
  handlingType: z.string().nullable(),
  promisedLimit: z.number().int().nullable(),
  promisedLimitUnit: z.string().nullable(),
  online: z.boolean().nullable(),
  resultName: z.string().nullable(),
  bundles: z.array(z.string()),
});
export type PublicItem = z.infer<typeof PublicItem>;
export const PublicGuide = GuideElements.omit({ keywords: true, notes: true }).extend({
  id: z.uuid(),
  code: z.string(),
  versionNo: z.number().int(),
  publishedAt: z.string(),
  orgName: z.string(),
  sites: z.array(Site),
});
export type PublicGuide = z.infer<typeof PublicGuide>;

/** An item as the counter and the public list it for filing (GET /api/service-items). */
export const ServiceItem = ItemSummary.pick({ id: true, code: true, name: true, type: true, orgId: true, orgName: true, divisionCode: true }).extend({
  legalLimit: z.number().int().nullable(),
  legalLimitUnit: z.string().nullable(),
  legalBasis: z.string().nullable(),
  promisedLimit: z.number().int().nullable(),
  visits: z.number().int(),
  handleModes: z.array(z.string()),
  materials: z.array(z.string()),
  result: z.string().nullable(),
  status: z.enum(['draft', 'published', 'withdrawn']),
});
export type ServiceItem = z.infer<typeof ServiceItem>;

export const ServiceItemQuery = z.object({ q: z.string().trim().max(50).optional(), orgId: z.uuid().optional() });
