/**
 * Clock maths for case deadlines (DESIGN §4.3), pure and isomorphic. A clock counts working days
 * (行政许可法 第82条, 政府信息公开条例) or natural days (民事诉讼法 第85条: the start day is not counted and a
 * period ending on a rest day ends on the next working day). Paused time (补正, 听证/鉴定/专家评审 under
 * 行政许可法 第45条, third-party consultation, 中止) does not count; extensions add days with their approver.
 */
import type { ClockUnit } from './machine';
import { unpublishedYearsText, type WorkCalendar } from './calendar';
import { isAppError } from './errors';
import type { DeadlineBadge } from './schemas';

export type ClockPause = { from: string; to: string | null; reason: string; days: number };
export type ClockExtension = { days: number; approverId: string; approverName: string; reason: string; at: string };
export type ClockData = {
  label: string;
  unit: ClockUnit;
  limitDays: number;
  state: 'running' | 'paused' | 'stopped';
  startedOn: string;
  stoppedOn: string | null;
  pauses: ClockPause[];
  extensions: ClockExtension[];
  legalBasis: string;
};

const unitWord = (u: ClockUnit) => (u === 'workday' ? '个工作日' : '日');

/** Days a closed pause removed from the count: working days in (from, to], or natural days. */
/** ISO date plus n days, on dates alone (UTC arithmetic, so no zone or daylight-saving shift). */
function plusDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

export function pauseLength(unit: ClockUnit, from: string, to: string, cal: WorkCalendar): number {
  // A pause that ends past the published calendar (resumed on 5 January before next year's notice is out)
  // is measured on weekends alone there, as a 预计 due date is; the due date after it is provisional too,
  // and recomputeClock measures the pause again once the year is published.
  if (unit === 'workday') return (to > cal.lastDate ? cal.provisional() : cal).workdaysBetween(from, to);
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86400000));
}

export type DueDerivation = { dueDate: string | null; derivation: string; provisional: boolean };

/** Why a provisional due date is only an estimate: "预计：2027年节假日安排尚未发布，按周末推算". */
export function provisionalReason(cal: WorkCalendar, dueDate: string): string {
  return `预计：${unpublishedYearsText(cal.lastDate, dueDate)}节假日安排尚未发布，按周末推算`;
}

/**
 * Due date and the sentence that explains it. While paused there is no due date.
 *
 * A due date past the published calendar is provisional: computed on weekends alone past the last
 * published date (WorkCalendar.provisional), labelled 预计 with the reason, and re-derived when the year
 * is published. Leaving it empty ("待定") meant a December case could never go overdue until the next
 * notice was entered; an estimate the user can see is one is better than a silent clock.
 */
export function deriveDue(c: ClockData, cal: WorkCalendar): DueDerivation {
  const ext = c.extensions.reduce((s, e) => s + e.days, 0);
  const paused = c.pauses.reduce((s, p) => s + (p.to ? p.days : 0), 0);
  const total = c.limitDays + ext + paused;
  const parts = [`自${c.startedOn}起算${c.limitDays}${unitWord(c.unit)}（${c.legalBasis}）`];
  for (const e of c.extensions) parts.push(`经${e.approverName}批准延长${e.days}${unitWord(c.unit)}（${e.reason}）`);
  for (const p of c.pauses) parts.push(p.to ? `${p.reason}暂停${p.from}至${p.to}，不计${p.days}${unitWord(c.unit)}` : `${p.reason}自${p.from}起暂停计时`);
  if (c.state === 'paused') return { dueDate: null, derivation: `${parts.join('；')}；暂停期间不计算到期日。`, provisional: false };
  if (c.unit === 'date') {
    const dueDate = plusDays(c.startedOn, total);
    return { dueDate, derivation: `${parts.join('；')}；届满日${dueDate}（按日历日计算，不因节假日顺延）。`, provisional: false };
  }
  const compute = (k: WorkCalendar) => (c.unit === 'workday' ? k.addWorkdays(c.startedOn, total) : k.addNaturalDays(c.startedOn, total));
  const tail = c.unit === 'natural' ? '（期间届满日为休息日的，顺延至其后第一个工作日，民事诉讼法第85条）' : '（起算日不计入，不含法定节假日）';
  try {
    const dueDate = compute(cal);
    return { dueDate, derivation: `${parts.join('；')}；到期日${dueDate}${tail}。日历版本${cal.version}。`, provisional: false };
  } catch (e) {
    if (!(isAppError(e) && e.code === 'CALENDAR_OUT_OF_RANGE')) throw e;
  }
  try {
    const dueDate = compute(cal.provisional());
    return {
      dueDate, provisional: true,
      derivation: `${parts.join('；')}；预计到期日${dueDate}${tail}：${provisionalReason(cal, dueDate).slice(3)}（已发布的节假日安排至${cal.lastDate}），发布后自动重新计算。日历版本${cal.version}。`,
    };
  } catch (e) {
    if (!(isAppError(e) && e.code === 'CALENDAR_OUT_OF_RANGE')) throw e;
    // Before the first published date, or too far past the last one even for an estimate.
    return { dueDate: null, derivation: `${parts.join('；')}；到期日超出已发布的节假日安排（${cal.firstDate}至${cal.lastDate}），待节假日安排发布后自动计算。`, provisional: false };
  }
}

/** The badge a clerk sees: 剩余N个工作日 / 今日到期 / 已超期N个工作日, with （预计） on a provisional due date. */
export function deadlineBadge(c: ClockData, dueDate: string | null, today: string, cal: WorkCalendar, warnBefore = 1, provisional = false): DeadlineBadge {
  if (provisional && dueDate) {
    // A provisional due date counts on the same weekends-only estimate it was derived on, says so in the
    // label (预计), and carries the reason for the tooltip and exports.
    const b = deadlineBadge(c, dueDate, today, cal.provisional(), warnBefore);
    return b.level === 'stopped' || b.level === 'paused' ? b : { ...b, label: `${b.label}（预计）`, provisional: provisionalReason(cal, dueDate) };
  }
  const w = unitWord(c.unit);
  const between = (a: string, b: string) => (c.unit === 'workday' ? cal.workdaysBetween(a, b) : Math.round((Date.parse(b) - Date.parse(a)) / 86400000));
  if (c.state === 'stopped') {
    if (!dueDate || !c.stoppedOn || c.stoppedOn <= dueDate) return { label: '已办结', level: 'stopped', remainingWorkdays: null };
    return { label: `已办结（超期${safe(() => between(dueDate, c.stoppedOn!))}${w}）`, level: 'stopped', remainingWorkdays: null };
  }
  if (c.state === 'paused') {
    const open = c.pauses.find((p) => !p.to);
    return { label: `已暂停${open ? `（${open.reason}）` : ''}`, level: 'paused', remainingWorkdays: null };
  }
  if (!dueDate) return { label: '到期日待定', level: 'warning', remainingWorkdays: null };
  if (today === dueDate) return { label: '今日到期', level: 'today', remainingWorkdays: 0 };
  if (today > dueDate) {
    const n = safe(() => between(dueDate, today));
    return { label: `已超期${n}${w}`, level: 'overdue', remainingWorkdays: typeof n === 'number' ? -n : null };
  }
  const n = safe(() => between(today, dueDate));
  return { label: `剩余${n}${w}`, level: typeof n === 'number' && n <= warnBefore ? 'warning' : 'normal', remainingWorkdays: typeof n === 'number' ? n : null };
}

function safe(f: () => number): number | string {
  try { return f(); } catch { return '若干'; }
}
