/**
 * Credential register settings (read with domainConfig(kernel, credentialSettings)). The training-hour
 * norm (60 学时, 国办发〔2023〕27号) and the card's validity are not confirmed as national text
 * (domain-rules.md §10, rule-of-law-domains.md §2.1): each is a setting.
 */
import { z } from 'zod';

const bool = (d: 'true' | 'false') => z.enum(['true', 'false']).default(d).transform((v) => v === 'true');

export const credentialSettings = z.object({
  CREDENTIAL_TRAINING_HOURS: z.coerce.number().min(0).max(500).default(60).describe('年审要求的年度培训学时（国办发〔2023〕27号 要求每人每年不少于60学时，条文未核实，本地设置）'),
  CREDENTIAL_TRIAL_COUNTS: bool('true').describe('旁听庭审是否计入执法人员培训学时'),
  CREDENTIAL_VALIDITY_YEARS: z.coerce.number().int().min(1).max(10).default(5).describe('执法证件有效期（年，各省规定不一，本地设置）'),
  CREDENTIAL_EXAM_PASS: z.coerce.number().int().min(0).max(100).default(60).describe('法律知识考试合格分数线'),
  CREDENTIAL_REVIEW_NEEDS_EXAM: bool('true').describe('年审是否要求持证人已通过法律知识考试（未通过不予年审）'),
  CREDENTIAL_REMINDER_OFFSETS: z.string().default('90,60,30,0')
    .transform((v) => [...new Set(v.split(/[,，]/).map((s) => Number(s.trim())))].sort((a, b) => b - a))
    .refine((xs) => xs.length > 0 && xs.every((x) => Number.isInteger(x) && x >= 0 && x <= 365), { message: '应为以逗号分隔的0–365之间的天数' })
    .describe('证件到期前提醒的天数（逗号分隔）'),
  DEMO_CREDENTIAL_HOLDERS: z.coerce.number().int().min(0).max(5000).default(570).describe('演示数据：持证执法人员人数'),
  DEMO_CREDENTIAL_ORGS: z.coerce.number().int().min(1).max(100).default(40).describe('演示数据：持证人员分布的执法单位数（不足时取全部演示单位）'),
});
export type CredentialSettings = z.output<typeof credentialSettings>;
