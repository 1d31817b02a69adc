import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { caseEvents, cases, counters, inDivision, inPeriod, orgs, type Tx, userRoles, users, tzSql } from '../../../core/server';
import { applicationOfCase } from '../../applications/public';
import { itemNameOf } from '../../catalog/public';
import { ratingInvitations, ratings } from './ratings.tables';

export async function insert(tx: Tx, row: typeof ratings.$inferInsert) {
  const r = await tx.insert(ratings).values(row).onConflictDoNothing().returning();
  return r[0] ?? null;
}
export async function linkFix(tx: Tx, id: string, fixCaseId: string) { await tx.update(ratings).set({ fixCaseId }).where(eq(ratings.id, id)); }
export const byFixCase = async (tx: Tx, fixCaseId: string) => (await tx.select().from(ratings).where(eq(ratings.fixCaseId, fixCaseId)))[0] ?? null;
export const byCase = async (tx: Tx, caseId: string) => (await tx.select({ id: ratings.id }).from(ratings).where(eq(ratings.caseId, caseId)))[0] ?? null;

/** Service sites: the orgs where people are served in person (the hall and the township centres). */
export const SITE_KINDS = ['service_center', 'service_site'];

export async function counterWithOrg(tx: Tx, id: string) {
  return (await tx.select({ id: counters.id, name: counters.name, orgId: orgs.id, orgName: orgs.name, divisionCode: orgs.divisionCode })
    .from(counters).innerJoin(orgs, eq(orgs.id, counters.orgId)).where(eq(counters.id, id)))[0] ?? null;
}

export async function site(tx: Tx, id: string) {
  return (await tx.select({ id: orgs.id, name: orgs.name, divisionCode: orgs.divisionCode }).from(orgs)
    .where(and(eq(orgs.id, id), inArray(orgs.kind, SITE_KINDS))))[0] ?? null;
}

/** A staff member and the first org they work in (their QR code rates them and that org). */
export async function staffWithOrg(tx: Tx, id: string) {
  return (await tx.select({ id: users.id, name: users.displayName, orgId: orgs.id, orgName: orgs.name, orgKind: orgs.kind, divisionCode: orgs.divisionCode })
    .from(users).innerJoin(userRoles, eq(userRoles.userId, users.id)).innerJoin(orgs, eq(orgs.id, userRoles.orgId))
    .where(and(eq(users.id, id), eq(users.kind, 'staff'), eq(users.status, 'active'))).orderBy(orgs.sort).limit(1))[0] ?? null;
}

/** What a case rating is tied to: the case, its item, the counter that took it (and so the site) and the clerk. */
export async function caseContext(tx: Tx, where: SQL) {
  const app = applicationOfCase();
  const staffCreator = sql<string | null>`(SELECT u.id FROM ${users} u WHERE u.id = ${cases.createdBy} AND u.kind = 'staff')`;
  return (await tx.select({
    id: cases.id, type: cases.type, refNo: cases.refNo, title: cases.title, state: cases.state, closedAt: cases.closedAt, orgId: cases.orgId,
    divisionCode: cases.divisionCode, applicantId: cases.applicantId, applicantPhoneEnc: cases.applicantPhoneEnc, orgName: orgs.name,
    itemId: app.itemId, appChannel: app.channel, counterId: app.counterId,
    siteId: sql<string | null>`(SELECT c.org_id FROM ${counters} c WHERE c.id = ${app.counterId})`,
    staffId: staffCreator,
  }).from(cases).innerJoin(orgs, eq(orgs.id, cases.orgId)).leftJoin(app, eq(app.caseId, cases.id)).where(where).limit(1))[0] ?? null;
}
export const caseById = (tx: Tx, id: string) => caseContext(tx, eq(cases.id, id));
export const caseByRefNo = (tx: Tx, refNo: string) => caseContext(tx, eq(cases.refNo, refNo));

export async function userPhoneEnc(tx: Tx, userId: string) {
  return (await tx.select({ p: users.phoneEnc }).from(users).where(eq(users.id, userId)))[0]?.p ?? null;
}

