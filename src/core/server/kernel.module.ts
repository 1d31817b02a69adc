/** The kernel's own jobs and metrics, registered like any domain's. */
import { defineDomain } from './kernel';
import { clockScanJob } from './cases/clock.jobs';
import { outboxJob } from './outbox';
import { calendarWatchJob } from './calendar.jobs';
import { caseMetrics } from './cases/case.metrics';
import { defineJob } from './jobs';
import * as jobsRepo from './jobs.repository';

const purgeJob = defineJob({
  name: 'jobs.purge',
  everySeconds: 3600,
  handler: async (kernel) => {
    await kernel.db.tx((tx) => jobsRepo.purgeDoneJobs(tx, new Date(kernel.now().getTime() - 7 * 86400_000)));
  },
});

export const kernelModule = defineDomain({
  name: 'kernel',
  jobs: [clockScanJob, outboxJob, purgeJob, calendarWatchJob],
  metrics: caseMetrics,
});
