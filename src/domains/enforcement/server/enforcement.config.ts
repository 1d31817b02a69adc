/**
 * Enforcement settings (read with domainConfig(kernel, enforcementSettings)). The per-firm inspection cap
 * is each org's own published number (国办发〔2024〕54号 asks every body to publish one; the values differ by
 * sector and level — e.g. health enforcement: ≤ 2 on-site inspections per firm per year per level), so the
 * default is a setting and a plan may set its own. Demo sizes follow the seeds' scale.
 */
import { z } from 'zod';

export const enforcementSettings = z.object({
  ENFORCEMENT_INSPECTION_CAP: z.coerce.number().int().min(1).max(50).default(2)
    .describe('每个执法机关对同一企业每年行政检查的频次上限（事先公布；检查计划可另行规定；国办发〔2024〕54号，数值为本地规定）'),
  ENFORCEMENT_PUBLIC_PERSON_YEARS: z.coerce.number().int().min(1).max(10).default(2)
    .describe('当事人为自然人的处罚决定在公示页保留的年数（河北等地做法：自然人2年、其他5年）'),
  ENFORCEMENT_PUBLIC_ORG_YEARS: z.coerce.number().int().min(1).max(20).default(5)
    .describe('当事人为法人或其他组织的处罚决定在公示页保留的年数'),
  ENFORCEMENT_ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(200).default(20).describe('执法全过程记录附件的大小上限（MB）'),
  DEMO_INSPECTIONS: z.coerce.number().int().min(0).max(50000).default(3000).describe('演示数据：近十二个月的涉企行政检查次数'),
  DEMO_PENALTIES: z.coerce.number().int().min(0).max(10000).default(400).describe('演示数据：近十二个月的行政处罚案件数'),
});
export type EnforcementSettings = z.output<typeof enforcementSettings>;
