/** All SQL of law-study: the register, sessions, the question bank, exams and attempts, 述法, meetings, and figures. */
import { and, asc, desc, eq, inArray, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { inDivision, orgs, tzSql, userRoles, users, type RecordSet, type Tx, type MetricScope, uniqueOr409, labelled } from '../../../core/server';
import { COUNTED_MEETING_KINDS, SESSION_KINDS } from '../shared/law-study.labels';
import { attempts, attendance, exams, materials, meetings, officials, questions, sessions, shufa, type AttemptRow, type QuestionRow } from './law-study.tables';

const orgName = (col: SQL | AnyColumn) => sql<string>`(SELECT ${orgs.name} FROM ${orgs} WHERE ${orgs.id} = ${col})`;

// ---- register ----
export const officialByUser = async (tx: Tx, userId: string) => (await tx.select().from(officials).where(eq(officials.userId, userId)))[0] ?? null;
export const getOfficial = async (tx: Tx, id: string) => (await tx.select().from(officials).where(eq(officials.id, id)))[0] ?? null;
/** Other active register entries of the same org under the same name (同名干部). */
export const namesakesOf = (tx: Tx, o: { id: string; orgId: string; name: string }) =>
  tx.select({ id: officials.id, post: officials.post }).from(officials)
    .where(and(eq(officials.orgId, o.orgId), eq(officials.active, true), sql`btrim(${officials.name}) = btrim(${o.name})`, sql`${officials.id} <> ${o.id}`));
export async function insertOfficials(tx: Tx, rows: (typeof officials.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(officials).values(rows.slice(i, i + 500)).onConflictDoNothing();
}
/** Staff accounts of a division without a register entry, each with the org of their first role. */
export async function unregisteredStaff(tx: Tx, divisionCode: string) {
  return tx.selectDistinctOn([users.id], { id: users.id, name: users.displayName, orgId: userRoles.orgId, divisionCode: userRoles.divisionCode, role: userRoles.role })
    .from(users).innerJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(officials, eq(officials.userId, users.id))
    .where(and(eq(users.kind, 'staff'), isNull(officials.id), inDivision(userRoles.divisionCode, divisionCode)))
    .orderBy(users.id, userRoles.orgId);
}
export const listOfficials = (tx: Tx, where: SQL) =>
  tx.select({ id: officials.id, name: officials.name, post: officials.post, leader: officials.leader, orgId: officials.orgId, divisionCode: officials.divisionCode, userId: officials.userId, orgName: orgName(officials.orgId), hasAccount: sql<boolean>`${officials.userId} IS NOT NULL` })
    .from(officials).where(and(eq(officials.active, true), where)).orderBy(asc(officials.orgId), asc(officials.name));
export const officialsIn = (tx: Tx, ids: string[]) => (ids.length ? tx.select().from(officials).where(inArray(officials.id, ids)) : Promise.resolve([]));

// ---- sessions ----
export async function insertSession(tx: Tx, row: typeof sessions.$inferInsert, attendees: { officialId: string; orgId: string; divisionCode: string }[]) {
  await tx.insert(sessions).values(row);
  if (attendees.length) await tx.insert(attendance).values(attendees.map((a) => ({ sessionId: row.id, ...a })));
}
export async function listSessions(tx: Tx, where: SQL, limit: number, offset: number) {
  const rows = await tx.select({
    s: sessions, orgName: orgName(sessions.orgId),
    attendees: sql<number>`(SELECT count(*)::int FROM ${attendance} WHERE ${attendance.sessionId} = ${sessions.id})`,
    names: sql<string[]>`(SELECT coalesce(array_agg(o.name ORDER BY o.name), '{}') FROM ${attendance} a JOIN ${officials} o ON o.id = a.official_id WHERE a.session_id = ${sessions.id})`,
  }).from(sessions).where(where).orderBy(desc(sessions.heldOn), desc(sessions.createdAt)).limit(limit).offset(offset);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(sessions).where(where);
  return { rows, total: n };
}
/** The quarters of `year` with a 政府常务会议学法 session of the division's government (any org of the division). */
export async function quartersWithExecutiveStudy(tx: Tx, divisionCode: string, year: number) {
  const rows = await tx.select({ q: sql<number>`extract(quarter FROM ${sessions.heldOn})::int` }).from(sessions)
    .where(and(inDivision(sessions.divisionCode, divisionCode), eq(sessions.kind, 'govExecutive'), sql`extract(year FROM ${sessions.heldOn}) = ${year}`))
    .groupBy(sql`1`);
  return new Set(rows.map((r) => r.q));
}
/** Training hours of one official in a year by session kind (court visits only when they count). */
export async function hoursOf(tx: Tx, officialId: string, year: number, courtCounts: boolean) {
  return tx.select({ kind: sessions.kind, sessions: sql<number>`count(*)::int`, minutes: sql<number>`sum(${sessions.minutes})::int` })
    .from(attendance).innerJoin(sessions, eq(sessions.id, attendance.sessionId))
    .where(and(eq(attendance.officialId, officialId), sql`extract(year FROM ${sessions.heldOn}) = ${year}`, courtCounts ? undefined : sql`${sessions.kind} <> 'courtVisit'`))
    .groupBy(sessions.kind);
}
export const sessionsAttended = (tx: Tx, officialId: string, year: number) =>
  tx.select({ kind: sessions.kind, topic: sessions.topic, heldOn: sessions.heldOn, court: sessions.court })
    .from(attendance).innerJoin(sessions, eq(sessions.id, attendance.sessionId))
    .where(and(eq(attendance.officialId, officialId), sql`extract(year FROM ${sessions.heldOn}) = ${year}`)).orderBy(asc(sessions.heldOn));

// ---- question bank ----
export const insertQuestions = (tx: Tx, rows: (typeof questions.$inferInsert)[]) =>
  uniqueOr409(() => tx.insert(questions).values(rows), '题库中已有相同题干的试题');
export const stemsTaken = async (tx: Tx, divisionCode: string, stems: string[]) =>
  new Set(stems.length ? (await tx.select({ stem: questions.stem }).from(questions).where(and(eq(questions.divisionCode, divisionCode), inArray(questions.stem, stems)))).map((r) => r.stem) : []);
export const listQuestions = (tx: Tx, where: SQL) => tx.select().from(questions).where(where).orderBy(asc(questions.law), asc(questions.topic), asc(questions.createdAt));
/** The active bank of a division: ids with their type and topic (what a paper is drawn from). */
export const bankIndex = (tx: Tx, divisionCode: string) =>
  tx.select({ id: questions.id, type: questions.type, topic: questions.topic }).from(questions).where(and(eq(questions.divisionCode, divisionCode), eq(questions.active, true)));
export const questionsByIds = (tx: Tx, ids: string[]) => (ids.length ? tx.select().from(questions).where(inArray(questions.id, ids)) : Promise.resolve([] as QuestionRow[]));
/** The key only: what grading needs. */
export const keysByIds = (tx: Tx, ids: string[]) => (ids.length ? tx.select({ id: questions.id, type: questions.type, answer: questions.answer }).from(questions).where(inArray(questions.id, ids)) : Promise.resolve([]));

// ---- exams and attempts ----
export async function insertExam(tx: Tx, row: typeof exams.$inferInsert) { await tx.insert(exams).values(row); }
export const getExam = async (tx: Tx, id: string) => (await tx.select().from(exams).where(eq(exams.id, id)))[0] ?? null;
export const listExams = (tx: Tx, where: SQL) => tx.select().from(exams).where(where).orderBy(desc(exams.opensAt));
export const attemptsOf = (tx: Tx, examId: string, officialId: string) =>
  tx.select().from(attempts).where(and(eq(attempts.examId, examId), eq(attempts.officialId, officialId))).orderBy(asc(attempts.attemptNo));
export const attemptsOfOfficial = (tx: Tx, officialId: string) => tx.select().from(attempts).where(eq(attempts.officialId, officialId));
export const getAttempt = async (tx: Tx, id: string) => (await tx.select().from(attempts).where(eq(attempts.id, id)))[0] ?? null;
/** A second start of the same attempt number (double click, two tabs) loses on the unique index. */
export const insertAttempt = (tx: Tx, row: AttemptRow) => uniqueOr409(() => tx.insert(attempts).values(row), '本次考试已开始，请刷新页面继续作答', 'STATE_CONFLICT');
export async function insertAttempts(tx: Tx, rows: AttemptRow[]) { for (let i = 0; i < rows.length; i += 300) await tx.insert(attempts).values(rows.slice(i, i + 300)); }
/** Saves answers only while the attempt is open at `now`: the deadline is checked by the database row itself. */
export async function saveAnswers(tx: Tx, id: string, now: Date, patch: { answers: Record<string, string>; correct: Record<string, boolean>; score: number; submittedAt?: Date }) {
  const r = await tx.update(attempts).set(patch).where(and(eq(attempts.id, id), isNull(attempts.submittedAt), sql`${attempts.deadline} > ${now.toISOString()}::timestamptz`)).returning({ id: attempts.id });
  return r.length > 0;
}
export async function closeAttempt(tx: Tx, id: string, at: Date) {
  await tx.update(attempts).set({ submittedAt: at }).where(and(eq(attempts.id, id), isNull(attempts.submittedAt)));
}
/** Finished attempts of an exam (submitted, or past their deadline at `now`), best per official. */
export const finishedWhere = (now: Date) => sql`(${attempts.submittedAt} IS NOT NULL OR ${attempts.deadline} <= ${now.toISOString()}::timestamptz)`;
export async function bestAttempts(tx: Tx, examId: string, now: Date, where?: SQL) {
  return tx.selectDistinctOn([attempts.officialId], { a: attempts })
    .from(attempts).where(and(eq(attempts.examId, examId), finishedWhere(now), where))
    .orderBy(attempts.officialId, desc(attempts.score), asc(attempts.attemptNo)).then((rs) => rs.map((r) => r.a));
}
/** Per org: officials on the register, takers (a finished attempt) and those whose best reaches the pass mark. */
export async function unitRates(tx: Tx, exam: { id: string; passMark: number; totalPoints: number }, divisionCode: string, now: Date, scope: SQL) {
  const best = tx.$with('best').as(tx.select({ officialId: attempts.officialId, score: sql<number>`max(${attempts.score})`.as('score') })
    .from(attempts).where(and(eq(attempts.examId, exam.id), finishedWhere(now))).groupBy(attempts.officialId));
  const passScore = Math.ceil((exam.passMark * exam.totalPoints) / 100);
  return tx.with(best).select({
    orgId: officials.orgId, orgName: orgName(officials.orgId),
    registered: sql<number>`count(*)::int`,
    takers: sql<number>`count(${best.officialId})::int`,
    passed: sql<number>`count(*) FILTER (WHERE ${best.score} >= ${passScore})::int`,
  }).from(officials).leftJoin(best, eq(best.officialId, officials.id))
    .where(and(eq(officials.active, true), inDivision(officials.divisionCode, divisionCode), scope))
    .groupBy(officials.orgId).orderBy(officials.orgId);
}

// ---- 述法 and meetings ----
export const insertShufa = (tx: Tx, row: typeof shufa.$inferInsert) => uniqueOr409(() => tx.insert(shufa).values(row), '该干部本年度已有述法记录');
export async function insertShufaMany(tx: Tx, rows: (typeof shufa.$inferInsert)[]) { for (let i = 0; i < rows.length; i += 300) await tx.insert(shufa).values(rows.slice(i, i + 300)); }
export const getShufa = async (tx: Tx, id: string) => (await tx.select().from(shufa).where(eq(shufa.id, id)))[0] ?? null;
export async function rateShufa(tx: Tx, id: string, patch: { rating: string; comments: string | null; ratedBy: string | null }) { await tx.update(shufa).set(patch).where(eq(shufa.id, id)); }
export const listShufa = (tx: Tx, where: SQL) =>
  tx.select({ s: shufa, officialName: officials.name, post: officials.post, orgName: orgName(shufa.orgId) })
    .from(shufa).innerJoin(officials, eq(officials.id, shufa.officialId)).where(where).orderBy(desc(shufa.reportedOn), asc(officials.name));
export async function insertMeeting(tx: Tx, row: typeof meetings.$inferInsert) { await tx.insert(meetings).values(row); }
export const listMeetings = (tx: Tx, where: SQL) => tx.select({ m: meetings, orgName: orgName(meetings.orgId) }).from(meetings).where(where).orderBy(asc(meetings.heldOn));

// ---- figures ----
const between = (col: typeof sessions.heldOn | typeof meetings.heldOn | typeof shufa.reportedOn, q: MetricScope) => sql`${col} BETWEEN ${q.from}::date AND ${q.to}::date`;
const orgIs = (col: AnyColumn, q: MetricScope) => (q.orgId ? eq(col, q.orgId) : undefined);
export const sessionsWhere = (q: MetricScope, kinds: 'study' | 'court' | 'all') => and(
  inDivision(sessions.divisionCode, q.divisionCode), orgIs(sessions.orgId, q), between(sessions.heldOn, q),
  kinds === 'study' ? sql`${sessions.kind} <> 'courtVisit'` : kinds === 'court' ? eq(sessions.kind, 'courtVisit') : undefined,
)!;
export async function personTimes(tx: Tx, where: SQL) {
  const [r] = await tx.select({ n: sql<number>`coalesce(sum(${sessions.otherAttendees} + (SELECT count(*) FROM ${attendance} WHERE ${attendance.sessionId} = ${sessions.id})), 0)::int` }).from(sessions).where(where);
  return r.n;
}
const sessionColumns = [
  { key: 'heldOn', label: '日期', value: sql`${sessions.heldOn}::text` },
  { key: 'kind', label: '形式', value: labelled(sessions.kind, SESSION_KINDS) },
  { key: 'topic', label: '主题', value: sessions.topic },
  { key: 'laws', label: '学习内容', value: sessions.laws },
  { key: 'org', label: '组织单位', value: orgName(sessions.orgId) },
  { key: 'personTimes', label: '参加人次', value: sql`(${sessions.otherAttendees} + (SELECT count(*) FROM ${attendance} WHERE ${attendance.sessionId} = ${sessions.id}))::int` },
  { key: 'court', label: '旁听法院及案号', value: sql`concat_ws(' ', ${sessions.court}, ${sessions.courtCaseNo})` },
];
export const sessionRecordSet = (kinds: 'study' | 'court' | 'all'): RecordSet => ({
  table: sessions, scope: { division: sessions.divisionCode, org: sessions.orgId }, permission: 'lawStudy.read',
  columns: sessionColumns, where: (q) => sessionsWhere(q, kinds), orderBy: sql`${sessions.heldOn} DESC, ${sessions.id}`,
});

/** 学法覆盖率: officials on the register (active) of the scope, and those attending a session in the period. */
const registerWhere = (q: MetricScope) => and(eq(officials.active, true), inDivision(officials.divisionCode, q.divisionCode), q.orgId ? eq(officials.orgId, q.orgId) : undefined)!;
const attendedIn = (q: MetricScope) => sql`EXISTS (SELECT 1 FROM ${attendance} a JOIN ${sessions} s ON s.id = a.session_id WHERE a.official_id = ${officials.id} AND s.held_on BETWEEN ${q.from}::date AND ${q.to}::date)`;
export async function coverage(tx: Tx, q: MetricScope) {
  const [r] = await tx.select({ a: sql<number>`count(*) FILTER (WHERE ${attendedIn(q)})::int`, b: sql<number>`count(*)::int` }).from(officials).where(registerWhere(q));
  return r;
}
export const coverageRecordSet: RecordSet = {
  table: officials, scope: { division: officials.divisionCode, org: officials.orgId }, permission: 'lawStudy.read',
  columns: [
    { key: 'name', label: '姓名', value: officials.name },
    { key: 'post', label: '职务', value: officials.post },
    { key: 'org', label: '单位', value: orgName(officials.orgId) },
    { key: 'sessions', label: '参加学法次数', value: sql`(SELECT count(*)::int FROM ${attendance} WHERE ${attendance.officialId} = ${officials.id})` },
  ],
  where: (q, which) => (which === 'numerator' ? and(registerWhere(q), attendedIn(q)) : registerWhere(q)),
  orderBy: sql`${officials.orgId}, ${officials.name}`,
};

/** Exams opening in the period; a taker is an official with a finished attempt, passing on their best score. */
const examsIn = (q: MetricScope, tz: string) => sql`${attempts.examId} IN (SELECT e.id FROM ${exams} e WHERE (e.opens_at AT TIME ZONE ${tzSql(tz)})::date BETWEEN ${q.from}::date AND ${q.to}::date AND ${inDivision(sql`e.division_code`, q.divisionCode)})`;
const takerBase = (q: MetricScope, now: Date, tz: string) => and(examsIn(q, tz), finishedWhere(now), inDivision(attempts.divisionCode, q.divisionCode), q.orgId ? eq(attempts.orgId, q.orgId) : undefined)!;
const passedAttempt = sql`${attempts.score} * 100 >= (SELECT e.pass_mark * e.total_points FROM ${exams} e WHERE e.id = ${attempts.examId})`;
export async function examFigures(tx: Tx, q: MetricScope, now: Date, tz: string) {
  const [r] = await tx.select({
    takers: sql<number>`count(DISTINCT (${attempts.examId}, ${attempts.officialId}))::int`,
    passed: sql<number>`count(DISTINCT (${attempts.examId}, ${attempts.officialId})) FILTER (WHERE ${passedAttempt})::int`,
  }).from(attempts).where(takerBase(q, now, tz));
  return r;
}
/** The records of exam figures: each taker's best attempt per exam (passing ones for the numerator). */
export const examRecordSet = (now: () => Date, tz: string): RecordSet => ({
  table: attempts, scope: { division: attempts.divisionCode, org: attempts.orgId }, permission: 'lawStudy.read',
  columns: [
    { key: 'exam', label: '考试', value: sql`(SELECT e.title FROM ${exams} e WHERE e.id = ${attempts.examId})` },
    { key: 'name', label: '姓名', value: sql`(SELECT o.name FROM ${officials} o WHERE o.id = ${attempts.officialId})` },
    { key: 'org', label: '单位', value: orgName(attempts.orgId) },
    { key: 'attemptNo', label: '第几次', value: attempts.attemptNo },
    { key: 'score', label: '得分', value: attempts.score },
  ],
  where: (q, which) => and(takerBase(q, now(), tz), sql`NOT EXISTS (SELECT 1 FROM ${attempts} b WHERE b.exam_id = ${attempts.examId} AND b.official_id = ${attempts.officialId}
    AND (b.submitted_at IS NOT NULL OR b.deadline <= ${now().toISOString()}::timestamptz)
    AND (b.score > ${attempts.score} OR (b.score = ${attempts.score} AND b.attempt_no < ${attempts.attemptNo})))`, which === 'numerator' ? passedAttempt : undefined),
  orderBy: sql`${attempts.orgId}, ${attempts.score} DESC`,
});

const shufaWhere = (q: MetricScope) => and(inDivision(shufa.divisionCode, q.divisionCode), orgIs(shufa.orgId, q), between(shufa.reportedOn, q))!;
export async function countShufa(tx: Tx, q: MetricScope) { const [r] = await tx.select({ n: sql<number>`count(DISTINCT ${shufa.officialId})::int` }).from(shufa).where(shufaWhere(q)); return r.n; }
export const shufaRecordSet: RecordSet = {
  table: shufa, scope: { division: shufa.divisionCode, org: shufa.orgId }, permission: 'lawStudy.read',
  columns: [
    { key: 'name', label: '述法人', value: sql`(SELECT o.name FROM ${officials} o WHERE o.id = ${shufa.officialId})` },
    { key: 'org', label: '单位', value: orgName(shufa.orgId) },
    { key: 'form', label: '形式', value: sql`CASE ${shufa.form} WHEN 'onsite' THEN '现场述法' ELSE '书面述法' END` },
    { key: 'reportedOn', label: '述法日期', value: sql`${shufa.reportedOn}::text` },
    { key: 'rating', label: '评议等次', value: shufa.rating },
  ],
  where: (q) => shufaWhere(q), orderBy: sql`${shufa.reportedOn} DESC, ${shufa.id}`,
};
const meetingsWhere = (q: MetricScope) => and(inDivision(meetings.divisionCode, q.divisionCode), orgIs(meetings.orgId, q), between(meetings.heldOn, q), inArray(meetings.kind, COUNTED_MEETING_KINDS))!;
export const meetingRecordSet: RecordSet = {
  table: meetings, scope: { division: meetings.divisionCode, org: meetings.orgId }, permission: 'lawStudy.read',
  columns: [
    { key: 'heldOn', label: '日期', value: sql`${meetings.heldOn}::text` },
    { key: 'kind', label: '会议', value: sql`CASE ${meetings.kind} WHEN 'partyCommittee' THEN '党委常委会会议' ELSE '政府常务会议' END` },
    { key: 'title', label: '会议名称', value: meetings.title },
    { key: 'topics', label: '研究的法治建设议题', value: meetings.topics },
    { key: 'decisions', label: '决定或部署', value: meetings.decisions },
  ],
  where: (q) => meetingsWhere(q), orderBy: sql`${meetings.heldOn} DESC, ${meetings.id}`,
};

/** Training minutes per official and kind in a year, for a division (one grouped query). */
export const minutesByPerson = (tx: Tx, divisionCode: string, year: number, courtCounts: boolean) =>
  tx.select({ officialId: officials.id, userId: officials.userId, name: officials.name, orgId: officials.orgId, kind: sessions.kind, minutes: sql<number>`sum(${sessions.minutes})::int` })
    .from(attendance).innerJoin(sessions, eq(sessions.id, attendance.sessionId)).innerJoin(officials, eq(officials.id, attendance.officialId))
    .where(and(inDivision(officials.divisionCode, divisionCode), sql`extract(year FROM ${sessions.heldOn}) = ${year}`, courtCounts ? undefined : sql`${sessions.kind} <> 'courtVisit'`))
    .groupBy(officials.id, officials.userId, officials.name, officials.orgId, sessions.kind);
export const meetingsOfYear = (tx: Tx, divisionCode: string, year: number) =>
  listMeetings(tx, and(inDivision(meetings.divisionCode, divisionCode), sql`extract(year FROM ${meetings.heldOn}) = ${year}`)!);
export const shufaOfYear = (tx: Tx, divisionCode: string, year: number) =>
  tx.select({ form: shufa.form, rating: shufa.rating, n: sql<number>`count(*)::int` }).from(shufa)
    .where(and(inDivision(shufa.divisionCode, divisionCode), eq(shufa.year, year))).groupBy(shufa.form, shufa.rating);

// ---- session materials ----
/** One session, if `where` (the reader's scope) lets it be seen. */
export const visibleSession = async (tx: Tx, id: string, where: SQL) => (await tx.select().from(sessions).where(and(eq(sessions.id, id), where)))[0] ?? null;
export async function insertMaterial(tx: Tx, row: typeof materials.$inferInsert) { await tx.insert(materials).values(row); }
export const materialsOf = (tx: Tx, sessionId: string) => tx.select().from(materials).where(eq(materials.sessionId, sessionId)).orderBy(asc(materials.createdAt));
export const getMaterial = async (tx: Tx, id: string) => (await tx.select().from(materials).where(eq(materials.id, id)))[0] ?? null;
/** Deletes one material; false when it was already gone (a concurrent deletion). */
export const deleteMaterial = async (tx: Tx, id: string) => (await tx.delete(materials).where(eq(materials.id, id)).returning({ id: materials.id })).length === 1;
export const storageKeyInUse = async (tx: Tx, key: string) => (await tx.select({ id: materials.id }).from(materials).where(eq(materials.storageKey, key)).limit(1)).length > 0;

// ---- 旁听庭审 hours for other domains (the enforcement credentials' training hours) ----
/**
 * A derived table (user_id, held_on, hours) of the 旁听庭审 the register's account holders attended, one
 * row per account and day, for another domain's statement to join on its own account column. One
 * hearing is one attendance: the same official at the same 案号 on the same day, entered twice, counts
 * once (the longer entry). Empty when court visits do not count as study hours (the caller passes the
 * setting). Kept here so no other domain's SQL names law-study's tables.
 */
export function courtVisitDays(courtCounts: boolean): SQL {
  if (!courtCounts) return sql`(SELECT NULL::uuid AS user_id, NULL::date AS held_on, 0::float8 AS hours WHERE false)`;
  return sql`(SELECT o.user_id, v.held_on, sum(v.minutes)::float8 / 60 AS hours
    FROM (SELECT DISTINCT ON (a.official_id, s.held_on, s.court_case_no) a.official_id, s.held_on, s.minutes
          FROM law_study_attendance a JOIN law_study_sessions s ON s.id = a.session_id
          WHERE s.kind = 'courtVisit'
          ORDER BY a.official_id, s.held_on, s.court_case_no, s.minutes DESC) v
    JOIN law_study_officials o ON o.id = v.official_id
    WHERE o.user_id IS NOT NULL
    GROUP BY o.user_id, v.held_on)`;
}
/** Register entries among `officialIds` already recorded at a 旁听庭审 of 案号 `caseNo` on `heldOn`. */
export const alreadyAtHearing = (tx: Tx, officialIds: string[], heldOn: string, caseNo: string) => officialIds.length === 0 ? Promise.resolve([]) :
  tx.selectDistinct({ id: officials.id, name: officials.name }).from(attendance).innerJoin(sessions, eq(sessions.id, attendance.sessionId)).innerJoin(officials, eq(officials.id, attendance.officialId))
    .where(and(inArray(attendance.officialId, officialIds), eq(sessions.kind, 'courtVisit'), eq(sessions.heldOn, heldOn), sql`btrim(${sessions.courtCaseNo}) = btrim(${caseNo})`));
