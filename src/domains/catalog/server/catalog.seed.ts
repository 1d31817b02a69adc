/**
 * Demo catalog for 湖滨区: the 77 county items of service-items.json (demo-items.json is a copy, so the
 * repo does not read ../shared at run time), mapped to the demo district's departments, each with its
 * full guide (national element set) as version 1, published through the same completeness gate as any
 * official's edit.
 *
 * Where the elements come from:
 * - from the reference record, or a stated rule or statute (each derivation is commented below);
 * - from the demo district itself, like its orgs and logins in demo-district.ts: where the hall is
 *   (办理地点), its opening hours (办理时间), each department's consultation line (咨询电话, a made-up
 *   0398-2812xxxx number per department), the 12345 complaint line, result samples kept at the counter;
 * - two FAQs per 行政许可 answered from the item's own limits and visits.
 * Nothing else is invented. The checker still refuses one reference record (SI-043 特困人员认定: 0 visits
 * but accepted only at a window, §2.3), so that item stays a draft listing the inconsistency; a few items
 * the reference says townships accept are sunk to the township 便民服务中心s.
 */
import { randomUUID } from 'node:crypto';
import { createStaff, type Kernel, SYSTEM_ACTOR, tenancy } from '../../../core/server';
import { GuideElements, type GuideElementsInput, type Material } from '../shared/catalog.schema';
import { assessGuide } from '../shared/catalog.completeness';
import * as repo from './catalog.repository';
import * as svc from './catalog.service';
// Bundled with the code (not read beside it) so the compiled server needs no source tree.
import demoItems from './demo-items.json';

/** The demo district's service hall, where every county item is handled (政务服务中心). */
const HALL = '湖滨区政务服务中心';
const HALL_HOURS = '法定工作日 上午9:00—12:00，下午13:00—17:00（午间和周六上午提供预约延时服务）';

type RawItem = {
  id: string; name: string; type: string; org: string; orgCategory: string; serviceObject: string[];
  legalLimit: number | null; legalLimitUnit: string | null; legalLimitBasis: string | null;
  promisedLimit: number | null; promisedLimitUnit: string | null; visits: number | null;
  handleModes: string[]; materials: string[]; result: string | null; resultValidity?: string; bundles?: string[];
  confidence: string; notes?: string;
};

const COUNTY = '411202';
/** Department category of the reference → the demo district's body (same mapping as the services demo). */
const ORG_BY_CATEGORY: Record<string, string> = {
  市场监管局: '湖滨区市场监督管理局', 人社局: '湖滨区人力资源和社会保障局', 民政局: '湖滨区民政局', 卫健委: '湖滨区卫生健康委员会',
  公安: '三门峡市公安局湖滨分局', 住建局: '湖滨区住房和城乡建设局', 医保局: '湖滨区医疗保障局', 交通运输局: '湖滨区交通运输局',
  不动产登记中心: '湖滨区不动产登记中心', 教育局: '湖滨区教育局', 自然资源局: '湖滨区自然资源局', 残联: '湖滨区残疾人联合会',
  税务: '国家税务总局三门峡市湖滨区税务局', 消防救援: '三门峡市湖滨区消防救援大队', 城管局: '湖滨区城市管理局',
};

const LICENSING_ACCEPTANCE = '申请事项属于本机关职权范围，申请材料齐全、符合法定形式，或者申请人按照要求提交全部补正申请材料（《中华人民共和国行政许可法》第三十二条）。';

/** 行政许可法 第四章: 申请与受理（第29–33条）、审查与决定（第34–38条）、颁发与送达（第44条）. */
const LICENSING_PROCESS = [
  { name: '申请', description: '申请人通过窗口、网上或邮寄提交申请材料。' },
  { name: '受理', description: '材料齐全、符合法定形式的予以受理；材料不齐全的一次性告知需要补正的全部内容（行政许可法 第三十二条）。' },
  { name: '审查', description: '对申请材料进行审查，需要核实的依法核查（行政许可法 第三十四条）。' },
  { name: '决定', description: '在办理时限内作出准予或不予许可的书面决定（行政许可法 第三十七条、第三十八条）。' },
  { name: '办结（制证）', description: '准予许可的，制作许可证件或批准文件。' },
  { name: '送达', description: '自作出决定之日起十日内颁发、送达（行政许可法 第四十四条）。' },
];
/** The generic steps the reference gives for every 依申请 item (service-catalog.md §2.2: 申请与受理 → 审查与决定 → 颁证与送达). */
const GENERIC_PROCESS = [
  { name: '申请与受理', description: null },
  { name: '审查与决定', description: null },
  { name: '颁证与送达', description: null },
];

