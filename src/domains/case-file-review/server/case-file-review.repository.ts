/** All SQL of case-file review: campaigns, units, files, problems, rectifications, measures, figures. */
import { and, type AnyColumn, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { cases, casesWith, inDivision, type MetricScope, orgs, type RecordSet, type Tx, uniqueOr409, orgNameOf } from '../../../core/server';
import { campaigns, files, jointMeetings, measures, problems, rectifications, supervisions, units, type CampaignRow, type FileRow, type JointMeetingRow, type RescoreEntry, type SupervisionRow } from './case-file-review.tables';

export type { CampaignRow, FileRow, JointMeetingRow, SupervisionRow };

export const campaignScope = { division: campaigns.divisionCode } as const;
export const fileScope = { division: files.divisionCode, org: files.orgId } as const;
export const problemScope = { division: problems.divisionCode, org: problems.orgId } as const;
export const unitScope = { division: units.divisionCode, org: units.orgId } as const;
export const measureScope = { division: measures.divisionCode, org: measures.orgId } as const;
export const rectificationScope = { division: rectifications.divisionCode, org: rectifications.orgId } as const;

// ---- campaigns and units ----
export async function insertCampaign(tx: Tx, row: typeof campaigns.$inferInsert, unitRows: (typeof units.$inferInsert)[]) {
  await tx.insert(campaigns).values(row);
  await tx.insert(units).values(unitRows);
}
export const getCampaign = async (tx: Tx, id: string) => (await tx.select().from(campaigns).where(eq(campaigns.id, id)))[0] ?? null;
export const listCampaigns = (tx: Tx, scope: SQL) => tx.select().from(campaigns).where(scope).orderBy(desc(campaigns.year), desc(campaigns.startOn)).limit(500);
export const unitsOf = (tx: Tx, campaignId: string) =>
  tx.select({ u: units, orgName: orgs.name }).from(units).innerJoin(orgs, eq(orgs.id, units.orgId)).where(eq(units.campaignId, campaignId)).orderBy(asc(orgs.name));
/** Claims the draw: only the first caller sets the seed, so two clerks at once cannot both draw. */
export async function claimDraw(tx: Tx, id: string, seed: number, on: string) {
  const r = await tx.update(campaigns).set({ seed, sampledOn: on }).where(and(eq(campaigns.id, id), isNull(campaigns.seed))).returning({ id: campaigns.id });
  return r.length > 0;
}
export async function updateUnit(tx: Tx, campaignId: string, orgId: string, patch: Partial<typeof units.$inferInsert>) {
  await tx.update(units).set(patch).where(and(eq(units.campaignId, campaignId), eq(units.orgId, orgId)));
}
/** Counts per campaign for the list: units, files, scored, failed, problems, fixed. */
export async function campaignCounts(tx: Tx, ids: string[]) {
  if (!ids.length) return new Map<string, { files: number; scored: number; failed: number; problems: number; fixed: number }>();
  const f = await tx.select({ id: files.campaignId, files: sql<number>`count(*)::int`, scored: sql<number>`count(${files.grade})::int`, failed: sql<number>`count(*) FILTER (WHERE ${files.grade} = 'fail')::int` })
    .from(files).where(inArray(files.campaignId, ids)).groupBy(files.campaignId);
  const p = await tx.select({ id: problems.campaignId, problems: sql<number>`count(*)::int`, fixed: sql<number>`count(${problems.fixedOn})::int` })
    .from(problems).where(inArray(problems.campaignId, ids)).groupBy(problems.campaignId);
  return new Map(ids.map((id) => {
    const a = f.find((r) => r.id === id);
    const b = p.find((r) => r.id === id);
    return [id, { files: a?.files ?? 0, scored: a?.scored ?? 0, failed: a?.failed ?? 0, problems: b?.problems ?? 0, fixed: b?.fixed ?? 0 }];
  }));
}

// ---- files ----
export const insertFiles = (tx: Tx, rows: (typeof files.$inferInsert)[]) =>
  rows.length ? uniqueOr409(() => tx.insert(files).values(rows), '该单位的这本案卷已在本次评查中') : Promise.resolve();
export const getFile = async (tx: Tx, id: string) => (await tx.select().from(files).where(eq(files.id, id)))[0] ?? null;
export const filesOf = (tx: Tx, campaignId: string, scope: SQL) =>
  tx.select({ f: files, orgName: orgs.name }).from(files).innerJoin(orgs, eq(orgs.id, files.orgId))
    .where(and(eq(files.campaignId, campaignId), scope)).orderBy(asc(orgs.name), asc(files.fileNo));
/** Scores a file once: the row is claimed by the update itself, so two reviewers at once cannot both score it. */
export async function scoreOnce(tx: Tx, id: string, patch: Partial<FileRow>) {
  const r = await tx.update(files).set(patch).where(and(eq(files.id, id), isNull(files.grade))).returning({ id: files.id });
  return r.length > 0;
}

/** Re-scores a scored file if nobody re-scored it since it was read (revision), appending the replaced score. */
export async function rescoreOnce(tx: Tx, id: string, revision: number, patch: Partial<FileRow>, replaced: RescoreEntry) {
  const r = await tx.update(files).set({ ...patch, revision: revision + 1, rescores: sql`${files.rescores} || ${JSON.stringify([replaced])}::jsonb` })
    .where(and(eq(files.id, id), eq(files.revision, revision), isNotNull(files.grade))).returning({ id: files.id });
  return r.length > 0;
}

// ---- problems and rectifications ----
export async function issuedProblemsOfFile(tx: Tx, fileId: string) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(problems).where(and(eq(problems.fileId, fileId), isNotNull(problems.rectificationId)));
  return Number(r.n);
}
/** The file's problems not yet issued: a re-scoring replaces them. */
export async function deletePendingProblemsOfFile(tx: Tx, fileId: string) {
  await tx.delete(problems).where(and(eq(problems.fileId, fileId), isNull(problems.rectificationId)));
}
export async function insertProblems(tx: Tx, rows: (typeof problems.$inferInsert)[]) { if (rows.length) await tx.insert(problems).values(rows); }
export const problemsOfFile = (tx: Tx, fileId: string) => tx.select().from(problems).where(eq(problems.fileId, fileId)).orderBy(asc(problems.createdAt), asc(problems.itemKey));
export const problemsOfRectification = (tx: Tx, caseId: string) =>
  tx.select({ p: problems, fileNo: files.fileNo }).from(problems).innerJoin(files, eq(files.id, problems.fileId)).where(eq(problems.rectificationId, caseId)).orderBy(asc(files.fileNo), asc(problems.itemKey));
