import { defineJob } from '../../../core/server';
import { runReminders } from './licences.service';

/** Hourly across all processes (the jobs table dedupes the slot); a run sends only what is not yet sent. */
export const remindJob = () => defineJob({
  name: 'licences.remind',
  everySeconds: 3600,
  maxAttempts: 3,
  handler: async (kernel) => { await runReminders(kernel); },
});
