/**
 * 免申即享 settings (read with domainConfig(kernel, benefitsSettings)). No national rule fixes these
 * periods: the 公示 period is "typically 5–7 days" (service-catalog §5.2 ¶5), the review and objection
 * periods are local practice, and 应享未享 is a county's own follow-up threshold.
 */
import { z } from 'zod';

export const benefitsSettings = z.object({
  BENEFITS_PUBLICITY_DAYS: z.coerce.number().int().min(0).max(30).default(5).describe('拟兑现名单公示期（自然日，本地规定，常见5至7日）'),
  BENEFITS_UNCLAIMED_DAYS: z.coerce.number().int().min(1).max(365).default(30).describe('应享未享：公示期满后超过该天数仍未拨付的，列入应享未享清单（自然日）'),
  BENEFITS_REVIEW_DAYS: z.coerce.number().int().min(1).max(30).default(5).describe('司法局合法性审查期限（工作日，本地规定）'),
  BENEFITS_OBJECTION_DAYS: z.coerce.number().int().min(1).max(30).default(5).describe('异议核实期限（工作日，本地规定）'),
  BENEFITS_NOTIFY_NEAR_MISSES: z.enum(['true', 'false']).default('true').transform((v) => v === 'true').describe('是否向“差一项条件”的企业发送提示（说明未满足的条件和更正数据的途径）'),
  BENEFITS_PLATFORM_URL: z.string().max(300).default('').describe('省级数据共享交换平台接口地址；为空时使用本地交换文件目录适配器'),
  BENEFITS_PLATFORM_DIR: z.string().max(300).default('./data/benefits-exchange').describe('本地适配器读取的交换文件目录（每个来源部门一个CSV文件：<来源>.csv）'),
  DEMO_BENEFIT_FIRMS: z.coerce.number().int().min(0).max(100000).default(3000).describe('演示数据：企业登记库中的企业数'),
  DEMO_BENEFIT_PERSONS: z.coerce.number().int().min(0).max(100000).default(500).describe('演示数据：户籍人口中的老年人数（高龄津贴）'),
});
export type BenefitsSettings = z.output<typeof benefitsSettings>;
