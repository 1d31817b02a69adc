/**
 * Litigation settings (read with domainConfig(kernel, litigationSettings)). No national document defines
 * 败诉率 or 出庭率 (rule-of-law-domains.md §1.2, §9): places count 出庭 per hearing or per case, with or
 * without deputies, and 败诉 over all closed suits or over judgments only. Each choice is a setting; the
 * defaults and why are in README.md.
 */
import { z } from 'zod';
import { JUDGMENT_OUTCOMES } from '../shared/litigation.machine';

const outcomeList = z.string().default('撤销,履行,给付,确认违法,确认无效,变更,行政协议责任')
  .transform((v) => v.split(/[,，]/).map((s) => s.trim()).filter(Boolean))
  .refine((xs) => xs.length > 0 && xs.every((x) => (JUDGMENT_OUTCOMES as readonly string[]).includes(x)), { message: `应为以逗号分隔的判决结果：${JUDGMENT_OUTCOMES.join('、')}` });

export const litigationSettings = z.object({
  LITIGATION_LOSS_OUTCOMES: outcomeList.describe('计为行政机关败诉的生效裁判结果（逗号分隔）'),
  LITIGATION_LOSS_DENOMINATOR: z.enum(['closed', 'judged']).default('closed').describe('败诉率分母：closed＝统计期内结案的全部案件（含撤诉、调解、裁定驳回起诉）；judged＝其中以判决结案的案件'),
  LITIGATION_APPEARANCE_BASIS: z.enum(['hearing', 'case']).default('hearing').describe('出庭应诉率口径：hearing＝按开庭场次；case＝按开庭审理的案件（任一次开庭有负责人出庭即计入）'),
  LITIGATION_DEPUTY_COUNTS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true').describe('副职负责人出庭是否计为负责人出庭（法释〔2020〕3号 第2条将副职负责人计为负责人）'),
  // Local: no statute fixes it; the court's letter usually states a period.
  LITIGATION_ADVICE_REPLY_DAYS: z.coerce.number().int().min(1).max(365).default(60).describe('司法建议书未载明期限时的回复期限（自然日，本地规定）'),
  DEMO_LITIGATIONS: z.coerce.number().int().min(0).max(500).default(33).describe('演示数据：近十二个月的行政应诉案件数'),
});
export type LitigationSettings = z.output<typeof litigationSettings>;
