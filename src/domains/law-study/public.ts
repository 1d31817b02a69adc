/**
 * What other domains may use from law-study: training hours per person and year (the enforcement
 * credentials' annual review reads them), an official's exam results, and the year's 法治建设 meetings
 * and 述法 for the annual report's part 三 (第一责任人职责).
 */
import type { Kernel, Tx } from '../../core/server';
import { MEETING_KINDS, SESSION_KINDS, SHUFA_RATINGS, type MeetingKind, type SessionKind } from './shared/law-study.labels';
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

const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const stop = (t: string) => t.trim().replace(/[。；;，,\s]+$/u, '');
/**
 * Part 三 (第一责任人职责) of the annual report written from the year's records instead of a fixed paragraph:
 * one paragraph per kind of record that exists — meetings of the 党委常委会 and 政府常务会议 that studied or
 * decided rule-of-law matters (each with its date, topics and decisions), the 依法治区委员会, the 第一责任人's
 * own acts, and 述法 (how many, on-site or written, the ratings). No records, no paragraphs: the report
 * then keeps its fixed paragraph for the drafter to replace.
 */
export async function partThreeParagraphs(tx: Tx, divisionCode: string, year: number): Promise<{ key: string; text: string }[]> {
  const p = await partThree(tx, divisionCode, year);
  const out: { key: string; text: string }[] = [];
  const list = (ms: PartThree['meetings']) => ms.map((m) => `${md(m.heldOn)}${m.title}${m.chair ? `（${m.chair}主持）` : ''}${stop(m.topics)}${m.decisions ? `，${stop(m.decisions)}` : ''}`).join('；');
  const studied = p.meetings.filter((m) => m.kind === 'partyCommittee' || m.kind === 'govExecutive');
  if (studied.length) {
    const n = (k: MeetingKind) => studied.filter((m) => m.kind === k).length;
    const parts = [n('partyCommittee') ? `党委常委会会议${n('partyCommittee')}次` : '', n('govExecutive') ? `政府常务会议${n('govExecutive')}次` : ''].filter(Boolean).join('、');
    out.push({ key: 'meetings', text: `${year}年共召开${parts}研究法治建设工作：${list(studied)}。` });
  }
  const committee = p.meetings.filter((m) => m.kind === 'committee');
  if (committee.length) out.push({ key: 'committee', text: `召开${MEETING_KINDS.committee}${committee.length}次：${list(committee)}。` });
  const acts = p.meetings.filter((m) => m.kind === 'firstResponsibleAct');
  if (acts.length) out.push({ key: 'acts', text: `主要负责人履行推进法治建设第一责任人职责${acts.length}项：${list(acts)}。` });
  if (p.shufa.officials) {
    const sessions = p.meetings.filter((m) => m.kind === 'shufaMeeting');
    const rated = SHUFA_RATINGS.filter((r) => p.shufa.ratings[r]).map((r) => `“${r}”${p.shufa.ratings[r]}人`).join('、');
    out.push({ key: 'shufa', text: `组织${p.shufa.officials}名党政干部述法履职，其中现场述法${p.shufa.onsite}人${sessions.length ? `（述法会${sessions.length}场）` : ''}、书面述法${p.shufa.written}人${rated ? `；经评议，${rated}` : ''}。` });
  }
  return out;
}
