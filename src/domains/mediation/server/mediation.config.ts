/**
 * Mediation settings (read with domainConfig(kernel, mediationSettings)). The one-month norm is a
 * 司法部 regulation of 2002 (人民调解工作若干规定 第33条, "一般在一个月内调结") seen only in a secondary copy
 * (rule-of-law-domains.md §6, §9), so it is a setting; the court limits are 人民法院在线调解规则 第24条.
 */
import { z } from 'zod';

export const mediationSettings = z.object({
  MEDIATION_DAYS: z.coerce.number().int().min(1).max(180).default(30).describe('人民调解一般调结期限（自然日；人民调解工作若干规定 第33条“一般在一个月内调结”，本地可调整）'),
  MEDIATION_CONFIRM_REMIND: z.enum(['sms', 'none']).default('sms').describe('达成协议后提醒双方当事人30日内共同申请司法确认（人民调解法 第33条）的方式：sms＝短信（经消息发件箱），none＝不发送'),
  MEDIATION_CONFIRM_CLOSING_REMIND_DAYS: z.coerce.number().int().min(0).max(29).default(3).describe('司法确认申请期限（协议签订之日起30日，人民调解法 第33条）届满前几日再次短信提醒尚未申请的双方当事人；0＝不再次提醒（本地设置）'),
  DEMO_DISPUTES: z.coerce.number().int().min(0).max(50000).default(5299).describe('演示数据：近十二个月排查化解的矛盾纠纷件数（湖滨区报告：5299件）'),
  DEMO_SCREENINGS_PER_VILLAGE: z.coerce.number().int().min(0).max(52).default(12).describe('演示数据：每个村（社区）一年的矛盾纠纷排查次数'),
});
export type MediationSettings = z.output<typeof mediationSettings>;