export async function pendingProblems(tx: Tx, campaignId: string, orgId: string) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(problems).where(and(eq(problems.campaignId, campaignId), eq(problems.orgId, orgId), isNull(problems.rectificationId)));
  return r.n;
}
/** Claims the unit's problems not yet issued for a rectification case; none claimed: nothing to issue. */
export async function claimProblems(tx: Tx, campaignId: string, orgId: string, caseId: string) {
  return tx.update(problems).set({ rectificationId: caseId }).where(and(eq(problems.campaignId, campaignId), eq(problems.orgId, orgId), isNull(problems.rectificationId))).returning({ id: problems.id });
}
export async function insertRectification(tx: Tx, row: typeof rectifications.$inferInsert) { await tx.insert(rectifications).values(row); }
export const getRectification = async (tx: Tx, caseId: string) => (await tx.select().from(rectifications).where(eq(rectifications.caseId, caseId)))[0] ?? null;
export const rectificationsOf = (tx: Tx, campaignId: string, scope: SQL) =>
  tx.select({ r: rectifications, state: cases.state, refNo: cases.refNo, orgName: orgs.name }).from(rectifications)
    .innerJoin(cases, eq(cases.id, rectifications.caseId)).innerJoin(orgs, eq(orgs.id, rectifications.orgId))
    .where(and(eq(rectifications.campaignId, campaignId), scope)).orderBy(asc(orgs.name), asc(cases.refNo));
export async function markFixed(tx: Tx, caseId: string, on: string) { await tx.update(problems).set({ fixedOn: on }).where(eq(problems.rectificationId, caseId)); }

// ---- 约谈 / 追责 ----
export const insertMeasure = (tx: Tx, row: typeof measures.$inferInsert) => uniqueOr409(() => tx.insert(measures).values(row), `${row.personName}${row.on}的${row.kind === 'interview' ? '约谈' : '追责'}已记录`);
export const measuresOf = (tx: Tx, campaignId: string, scope: SQL) =>
  tx.select({ m: measures, orgName: orgs.name }).from(measures).innerJoin(orgs, eq(orgs.id, measures.orgId))
    .where(and(eq(measures.campaignId, campaignId), scope)).orderBy(asc(measures.on), asc(measures.personName));