/** Why a visit is needed, where the reference record's notes or basis say so. */
const ON_SITE_REASON: Record<string, string> = {
  'SI-011': '须本人到场采集（参考资料备注）',
  'SI-015': '需查验车辆（参考资料备注）',
  'SI-040': '双方须亲自到场（参考资料备注）',
  'SI-041': '申请时双方亲自到场一次；30日冷静期满后30日内双方亲自到场申请发证一次（《民法典》第一千零七十七条）',
  'SI-048': '须到指定医疗机构评残（参考资料备注）',
  'SI-070': '须参加从业资格考试，考试合格后核发（参考资料所引《道路运输从业人员管理规定》）',
  // The rest: why the one visit is needed, from what the statute or the reference's note requires.
  'SI-009': '需对经营场所进行现场检查，申请人须到场配合（《药品经营和使用质量监督管理办法》）',
  'SI-012': '须本人到迁入地户籍窗口核验身份并办理户口登记',
  'SI-016': '须本人到场采集指纹和人像（《护照法》第五条）',
  'SI-023': '须提交证据材料原件供核验',
  'SI-035': '须现场核验执业人员资格证书原件',
  'SI-036': '需对执业场所进行现场核查（《医疗机构管理条例》第十七条）',
  'SI-052': '需现场核验工程形象进度',
  'SI-054': '需进行消防验收现场评定，建设单位须到场',
  'SI-059': '需现场踏勘农村村民住宅用地',
  'SI-062': '买卖双方须到场核验身份并签署登记申请',
  'SI-068': '需现场核查客运车辆和经营场所',
  'SI-072': '需现场核查办园场所和设施设备',
};
/** Special procedures (time not counted in the limit) named by the reference record. */
const SPECIAL: Record<string, GuideElements['specialProcedures']> = {
  'SI-005': [{ name: '现场核查', limit: null, unit: null, note: '由监管人员进行，申请人一般无需到场（参考资料备注）' }],
  'SI-023': [{ name: '中止', limit: null, unit: null, note: '认定需以司法结论为依据的，时限中止（参考资料备注）' }],
  'SI-041': [{ name: '离婚冷静期', limit: 30, unit: '自然日', note: '自收到申请之日起30日（《民法典》第一千零七十七条）' }],
  'SI-042': [{ name: '公示', limit: 7, unit: '自然日', note: '审核确认前公示7天（参考资料备注，可信度低，须以民发〔2021〕57号原文核对）' }],
  'SI-053': [{ name: '专家评审', limit: 20, unit: '工作日', note: '专家评审时间不超过20个工作日（住房城乡建设部令第51号）' }],
};
const CROSS_REGION: Record<string, GuideElements['crossRegionScope']> = { 'SI-012': '跨省通办', 'SI-016': '全国通办', 'SI-040': '全国通办' };
/** Fees set by law for these 许可 (行政许可法 第58条 “法律、行政法规另有规定的”), amounts not in the reference. */
const FEE_UNKNOWN = new Set(['SI-014', 'SI-015', 'SI-016']);
/** Township service sites accept these: the reference's org text says 乡镇/街道/村 receive them. */
const TOWNSHIP_ACCEPTS = /乡镇|街道|村代办/;
const CONFIDENCE: Record<string, string> = { high: '高', medium: '中', low: '低' };

/** Result kind from the result's name (Guangdong 结果类型 codes, service-catalog.md §2.2 C). */
function resultTypeOf(name: string | null): GuideElements['resultType'] {
  if (!name) return null;
  if (/证明|凭证|回执/.test(name)) return '证明文件';
  if (/决定|意见书|通知书|批复|核定表/.test(name)) return '批文批复';
  if (/证$|证（|证书|执照|许可证|护照|户口簿|社会保障卡|号牌|行驶证/.test(name)) return '证件执照';
  return '其他';
}

