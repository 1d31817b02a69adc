/** “一件事” settings (read with domainConfig(kernel, bundlesSettings)). */
import { z } from 'zod';

export const bundlesSettings = z.object({
  DEMO_BUNDLES: z.coerce.number().int().min(0).max(1_000_000).default(450).describe('演示数据：一年的“一件事”联办件数'),
});
