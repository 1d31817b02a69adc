/**
 * The calendar's watch: tells the calendar administrators when next year's holiday notice is missing.
 * Apart from calendar.service.ts so the calendar cache (which the kernel's contract names) does not pull
 * in the outbox and jobs.
 */
import * as tenancy from './tenancy.repository';
import * as jobsRepo from './jobs.repository';
import { notify } from './outbox';
import { defineJob } from './jobs';
import type { Kernel } from './contract';

/**
 * The State Council publishes next year's 部分节假日安排 each autumn (the bundled notices were signed
 * between 21 October and 8 December). From 1 November, while next year is not published (or at any time
 * the current year is not), every calendar administrator (calendar.manage) is told in their inbox, at most
 * once a day each: until the year is published, due dates that reach into it are provisional (预计).
 * Returns the number of messages written.
 */
export async function warnMissingYear(kernel: Kernel): Promise<number> {
  const today = kernel.today();
  const thisYear = Number(today.slice(0, 4));
  return kernel.db.tx(async (tx) => {
    const cal = await kernel.calendar.get(tx).catch(() => null);
    const covered = (y: number) => !!cal && cal.lastDate >= `${y}-12-31` && cal.firstDate <= `${y}-01-01`;
    const missing = !covered(thisYear) ? thisYear : today.slice(5) >= '11-01' && !covered(thisYear + 1) ? thisYear + 1 : null;
    if (missing === null) return 0;
    const title = `【节假日安排】${missing}年节假日安排尚未发布`;
    const body = `系统中的节假日安排${cal ? `至${cal.lastDate}` : '尚未发布任何年度'}，${missing}年部分节假日安排尚未发布。` +
      `请在国务院办公厅通知印发后，于“系统管理—节假日安排”中建立并发布${missing}年度。` +
      `发布前，期限跨入${missing}年的办件按周末推算到期日并标注“预计”，发布后系统自动重新计算。`;
    const since = new Date(kernel.now().getTime() - 86400_000);
    let sent = 0;
    for (const u of await tenancy.usersWithPermission(tx, 'calendar.manage')) {
      if (await jobsRepo.sentInappSince(tx, u.userId, title, since)) continue;
      await notify(tx, kernel, { channel: 'inapp', recipientUserId: u.userId, divisionCode: u.divisionCode, link: '/admin/calendar', title, body });
      sent++;
    }
    return sent;
  });
}

export const calendarWatchJob = defineJob({
  name: 'calendar.year-watch',
  // Hourly, so a restart or a new day is noticed soon; the per-user check keeps it to once a day.
  everySeconds: 3600,
  handler: async (kernel) => { await warnMissingYear(kernel); },
});
