/**
 * Hotline settings (read with domainConfig(kernel, hotlineSettings)). Working-day limits are local
 * rules: 国办发〔2020〕53号 leaves the 12345 handling limits to each locality.
 */
import { z } from 'zod';

const days = (dflt: number, what: string) => z.coerce.number().int().min(1).max(365).default(dflt).describe(what);

export const hotlineSettings = z.object({
  HOTLINE_CONSULT_WORKDAYS: days(1, '12345 咨询类工单办理时限（工作日）'),
  HOTLINE_CANNOTDO_WORKDAYS: days(2, '12345 “办不成事”反映办理时限（工作日）'),
  HOTLINE_WORKDAYS: days(5, '12345 其他工单（投诉、求助、建议）办理时限（工作日）'),
  HOTLINE_CALLBACK_DAYS: days(7, '工单答复后回访时限（自然日）'),
  HOTLINE_RETURN_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24).describe('承办单位可退单的时限（派单后小时数）'),
  MAILBOX_REPLY_WORKDAYS: days(15, '市长信箱来信答复时限（工作日）'),
  HOTLINE_MERGE_SIMILARITY: z.coerce.number().gt(0).max(1).default(0.5).describe('登记时提示疑似重复工单的文本相似度下限（0–1）'),
  /** 办不成事反映 goes to the services bureau's supervision (国办发〔2023〕… 设立“办不成事”反映窗口). */
  HOTLINE_CANNOTDO_ORG: z.string().min(1).max(100).default('湖滨区行政审批和政务信息管理局').describe('“办不成事”反映工单的承办机构名称'),
  DEMO_TICKETS: z.coerce.number().int().min(0).max(10_000_000).default(19_000).describe('演示数据：一年的 12345 工单数'),
  DEMO_LETTERS: z.coerce.number().int().min(0).max(1_000_000).default(940).describe('演示数据：一年的市长信箱来信数'),
  ZT_PROFILE: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1').describe('生成演示工单时逐条打印 SQL 耗时（开发用）'),
});