// ---- figures: each a record set, so the rows a reader opens are the units counted ----
const between = (col: SQL, q: MetricScope) => sql`${col} BETWEEN ${q.from}::date AND ${q.to}::date`;
const inScope = (div: AnyColumn, org: AnyColumn, q: MetricScope) =>
  and(inDivision(div, q.divisionCode), q.orgId ? sql`${org} = ${q.orgId}` : undefined);
const campaignName = (col: AnyColumn) => sql`(SELECT c.name FROM ${campaigns} c WHERE c.id = ${col})`;
const PERMISSION = ['metrics.read', 'caseReview.read'] as const;

export const unitRecordSet: RecordSet = {
  table: units, scope: unitScope, permission: [...PERMISSION],
  columns: [
    { key: 'org', label: '被抽查单位', value: orgNameOf(units.orgId) },
    { key: 'campaign', label: '（首次）抽查的评查活动', value: campaignName(units.campaignId) },
    { key: 'sampledOn', label: '抽取日期', value: units.sampledOn },
    { key: 'drawn', label: '系统抽取案卷数', value: units.drawn },
  ],
  // One row per distinct unit: its first sampling in the period (by day, then campaign id), so a unit
  // sampled by two campaigns of the year counts once ("抽查13家单位" names units, not unit-campaign pairs).
  where: (q) => and(
    inScope(units.divisionCode, units.orgId, q), between(sql`${units.sampledOn}`, q),
    sql`NOT EXISTS (SELECT 1 FROM ${units} u2 WHERE u2.org_id = ${units.orgId} AND u2.sampled_on BETWEEN ${q.from}::date AND ${q.to}::date
      AND (u2.sampled_on, u2.campaign_id) < (${units.sampledOn}, ${units.campaignId}))`,
  ),
  orderBy: sql`${units.sampledOn}, ${units.campaignId}, ${units.orgId}`,
};
const fileColumns = [
  { key: 'campaign', label: '评查活动', value: campaignName(files.campaignId) },
  { key: 'org', label: '被抽查单位', value: orgNameOf(files.orgId) },
  { key: 'fileNo', label: '案卷编号', value: files.fileNo },
  { key: 'title', label: '案由', value: files.title },
  { key: 'score', label: '得分', value: files.score },
  { key: 'grade', label: '等次', value: sql`CASE ${files.grade} WHEN 'excellent' THEN '优秀' WHEN 'pass' THEN '合格' WHEN 'fail' THEN '不合格' END` },
  { key: 'reviewedOn', label: '评查日期', value: files.reviewedOn },
];
export const reviewedFileRecordSet = (failedOnly: boolean): RecordSet => ({
  table: files, scope: fileScope, permission: [...PERMISSION], columns: fileColumns,
  where: (q) => and(inScope(files.divisionCode, files.orgId, q), between(sql`${files.reviewedOn}`, q), failedOnly ? eq(files.grade, 'fail') : undefined),
  orderBy: sql`${files.reviewedOn}, ${files.fileNo}, ${files.id}`,
});
const problemColumns = [
  { key: 'campaign', label: '评查活动', value: campaignName(problems.campaignId) },
  { key: 'org', label: '单位', value: orgNameOf(problems.orgId) },
  { key: 'fileNo', label: '案卷编号', value: sql`(SELECT f.file_no FROM ${files} f WHERE f.id = ${problems.fileId})` },
  { key: 'item', label: '评查项目', value: problems.itemLabel },
  { key: 'note', label: '问题', value: problems.note },
  { key: 'foundOn', label: '发现日期', value: problems.foundOn },
  { key: 'fixedOn', label: '整改验收日期', value: problems.fixedOn },
];
export const problemRecordSet = (fixed: boolean): RecordSet => ({
  table: problems, scope: problemScope, permission: [...PERMISSION], columns: problemColumns,
  where: (q) => and(inScope(problems.divisionCode, problems.orgId, q), between(fixed ? sql`${problems.fixedOn}` : sql`${problems.foundOn}`, q)),
  orderBy: sql`${fixed ? problems.fixedOn : problems.foundOn}, ${problems.id}`,
});
export const measureRecordSet = (kind: 'interview' | 'accountability'): RecordSet => ({
  table: measures, scope: measureScope, permission: [...PERMISSION],
  columns: [
    { key: 'campaign', label: '评查活动', value: campaignName(measures.campaignId) },
    { key: 'org', label: '单位', value: orgNameOf(measures.orgId) },
    { key: 'person', label: '姓名', value: measures.personName },
    { key: 'post', label: '职务', value: measures.post },
    { key: 'on', label: '日期', value: measures.on },
    { key: 'basis', label: '依据和事由', value: measures.basis },
    { key: 'outcome', label: '处理结果', value: measures.outcome },
  ],
  where: (q) => and(inScope(measures.divisionCode, measures.orgId, q), eq(measures.kind, kind), between(sql`${measures.on}`, q)),
  orderBy: sql`${measures.on}, ${measures.id}`,
});