/** Sites of a division with their counters, for the QR poster page. */
export async function sitesWithCounters(tx: Tx, divisionCode: string) {
  const rows = await tx.select({ siteId: orgs.id, siteName: orgs.name, divisionCode: orgs.divisionCode, counterId: counters.id, counterName: counters.name })
    .from(orgs).leftJoin(counters, eq(counters.orgId, orgs.id))
    .where(and(inArray(orgs.kind, SITE_KINDS), inDivision(orgs.divisionCode, divisionCode))).orderBy(orgs.sort, counters.name);
  const out = new Map<string, { id: string; name: string; divisionCode: string; counters: { id: string; name: string }[] }>();
  for (const r of rows) {
    const s = out.get(r.siteId) ?? { id: r.siteId, name: r.siteName, divisionCode: r.divisionCode, counters: [] };
    if (r.counterId) s.counters.push({ id: r.counterId, name: r.counterName! });
    out.set(r.siteId, s);
  }
  return [...out.values()];
}

export type RatingScope = { divisionCode: string; orgId?: string; from: string; to: string };
const scope = (q: RatingScope, extra?: SQL) => and(inDivision(ratings.divisionCode, q.divisionCode), q.orgId ? eq(ratings.orgId, q.orgId) : undefined, inPeriod(ratings.createdAt, q.from, q.to), extra);

const fixIn = (states: string) => sql`EXISTS (SELECT 1 FROM ${cases} c WHERE c.id = ${ratings.fixCaseId} AND c.state IN (${sql.raw(states)}))`;
const contacted = sql`EXISTS (SELECT 1 FROM ${caseEvents} e WHERE e.case_id = ${ratings.fixCaseId} AND e.event = 'contact')`;
/** One condition per figure, so the figure, its breakdown and its records read the same SQL. */
export const COND = {
  bad: sql`${ratings.level} <= 2`,
  satisfied: sql`${ratings.level} >= 3`,
  // 差评整改率: bad ratings whose remediation closed (rectified or explained) ÷ bad ratings not voided on appeal.
  fixed: sql`${ratings.level} <= 2 AND ${fixIn("'closed'")}`,
  voided: sql`${ratings.level} <= 2 AND ${fixIn("'voided'")}`,
  // 实名差评回访整改率: real-name bad ratings called back (核实回访 recorded) and closed ÷ real-name bad ratings not voided.
  realNameBad: sql`${ratings.level} <= 2 AND ${ratings.realName} AND NOT ${fixIn("'voided'")}`,
  realNameFixed: sql`${ratings.level} <= 2 AND ${ratings.realName} AND ${fixIn("'closed'")} AND ${contacted}`,
};
const n = (c: SQL) => sql<number>`count(*) FILTER (WHERE ${c})::int`;

export async function counts(tx: Tx, q: RatingScope) {
  const [r] = await tx.select({
    total: sql<number>`count(*)::int`, bad: n(COND.bad), satisfied: n(COND.satisfied), fixed: n(COND.fixed), voided: n(COND.voided),
    realNameBad: n(COND.realNameBad), realNameFixed: n(COND.realNameFixed),
  }).from(ratings).where(scope(q));
  return r;
}

export type RatingBy = 'org' | 'site' | 'counter' | 'staff' | 'item' | 'month' | 'channel';
const byKey = (tz: string): Record<RatingBy, SQL<string>> => ({
  org: sql<string>`${ratings.orgId}::text`,
  site: sql<string>`${ratings.siteId}::text`,
  counter: sql<string>`${ratings.counterId}::text`,
  staff: sql<string>`${ratings.staffId}::text`,
  item: sql<string>`${ratings.itemId}::text`,
  month: sql<string>`to_char(${ratings.createdAt} AT TIME ZONE ${tzSql(tz)}, 'YYYY-MM')`,
  channel: sql<string>`${ratings.channel}`,
});
/** The name of each group key, looked up once per group rather than once per rating. */
const nameOf: Record<RatingBy, (k: SQL) => SQL<string | null>> = {
  org: (k) => sql`(SELECT o.name FROM ${orgs} o WHERE o.id::text = ${k})`,
  site: (k) => sql`(SELECT o.name FROM ${orgs} o WHERE o.id::text = ${k})`,
  counter: (k) => sql`(SELECT o.name || ' · ' || c.name FROM ${counters} c JOIN ${orgs} o ON o.id = c.org_id WHERE c.id::text = ${k})`,
  staff: (k) => sql`(SELECT u.display_name FROM ${users} u WHERE u.id::text = ${k})`,
  item: (k) => itemNameOf(k),
  month: (k) => sql`${k}`,
  channel: (k) => sql`${k}`,
};

