/**
 * The clock scanner: once a minute, across however many processes, it warns the handling office before
 * a deadline, marks a clock overdue the day after its due date (and fires the machine's onOverdue event,
 * e.g. 视为受理), and fills in due dates that waited for next year's holiday schedule.
 */
import { randomUUID } from 'node:crypto';
import { isNull } from 'drizzle-orm';
import { caseClocks } from '../db/schema';
import { defineJob } from '../jobs';
import { notify } from '../outbox';
import { SYSTEM_ACTOR } from '../actor';
import { deadlineBadge } from '../../shared/clock';
import { isAppError } from '../../shared/errors';
import type { Kernel } from '../contract';
import * as repo from './case.repository';
import * as tenancy from '../tenancy.repository';
import { recomputeClock, transition } from './case.service';

export async function scanClocks(kernel: Kernel): Promise<{ warned: number; overdue: number; recomputed: number }> {
  const today = kernel.today();
  const stats = { warned: 0, overdue: 0, recomputed: 0 };
  const { candidates, cal } = await kernel.db.tx(async (tx) => {
    const cal = await kernel.calendar.get(tx);
    // Warning window: a generous natural-day horizon; the exact working-day test is done per clock below.
    const horizon = new Date(Date.parse(today) + 30 * 86400_000).toISOString().slice(0, 10);
    return { cal, candidates: await repo.clocksNeedingAttention(tx, today, horizon, Number(cal.version), 500) };
  });
  for (const { clock, caseType, orgId } of candidates) {
    const reg = kernel.caseTypes.get(caseType);
    if (!reg) continue;
    const at = kernel.now();
    if (!clock.dueDate) {
      await kernel.db.tx(async (tx) => { if (await recomputeClock(tx, kernel, clock, cal)) stats.recomputed++; });
      continue;
    }
    const badge = deadlineBadge({ ...clock, unit: clock.unit as 'workday', state: 'running', limitDays: clock.limitDays }, clock.dueDate, today, cal, clock.warnBefore);
    const overdue = badge.level === 'overdue';
    const warn = !clock.warnedAt && (badge.level === 'warning' || badge.level === 'today' || overdue);
    if (!overdue && !warn) continue;
    const fired = await kernel.db.tx(async (tx) => {
      const row = await repo.getCase(tx, clock.caseId);
      if (!row) return false;
      // Compare-and-set on the marker column: a second scanner that raced us updates nothing.
      const col = overdue ? caseClocks.overdueAt : caseClocks.warnedAt;
      const patch = overdue ? { overdueAt: at, ...(clock.warnedAt ? {} : { warnedAt: at }) } : { warnedAt: at };
      if (!(await repo.updateClock(tx, clock.id, patch, isNull(col)))) return false;
      const event = overdue ? 'clock.overdue' : 'clock.warning';
      await repo.appendEvent(tx, {
        id: randomUUID(), caseId: row.id, event, fromState: row.state, toState: row.state, actorId: null, actorName: '系统',
        at, comment: `${clock.label}：${badge.label}（到期日${clock.dueDate}）`, input: { clock: clock.name }, divisionCode: row.divisionCode,
      });
      for (const userId of await tenancy.staffWithPermissionInOrg(tx, orgId, `${caseType}.`)) {
        await notify(tx, kernel, {
          channel: 'inapp', recipientUserId: userId, divisionCode: row.divisionCode, caseId: row.id, link: `/cases/${row.id}`,
          title: overdue ? `【超期】${row.refNo}` : `【临期】${row.refNo}`,
          body: `${row.title}：${clock.label}${badge.label}，到期日${clock.dueDate}。`,
        });
      }
      return true;
    });
    if (!fired) continue;
    if (overdue) stats.overdue++; else stats.warned++;
    const onOverdue = reg.machine.clocks[clock.name]?.onOverdue;
    if (overdue && onOverdue) {
      try {
        await kernel.db.tx(async (tx) => {
          const row = await repo.getCase(tx, clock.caseId);
          if (row && reg.machine.events[onOverdue]?.from.includes(row.state)) {
            await transition(tx, kernel, SYSTEM_ACTOR, row.id, onOverdue, { comment: `${clock.label}届满，系统自动处理` });
          }
        });
      } catch (e) {
        // Someone acted at the same moment: their decision stands.
        if (!(isAppError(e) && (e.code === 'STATE_CONFLICT' || e.code === 'TRANSITION_NOT_ALLOWED'))) throw e;
      }
    }
  }
  return stats;
}

export const clockScanJob = defineJob({
  name: 'cases.clock-scan',
  everySeconds: 60,
  handler: async (kernel) => { await scanClocks(kernel); },
});
