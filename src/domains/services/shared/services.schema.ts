import { z } from 'zod';

export { ITEM_TYPES } from './catalog.labels';
export const CHANNELS = { online: '网上办理', counter: '窗口办理' } as const;

export const ServiceItem = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  divisionCode: z.string(),
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

export const ItemQuery = z.object({ q: z.string().trim().max(50).optional(), orgId: z.uuid().optional() });

export const Applicant = z.object({
  kind: z.enum(['person', 'enterprise']).meta({ title: '申请人类型' }),
  name: z.string().trim().min(1, '请填写申请人').max(100).meta({ title: '申请人' }),
  idNumber: z.string().trim().toUpperCase().length(18, '证件号码应为18位').meta({ title: '身份证号或统一社会信用代码' }),
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号码应为11位数字').meta({ title: '联系电话' }),
});

/** One line of an application's material list: a material by its guide name, provided or not, and its upload. */
export const MaterialEntry = z.object({
  name: z.string().trim().min(1).max(200).meta({ title: '材料名称' }),
  provided: z.boolean().meta({ title: '已提交' }),
  fileId: z.uuid().nullable().optional().meta({ title: '已上传的文件' }),
});
export const ApplicationFile = z.object({
  itemId: z.uuid().meta({ title: '办理事项' }),
  applicant: Applicant.optional().meta({ title: '申请人（窗口代录时填写）' }),
  counterId: z.uuid().optional().meta({ title: '受理窗口' }),
  assisted: z.boolean().default(false).meta({ title: '帮办代办' }),
  materials: z.array(MaterialEntry).max(60).default([]).meta({ title: '材料清单（未提交的须为可容缺后补的材料）' }),
  comment: z.string().trim().max(500).optional().meta({ title: '备注' }),
  idempotencyKey: z.string().trim().max(64).optional(),
});

export const ApplicationFiled = z.object({ id: z.uuid(), refNo: z.string(), created: z.boolean() });

export const TrackQuery = z.object({
  refNo: z.string().trim().min(6).max(40).meta({ title: '办件编号' }),
  idLast4: z.string().trim().regex(/^[0-9Xx]{4}$/, '请输入证件号码后4位').meta({ title: '证件号码后4位' }),
});

export const MaterialFile = z.object({ id: z.uuid(), materialName: z.string(), fileName: z.string(), kind: z.string(), mime: z.string(), size: z.number().int(), createdAt: z.string() });
export const UploadQuery = z.object({
  materialName: z.string().trim().min(1, '请选择材料').max(200).meta({ title: '材料名称' }),
  fileName: z.string().trim().min(1).max(200).default('材料').meta({ title: '文件名' }),
  idNumber: z.string().trim().max(18).optional().meta({ title: '申请人证件号码（窗口代传时填写）' }),
});
export const ReusableMaterial = z.object({
  name: z.string(), necessity: z.string(), files: z.array(MaterialFile),
  records: z.array(z.object({ materialName: z.string(), source: z.string(), ref: z.string(), label: z.string() })),
});

// ---- 预约 (appointments) ----
/** Counter-service options recorded on a slot (GLOSSARY: appointment / extendedHours / homeVisit). */
export const SLOT_KINDS = { regular: '窗口预约', extendedHours: '延时服务', homeVisit: '上门服务' } as const;
export type SlotKind = keyof typeof SLOT_KINDS;
export const APPOINTMENT_STATUS = { booked: '已预约', cancelled: '已取消', arrived: '已到场', missed: '未到场' } as const;
const hhmm = (title: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为HH:MM').meta({ title });
const isoDay = (title: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD').meta({ title });

export const Slot = z.object({
  id: z.uuid(), orgId: z.uuid(), day: z.string(), startTime: z.string(), endTime: z.string(),
  kind: z.enum(['regular', 'extendedHours', 'homeVisit']), kindName: z.string(), capacity: z.number().int(), remaining: z.number().int(),
});
export const SlotCreate = z.object({
  orgId: z.uuid().meta({ title: '服务大厅或便民服务中心' }),
  day: isoDay('日期'),
  startTime: hhmm('开始时间'),
  endTime: hhmm('结束时间'),
  kind: z.enum(['regular', 'extendedHours', 'homeVisit']).default('regular').meta({ title: '服务方式' }),
  capacity: z.number().int().min(1, '容量至少为1').max(200).meta({ title: '可预约人数' }),
});
export const SlotQuery = z.object({ orgId: z.uuid().meta({ title: '办理地点' }), day: isoDay('日期').optional() });
export const AppointmentBook = z.object({
  slotId: z.uuid().meta({ title: '预约时段' }),
  itemId: z.uuid().optional().meta({ title: '办理事项' }),
  name: z.string().trim().min(1, '请填写姓名').max(50).meta({ title: '姓名' }),
  idNumber: z.string().trim().toUpperCase().length(18, '证件号码应为18位').meta({ title: '身份证号或统一社会信用代码' }),
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号码应为11位数字').meta({ title: '手机号码' }),
  address: z.string().trim().max(200).optional().meta({ title: '上门服务地址' }),
  note: z.string().trim().max(300).optional().meta({ title: '备注' }),
});
export const AppointmentView = z.object({
  id: z.uuid(), code: z.string(), day: z.string(), startTime: z.string(), endTime: z.string(), kind: z.string(), kindName: z.string(),
  orgName: z.string(), itemName: z.string().nullable(), name: z.string(), phone: z.string(), address: z.string().nullable(),
  status: z.string(), statusName: z.string(),
});
export const AppointmentCancel = z.object({ phoneLast4: z.string().trim().regex(/^\d{4}$/, '请输入预约手机号后4位').meta({ title: '手机号后4位' }) });
