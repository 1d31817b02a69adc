/** 政府信息公开 settings (read with domainConfig(kernel, disclosureSettings)). */
import { z } from 'zod';

export const disclosureSettings = z.object({
  // 政府信息公开条例 第33条: 20 working days, extendable by 20 with approval.
  DISCLOSURE_REPLY_WORKDAYS: z.coerce.number().int().min(1).max(60).default(20).describe('依申请公开答复时限（工作日，条例第33条）'),
  // 第30条: the applicant's correction time is set by the body; 15 working days is common practice.
  DISCLOSURE_CORRECTION_WORKDAYS: z.coerce.number().int().min(1).max(60).default(15).describe('依申请公开补正期限（工作日）'),
  DEMO_DISCLOSURE_ITEMS: z.coerce.number().int().min(0).max(1_000_000).default(4458).describe('演示数据：主动公开条目数'),
  DEMO_DISCLOSURE_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(47).describe('演示数据：一年的依申请公开件数'),
});
