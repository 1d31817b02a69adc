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

export const ApplicationFile = z.object({
  itemId: z.uuid().meta({ title: '办理事项' }),
  applicant: Applicant.optional().meta({ title: '申请人（窗口代录时填写）' }),
  counterId: z.uuid().optional().meta({ title: '受理窗口' }),
  assisted: z.boolean().default(false).meta({ title: '帮办代办' }),
  materials: z.array(z.object({ name: z.string().max(200), provided: z.boolean() })).max(50).default([]).meta({ title: '材料清单' }),
  comment: z.string().trim().max(500).optional().meta({ title: '备注' }),
  idempotencyKey: z.string().trim().max(64).optional(),
});

export const ApplicationFiled = z.object({ id: z.uuid(), refNo: z.string(), created: z.boolean() });

export const TrackQuery = z.object({
  refNo: z.string().trim().min(6).max(40).meta({ title: '办件编号' }),
  idLast4: z.string().trim().regex(/^[0-9Xx]{4}$/, '请输入证件号码后4位').meta({ title: '证件号码后4位' }),
});
