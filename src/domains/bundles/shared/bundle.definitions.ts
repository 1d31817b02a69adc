/**
 * The "one thing" bundles (高效办成一件事) this platform ships, as data: each names its national batch,
 * its component items by catalog code, one merged form whose fields map onto each item's own field
 * names, and the county's promised time for the whole bundle. Component lists follow
 * service-catalog.md §1.5; batches follow §1.2 (国发〔2024〕3号, 2024 第一批). A bundle is offered only
 * when every component item is published in the district's catalog; otherwise it is listed as not yet
 * available with the missing items named (e.g. 水电气网联合报装 needs the utilities' items).
 *
 * promisedDays is a local commitment (本级承诺): a county edits it here; the statutory limits remain
 * those of each component item, on each child application's own clocks.
 */
export type BundleFieldKind = 'text' | 'date' | 'idNumber' | 'phone' | 'select';

export type BundleField = {
  key: string;
  label: string;
  kind: BundleFieldKind;
  required: boolean;
  options?: string[];
  /** Component item code → that item's name for this field (the form it lands on). */
  mapsTo: Record<string, string>;
};

export type BundleDefinition = {
  code: string;
  name: string;
  batch: '2024-1' | '2024-2' | '2025-1' | '2025-2' | '地方特色';
  basis: string;
  applicantKind: 'person' | 'enterprise';
  /** Component item codes (service_items.code), in the order the applicant reads them. */
  items: string[];
  /** Names to show for components a district has not yet put in its catalog. */
  itemNames?: Record<string, string>;
  fields: BundleField[];
  /** 本级承诺: working days for the whole bundle (local; see above). */
  promisedDays: number;
  /** Accepted at township/street 便民服务中心 too, not only at the hall's 一件事 window. */
  atSites: boolean;
  description: string;
};

const NATIONAL_2024 = '国发〔2024〕3号 附件《第一批重点事项清单》';

