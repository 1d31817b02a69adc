/** Legal-affairs settings (read with domainConfig(kernel, legalAffairsSettings)). */
import { z } from 'zod';

export const legalAffairsSettings = z.object({
  // Local rule, not a national one: 河南省合法性审查工作规定 and most county rules give the reviewer a few
  // working days for a contract; this district uses 5 by default.
  CONTRACT_REVIEW_WORKDAYS: z.coerce.number().int().min(1).max(60).default(5).describe('合同合法性审查时限（工作日）'),
});
