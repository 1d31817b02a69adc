/** 行政复议 settings (read with domainConfig(kernel, reconsiderationSettings)); the table is in README.md. */
import { z } from 'zod';
import { DECISION_TYPES, DEFAULT_CORRECTIVE } from '../shared/reconsideration.labels';

export const reconsiderationSettings = z.object({
  // 纠错 is defined by each statistics system; the default is the 白皮书's 变更、撤销、确认违法、责令履行、确认无效.
  RECONSIDERATION_CORRECTIVE: z.string().default(DEFAULT_CORRECTIVE.join(','))
    .refine((v) => v.split(',').every((k) => (DECISION_TYPES as string[]).includes(k.trim())), { message: `只能是${DECISION_TYPES.join('、')}中的决定类型` })
    .describe('计入“纠错”的复议决定类型（逗号分隔：change变更、revoke撤销、confirmIllegal确认违法、orderPerform责令履行、confirmVoid确认无效、uphold维持、dismissClaim驳回请求、dismissApplication驳回申请）'),
  // 第31条: "十日" for the applicant; the body may allow longer for good cause, so a county can set its default.
  RECONSIDERATION_CORRECTION_WORKDAYS: z.coerce.number().int().min(10).max(30).default(10).describe('申请人补正期限（工作日，第31条规定10日，可因正当理由延长）'),
  // 第62条 allows a law to set a shorter limit; the defaults are the statute's.
  RECONSIDERATION_ORDINARY_DAYS: z.coerce.number().int().min(1).max(60).default(60).describe('普通程序审理期限（日，第62条：不超过60日）'),
  RECONSIDERATION_SIMPLE_DAYS: z.coerce.number().int().min(1).max(30).default(30).describe('简易程序审理期限（日，第62条：不超过30日）'),
  DEMO_RECONSIDERATIONS: z.coerce.number().int().min(0).max(10_000).default(48).describe('演示数据：一年的行政复议案件数'),
});
export const correctiveSet = (v: string) => v.split(',').map((k) => k.trim()).filter(Boolean);
