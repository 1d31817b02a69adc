/**
 * law-study settings (read with domainConfig(kernel, lawStudySettings)). No national rule fixes an exam's
 * pass mark, length or attempts: Shaanxi 2020 passes at 60 with 3 attempts (highest kept) over 90
 * minutes; Jining 2023 passes at 80 over 60 minutes (rule-of-law-domains.md §4). Each is local.
 */
import { z } from 'zod';

const bool = (d: 'true' | 'false') => z.enum(['true', 'false']).default(d).transform((v) => v === 'true');

export const lawStudySettings = z.object({
  LAW_EXAM_PASS_MARK: z.coerce.number().int().min(1).max(100).default(60).describe('学法考试合格分数线（百分制，本地规定；陕西60分、济宁80分）'),
  LAW_EXAM_MINUTES: z.coerce.number().min(1).max(600).default(60).describe('学法考试默认答题时长（分钟，新建考试时可另定）'),
  LAW_EXAM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3).describe('学法考试默认可考次数（取最高分，本地规定）'),
  LAW_EXAM_DISCRIMINATION: z.enum(['groups27', 'pointBiserial']).default('groups27').describe('试题区分度算法：groups27＝高分组与低分组（各27%）答对率之差；pointBiserial＝点二列相关系数'),
  // 陕西省行政机关领导干部旁听庭审工作实施办法 (2024): 旁听庭审 counts toward 法治培训 hours.
  LAW_STUDY_COURT_VISIT_HOURS: bool('true').describe('旁听庭审是否计入法治培训学时（按实际时长）'),
  LAW_STUDY_MATERIAL_MAX_MB: z.coerce.number().int().min(1).max(100).default(20).describe('学法活动材料（课件、学习材料）单个文件大小上限（MB）'),
  DEMO_LAW_STUDY_OFFICIALS: z.coerce.number().int().min(0).max(5000).default(600).describe('演示数据：学法考试名册中的党政干部人数（不全是登录账号）'),
  DEMO_LAW_STUDY_SESSIONS_PER_ORG: z.coerce.number().int().min(0).max(50).default(4).describe('演示数据：每个单位一年的学法活动次数'),
  DEMO_LAW_EXAM_QUESTIONS: z.coerce.number().int().min(0).max(5000).default(240).describe('演示数据：题库试题数'),
  DEMO_SHUFA: z.coerce.number().int().min(0).max(5000).default(300).describe('演示数据：年度述法人数'),
  DEMO_LAW_STUDY_MEETINGS: z.coerce.number().int().min(0).max(100).default(12).describe('演示数据：法治建设会议和第一责任人履职记录数'),
});
export type LawStudySettings = z.output<typeof lawStudySettings>;