// ---- 执法监督: matters (cases) and 联席会议 ----
export const jointMeetingScope = { division: jointMeetings.divisionCode, org: jointMeetings.orgId } as const;
export async function insertSupervision(tx: Tx, row: typeof supervisions.$inferInsert) { await tx.insert(supervisions).values(row); }
export const getSupervision = async (tx: Tx, caseId: string) => (await tx.select().from(supervisions).where(eq(supervisions.caseId, caseId)))[0] ?? null;
export async function updateSupervision(tx: Tx, caseId: string, patch: Partial<typeof supervisions.$inferInsert>) {
  await tx.update(supervisions).set(patch).where(eq(supervisions.caseId, caseId));
}
export const insertJointMeeting = (tx: Tx, row: typeof jointMeetings.$inferInsert) =>
  uniqueOr409(() => tx.insert(jointMeetings).values(row), `${row.heldOn}“${row.topic}”联席会议已记录`);
export const listJointMeetings = (tx: Tx, scope: SQL) =>
  tx.select({ m: jointMeetings, orgName: orgs.name }).from(jointMeetings).innerJoin(orgs, eq(orgs.id, jointMeetings.orgId))
    .where(scope).orderBy(desc(jointMeetings.heldOn), asc(jointMeetings.topic)).limit(500);
export const orgNames = async (tx: Tx, ids: string[]) =>
  ids.length ? new Map((await tx.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids))).map((r) => [r.id, r.name])) : new Map<string, string>();

/** 监督意见书 issued in the period (by the day issued), as a condition on the matters' cases. */
export const noticesWhere = (q: MetricScope) =>
  and(inDivision(supervisions.divisionCode, q.divisionCode), q.orgId ? eq(supervisions.orgId, q.orgId) : undefined, between(sql`${supervisions.issuedOn}`, q))!;
export const noticeRecords = (q: MetricScope) => casesWith(supervisions, supervisions.caseId, noticesWhere(q));
export async function countNotices(tx: Tx, q: MetricScope) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(supervisions).where(noticesWhere(q));
  return Number(r.n);
}
export const jointMeetingRecordSet: RecordSet = {
  table: jointMeetings, scope: jointMeetingScope, permission: ['metrics.read', 'supervision.read'],
  columns: [
    { key: 'heldOn', label: '会议日期', value: jointMeetings.heldOn },
    { key: 'org', label: '召集单位', value: orgNameOf(jointMeetings.orgId) },
    { key: 'topic', label: '会议议题', value: jointMeetings.topic },
    { key: 'attendees', label: '参会单位数', value: sql`jsonb_array_length(${jointMeetings.attendeeOrgIds})` },
    { key: 'items', label: '协调事项', value: sql`(SELECT string_agg(x, '；') FROM jsonb_array_elements_text(${jointMeetings.items}) x)` },
  ],
  where: (q) => and(inScope(jointMeetings.divisionCode, jointMeetings.orgId, q), between(sql`${jointMeetings.heldOn}`, q)),
  orderBy: sql`${jointMeetings.heldOn}, ${jointMeetings.id}`,
};

/** The demo's 12345 tickets of the division, oldest first (the kernel's cases table): the complaints transferred to supervision. */
export const demoTickets = (tx: Tx, divisionCode: string, n: number) =>
  tx.select({ id: cases.id, refNo: cases.refNo }).from(cases).where(and(eq(cases.type, 'ticket'), inDivision(cases.divisionCode, divisionCode))).orderBy(asc(cases.createdAt), asc(cases.id)).limit(n);
