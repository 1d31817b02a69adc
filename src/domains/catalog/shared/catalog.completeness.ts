/**
 * 网上服务指南要素完整度 (guide completeness). No national document fixes the list, so it is derived as
 * service-catalog.md §2.4 proposes: every element the national 实施清单 exchange tables mark NOT NULL
 * (§2.2 tables A and B), plus the conditional elements and cross-field rules of the Wenzhou quality
 * checks (§2.3). Each check is one applicable requirement; completeness = met ÷ applicable, and an item
 * may be published only at 100% (every check met). A broken cross-field rule counts as a missing
 * element, because the guide then tells the public something inconsistent.
 *
 * Pure and isomorphic: the server stores the result with each version, the editor runs the same
 * function live beside the form.
 */
import { DOCUMENT_RESULT_TYPES } from './catalog.labels';
import type { Completeness, CompletenessIssue, GuideElements } from './catalog.schema';

export type GuideForCheck = GuideElements & { code: string | null; orgId: string | null };

type Check = {
  key: string;
  label: string;
  group: '基本信息' | '扩展信息' | '申请材料' | '收费项目' | '常见问题' | '一致性规则';
  /** When false the requirement does not apply to this item and is not counted. */
  applies?: (g: GuideForCheck) => boolean;
  /** null when met, else the Chinese message shown in the checklist and in the 422. */
  test: (g: GuideForCheck) => string | null;
};

const filled = (v: unknown) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
const need = (v: unknown) => (filled(v) ? null : '未填写');
const needList = (v: unknown[]) => (v.length > 0 ? null : '未填写');
const needFlag = (v: boolean | null) => (v === null ? '未选择' : null);

/** 区号-号码, e.g. 0398-2812345; the 12345 hotline is written with its area code too (§2.3). */
export const PHONE_WITH_AREA_CODE = /^0\d{2,3}-(\d{7,8}|12345)$/;

const LEGAL_PERSON_OBJECTS = ['企业法人', '事业法人', '社会组织法人', '非法人企业', '行政机关', '其他组织'];

/** Steps a 行政许可 guide must show (行政许可法 第四章: 申请与受理、审查与决定、期限、送达; §2.3 asks for ≥5). */
const LICENSING_STEPS: [string, RegExp][] = [['受理', /受理/], ['审查', /审查|审核/], ['决定', /决定|审批/], ['办结', /办结|制证|发证/], ['送达', /送达|领取|邮寄/]];

/**
 * Upper bound in natural days of N working days is unknowable without dates, but N working days always
 * span at least ⌈N×7/5⌉ natural days, so a promised working-day limit above ⌊legal×5/7⌋ certainly
 * exceeds a natural-day legal limit.
 */
export function promisedWithinLegal(g: Pick<GuideElements, 'legalLimit' | 'legalLimitUnit' | 'promisedLimit' | 'promisedLimitUnit'>): boolean {
  if (g.legalLimit === null || g.promisedLimit === null) return true;
  const lu = g.legalLimitUnit ?? '工作日';
  const pu = g.promisedLimitUnit ?? '工作日';
  if (lu === pu) return g.promisedLimit <= g.legalLimit;
  if (lu === '自然日' && pu === '工作日') return g.promisedLimit <= Math.floor((g.legalLimit * 5) / 7);
  return g.promisedLimit <= g.legalLimit; // promised in natural days vs legal in working days: N natural ≤ N working
}

