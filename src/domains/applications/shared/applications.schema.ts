import { z } from 'zod';

export const CHANNELS = { online: '网上办理', counter: '窗口办理' } as const;

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

/** An application's materials as handed in, and its 补正 notice (the lines ticked from the guide and free text). */
export const ApplicationMaterials = z.object({
  state: z.string(),
  materials: z.array(z.object({ name: z.string(), provided: z.boolean(), deferred: z.boolean(), paper: z.boolean(), fileId: z.string().nullable(), fileName: z.string().nullable(), kind: z.string().nullable(), correctedAt: z.string().nullable() })),
  checklist: z.array(z.string()),
  correction: z.object({ materials: z.array(z.string()), note: z.string().nullable(), text: z.string(), open: z.boolean() }).nullable(),
});
