/** 村（居）法律顾问 settings (read with domainConfig(kernel, legalAdvisersSettings)). */
import { z } from 'zod';

export const legalAdvisersSettings = z.object({
  LEGAL_ADVISERS_COUNT_UNCONFIRMED: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('统计法律顾问工作量时是否计入村（社区）尚未确认的工作记录（默认只计已确认的）'),
  LEGAL_ADVISERS_LOG_DAYS: z.coerce.number().int().min(1).max(366).default(31).describe('法律顾问补录工作记录的最长期限（服务日期距今的天数）'),
  DEMO_LEGAL_ADVISERS: z.coerce.number().int().min(0).max(500).default(68).describe('演示数据：村（居）法律顾问人数（湖滨区报告：68名）'),
  DEMO_ADVISER_WORK: z.coerce.number().int().min(0).max(20000).default(830).describe('演示数据：近十二个月的法律顾问工作记录条数（按报告中七类工作的比例分配）'),
});
export type LegalAdvisersSettings = z.output<typeof legalAdvisersSettings>;
