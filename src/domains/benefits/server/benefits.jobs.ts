/** The county scan runs as a durable job (progress on its scan row). */
import { z } from 'zod';
import { defineJob } from '../../../core/server';
import { runScan } from './benefits.service';

export const scanJob = defineJob({
  name: 'benefits.scan',
  schema: z.object({ scanId: z.uuid() }),
  maxAttempts: 1,
  handler: async (kernel, p) => { await runScan(kernel, p.scanId); },
});
