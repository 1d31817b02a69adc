/**
 * The kernel's API shapes. One zod schema per shape: the server validates and documents (OpenAPI) with
 * these, and the web client imports the inferred types, so nothing is copied by hand.
 */
import { z } from 'zod';
import { METRIC_UNITS } from './metric-units';

// ---- primitives --------------------------------------------------------------------------------
// A real calendar day, not only its shape: 2026-02-30 and 2026-13-45 are refused here, before a query.
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
  .refine((v) => { const d = new Date(`${v}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v; }, '日期不存在，请检查年月日')
  .meta({ title: '日期' });
export const Uuid = z.uuid({ message: '编号格式不正确' });
export const DivisionCode = z
  .string()
  .regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字（GB/T 2260）')
  .meta({ title: '区划代码' });
export const Name = z.string().trim().min(1, '不能为空').max(100, '不能超过100个字符');
export const Text = z.string().trim().max(2000, '不能超过2000个字符');
export const Page = z.object({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const paged = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The error statuses any API route may answer (AppError's catalogue: 400 validation, 401 login, 403
 * permission, 404 not found or out of scope, 409 conflict, 422 a rule refused), all with ErrorBody, so
 * every route documents them alike in OpenAPI. Spread it into `response`; a route that can also answer
 * another status adds that one after the spread: `{ 200: Item, ...errorResponses, 413: ErrorBody }`.
 */
export const errorResponses = {
  400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody,
} as const;

// ---- auth ----------------------------------------------------------------------------------------
export const LoginInput = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64).meta({ title: '用户名' }),
  password: z.string().min(1, '请输入密码').max(128).meta({ title: '密码' }),
});
export const RoleAssignment = z.object({
  role: z.string().max(64),
  roleName: z.string(),
  orgId: Uuid.nullable(),
  orgName: z.string().nullable(),
});
export const Me = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(['staff', 'public']),
  roles: z.array(RoleAssignment),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  divisionCode: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;
export const ChangePasswordInput = z.object({
  oldPassword: z.string().min(1).max(128).meta({ title: '原密码' }),
  newPassword: z.string().min(1).max(128).meta({ title: '新密码' }),
});
export const RegisterInput = z.object({
  kind: z.enum(['person', 'enterprise']).meta({ title: '账号类型' }),
  name: Name.meta({ title: '姓名或企业名称' }),
  idNumber: z.string().trim().toUpperCase().min(15).max(18).meta({ title: '身份证号或统一社会信用代码' }),
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号码应为11位数字').meta({ title: '手机号码' }),
  password: z.string().min(1).max(128).meta({ title: '密码' }),
});

// ---- clocks, cases, timeline ----------------------------------------------------------------------
export const DeadlineLevel = z.enum(['normal', 'warning', 'today', 'overdue', 'paused', 'stopped']);
export const DeadlineBadge = z.object({
  label: z.string(), level: DeadlineLevel, remainingWorkdays: z.number().int().nullable(),
  /** Set when the due date is provisional (next year's holidays unpublished): the reason, "预计：…按周末推算". */
  provisional: z.string().optional(),
});
export type DeadlineBadge = z.infer<typeof DeadlineBadge>;
export const ClockPause = z.object({ from: IsoDate, to: IsoDate.nullable(), reason: z.string(), days: z.number().int() });
export const ClockExtension = z.object({ days: z.number().int(), approverId: z.string(), approverName: z.string(), reason: z.string(), at: z.string() });
export const ClockView = z.object({
  name: z.string(),
  label: z.string(),
  unit: z.enum(['workday', 'natural', 'date']),
  limit: z.number().int(),
  legalBasis: z.string(),
  primary: z.boolean(),
  state: z.enum(['running', 'paused', 'stopped']),
  startedOn: IsoDate,
  dueDate: IsoDate.nullable(),
  /** The due date is an estimate on weekends alone past the published calendar (预计); re-derived on publication. */
  provisional: z.boolean(),
  stoppedOn: IsoDate.nullable(),
  calendarVersion: z.number().int(),
  pauses: z.array(ClockPause),
  extensions: z.array(ClockExtension),
  /** One sentence a clerk or applicant can read: why the case is due when it is. */
  derivation: z.string(),
  badge: DeadlineBadge,
});
export type ClockView = z.infer<typeof ClockView>;

export const CaseSummary = z.object({
  id: Uuid,
  caseType: z.string(),
  caseTypeName: z.string(),
  refNo: z.string(),
  title: z.string(),
  state: z.string(),
  stateName: z.string(),
  stateColor: z.string(),
  orgId: Uuid,
  orgName: z.string(),
  divisionCode: z.string(),
  applicantName: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  badge: DeadlineBadge.nullable(),
  /** Web route of the domain's own detail page; the generic case page is /cases/:id. */
  link: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseEventView = z.object({
  id: Uuid,
  seq: z.number().int(),
  event: z.string(),
  eventName: z.string(),
  fromState: z.string().nullable(),
  fromStateName: z.string().nullable(),
  toState: z.string(),
  toStateName: z.string(),
  actorName: z.string(),
  at: z.string(),
  comment: z.string().nullable(),
});
export type CaseEventView = z.infer<typeof CaseEventView>;

/** An action the server says this actor may take now; `form` is JSON Schema from the event's zod input. */
export const CaseAction = z.object({
  event: z.string(),
  label: z.string(),
  path: z.string(),
  danger: z.boolean(),
  confirm: z.string().nullable(),
  form: z.record(z.string(), z.unknown()).nullable(),
});
export type CaseAction = z.infer<typeof CaseAction>;

/** A fact of the case page; `links` open what the fact names (an uploaded file), each read audited by its route. */
export const CaseField = z.object({ label: z.string(), value: z.string(), links: z.array(z.object({ name: z.string(), href: z.string() })).optional() });
/** A linked case as the reader sees it: the link read from this case's side, and the other case. */
export const CaseLinkView = z.object({ kind: z.string(), label: z.string(), direction: z.enum(['out', 'in']), case: CaseSummary });
export const CaseLinkInput = z.object({
  to: z.string().trim().min(1).max(64).meta({ title: '关联案件（编号）' }),
  kind: z.string().max(64).meta({ title: '关联类型' }),
});
export const CaseDetail = CaseSummary.extend({
  fields: z.array(CaseField),
  links: z.array(CaseLinkView),
  /** Linked cases outside the reader's scope: counted, never shown. */
  hiddenLinks: z.number().int(),
  clocks: z.array(ClockView),
  events: z.array(CaseEventView),
  actions: z.array(CaseAction),
  version: z.number().int(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const WorkbenchQuery = Page.extend({ caseType: z.string().max(64).optional(), q: z.string().trim().max(64).optional() });
/**
 * The filters of every case list (GET /api/<plural>, generated by the kernel): a clerk handed a receipt
 * types its number, a director narrows to a township or a month, a leader asks what is overdue.
 */
export const CaseListQuery = Page.extend({
  q: z.string().trim().max(64).optional().meta({ title: '编号、标题或申请人' }),
  state: z.string().max(40).optional().meta({ title: '状态' }),
  orgId: Uuid.optional().meta({ title: '承办单位' }),
  divisionCode: DivisionCode.optional().meta({ title: '乡镇（街道）' }),
  from: IsoDate.optional().meta({ title: '提交日期起' }),
  to: IsoDate.optional().meta({ title: '提交日期止' }),
  overdue: z.enum(['true', 'false']).optional().meta({ title: '仅看超期' }),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;
export const CaseTypeInfo = z.object({
  type: z.string(), label: z.string(), plural: z.string(),
  states: z.array(z.object({ key: z.string(), label: z.string(), terminal: z.boolean() })),
});
export type CaseTypeInfo = z.infer<typeof CaseTypeInfo>;

// ---- tenancy ---------------------------------------------------------------------------------------
export const DivisionLevel = z.enum(['province', 'city', 'county', 'township', 'village']);
export const Division = z.object({
  code: DivisionCode,
  name: Name,
  level: DivisionLevel,
  parentCode: DivisionCode.nullable(),
  path: z.string(),
});
export type Division = z.infer<typeof Division>;
export const DivisionInput = z.object({
  code: DivisionCode,
  name: Name.meta({ title: '区划名称' }),
  parentCode: DivisionCode.meta({ title: '上级区划' }),
});
export const OrgKind = z.enum(['government', 'department', 'township', 'service_center', 'service_site', 'hotline', 'mediationCommittee']);
export const Org = z.object({
  id: Uuid,
  name: Name,
  shortName: z.string().max(30).nullable(),
  kind: OrgKind,
  divisionCode: DivisionCode,
  divisionName: z.string(),
  parentId: Uuid.nullable(),
});
export type Org = z.infer<typeof Org>;
export const OrgInput = z.object({
  name: Name.meta({ title: '机构名称' }),
  shortName: z.string().trim().max(30, '简称不能超过30个字符').nullable().optional().meta({ title: '简称' }),
  kind: OrgKind.meta({ title: '机构类型' }),
  divisionCode: DivisionCode,
  parentId: Uuid.nullable().optional(),
});
export const Counter = z.object({
  id: Uuid,
  orgId: Uuid,
  name: Name,
  generalist: z.boolean(),
  divisionCode: DivisionCode,
});

export const RoleScope = z.enum(['org', 'division', 'self']);
export const Role = z.object({
  key: z.string(),
  name: z.string(),
  scope: RoleScope,
  permissions: z.array(z.string()),
  description: z.string(),
});
export type Role = z.infer<typeof Role>;
export const UserStatus = z.enum(['active', 'locked', 'disabled']);
export const StaffUser = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  status: UserStatus,
  roles: z.array(RoleAssignment),
  lastLoginAt: z.string().nullable(),
});
export type StaffUser = z.infer<typeof StaffUser>;
export const UserQuery = Page.extend({
  orgId: Uuid.optional(),
  q: z.string().trim().max(50).optional(),
});
export const RoleAssignmentInput = z.object({ role: z.string().max(64), orgId: Uuid });
export const UserInput = z.object({
  username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,32}$/, '用户名为3-32位字母、数字或._-').meta({ title: '用户名' }),
  displayName: Name.meta({ title: '姓名' }),
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号码应为11位数字').nullable().optional().meta({ title: '手机号码' }),
  password: z.string().min(1).max(128).meta({ title: '初始密码' }),
  roles: z.array(RoleAssignmentInput).min(1, '至少分配一个角色').max(20),
});
export const UserRolesInput = z.object({ roles: z.array(RoleAssignmentInput).max(20) });

// ---- calendar --------------------------------------------------------------------------------------
export const CalendarDayKind = z.enum(['holiday', 'workday']);
export const CalendarDay = z.object({
  date: IsoDate,
  kind: CalendarDayKind.meta({ title: '类型' }),
  name: Name.meta({ title: '名称' }),
});
export type CalendarDay = z.infer<typeof CalendarDay>;
export const CalendarYear = z.object({
  year: z.number().int(),
  /** Only published years take part in deadline arithmetic; a draft year is being entered. */
  status: z.enum(['published', 'draft', 'missing']),
  source: z.string().nullable(),
  version: z.number().int(),
  days: z.array(CalendarDay),
});
export type CalendarYear = z.infer<typeof CalendarYear>;
export const CalendarYearInput = z.object({
  source: z.string().trim().max(200).meta({ title: '依据（国务院办公厅通知文号）' }),
});

// ---- metrics ---------------------------------------------------------------------------------------
export const MetricQuery = z.object({
  divisionCode: DivisionCode.optional(),
  orgId: Uuid.optional(),
  from: IsoDate,
  to: IsoDate,
  caseType: z.string().max(64).optional(),
});
export type MetricQuery = z.infer<typeof MetricQuery>;
export const MetricDef = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(METRIC_UNITS),
  definition: z.string(),
});
export const MetricResult = MetricDef.extend({
  numerator: z.number(),
  denominator: z.number().nullable(),
  /** null when the data cannot support the figure (no records in the denominator). */
  value: z.number().nullable(),
  query: MetricQuery,
  /** Where the records behind it are: cases (…/records), registry rows (…/rows), or not in the system. */
  records: z.enum(['cases', 'rows']).nullable().optional(),
  recordsNote: z.string().nullable().optional(),
});
export type MetricResult = z.infer<typeof MetricResult>;
/** A figure's rows from a registry that is not a case: labelled columns, text or number cells. */
export const MetricRowSet = z.object({
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  total: z.number().int(),
});
export type MetricRowSet = z.infer<typeof MetricRowSet>;

// ---- audit -----------------------------------------------------------------------------------------
export const AuditRecord = z.object({
  id: z.string(),
  stream: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  success: z.boolean(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export const AuditQuery = Page.extend({ stream: z.string().max(200).optional(), action: z.string().max(100).optional() });

export const InboxItem = z.object({ id: Uuid, title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() });

/** Which county the public site serves (SITE_DIVISION_CODE), as every public page shows it. */
export const PublicSite = z.object({
  divisionCode: z.string().meta({ title: '行政区划代码' }),
  divisionName: z.string().meta({ title: '行政区划名称' }),
  siteName: z.string().meta({ title: '网站名称' }),
  timeZone: z.string().meta({ title: '时区（页面上的日期和时间按此显示）' }),
});
export type PublicSite = z.infer<typeof PublicSite>;
