/**
 * Expiry reminders, the part every registry of things that expire shares (e-licences, enforcement
 * credentials): which reminder is due today. A registry keeps one row per thing and offset sent (a
 * unique key makes its job idempotent) and passes the smallest offset already sent.
 */
import { diffDays } from './calendar';

/**
 * The reminder due on `today` for something valid through `validTo`, given the offsets (days before
 * expiry) at which to remind and the smallest offset already sent (null: none). Only the closest
 * offset already reached is sent — a job that was down for a while does not send the missed ones too —
 * and never one at or beyond a reminder already sent. Null when nothing is due.
 */
export function dueReminder(offsets: readonly number[], validTo: string, today: string, lastSent: number | null): { offset: number; daysLeft: number } | null {
  const daysLeft = diffDays(today, validTo);
  const reached = offsets.filter((o) => daysLeft <= o);
  if (!reached.length) return null;
  const offset = Math.min(...reached);
  if (lastSent !== null && lastSent <= offset) return null;
  return { offset, daysLeft };
}
