import { z } from 'zod';

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