export function demoElements(raw: RawItem, orgName: string, phone: string): GuideElements {
  const type = raw.type === '其他' ? '其他行政权力' : raw.type;
  const licensing = type === '行政许可';
  const online = raw.handleModes.includes('网上办理');
  const visits = raw.visits ?? null;
  // Limits: 行政许可法 第82条 counts 许可 limits in working days even where the statute writes “日”
  // (service-catalog.md §4); a 许可 with no limit of its own has 第42条's 20 working days.
  let legalLimit = raw.legalLimit;
  let legalLimitUnit: '工作日' | '自然日' | null = raw.legalLimitUnit === '工作日' ? '工作日' : raw.legalLimitUnit === '日' ? (licensing ? '工作日' : '自然日') : null;
  let legalLimitBasis = raw.legalLimitBasis;
  let legalLimitNote: string | null = raw.legalLimitUnit === '日' && licensing ? `设定依据条文表述为“${raw.legalLimit}日”，依《中华人民共和国行政许可法》第八十二条按工作日计算。` : null;
  if (legalLimit === null && licensing) {
    legalLimit = 20; legalLimitUnit = '工作日';
    legalLimitBasis = '《中华人民共和国行政许可法》第四十二条：除可以当场作出行政许可决定的外，应当自受理之日起二十日内作出决定。';
    legalLimitNote = '事项设定依据未另行规定办理时限，适用行政许可法第四十二条。';
  } else if (legalLimit === null) {
    legalLimitNote = '法律、法规、规章未规定法定办结时限。';
  }
  // 行政许可法 第58条: 实施行政许可不得收费, unless a law or administrative regulation says otherwise; the
  // three items whose statutes set a 工本费 carry it without an amount the reference does not give.
  const charged = FEE_UNKNOWN.has(raw.id);
  const input: GuideElementsInput = {
    name: raw.name,
    type: type as GuideElements['type'],
    basicCode: raw.id, // the demo's 基本目录 is service-items.json; its ids are the base codes
    legalBasis: raw.legalLimitBasis,
    powerSource: '法定本级行使', // the reference lists items exercised by county departments as their own statutory power
    exerciseLevel: '县级', // service-catalog.md §4: county-level items
    // County departments are organs established by law; 残联 issues the 残疾人证 as an organisation authorised by law (残疾人保障法 第8条).
    bodyNature: raw.orgCategory === '残联' ? '授权组织' : '法定机关',
    serviceObjects: raw.serviceObject.map((o) => (o === '法人' ? '企业法人' : '自然人')),
    acceptanceConditions: licensing ? LICENSING_ACCEPTANCE : type === '行政备案' ? '备案材料齐全的，当场予以备案（参考资料所引设定依据）。' : `符合${raw.legalLimitBasis ? raw.legalLimitBasis.split(/[：:；]/)[0] : '有关规定'}规定的条件，申请材料齐全、符合法定形式。`,
    process: licensing ? LICENSING_PROCESS : GENERIC_PROCESS,
    legalLimit, legalLimitUnit, legalLimitBasis: legalLimit === null ? null : legalLimitBasis, legalLimitNote,
    promisedLimit: raw.promisedLimit,
    promisedLimitUnit: raw.promisedLimit === null ? null : '工作日',
    promisedLimitNote: type === '公共服务' ? '自受理之日起计算，不含补正和特别程序所需时间。' : null,
    handlingType: raw.promisedLimit === null ? null : raw.promisedLimit === 0 ? '即办件' : '承诺件', // §3.2
    // 即办: nothing runs outside a limit that is zero; otherwise only what the reference names.
    // Only what the reference names; otherwise the guide says 无.
    specialProcedures: SPECIAL[raw.id] ?? [],
    charged,
    feeBasis: charged ? `${raw.legalLimitBasis ?? ''}及国家价格主管部门核定的工本费标准` : null,
    fees: charged ? [{ name: `${raw.result ?? raw.name}工本费`, standard: '按国家价格主管部门核定的标准收取，以办理窗口公示为准' }] : [],
    handlingLocation: `${HALL}${orgName.replace(/^湖滨区|^三门峡市|^国家税务总局三门峡市湖滨区/, '')}窗口${TOWNSHIP_ACCEPTS.test(raw.org) ? '；各乡镇（街道）便民服务中心' : ''}`,
    handlingHours: HALL_HOURS,
    consultPhone: phone,
    ssoIntegrated: online,
    inHall: true,
    handleModes: raw.handleModes.filter((m): m is '窗口办理' | '网上办理' | '快递申请' | '自助终端' => ['窗口办理', '网上办理', '快递申请', '自助终端'].includes(m)),
    visits,
    onSiteReason: ON_SITE_REASON[raw.id] ?? null,
    // 12345 is the one complaint line of every city (国办发〔2020〕53号); 三门峡's area code is 0398.
    complaintPhone: '0398-12345',
    online,
    onlinePayment: charged && online, // §2.3: 不收费 ⇒ 不支持网上支付
    logistics: raw.handleModes.includes('快递申请'),
    selfService: raw.handleModes.includes('自助终端'),
    resultType: resultTypeOf(raw.result),
    resultName: raw.result,
    resultSample: raw.result && resultTypeOf(raw.result) !== '其他' ? `${raw.result}（样本，在${HALL}窗口和网上办事大厅公示）` : null,
    resultValidity: raw.resultValidity ?? null,
    // §3.3: Ⅳ全程网办 = online with no visit; Ⅲ网上受理 = online, at most one visit; Ⅱ otherwise online; Ⅰ guide only.
    onlineDepth: !online ? 'Ⅰ级' : visits === 0 ? 'Ⅳ级' : (visits ?? 9) <= 1 ? 'Ⅲ级' : 'Ⅱ级',
    crossRegionScope: CROSS_REGION[raw.id] ?? null,
    materials: raw.materials.map((m, i): Material => {
      // “（委托办理时）” and the like: needed only in that case.
      const conditional = /（[^）]*时）$/.test(m);
      // 容缺后补: a licence or certificate the government itself issued can be checked by data sharing
      // and handed in later (service-catalog.md §2.2 C: 材料必要性 3); the application form never.
      const deferrable = !conditional && i > 0 && /执照|证明|许可证|证书|登记证/.test(m);
      return { name: m, necessity: conditional ? 'optional' : deferrable ? 'deferrable' : 'required', source: null, sourceNote: null, form: null, copies: null, spec: null, blankForm: null, sample: null, basis: null, note: conditional ? m.match(/（([^）]*时)）$/)![1] + '提供' : null };
    }),
    faqs: licensing ? [
      { question: `办理${raw.name}需要到现场几次？`, answer: visits === 0 ? '不需要到现场，可网上办理或邮寄申请，结果可邮寄送达。' : `需要到现场${visits}次：${ON_SITE_REASON[raw.id] ?? '核验原件'}。` },
      { question: '多长时间能办好？', answer: raw.promisedLimit === 0 ? '材料齐全、符合法定形式的，当场办结。' : `承诺自受理之日起${raw.promisedLimit}个工作日内办结${legalLimit !== null ? `（法定时限${legalLimit}${legalLimitUnit === '自然日' ? '日' : '个工作日'}）` : ''}。` },
    ] : [],
    bundles: raw.bundles ?? [],
    notes: [raw.notes, `参考资料可信度：${CONFIDENCE[raw.confidence] ?? raw.confidence}（${raw.id}）`].filter(Boolean).join('；'),
  };
  return GuideElements.parse(input);
}

