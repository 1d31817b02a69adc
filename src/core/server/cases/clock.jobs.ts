/**
 * The clock scanner: once a minute, across however many processes, it re-derives due dates the calendar
 * has moved under (a due date that waited, or a provisional 预计 one, after a year is published), warns
 * the handling office before a deadline, marks a clock overdue the day after its due date (and fires the
 * machine's onOverdue event, e.g. 视为受理, on a confirmed due date only).
 *
 * Overdue on a provisional due date: the clock IS marked overdue (timeline, badge, the office's inbox,
 * the figures), because a December case must not silently never go overdue while next year's notice is
 * unpublished. The onOverdue event is NOT fired on an estimate: a deemed outcome (视为受理, 视为同意) is a
 * legal effect, and weekends-only counting may put the estimate before the real date (a working day of
 * the new year may turn out a holiday). Once the year is published the clock is re-derived, its overdue
 * mark cleared, and it is judged again on the confirmed date, which fires onOverdue if still past.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { caseClocks } from '../db/schema';
import { defineJob } from '../jobs';
import { notify } from '../outbox';
import { SYSTEM_ACTOR } from '../actor';
import { deadlineBadge, provisionalReason } from '../../shared/clock';
import { isAppError } from '../../shared/errors';
import type { Kernel } from '../contract';
import * as repo from './case.repository';
import * as tenancy from '../tenancy.repository';
import { recomputeClock, transition } from './case.service';

export async function scanClocks(kernel: Kernel): Promise<{ warned: number; overdue: number; recomputed: number }> {
  const today = kernel.today();
  const stats = { warned: 0, overdue: 0, recomputed: 0 };
  const { candidates, stale, cal } = await kernel.db.tx(async (tx) => {
    const cal = await kernel.calendar.get(tx);
    // Warning window: a generous natural-day horizon; the exact working-day test is done per clock below.
    const horizon = new Date(Date.parse(today) + 30 * 86400_000).toISOString().slice(0, 10);
    return {
      cal,
      stale: await repo.clocksToRederive(tx, Number(cal.version), 500),
      candidates: await repo.clocksNeedingAttention(tx, today, horizon, Number(cal.version), 500),
    };
  });
  const rederived = new Set<string>();
  for (const clock of stale) {
    rederived.add(clock.id);
    await kernel.db.tx(async (tx) => { if ((await recomputeClock(tx, kernel, clock, cal)) !== null) stats.recomputed++; });
  }
  // Within one case and due date, a clock whose expiry has a legal effect (onOverdue, e.g. 视为受理) is
  // judged first: that effect may stop its sibling (the 补正 notice period ends with the deemed acceptance),
  // and the sibling, re-checked below, is then no longer running and is neither marked nor notified.
  const effect = (c: (typeof candidates)[number]) => (kernel.caseTypes.get(c.caseType)?.machine.clocks[c.clock.name]?.onOverdue ? 0 : 1);
  candidates.sort((a, b) => (a.clock.dueDate ?? '').localeCompare(b.clock.dueDate ?? '') || a.clock.caseId.localeCompare(b.clock.caseId) || effect(a) - effect(b));
  for (const { clock, caseType, orgId } of candidates) {
    const reg = kernel.caseTypes.get(caseType);
    if (!reg) continue;
    // Re-derived just now (or still waiting for the calendar): judged on its new date at the next scan.
    if (!clock.dueDate || rederived.has(clock.id)) continue;
    const at = kernel.now();
    const badge = deadlineBadge({ ...clock, unit: clock.unit as 'workday', state: 'running', limitDays: clock.limitDays }, clock.dueDate, today, cal, clock.warnBefore, clock.provisional);
    const overdue = badge.level === 'overdue';
    const warn = !clock.warnedAt && (badge.level === 'warning' || badge.level === 'today' || overdue);
    if (!overdue && !warn) continue;
    const dueText = clock.provisional ? `预计到期日${clock.dueDate}；${provisionalReason(cal, clock.dueDate).slice(3)}` : `到期日${clock.dueDate}`;
    const fired = await kernel.db.tx(async (tx) => {
      const row = await repo.getCase(tx, clock.caseId);
      if (!row) return false;
      // Compare-and-set on the marker column, in the same statement as the re-check that the clock still
      // runs on the due date it was loaded with: a second scanner that raced us, an earlier clock's
      // onOverdue event in this scan that stopped it, or a clerk who stopped or extended it since the
      // candidates were read, all leave nothing to mark (PostgreSQL re-evaluates the WHERE on the row
      // version a concurrent writer committed).
      const col = overdue ? caseClocks.overdueAt : caseClocks.warnedAt;
      const patch = overdue ? { overdueAt: at, ...(clock.warnedAt ? {} : { warnedAt: at }) } : { warnedAt: at };
      const stillDue = and(isNull(col), eq(caseClocks.state, 'running'), eq(caseClocks.dueDate, clock.dueDate!));
      if (!(await repo.updateClock(tx, clock.id, patch, stillDue))) return false;
      const event = overdue ? 'clock.overdue' : 'clock.warning';
      await repo.appendEvent(tx, {
        id: randomUUID(), caseId: row.id, event, fromState: row.state, toState: row.state, actorId: null, actorName: '系统',
        at, comment: `${clock.label}：${badge.label}（${dueText}）`, input: { clock: clock.name }, divisionCode: row.divisionCode,
      });
      // The case org's staff of the type, unless the type names who answers for this clock (e.g. 复议's
      // review and decision periods: the 复议机构, not the respondent agency that is the case's org).
      const named = reg.clockNotices?.[clock.name];
      const recipients = new Set([
        ...(!named || named.alsoOrg ? await tenancy.staffWithPermissionInOrg(tx, orgId, `${caseType}.`) : []),
        ...(named ? await tenancy.staffWithPermissionOver(tx, row.divisionCode, named.permission) : []),
      ]);
      for (const userId of recipients) {
        await notify(tx, kernel, {
          channel: 'inapp', recipientUserId: userId, divisionCode: row.divisionCode, caseId: row.id, link: `/cases/${row.id}`,
          title: overdue ? `【超期】${row.refNo}` : `【临期】${row.refNo}`,
          body: `${row.title}：${clock.label}${badge.label}，${dueText}。`,
        });
      }
      return true;
    });
    if (!fired) continue;
    if (overdue) stats.overdue++; else stats.warned++;
    const onOverdue = reg.machine.clocks[clock.name]?.onOverdue;
    // Never a deemed outcome on an estimate (see the header): it waits for the confirmed due date.
    if (overdue && onOverdue && !clock.provisional) {
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
