/**
 * Case-file review settings (read with domainConfig(kernel, caseFileReviewSettings)). Grade thresholds and
 * the rectification period differ by province and campaign plan (local rules, not confirmed statewide):
 * settings. Demo sizes follow the seed report 003 ("抽查13家单位130本行政处罚案卷").
 */
import { z } from 'zod';

export const caseFileReviewSettings = z.object({
  CFR_EXCELLENT_MIN: z.coerce.number().int().min(1).max(100).default(90).describe('案卷评查“优秀”的最低得分（本地评查标准规定，常见为90分）'),
  CFR_PASS_MIN: z.coerce.number().int().min(1).max(100).default(70).describe('案卷评查“合格”的最低得分，低于此分或有否决项的为不合格（本地评查标准规定）'),
  CFR_RECTIFY_DAYS: z.coerce.number().int().min(1).max(120).default(20).describe('评查发现问题的整改期限（工作日，自下发整改通知起算；本地规定）'),
  SUPERVISION_REPLY_DAYS: z.coerce.number().int().min(1).max(120).default(30).describe('行政执法监督意见书的整改答复期限（工作日，自制发意见书起算；本地规定）'),
  DEMO_CFR_UNITS: z.coerce.number().int().min(0).max(100).default(13).describe('演示数据：案卷评查抽查的单位数'),
  DEMO_CFR_FILES_PER_UNIT: z.coerce.number().int().min(1).max(50).default(10).describe('演示数据：每个单位抽查的案卷数'),
  DEMO_JOINT_MEETINGS: z.coerce.number().int().min(0).max(50).default(4).describe('演示数据：一年召开的行政执法联席会议次数'),
  DEMO_SUPERVISIONS: z.coerce.number().int().min(0).max(500).default(24).describe('演示数据：一年的行政执法监督事项数（部分来自12345投诉）'),
});
export type CaseFileReviewSettings = z.output<typeof caseFileReviewSettings>;