/** Ratings grouped by org, site, counter, staff member, item, month or channel, with mean sub-indicator levels. */
export async function countsBy(tx: Tx, tz: string, q: RatingScope, by: RatingBy) {
  const key = byKey(tz)[by];
  const grouped = tx.$with('g').as(tx.select({
    key: sql<string>`${key}`.as('key'), total: sql<number>`count(*)::int`.as('total'), bad: n(COND.bad).as('bad'), satisfied: n(COND.satisfied).as('satisfied'),
    fixed: n(COND.fixed).as('fixed'), voided: n(COND.voided).as('voided'), realNameBad: n(COND.realNameBad).as('real_name_bad'), realNameFixed: n(COND.realNameFixed).as('real_name_fixed'),
  }).from(ratings).where(and(scope(q), sql`${key} IS NOT NULL`)).groupBy(key));
  const rows = await tx.with(grouped).select({
    key: grouped.key, total: grouped.total, bad: grouped.bad, satisfied: grouped.satisfied, fixed: grouped.fixed, voided: grouped.voided,
    realNameBad: grouped.realNameBad, realNameFixed: grouped.realNameFixed, name: nameOf[by](sql`${grouped.key}`),
  }).from(grouped).orderBy(sql`${grouped.total} DESC`, grouped.key);
  // Mean level of each sub-indicator over the ratings of the group that scored it.
  const kv = sql`jsonb_each_text(${ratings.scores})`;
  const means = await tx.select({ key: sql<string>`${key}`, k: sql<string>`kv.key`, avg: sql<number>`round(avg(kv.value::numeric), 2)::float8` })
    .from(sql`${ratings} CROSS JOIN LATERAL ${kv} AS kv`).where(and(scope(q), sql`${key} IS NOT NULL`)).groupBy(key, sql`kv.key`);
  const scores = new Map<string, Record<string, number>>();
  for (const m of means) scores.set(m.key, { ...scores.get(m.key), [m.k]: Number(m.avg) });
  return rows.map((r) => ({ ...r, scores: scores.get(r.key) ?? {} }));
}

/** The remediation cases behind the bad ratings of a scope that meet a condition (records of the 差评 figures). */
export const fixCasesWhere = (q: RatingScope, cond: SQL) => sql`${cases.id} IN (SELECT ${ratings.fixCaseId} FROM ${ratings} WHERE ${scope(q, cond)})`;

// ---- SMS invitations ----

/**
 * Completed applications (办结 or 不予许可: a decision was made) closed between `from` and `before`, not
 * rated and not yet invited, with a phone given at filing or on the applicant's account: those the
 * invitation reaches.
 */
export async function dueForInvitation(tx: Tx, from: Date, before: Date, limit: number) {
  // The number given with the case (a walk-in's, typed at the counter) first, else the account's.
  const phone = sql<string>`coalesce(${cases.applicantPhoneEnc}, ${users.phoneEnc})`;
  return tx.select({ id: cases.id, refNo: cases.refNo, title: cases.title, divisionCode: cases.divisionCode, phoneEnc: phone })
    .from(cases).leftJoin(users, eq(users.id, cases.applicantId))
    .where(and(eq(cases.type, 'application'), inArray(cases.state, ['delivered', 'denied']),
      sql`${cases.closedAt} >= ${from.toISOString()}::timestamptz AND ${cases.closedAt} < ${before.toISOString()}::timestamptz`,
      sql`${phone} IS NOT NULL`,
      sql`NOT EXISTS (SELECT 1 FROM ${ratings} r WHERE r.case_id = ${cases.id})`,
      sql`NOT EXISTS (SELECT 1 FROM ${ratingInvitations} i WHERE i.case_id = ${cases.id})`))
    .orderBy(cases.closedAt).limit(limit);
}
export async function insertInvitation(tx: Tx, row: typeof ratingInvitations.$inferInsert) {
  return (await tx.insert(ratingInvitations).values(row).onConflictDoNothing().returning())[0] ?? null;
}
export const invitationByToken = async (tx: Tx, tokenHash: string) => (await tx.select().from(ratingInvitations).where(eq(ratingInvitations.tokenHash, tokenHash)))[0] ?? null;
export async function markInvitationRated(tx: Tx, caseId: string, at: Date) { await tx.update(ratingInvitations).set({ ratedAt: at }).where(eq(ratingInvitations.caseId, caseId)); }
