/**
 * The catalog's closed vocabularies and their Chinese labels, shared by the server, the web pages and
 * the xlsx 台账. Values are what the national 实施清单 exchange tables and the public guides print
 * (service-catalog.md §2.2, §3), so an exported sheet reads like the ones officials already keep.
 */

/** 事项类型 of 依申请 items (国发〔2022〕5号 scope; service-catalog.md §3.1). 处罚/强制/征收/检查 are not 政务服务事项. */
export const ITEM_TYPES = ['行政许可', '行政确认', '行政裁决', '行政给付', '行政奖励', '行政备案', '其他行政权力', '公共服务'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Units of a time limit. The statute decides which: 行政许可法 第82条 counts 许可 limits in working days. */
export const LIMIT_UNITS = ['工作日', '自然日'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

export const HANDLING_TYPES = ['即办件', '承诺件'] as const;
export const HANDLE_MODES = ['窗口办理', '网上办理', '快递申请', '自助终端'] as const;
export const SERVICE_OBJECTS = ['自然人', '企业法人', '事业法人', '社会组织法人', '非法人企业', '行政机关', '其他组织'] as const;
export const POWER_SOURCES = ['法定本级行使', '上级下放', '上级授权', '上级委托', '同级委托'] as const;
export const EXERCISE_LEVELS = ['国家级', '省级', '市级', '县级', '乡镇（街道）级', '村（社区）级'] as const;
export const BODY_NATURES = ['法定机关', '授权组织', '受委托组织'] as const;
/** Guangdong's 结果类型 codes (service-catalog.md §2.2 C, S23). */
export const RESULT_TYPES = ['证件执照', '批文批复', '证明文件', '鉴定报告', '其他'] as const;
/** Result kinds that are documents a citizen receives, so a 样本 can and must be shown (§2.3). */
export const DOCUMENT_RESULT_TYPES: readonly string[] = ['证件执照', '批文批复', '证明文件', '鉴定报告'];
export const ONLINE_DEPTHS = ['Ⅰ级', 'Ⅱ级', 'Ⅲ级', 'Ⅳ级'] as const;
export const ONLINE_DEPTH_LABELS: Record<(typeof ONLINE_DEPTHS)[number], string> = {
  Ⅰ级: 'Ⅰ级：网上信息公开（办事指南）',
  Ⅱ级: 'Ⅱ级：表格下载、在线预约',
  Ⅲ级: 'Ⅲ级：网上预审、网上受理（到现场不超过1次）',
  Ⅳ级: 'Ⅳ级：全程网办（到现场0次）',
};
export const CROSS_REGION_SCOPES = ['全国通办', '跨省通办', '省内通办', '市内通办'] as const;

/** 材料必要性 (Guangdong code list: 1必要 / 2非必要 / 3容缺后补). */
export const NECESSITY = { required: '必要', optional: '非必要', deferrable: '容缺后补' } as const;
export type Necessity = keyof typeof NECESSITY;
/** 来源渠道: 10申请人自备 / 20政府部门核发 / 99其他. */
export const MATERIAL_SOURCES = { applicant: '申请人自备', government: '政府部门核发', other: '其他' } as const;
export const MATERIAL_FORMS = { paper: '纸质', electronic: '电子', both: '纸质+电子' } as const;

export const VERSION_STATUS = { draft: '草稿', published: '已发布', withdrawn: '已撤销' } as const;
export type VersionStatus = keyof typeof VERSION_STATUS;
export const VERSION_STATUS_COLOR: Record<VersionStatus, 'default' | 'success' | 'error'> = { draft: 'default', published: 'success', withdrawn: 'error' };

/** Suggested 主题分类 for the editor; free text is accepted because provinces extend the lists. */
export const PERSON_TOPICS = ['生育收养', '户籍办理', '教育科研', '就业创业', '婚姻登记', '优待抚恤', '规划建设', '住房保障', '社会保障', '证件办理', '交通出行', '出境入境', '医疗卫生', '离职退休', '死亡殡葬', '社会救助', '残疾人服务', '其他'] as const;
export const LEGAL_TOPICS = ['设立变更', '准营准办', '资质认证', '年检年审', '税收财务', '人力资源', '社会保障', '投资审批', '抵押质押', '国土和规划建设', '交通运输', '医疗卫生', '市场监管', '安全生产', '公用事业', '破产注销', '其他'] as const;

export const limitText = (days: number | null, unit: string | null) =>
  days === null ? '无' : days === 0 ? '即办' : `${days}个${unit === '自然日' ? '自然日' : '工作日'}`;