export const BUNDLE_DEFINITIONS: BundleDefinition[] = [
  {
    code: 'newborn', name: '新生儿出生“一件事”', batch: '2024-1', basis: NATIONAL_2024, applicantKind: 'person',
    items: ['SI-038', 'SI-039', 'SI-010', 'SI-028', 'SI-024', 'SI-032'],
    // Zhongshan publishes 5 working days, card production and mailing excluded (service-catalog.md §1.5).
    promisedDays: 5, atSites: true,
    description: '一次提交，同步办理出生医学证明、生育登记、出生登记（落户）、城乡居民医保参保、社会保障卡申领和生育津贴申领。',
    fields: [
      { key: 'babyName', label: '新生儿姓名', kind: 'text', required: true, mapsTo: { 'SI-038': '新生儿姓名', 'SI-010': '申报户口人姓名', 'SI-028': '参保人姓名', 'SI-024': '申领人姓名' } },
      { key: 'babySex', label: '新生儿性别', kind: 'select', options: ['男', '女'], required: true, mapsTo: { 'SI-038': '性别', 'SI-010': '性别', 'SI-028': '性别' } },
      { key: 'birthDate', label: '出生日期', kind: 'date', required: true, mapsTo: { 'SI-038': '出生日期', 'SI-010': '出生日期', 'SI-028': '出生日期', 'SI-032': '生育日期' } },
      { key: 'birthPlace', label: '出生医院', kind: 'text', required: true, mapsTo: { 'SI-038': '助产机构', 'SI-032': '分娩医疗机构' } },
      { key: 'motherName', label: '母亲姓名', kind: 'text', required: true, mapsTo: { 'SI-038': '母亲姓名', 'SI-039': '女方姓名', 'SI-010': '母亲姓名', 'SI-032': '申领人姓名' } },
      { key: 'motherId', label: '母亲身份证号', kind: 'idNumber', required: true, mapsTo: { 'SI-038': '母亲身份证号', 'SI-039': '女方身份证号', 'SI-010': '母亲身份证号', 'SI-024': '监护人身份证号', 'SI-032': '申领人身份证号' } },
      { key: 'fatherName', label: '父亲姓名', kind: 'text', required: true, mapsTo: { 'SI-038': '父亲姓名', 'SI-039': '男方姓名', 'SI-010': '父亲姓名' } },
      { key: 'fatherId', label: '父亲身份证号', kind: 'idNumber', required: true, mapsTo: { 'SI-038': '父亲身份证号', 'SI-039': '男方身份证号', 'SI-010': '父亲身份证号' } },
      { key: 'hukouAddress', label: '落户地址', kind: 'text', required: true, mapsTo: { 'SI-010': '户口登记地址', 'SI-028': '户籍地址' } },
      { key: 'phone', label: '联系电话', kind: 'phone', required: true, mapsTo: { 'SI-038': '联系电话', 'SI-039': '联系电话', 'SI-010': '联系电话', 'SI-028': '联系电话', 'SI-024': '联系电话', 'SI-032': '联系电话' } },
    ],
  },
  {
    code: 'restaurant', name: '开办餐饮店“一件事”', batch: '2024-1', basis: NATIONAL_2024, applicantKind: 'enterprise',
    items: ['SI-005', 'SI-017', 'SI-055'], promisedDays: 10, atSites: false,
    description: '已领取营业执照的经营者一次申请，同步办理食品经营许可、公众聚集场所营业前消防安全检查和污水排入排水管网许可。',
    fields: [
      { key: 'shopName', label: '店铺名称', kind: 'text', required: true, mapsTo: { 'SI-005': '经营者名称', 'SI-017': '场所名称', 'SI-055': '排水户名称' } },
      { key: 'address', label: '经营场所地址', kind: 'text', required: true, mapsTo: { 'SI-005': '经营场所', 'SI-017': '场所地址', 'SI-055': '排水户地址' } },
      { key: 'area', label: '营业面积（平方米）', kind: 'text', required: true, mapsTo: { 'SI-005': '经营场所面积', 'SI-017': '建筑面积' } },
      { key: 'scope', label: '经营项目', kind: 'select', options: ['热食类食品制售', '冷食类食品制售', '生食类食品制售', '半成品制售', '自制饮品制售'], required: true, mapsTo: { 'SI-005': '经营项目' } },
      { key: 'legalPerson', label: '法定代表人（负责人）', kind: 'text', required: true, mapsTo: { 'SI-005': '法定代表人', 'SI-017': '消防安全责任人', 'SI-055': '法定代表人' } },
      { key: 'phone', label: '联系电话', kind: 'phone', required: true, mapsTo: { 'SI-005': '联系电话', 'SI-017': '联系电话', 'SI-055': '联系电话' } },
    ],
  },
  {
    code: 'disability', name: '残疾人服务“一件事”', batch: '2024-1', basis: NATIONAL_2024, applicantKind: 'person',
    items: ['SI-048', 'SI-045', 'SI-049'], promisedDays: 15, atSites: true,
    description: '一次申请，同步办理残疾人证新办、困难残疾人生活补贴和重度残疾人护理补贴、残疾人辅助器具适配补贴。',
    fields: [
      { key: 'name', label: '残疾人姓名', kind: 'text', required: true, mapsTo: { 'SI-048': '姓名', 'SI-045': '申请人姓名', 'SI-049': '申请人姓名' } },
      { key: 'idNumber', label: '残疾人身份证号', kind: 'idNumber', required: true, mapsTo: { 'SI-048': '身份证号', 'SI-045': '身份证号', 'SI-049': '身份证号' } },
      { key: 'category', label: '残疾类别', kind: 'select', options: ['视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾'], required: true, mapsTo: { 'SI-048': '残疾类别', 'SI-049': '残疾类别' } },
      { key: 'address', label: '户籍地址', kind: 'text', required: true, mapsTo: { 'SI-048': '户籍地址', 'SI-045': '户籍地址' } },
      { key: 'phone', label: '联系电话', kind: 'phone', required: true, mapsTo: { 'SI-048': '联系电话', 'SI-045': '联系电话', 'SI-049': '联系电话' } },
    ],
  },
  {
    code: 'retirement', name: '退休“一件事”', batch: '2024-1', basis: NATIONAL_2024, applicantKind: 'person',
    items: ['SI-021', 'SI-056'], promisedDays: 10, atSites: true,
    description: '一次申请，同步办理企业职工基本养老保险待遇申领和住房公积金退休提取。',
    fields: [
      { key: 'name', label: '姓名', kind: 'text', required: true, mapsTo: { 'SI-021': '参保人姓名', 'SI-056': '职工姓名' } },
      { key: 'idNumber', label: '身份证号', kind: 'idNumber', required: true, mapsTo: { 'SI-021': '身份证号', 'SI-056': '身份证号' } },
      { key: 'retireDate', label: '退休日期', kind: 'date', required: true, mapsTo: { 'SI-021': '退休时间', 'SI-056': '退休日期' } },
      { key: 'bank', label: '社会保障卡金融账户（银行）', kind: 'text', required: true, mapsTo: { 'SI-021': '待遇发放账户', 'SI-056': '收款账户' } },
      { key: 'phone', label: '联系电话', kind: 'phone', required: true, mapsTo: { 'SI-021': '联系电话', 'SI-056': '联系电话' } },
    ],
  },
  {
    code: 'hiring', name: '员工录用“一件事”', batch: '2024-1', basis: NATIONAL_2024, applicantKind: 'enterprise',
    items: ['SI-018', 'SI-024'], promisedDays: 5, atSites: false,
    description: '用人单位一次提交，同步办理新录用人员就业登记和社会保障卡申领。',
    fields: [
      { key: 'employee', label: '员工姓名', kind: 'text', required: true, mapsTo: { 'SI-018': '劳动者姓名', 'SI-024': '申领人姓名' } },
      { key: 'employeeId', label: '员工身份证号', kind: 'idNumber', required: true, mapsTo: { 'SI-018': '劳动者身份证号', 'SI-024': '申领人身份证号' } },
      { key: 'hireDate', label: '录用日期', kind: 'date', required: true, mapsTo: { 'SI-018': '用工起始日期' } },
      { key: 'phone', label: '联系电话', kind: 'phone', required: true, mapsTo: { 'SI-018': '联系电话', 'SI-024': '联系电话' } },
    ],
  },
  {
    code: 'transport', name: '开办运输企业“一件事”', batch: '2024-1', basis: NATIONAL_2024, applicantKind: 'enterprise',
    items: ['SI-066', 'SI-067', 'SI-070'], promisedDays: 10, atSites: false,
    description: '一次申请，同步办理道路货物运输经营许可、车辆营运证配发和驾驶员从业资格证核发。',
    fields: [
      { key: 'company', label: '企业名称', kind: 'text', required: true, mapsTo: { 'SI-066': '申请人名称', 'SI-067': '经营者名称' } },
      { key: 'plate', label: '车辆号牌', kind: 'text', required: true, mapsTo: { 'SI-067': '车辆号牌' } },
      { key: 'driver', label: '驾驶员姓名', kind: 'text', required: true, mapsTo: { 'SI-066': '驾驶员', 'SI-070': '姓名' } },
      { key: 'driverId', label: '驾驶员身份证号', kind: 'idNumber', required: true, mapsTo: { 'SI-070': '身份证号' } },
      { key: 'phone', label: '联系电话', kind: 'phone', required: true, mapsTo: { 'SI-066': '联系电话', 'SI-067': '联系电话', 'SI-070': '联系电话' } },
    ],
  },
  {
    code: 'utilities', name: '水电气网联合报装“一件事”', batch: '2024-1', basis: NATIONAL_2024, applicantKind: 'enterprise',
    // The utilities' connection services (供水、供电、供气、宽带) are public services of the utility
    // companies; a district that lists them in its catalog under these codes offers the bundle.
    items: ['UT-WATER', 'UT-POWER', 'UT-GAS', 'UT-NET'], promisedDays: 10, atSites: false,
    itemNames: { 'UT-WATER': '供水报装', 'UT-POWER': '低压供电报装', 'UT-GAS': '燃气报装', 'UT-NET': '宽带接入' },
    description: '一张表单同时申请供水、供电、供气和宽带接入，联合踏勘、联合验收。',
    fields: [
      { key: 'project', label: '项目名称', kind: 'text', required: true, mapsTo: { 'UT-WATER': '用水地址', 'UT-POWER': '用电地址', 'UT-GAS': '用气地址', 'UT-NET': '装机地址' } },
      { key: 'phone', label: '联系电话', kind: 'phone', required: true, mapsTo: { 'UT-WATER': '联系电话', 'UT-POWER': '联系电话', 'UT-GAS': '联系电话', 'UT-NET': '联系电话' } },
    ],
  },
];

export const bundleDefinition = (code: string) => BUNDLE_DEFINITIONS.find((b) => b.code === code) ?? null;
