/**
 * What other domains may use from law-study: training hours per person and year (the enforcement
 * credentials' annual review reads them), an official's exam results, and the year's 法治建设 meetings
 * and 述法 for the annual report's part 三 (第一责任人职责).
 */
import type { Kernel, Tx } from '../../core/server';
import { MEETING_KINDS, SESSION_KINDS, type MeetingKind, type SessionKind } from './shared/law-study.labels';
import * as repo from './server/law-study.repository';
import { settingsOf, trainingHours } from './server/law-study.service';
import { resultsOf } from './server/exams.service';

export type PersonHours = { officialId: string; userId: string | null; name: string; orgId: string; total: number; byKind: Partial<Record<SessionKind, number>> };

/**
 * 法治学习学时 per official of a division in `year`, by kind (hours = sessions' lengths; 旁听庭审 counts
 * only when LAW_STUDY_COURT_VISIT_HOURS is true). Officials with no session are absent (0 hours).
 */
export async function trainingHoursByPerson(tx: Tx, kernel: Kernel, divisionCode: string, year: number): Promise<PersonHours[]> {
  const rows = await repo.minutesByPerson(tx, divisionCode, year, settingsOf(kernel).LAW_STUDY_COURT_VISIT_HOURS);
  const out = new Map<string, PersonHours>();
  for (const r of rows) {
    const p = out.get(r.officialId) ?? { officialId: r.officialId, userId: r.userId, name: r.name, orgId: r.orgId, total: 0, byKind: {} };
    const h = Math.round((r.minutes / 60) * 10) / 10;
    p.byKind[r.kind as SessionKind] = h;
    p.total = Math.round((p.total + h) * 10) / 10;
    out.set(r.officialId, p);
  }
  return [...out.values()];
}
/** One official's hours in a year by kind. */
export const trainingHoursOf = (tx: Tx, kernel: Kernel, officialId: string, year: number) => trainingHours(tx, kernel, officialId, year);
/**
 * The 旁听庭审 hours law-study counts as study hours, as a derived table (user_id, held_on, hours): one
 * row per staff account and day, a hearing entered twice counted once, empty when
 * LAW_STUDY_COURT_VISIT_HOURS is false. For another domain's figure SQL to join on its account column
 * (the enforcement credentials' 培训学时达标率) without naming law-study's tables.
 */
export const courtVisitDaysSql = (kernel: Kernel) => repo.courtVisitDays(settingsOf(kernel).LAW_STUDY_COURT_VISIT_HOURS);
/** The register entry of a login account, if any. */
export const officialOfUser = (tx: Tx, userId: string) => repo.officialByUser(tx, userId);
/** An official's best score per exam opened in `year`, and whether it passed. */
export const examResultsOf = (tx: Tx, kernel: Kernel, officialId: string, year: number) => resultsOf(tx, kernel, officialId, year);
export { SESSION_KINDS, MEETING_KINDS };

export type PartThree = {
  meetings: { kind: MeetingKind; kindName: string; title: string; heldOn: string; chair: string | null; topics: string; decisions: string | null }[];
  /** 党委常委会 and 政府常务会议 that studied rule-of-law matters (what ruleOfLawMeetings.count counts). */
  studiedCount: number;
  committeeCount: number;
  shufa: { officials: number; onsite: number; written: number; ratings: Record<string, number> };
};
/** The year's 法治建设 meetings, 第一责任人 acts and 述法, for the annual report's part 三. */
export async function partThree(tx: Tx, divisionCode: string, year: number): Promise<PartThree> {
  const ms = (await repo.meetingsOfYear(tx, divisionCode, year)).map(({ m }) => ({ kind: m.kind as MeetingKind, kindName: MEETING_KINDS[m.kind as MeetingKind], title: m.title, heldOn: m.heldOn, chair: m.chair, topics: m.topics, decisions: m.decisions }));
  const sf = await repo.shufaOfYear(tx, divisionCode, year);
  const ratings: Record<string, number> = {};
  for (const r of sf) if (r.rating) ratings[r.rating] = (ratings[r.rating] ?? 0) + r.n;
  return {
    meetings: ms,
    studiedCount: ms.filter((m) => m.kind === 'partyCommittee' || m.kind === 'govExecutive').length,
    committeeCount: ms.filter((m) => m.kind === 'committee').length,
    shufa: { officials: sf.reduce((n, r) => n + r.n, 0), onsite: sf.filter((r) => r.form === 'onsite').reduce((n, r) => n + r.n, 0), written: sf.filter((r) => r.form === 'written').reduce((n, r) => n + r.n, 0), ratings },
  };
}
