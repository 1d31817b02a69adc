import { defineJob } from '../../../core/server';
import { runConfirmClosingReminders } from './mediation.service';

/** Hourly across all processes (the jobs table dedupes the slot); a dispute is reminded once, by whoever claims it. */
export const confirmClosingRemindJob = () => defineJob({
  name: 'mediation.confirmClosingRemind',
  everySeconds: 3600,
  maxAttempts: 3,
  handler: async (kernel) => { await runConfirmClosingReminders(kernel); },
});