export const CHECKS: Check[] = [
  // ---- A. 基本信息 (exchange table *_basic, NOT NULL columns) ----
  { key: 'name', label: '事项名称', group: '基本信息', test: (g) => need(g.name) },
  { key: 'basicCode', label: '基本编码', group: '基本信息', test: (g) => need(g.basicCode) },
  { key: 'code', label: '实施编码', group: '基本信息', test: (g) => need(g.code) },
  { key: 'type', label: '事项类型', group: '基本信息', test: (g) => need(g.type) },
  { key: 'legalBasis', label: '设定依据', group: '基本信息', test: (g) => need(g.legalBasis) },
  { key: 'powerSource', label: '权力来源', group: '基本信息', test: (g) => need(g.powerSource) },
  { key: 'exerciseLevel', label: '行使层级', group: '基本信息', test: (g) => need(g.exerciseLevel) },
  { key: 'orgId', label: '实施主体', group: '基本信息', test: (g) => need(g.orgId) },
  { key: 'bodyNature', label: '实施主体性质', group: '基本信息', test: (g) => need(g.bodyNature) },
  { key: 'serviceObjects', label: '服务对象', group: '基本信息', test: (g) => needList(g.serviceObjects) },
  { key: 'acceptanceConditions', label: '受理条件', group: '基本信息', test: (g) => need(g.acceptanceConditions) },
  { key: 'process', label: '办理流程', group: '基本信息', test: (g) => needList(g.process) },
  {
    key: 'legalLimit', label: '法定办结时限', group: '基本信息',
    // "null means no statutory limit" is an answer too, but only when the guide says so.
    test: (g) => g.legalLimit !== null ? (g.legalLimitUnit ? null : '未选择时限单位（工作日或自然日）') : filled(g.legalLimitNote) ? null : '未填写（无法定时限的，须在“法定办结时限说明”中写明）',
  },
  { key: 'promisedLimit', label: '承诺办结时限', group: '基本信息', test: (g) => g.promisedLimit === null ? '未填写（即办填0）' : g.promisedLimitUnit ? null : '未选择时限单位（工作日或自然日）' },
  { key: 'handlingType', label: '办件类型', group: '基本信息', test: (g) => need(g.handlingType) },
  { key: 'specialProcedures', label: '特别程序', group: '基本信息', test: (g) => (g.specialProcedures === null ? '未填写（没有特别程序的，选择“无”）' : null) },
  { key: 'charged', label: '是否收费', group: '基本信息', test: (g) => needFlag(g.charged) },
  { key: 'visits', label: '到办事现场次数', group: '基本信息', test: (g) => need(g.visits) },
  { key: 'handlingLocation', label: '办理地点', group: '基本信息', test: (g) => need(g.handlingLocation) },
  { key: 'handlingHours', label: '办理时间', group: '基本信息', test: (g) => need(g.handlingHours) },
  { key: 'consultPhone', label: '咨询电话', group: '基本信息', test: (g) => need(g.consultPhone) },
  { key: 'complaintPhone', label: '监督投诉电话', group: '基本信息', test: (g) => need(g.complaintPhone) },
  { key: 'ssoIntegrated', label: '是否对接单点登录', group: '基本信息', test: (g) => needFlag(g.ssoIntegrated) },
  // ---- B. 扩展信息 (*_extend, NOT NULL columns) ----
  { key: 'inHall', label: '是否进驻政务大厅', group: '扩展信息', test: (g) => needFlag(g.inHall) },
  { key: 'online', label: '是否网办', group: '扩展信息', test: (g) => needFlag(g.online) },
  { key: 'onlinePayment', label: '是否支持网上支付', group: '扩展信息', test: (g) => needFlag(g.onlinePayment) },
  { key: 'logistics', label: '是否支持物流快递', group: '扩展信息', test: (g) => needFlag(g.logistics) },
  { key: 'resultType', label: '审批结果类型', group: '扩展信息', test: (g) => need(g.resultType) },
  // ---- C. 申请材料 (≥1 row with 名称 and 必要性; the schema makes every row carry both) ----
  { key: 'materials', label: '申请材料', group: '申请材料', test: (g) => (g.materials.length ? null : '至少填写一项申请材料（名称和必要性）') },
  // ---- conditional elements (§2.3 / §2.4) ----
  {
    key: 'legalLimitBasis', label: '法定时限依据', group: '基本信息', applies: (g) => g.legalLimit !== null,
    // The 办件 clock cites it in every due-date derivation (ARCHITECTURE: clocks cite their basis).
    test: (g) => need(g.legalLimitBasis),
  },
  { key: 'promisedLimitNote', label: '承诺办结时限说明', group: '基本信息', applies: (g) => g.type === '公共服务', test: (g) => (filled(g.promisedLimitNote) ? null : '公共服务事项须填写承诺办结时限说明') },
  { key: 'onSiteReason', label: '必须现场办理原因说明', group: '基本信息', applies: (g) => (g.visits ?? 0) > 0, test: (g) => (filled(g.onSiteReason) ? null : '到办事现场次数不为0的，须说明必须到现场办理的原因') },
  { key: 'feeBasis', label: '收费依据', group: '收费项目', applies: (g) => g.charged === true, test: (g) => (filled(g.feeBasis) ? null : '收费事项须填写收费依据') },
  { key: 'fees', label: '收费项目', group: '收费项目', applies: (g) => g.charged === true, test: (g) => (g.fees.length ? null : '收费事项须列明收费项目和收费标准') },
  { key: 'faqs', label: '常见问题', group: '常见问题', applies: (g) => g.type === '行政许可', test: (g) => (g.faqs.length ? null : '行政许可事项至少填写1个常见问题') },
  { key: 'resultName', label: '审批结果名称', group: '扩展信息', applies: (g) => filled(g.resultType), test: (g) => need(g.resultName) },
  {
    key: 'resultSample', label: '审批结果样本', group: '扩展信息', applies: (g) => DOCUMENT_RESULT_TYPES.includes(g.resultType ?? ''),
    test: (g) => (filled(g.resultSample) ? null : '审批结果为证照、批文或证明等文书的，须提供结果样本'),
  },
  // ---- cross-field rules (§2.3) ----
  {
    key: 'rule.handlingType', label: '办件类型与承诺时限一致', group: '一致性规则', applies: (g) => g.promisedLimit !== null && g.handlingType !== null,
    test: (g) => (g.promisedLimit === 0) === (g.handlingType === '即办件') ? null : g.promisedLimit === 0 ? '承诺时限为即办的，办件类型应为即办件' : '办件类型为即办件的，承诺时限应为即办（0）',
  },
  {
    key: 'rule.promisedWithinLegal', label: '承诺时限不超过法定时限', group: '一致性规则', applies: (g) => g.legalLimit !== null && g.promisedLimit !== null,
    test: (g) => (promisedWithinLegal(g) ? null : `承诺办结时限（${g.promisedLimit}${g.promisedLimitUnit ?? ''}）超过了法定办结时限（${g.legalLimit}${g.legalLimitUnit ?? ''}）`),
  },
  {
    key: 'rule.zeroVisitDelivery', label: '不见面事项的收件方式', group: '一致性规则', applies: (g) => g.visits === 0 && g.online === false,
    test: (g) => (g.handleModes.includes('快递申请') ? null : '到现场0次且不支持网办的，办理形式须包含快递申请（邮寄收件）'),
  },
  {
    key: 'rule.depthFour', label: '全程网办与到现场次数一致', group: '一致性规则', applies: (g) => g.onlineDepth === 'Ⅳ级',
    test: (g) => (g.visits === 0 ? null : '网上办理深度为全程网办（Ⅳ级）的，到办事现场次数应为0'),
  },
  {
    key: 'rule.onlineMode', label: '是否网办与办理形式一致', group: '一致性规则', applies: (g) => g.online !== null,
    test: (g) => (g.online === g.handleModes.includes('网上办理') ? null : g.online ? '选择了支持网办，但办理形式未包含网上办理' : '办理形式包含网上办理，但“是否网办”选择了否'),
  },
  {
    key: 'rule.freeNoPayment', label: '不收费事项不支持网上支付', group: '一致性规则', applies: (g) => g.charged === false && g.onlinePayment !== null,
    test: (g) => (g.onlinePayment ? '不收费的事项，“是否支持网上支付”应为否' : null),
  },
  {
    key: 'rule.phones', label: '咨询和投诉电话格式', group: '一致性规则', applies: (g) => filled(g.consultPhone) && filled(g.complaintPhone),
    test: (g) => {
      const bad = [g.consultPhone, g.complaintPhone].filter((p) => !PHONE_WITH_AREA_CODE.test(p!.replace(/\s/g, '')));
      if (bad.length) return `电话须带区号，格式如0398-2812345（不符合：${bad.join('、')}）`;
      return g.consultPhone!.replace(/\s/g, '') === g.complaintPhone!.replace(/\s/g, '') ? '咨询电话和投诉电话不能相同' : null;
    },
  },
  {
    key: 'rule.topics', label: '主题分类与服务对象一致', group: '一致性规则', applies: (g) => g.topicsPerson.length > 0 || g.topicsLegal.length > 0,
    test: (g) => {
      if (g.topicsPerson.length && !g.serviceObjects.includes('自然人')) return '服务对象不含自然人，不应设置面向自然人的主题分类';
      if (g.topicsLegal.length && !g.serviceObjects.some((o) => LEGAL_PERSON_OBJECTS.includes(o))) return '服务对象不含法人或其他组织，不应设置面向法人的主题分类';
      return null;
    },
  },
  {
    key: 'rule.licensingSteps', label: '行政许可办理环节', group: '一致性规则', applies: (g) => g.type === '行政许可' && g.process.length > 0,
    test: (g) => {
      const names = g.process.map((p) => p.name).join('|');
      const lacking = LICENSING_STEPS.filter(([, re]) => !re.test(names)).map(([n]) => n);
      if (g.process.length >= 5 && lacking.length === 0) return null;
      return `行政许可事项应至少包含受理、审查、决定、办结、送达5个环节${lacking.length ? `（缺少：${lacking.join('、')}）` : `（现有${g.process.length}个）`}`;
    },
  },
];

export function assessGuide(g: GuideForCheck): Completeness {
  const missing: CompletenessIssue[] = [];
  let total = 0;
  for (const c of CHECKS) {
    if (c.applies && !c.applies(g)) continue;
    total++;
    const msg = c.test(g);
    if (msg) missing.push({ key: c.key, label: c.label, group: c.group, message: `${c.label}：${msg}` });
  }
  const filledCount = total - missing.length;
  return { filled: filledCount, total, score: total ? filledCount / total : 0, complete: missing.length === 0, missing };
}

export const percent = (score: number) => `${(Math.floor(score * 1000) / 10).toFixed(1)}%`;
