/** Applications (办件) settings (read with domainConfig(kernel, applicationsSettings)). */
import { z } from 'zod';

export const applicationsSettings = z.object({
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(500).default(20).describe('申请材料单个文件大小上限（MB）'),
  DEMO_APPLICATIONS: z.coerce.number().int().min(0).max(10_000_000).default(120_000).describe('演示数据：一年的办件数'),
});