export function loadDemoItems(): RawItem[] {
  return demoItems as RawItem[];
}

/** The 区政数局's 事项目录管理员, so the demo catalog can be kept and published (demo password as the district's). */
export const DEMO_CATALOG_ADMIN = 'catalog_spj';

/** Seed the demo catalog once (items already there are left as they are). Returns nothing. */
export async function seedCatalogDemo(kernel: Kernel) {
  const raw = loadDemoItems();
  await kernel.db.tx(async (tx) => {
    const bureau = await tenancy.getOrgByName(tx, '湖滨区行政审批和政务信息管理局');
    if (bureau && !(await tenancy.getUserByUsername(tx, DEMO_CATALOG_ADMIN))) {
      await createStaff(tx, kernel, SYSTEM_ACTOR, { username: DEMO_CATALOG_ADMIN, displayName: '钱敏', password: 'Zt@2026demo', phone: '13903980098', roles: [{ role: 'catalogAdmin', orgId: bureau.id }], mustChangePassword: false });
    }
    if ((await repo.countItemsInDivision(tx, COUNTY)) > 0) return;
    const fallback = await tenancy.getOrgByName(tx, HALL);
    const sites = await repo.siteOrgs(tx, COUNTY);
    const townships = (await tenancy.listDivisions(tx)).filter((d) => d.code.startsWith(COUNTY));
    const rural = new Set(townships.filter((d) => d.level === 'village' && d.name.endsWith('村')).map((d) => d.parentCode));
    const phones = new Map<string, string>();
    for (const it of raw) {
      const orgName = ORG_BY_CATEGORY[it.orgCategory];
      let org = orgName ? await tenancy.getOrgByName(tx, orgName) : null;
      if (!org && orgName) org = (await tenancy.insertOrg(tx, { id: randomUUID(), name: orgName, kind: 'department', divisionCode: COUNTY, sort: 50 })) ?? (await tenancy.getOrgByName(tx, orgName));
      org ??= fallback;
      if (!phones.has(org!.id)) phones.set(org!.id, `0398-2812${String(101 + phones.size).padStart(4, '0')}`);
      const elements = demoElements(it, org!.name, phones.get(org!.id)!);
      const id = await svc.createItem(tx, kernel, SYSTEM_ACTOR, { orgId: org!.id, code: it.id, elements });
      if (assessGuide({ ...elements, code: it.id, orgId: org!.id }).complete) await svc.publish(tx, kernel, SYSTEM_ACTOR, id, 1);
      if (TOWNSHIP_ACCEPTS.test(it.org)) {
        // 乡村建设规划许可 concerns 农村村民住宅: only townships with villages.
        const chosen = it.id === 'SI-059' ? sites.filter((s) => rural.has(s.divisionCode)) : sites;
        await svc.setSites(tx, kernel, SYSTEM_ACTOR, id, chosen.map((s) => s.orgId));
      }
    }
  });
}
