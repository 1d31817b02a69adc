/**
 * 免申即享 use cases: the register (imports, the platform pull), policies as dated versions on a case,
 * the 政策沙盘, the county scan (a job with progress; every result with its explanation), 公示 and
 * notices, the firm's side (confirm the account, decline, object), objections that correct a fact and
 * re-run the rule, payout batches with their ledger and reconciliation, and 应享未享.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../core/shared/errors';
import { addDays } from '../../../core/shared/calendar';
import { type Actor, appendAudit, can, type CaseRow, createCase, domainConfig, enqueue, type Kernel, loadVisible, mergeCaseData, notify, requirePermission, parseInput, scopeWhere, siteDivisionCode, uniqueOr409, listOrgs, tenancy, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionHandler, type TransitionCheck } from '../../../core/server';
import { FACT_BY_KEY, FACT_SOURCES, SOURCE_ORG_SUFFIX, type FactSource, type Facts, factLabel, sourceLabel } from '../shared/benefits.facts';
import { OUTCOME_LABELS, PAY_STATE_LABELS } from '../shared/benefits.labels';
import { type CompiledPolicy, compilePolicy, PolicyTerms, explain, factsOf, leafFact, splitPayments, yuan } from '../shared/benefits.rule';
import type { ImportInput, PolicyInput, ResultItem, SandboxResult } from '../shared/benefits.schema';
import { benefitsSettings } from './benefits.config';
import { httpPlatformAdapter, localDirectoryAdapter, type ParsedRow, parseFact, parseTable, type PlatformAdapter, readTable } from './benefits.import';
import * as repo from './benefits.repository';
import type { ResultRow, SubjectRow, VersionRow } from './benefits.tables';

export const settingsOf = (kernel: Kernel) => domainConfig(kernel, benefitsSettings);
const field = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path, message }] });

/** The county the actor works for (staff: their first org's division). */
function countyOf(actor: Actor, kernel: Kernel): string {
  if (actor.kind === 'system') return siteDivisionCode(kernel);
  const code = actor.grants.find((g) => g.divisionCode)?.divisionCode ?? actor.divisionCode;
  if (!code) throw new AppError('FORBIDDEN');
  return code.slice(0, 6);
}

// ================================================================ register

/** Writes one batch: subjects created when new, every fact with the batch's source and as-of date. */
export async function writeBatch(tx: Tx, kernel: Kernel, actor: Actor, b: { source: FactSource; channel: string; asOf: string; fileName: string | null; divisionCode: string; rows: ParsedRow[] }) {
  const at = kernel.now();
  const batchId = randomUUID();
  const hashes = b.rows.map((r) => kernel.cipher.index(r.code));
  const known = await repo.subjectsByHash(tx, hashes);
  const fresh: (typeof import('./benefits.tables').subjects.$inferInsert)[] = [];
  const ids = b.rows.map((r, i) => {
    const h = hashes[i];
    const k = known.get(h);
    if (k) return k.id;
    const id = randomUUID();
    const shown = r.kind === 'person' ? `${r.code.slice(0, 6)}********${r.code.slice(14)}` : r.code;
    fresh.push({ id, kind: r.kind, name: r.name, codeShown: shown, codeHash: h, codeEnc: r.kind === 'person' ? kernel.cipher.encrypt(r.code) : null, phoneEnc: r.phone ? kernel.cipher.encrypt(r.phone) : null, divisionCode: b.divisionCode, createdAt: at });
    known.set(h, { ...fresh[fresh.length - 1], codeEnc: fresh[fresh.length - 1].codeEnc ?? null, phoneEnc: fresh[fresh.length - 1].phoneEnc ?? null } as SubjectRow);
    return id;
  });
  await repo.insertSubjects(tx, fresh);
  const factRows = b.rows.flatMap((r, i) => Object.entries(r.facts).map(([key, value]) => ({
    id: randomUUID(), subjectId: ids[i], key, value, source: b.source, asOf: b.asOf, batchId, divisionCode: b.divisionCode, createdAt: at,
  })));
  await repo.insertFacts(tx, factRows);
  await repo.insertBatch(tx, { id: batchId, source: b.source, channel: b.channel, fileName: b.fileName, asOf: b.asOf, rows: b.rows.length, facts: factRows.length, createdBy: actor.name, divisionCode: b.divisionCode, createdAt: at });
  if (b.channel !== 'demo') {
    await appendAudit(tx, actor, { stream: `benefits:register:${b.divisionCode}`, action: 'benefits.import', entityType: 'benefitBatch', entityId: batchId, detail: { source: b.source, channel: b.channel, asOf: b.asOf, rows: b.rows.length, facts: factRows.length, fileName: b.fileName } }, at);
  }
  return { batchId, rows: b.rows.length, facts: factRows.length, created: fresh.length };
}

function rejectRows(errors: { row: number; messages: string[] }[]): never {
  throw new AppError('VALIDATION', `导入文件有${errors.length}行数据有误，未导入任何数据，请修改后重新导入`, {
    fields: errors.slice(0, 200).map((e) => ({ path: `第${e.row}行`, message: e.messages.join('；') })),
    rows: errors,
  });
}

export async function importFile(tx: Tx, kernel: Kernel, actor: Actor, input: ImportInput) {
  requirePermission(actor, 'benefits.register');
  if (input.asOf > kernel.today()) throw field('asOf', '数据截止日期不能晚于今天');
  let table: string[][];
  try { table = await readTable(input.fileName, Buffer.from(input.contentBase64, 'base64')); } catch { throw field('contentBase64', '无法读取该文件，请上传 .csv（UTF-8）或 .xlsx 文件'); }
  const parsed = parseTable(table, input.source, kernel.today());
  if (parsed.errors.length) rejectRows(parsed.errors);
  const r = await writeBatch(tx, kernel, actor, { source: input.source, channel: 'file', asOf: input.asOf, fileName: input.fileName, divisionCode: countyOf(actor, kernel), rows: parsed.rows });
  return { ...r, adapter: null };
}

export function platformAdapter(kernel: Kernel): PlatformAdapter {
  const s = settingsOf(kernel);
  return s.BENEFITS_PLATFORM_URL ? httpPlatformAdapter(s.BENEFITS_PLATFORM_URL) : localDirectoryAdapter(s.BENEFITS_PLATFORM_DIR);
}

export async function pullPlatform(kernel: Kernel, actor: Actor, input: { source: FactSource; asOf: string }) {
  requirePermission(actor, 'benefits.register');
  const adapter = platformAdapter(kernel);
  let pulled: Awaited<ReturnType<PlatformAdapter['pull']>>;
  try { pulled = await adapter.pull(input.source); } catch (e) { throw new AppError('UNAVAILABLE', e instanceof Error ? e.message : '数据共享平台不可用'); }
  const parsed = parseTable(pulled.table, input.source, kernel.today());
  if (parsed.errors.length) rejectRows(parsed.errors);
  const r = await kernel.db.tx((tx) => writeBatch(tx, kernel, actor, { source: input.source, channel: 'platform', asOf: input.asOf, fileName: pulled.fileName, divisionCode: countyOf(actor, kernel), rows: parsed.rows }));
  return { ...r, adapter: adapter.name };
}

export async function batchesList(tx: Tx, kernel: Kernel, actor: Actor) {
  requirePermission(actor, 'benefits.read');
  return (await repo.listBatches(tx, countyOf(actor, kernel))).map((b) => ({ id: b.id, source: FACT_SOURCES[b.source as FactSource] ?? b.source, channel: b.channel, fileName: b.fileName, asOf: b.asOf, rows: b.rows, facts: b.facts, createdBy: b.createdBy, createdAt: b.createdAt.toISOString() }));
}

export async function subjectFacts(tx: Tx, kernel: Kernel, actor: Actor, id: string, snapshot: string) {
  if (!can(actor, 'benefits.read') && !can(actor, 'benefitObjection.verify')) throw new AppError('FORBIDDEN');
  const s = await repo.getSubject(tx, id);
  if (!s || !s.divisionCode.startsWith(countyOf(actor, kernel))) throw new AppError('NOT_FOUND');
  const rows = await repo.factRowsAt(tx, id, snapshot);
  return {
    id: s.id, name: s.name, code: s.codeShown, kind: s.kind,
    facts: rows.map((r) => ({ key: r.key, label: factLabel(r.key), value: formatValue(r.key, r.value), source: sourceLabel(r.key), asOf: r.asOf, batchId: r.batchId })),
  };
}
const formatValue = (key: string, v: unknown) => {
  const d = FACT_BY_KEY.get(key);
  if (v === null || v === undefined) return '无数据';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (d?.type === 'money') return `${yuan(Number(v))}元`;
  return String(v);
};

// ================================================================ policies

function authorOrg(actor: Actor) {
  const g = actor.grants.find((x) => x.permissions.has('benefitPolicy.author') && x.orgId);
  if (!g?.orgId) throw new AppError('FORBIDDEN', '只有政策主管部门可以起草兑现事项');
  return g.orgId;
}

const versionFields = (input: PolicyInput) => ({
  ...fieldsOf(input),
  terms: parseInput(PolicyTerms, input.terms) as PolicyTerms,
});
const fieldsOf = (input: PolicyInput) => ({
  code: input.code, name: input.name, docNo: input.docNo, article: input.article, issuer: input.issuer, mode: input.mode, subjectKind: input.subjectKind,
  recurrence: input.recurrence, exclusiveGroup: input.exclusiveGroup ?? null, budgetFen: input.budgetFen ?? null, validFrom: input.validFrom, validTo: input.validTo ?? null,
});

/**
 * A 事项编号 names one policy in the county's catalogue, across its versions: a second policy under the
 * same number would be granted and paid twice, so a new wording of it is a 修订, not a new policy.
 */
async function refuseTakenCode(tx: Tx, divisionCode: string, code: string, exceptCaseId: string | null) {
  const other = await repo.policyWithCode(tx, divisionCode, code, exceptCaseId);
  if (other) throw new AppError('CONFLICT', `事项编号${code}已由「${other.name}」使用；同一政策的新内容请在原事项上“修订（新版本）”`, { fields: [{ path: 'code', message: '事项编号：已被使用' }] });
}

export async function createPolicy(tx: Tx, kernel: Kernel, actor: Actor, input: PolicyInput) {
  const orgId = authorOrg(actor);
  const org = await tenancy.getOrg(tx, orgId);
  if (!org) throw new AppError('FORBIDDEN');
  await refuseTakenCode(tx, org.divisionCode, input.code, null);
  const s = settingsOf(kernel);
  const { row } = await createCase(tx, kernel, actor, { type: 'benefitPolicy', title: input.name, orgId, divisionCode: org.divisionCode, applicantName: input.issuer, data: { reviewDays: s.BENEFITS_REVIEW_DAYS, code: input.code } });
  await repo.insertVersion(tx, { id: randomUUID(), caseId: row.id, version: 1, ...versionFields(input), status: 'draft', orgId, divisionCode: org.divisionCode, createdAt: kernel.now() });
  return { id: row.id, refNo: row.refNo };
}

const draftOf = (vs: VersionRow[]) => vs.find((v) => v.status === 'draft') ?? null;

export async function saveDraft(tx: Tx, kernel: Kernel, actor: Actor, caseId: string, input: PolicyInput) {
  const row = await loadVisible(tx, actor, caseId, 'benefitPolicy');
  if (!can(actor, 'benefitPolicy.author', row)) throw new AppError('FORBIDDEN');
  if (row.state !== 'drafting') throw new AppError('TRANSITION_NOT_ALLOWED', '只有起草中的政策可以修改；已发布的请先“修订（新版本）”');
  const draft = draftOf(await repo.versionsOf(tx, caseId));
  if (!draft) throw new AppError('STATE_CONFLICT');
  await refuseTakenCode(tx, draft.divisionCode, input.code, caseId);
  await repo.updateVersion(tx, draft.id, versionFields(input));
  await mergeCaseData(tx, caseId, { sandbox: null, code: input.code });
  return { id: caseId, refNo: row.refNo };
}

const versionView = (v: VersionRow) => ({
  id: v.id, version: v.version, status: v.status, code: v.code, name: v.name, docNo: v.docNo, article: v.article, issuer: v.issuer, mode: v.mode,
  subjectKind: v.subjectKind as 'enterprise' | 'person', recurrence: v.recurrence as 'once' | 'yearly', exclusiveGroup: v.exclusiveGroup, budgetFen: v.budgetFen, validFrom: v.validFrom, validTo: v.validTo,
  terms: v.terms, publishedAt: v.publishedAt?.toISOString() ?? null,
});

export async function policyDetail(tx: Tx, _kernel: Kernel, actor: Actor, caseId: string) {
  const row = await loadVisible(tx, actor, caseId, 'benefitPolicy');
  const versions = await repo.versionsOf(tx, caseId);
  return { id: row.id, refNo: row.refNo, state: row.state, versions: versions.map(versionView), sandbox: (row.data.sandbox as SandboxResult | null | undefined) ?? null };
}

export async function policyCatalogue(tx: Tx, kernel: Kernel, actor: Actor) {
  requirePermission(actor, 'benefitPolicy.read');
  return (await repo.versionsInForce(tx, countyOf(actor, kernel), kernel.today())).map(versionView);
}


/** The policy's versions, its draft and its published one. */
async function versionsOfPolicy(tx: Tx, caseId: string) {
  const versions = await repo.versionsOf(tx, caseId);
  return { versions, draft: draftOf(versions), published: versions.find((v) => v.status === 'published') ?? null };
}

/** What must hold before a policy event is taken, read from its versions before the compare-and-set. */
export const policyChecks: Record<string, TransitionCheck> = {
  async submitReview(tx, ctx) {
    if (!(await versionsOfPolicy(tx, ctx.row.id)).draft) throw new AppError('STATE_CONFLICT');
    // The what-if run must be seen before review (政策沙盘 before publishing).
    return ctx.row.data.sandbox ? null : '请先运行政策沙盘，查看拟惠及对象和资金规模后再送审';
  },
  async publish(tx, ctx) {
    if (!(await versionsOfPolicy(tx, ctx.row.id)).draft) throw new AppError('STATE_CONFLICT');
    return null;
  },
  async revise(tx, ctx) {
    if (!(await versionsOfPolicy(tx, ctx.row.id)).published) throw new AppError('STATE_CONFLICT');
    return null;
  },
};

/** Published versions: publishing marks the draft published and the previous one superseded; revising copies the published one into a draft. */
export const policyHandlers: Record<string, TransitionHandler> = {
  async publish(tx, ctx) {
    // policyChecks.publish saw the draft before the compare-and-set.
    const draft = (await versionsOfPolicy(tx, ctx.row.id)).draft!;
    await repo.supersedePublished(tx, ctx.row.id);
    await repo.updateVersion(tx, draft.id, { status: 'published', publishedAt: ctx.at });
    await appendAudit(tx, ctx.actor, { stream: `benefits:policy:${ctx.row.id}`, action: 'benefits.publish', entityType: 'benefitPolicyVersion', entityId: draft.id, detail: { version: draft.version, docNo: draft.docNo } }, ctx.at);
  },
  async revise(tx, ctx) {
    // policyChecks.revise saw the published version before the compare-and-set.
    const { versions, published } = await versionsOfPolicy(tx, ctx.row.id);
    const { id: _id, createdAt: _c, publishedAt: _p, status: _s, version, ...rest } = published!;
    await repo.insertVersion(tx, { ...rest, id: randomUUID(), version: Math.max(...versions.map((v) => v.version)) + 1, status: 'draft', createdAt: ctx.at });
    await mergeCaseData(tx, ctx.row.id, { sandbox: null });
    void version;
  },
  async retire(tx, ctx) {
    const { versions } = await versionsOfPolicy(tx, ctx.row.id);
    for (const v of versions) if (v.status !== 'superseded') await repo.updateVersion(tx, v.id, { status: 'superseded', validTo: v.validTo && v.validTo < ctx.today ? v.validTo : ctx.today });
  },
};

export async function presentPolicy(tx: Tx, row: CaseRow) {
  const vs = await repo.versionsOf(tx, row.id);
  const v = draftOf(vs) ?? vs[0];
  if (!v) return [];
  return [
    { label: '文号和条款', value: `${v.docNo} ${v.article}` }, { label: '发布机关', value: v.issuer }, { label: '兑现方式', value: v.mode },
    { label: '有效期', value: `${v.validFrom} 至 ${v.validTo ?? '长期'}` }, { label: '版本', value: `第${v.version}版（${v.status === 'draft' ? '草稿' : v.status === 'published' ? '现行' : '已替代'}）` },
  ];
}

// ================================================================ evaluation

type Subject = { id: string; kind: string; codeHash: string; phoneEnc: string | null; name: string };
type Outcome = { subject: Subject; version: VersionRow; compiled: CompiledPolicy; ok: boolean; amountFen: number; nearMiss: number; values: unknown[]; mask: number };

/** Evaluates the versions for a page of subjects and applies the cross-policy rules; answers the rows to store. */
function decide(outcomes: Outcome[], history: Map<string, number>, snapshotYear: number, held: Set<string> = new Set()) {
  // 就高不重复 within a group: keep the highest amount per subject; the rest are excluded with the reason.
  const best = new Map<string, Outcome>();
  for (const o of outcomes) {
    if (!o.ok || !o.version.exclusiveGroup) continue;
    const k = `${o.subject.id}|${o.version.exclusiveGroup}`;
    const b = best.get(k);
    if (!b || o.amountFen > b.amountFen) best.set(k, o);
  }
  return outcomes.map((o) => {
    let outcome: string = o.ok ? 'eligible' : o.nearMiss >= 0 ? 'nearMiss' : 'ineligible';
    let note: string | null = null;
    if (o.ok) {
      const paidYear = history.get(`${o.version.caseId}|${o.subject.id}`);
      // A result confirmed by the firm and awaiting payment stays in force; a new scan does not grant it twice.
      if (held.has(`${o.version.caseId}|${o.subject.id}`)) { outcome = 'excluded'; note = '上次比对结果已确认收款账户、待拨付，不重复兑现'; }
      else if (paidYear !== undefined && o.version.recurrence === 'once') { outcome = 'excluded'; note = `已于${paidYear}年享受过该政策（一次性奖补，不重复兑现）`; }
      else if (paidYear === snapshotYear && o.version.recurrence === 'yearly') { outcome = 'excluded'; note = `${snapshotYear}年度已兑现该政策`; }
      else if (o.version.exclusiveGroup) {
        const b = best.get(`${o.subject.id}|${o.version.exclusiveGroup}`)!;
        if (b !== o) { outcome = 'excluded'; note = `就高不重复：已按“${b.version.name}”兑现${yuan(b.amountFen)}元`; }
      }
    }
    return { o, outcome, note };
  });
}

/** A policy's budget as a scan spends it: its total, and what is committed so far (paid, owed, granted by this scan). */
type Budget = { budgetFen: number; spentFen: number };

/**
 * The budget (资金规模) a policy's department set is never exceeded: a yearly policy's budget is the
 * year's (payments in the snapshot's year), a one-off's is its whole. Grants are taken in the scan's
 * order (by subject); one that no longer fits is kept as 'overBudget' with the reason, its amount
 * shown to the clerk, and is neither published nor notified.
 */
function applyBudget(decided: ReturnType<typeof decide>, budgets: Map<string, Budget>) {
  for (const d of decided) {
    if (d.outcome !== 'eligible') continue;
    const b = budgets.get(d.o.version.caseId);
    if (!b) continue;
    if (b.spentFen + d.o.amountFen > b.budgetFen) {
      d.outcome = 'overBudget';
      d.note = overBudgetNote(b, d.o.amountFen);
    } else b.spentFen += d.o.amountFen;
  }
  return decided;
}
const overBudgetNote = (b: Budget, amountFen: number) =>
  `预算不足未予兑现：该政策预算${yuan(b.budgetFen)}元，已拨付和已核定${yuan(b.spentFen)}元，余额${yuan(Math.max(0, b.budgetFen - b.spentFen))}元，不足本项${yuan(amountFen)}元；请主管部门追加预算后重新比对`;

/** The budgets of these versions' policies at a scan's start: paid (in the year for yearly ones) plus what confirmed results still owe. */
async function loadBudgets(tx: Tx, versions: VersionRow[], snapshotYear: number) {
  const out = new Map<string, Budget>();
  for (const v of versions) {
    if (v.budgetFen === null) continue;
    out.set(v.caseId, { budgetFen: v.budgetFen, spentFen: await repo.committedFen(tx, v.caseId, v.recurrence === 'yearly' ? snapshotYear : null, ['confirmed']) });
  }
  return out;
}

async function loadHeld(tx: Tx, versions: VersionRow[]) {
  return new Set((await repo.heldResults(tx, [...new Set(versions.map((v) => v.caseId))])).map((x) => `${x.caseId}|${x.subjectId}`));
}

async function loadHistory(tx: Tx, versions: VersionRow[]) {
  const h = await repo.paidHistory(tx, [...new Set(versions.map((v) => v.caseId))]);
  return new Map(h.map((x) => [`${x.caseId}|${x.subjectId}`, x.year]));
}

function evaluateAll(subjects: Subject[], factMap: Map<string, Facts>, versions: { v: VersionRow; c: CompiledPolicy }[]): Outcome[] {
  const out: Outcome[] = [];
  for (const s of subjects) {
    const f = factMap.get(s.id) ?? {};
    for (const { v, c } of versions) {
      if (v.subjectKind !== s.kind) continue;
      const e = c.evaluate(f);
      out.push({ subject: s, version: v, compiled: c, ok: e.ok, amountFen: e.amountFen, nearMiss: e.nearMiss, values: e.values, mask: e.mask });
    }
  }
  return out;
}

const resultRow = (scanId: string, o: Outcome, outcome: string, note: string | null, at: Date, publicityEnds: string | null) => ({
  id: randomUUID(), scanId, versionId: o.version.id, subjectId: o.subject.id, outcome, amountFen: outcome === 'eligible' || outcome === 'overBudget' ? o.amountFen : 0,
  explanation: explain(o.compiled.leaves, o.values, o.mask), failedIndex: o.nearMiss >= 0 ? o.nearMiss : null,
  failedFact: o.nearMiss >= 0 ? leafFact(o.compiled.leaves[o.nearMiss]) : null, note,
  // 快申快享: the firm first confirms the application pre-filled from the register; 公示 starts then (submitApplication).
  payState: outcome !== 'eligible' ? null : quickApply(o.version) ? 'awaitingApplication' : 'publicity',
  publicityEnds: outcome === 'eligible' && !quickApply(o.version) ? publicityEnds : null,
  current: true, divisionCode: o.version.divisionCode, orgId: o.version.orgId, createdAt: at,
});

/**
 * 快申快享 (service-catalog §5.1, Sichuan-style rule: policies not yet fully data-based are 快申快享, paid in
 * principle within 60 working days): the scan finds the firm and pre-fills its application from the register;
 * the firm checks it and submits it (one step) instead of nothing. 免申即享 and 即申即享 go straight to 公示.
 */
const quickApply = (v: Pick<VersionRow, 'mode'>) => v.mode === '快申快享';

/** The notice to the firm or person: in-app to their public account, SMS to the register's phone. */
async function noticeFor(tx: Tx, kernel: Kernel, o: Outcome, outcome: string, accounts: Map<string, string>, publicityEnds: string | null) {
  const s = settingsOf(kernel);
  let title: string, body: string;
  if (outcome === 'eligible') {
    const held = o.compiled.leaves.filter((_, i) => o.mask & (1 << i)).map((l) => l.label).join('；');
    title = `惠企政策兑现提示：${o.version.name}`;
    body = quickApply(o.version)
      ? `经数据比对，您符合“${o.version.name}”（${o.version.docNo}${o.version.article}）的兑现条件，拟兑现${yuan(o.amountFen)}元。依据：${held}。已根据登记数据为您预填申请，请登录政务服务网核对后确认提交。`
      : `经数据比对，您符合“${o.version.name}”（${o.version.docNo}${o.version.article}）的兑现条件，拟兑现${yuan(o.amountFen)}元，无需申请。依据：${held}。名单公示至${publicityEnds}，请登录政务服务网确认收款账户。`;
  } else if (outcome === 'nearMiss' && s.BENEFITS_NOTIFY_NEAR_MISSES) {
    const l = o.compiled.leaves[o.nearMiss];
    const ex = explain([l], [o.values[o.nearMiss]], 0)[0];
    const def = FACT_BY_KEY.get(leafFact(l));
    title = `惠企政策提示：${o.version.name}差一项条件`;
    body = `经数据比对，您仅有一项条件未满足“${o.version.name}”：${l.label}（登记数据：${ex.value}，要求：${ex.op}${ex.threshold}；数据来源：${sourceLabel(leafFact(l))}）。${def?.hint ?? ''}。如数据有误，可登录政务服务网提出异议。`;
  } else return;
  const userId = accounts.get(o.subject.codeHash);
  if (userId) await notify(tx, kernel, { channel: 'inapp', recipientUserId: userId, title, body, link: '/public/benefits', divisionCode: o.version.divisionCode });
  if (o.subject.phoneEnc) await notify(tx, kernel, { channel: 'sms', address: kernel.cipher.decrypt(o.subject.phoneEnc), title, body, divisionCode: o.version.divisionCode });
}

// ================================================================ 政策沙盘 (what-if)

export async function sandbox(tx: Tx, kernel: Kernel, actor: Actor, caseId: string, snapshot: string): Promise<SandboxResult> {
  const row = await loadVisible(tx, actor, caseId, 'benefitPolicy');
  if (!can(actor, 'benefitPolicy.author', row) && !can(actor, 'benefitPolicy.review', row) && !can(actor, 'benefitPolicy.approve', row)) throw new AppError('FORBIDDEN');
  const vs = await repo.versionsOf(tx, caseId);
  const v = draftOf(vs) ?? vs[0];
  const c = compilePolicy(v.terms, snapshot);
  const history = await loadHistory(tx, [v]);
  let scanned = 0, eligible = 0, near = 0, amount = 0;
  const failed = new Map<number, number>();
  const sample: SandboxResult['sample'] = [];
  let after: string | null = null;
  for (;;) {
    const page = await repo.listSubjects(tx, row.divisionCode.slice(0, 6), v.subjectKind, after, 2000);
    if (!page.length) break;
    after = page[page.length - 1].id;
    const fm = await repo.factsAt(tx, page.map((p) => p.id), snapshot);
    for (const { o, outcome } of decide(evaluateAll(page, fm, [{ v, c }]), history, Number(snapshot.slice(0, 4)))) {
      scanned++;
      if (outcome === 'eligible') { eligible++; amount += o.amountFen; if (sample.length < 10) sample.push({ name: o.subject.name, code: page.find((p) => p.id === o.subject.id)!.codeShown, amountYuan: yuan(o.amountFen) }); }
      else if (outcome === 'nearMiss') { near++; failed.set(o.nearMiss, (failed.get(o.nearMiss) ?? 0) + 1); }
    }
  }
  const result: SandboxResult = {
    snapshot, scanned, eligible, nearMisses: near, amountFen: amount, amountYuan: yuan(amount), budgetFen: v.budgetFen, overBudget: v.budgetFen !== null && amount > v.budgetFen,
    byFailedCondition: [...failed.entries()].sort((a, b) => b[1] - a[1]).map(([i, n]) => ({ label: c.leaves[i].label, n })), sample,
  };
  await mergeCaseData(tx, caseId, { sandbox: result });
  return result;
}

// ================================================================ the county scan

/** A county scan of 100,000 firms takes minutes (bench/benefits.bench.ts): one still queued or running after this died with its process. */
const STALE_SCAN_MS = 6 * 3600_000;

export async function startScan(tx: Tx, kernel: Kernel, actor: Actor, snapshot: string) {
  requirePermission(actor, 'benefits.scan');
  if (snapshot > kernel.today()) throw field('snapshot', '比对基准日不能晚于今天');
  const id = randomUUID();
  const divisionCode = countyOf(actor, kernel);
  const busy = '全县比对正在进行，请等待其完成后再发起（同时进行的两次比对会重复占用政策预算）';
  const running = await repo.runningScan(tx, divisionCode);
  if (running && kernel.now().getTime() - running.createdAt.getTime() > STALE_SCAN_MS) {
    // A scan whose process died stays 'running' and would block the county for good; a real one takes minutes.
    await repo.updateScan(tx, running.id, { state: 'failed', error: '比对中断（超过6小时未完成），已作废；请重新发起', finishedAt: kernel.now() });
  } else if (running) throw new AppError('CONFLICT', busy);
  // The unique index decides when two clerks start at once: both passed the check above, only one inserts.
  await uniqueOr409(() => repo.insertScan(tx, { id, snapshot, state: 'queued', requestedBy: actor.name, divisionCode, createdAt: kernel.now() }), busy, 'CONFLICT');
  await appendAudit(tx, actor, { stream: `benefits:scan:${divisionCode}`, action: 'benefits.scan', entityType: 'benefitScan', entityId: id, detail: { snapshot } }, kernel.now());
  await enqueue(tx, kernel, 'benefits.scan', { scanId: id }, { maxAttempts: 1 });
  return { id };
}

const PAGE = 1000;

/** The job: every published version in force over the whole register, a page per transaction (progress on the scan row). */
export async function runScan(kernel: Kernel, scanId: string, opts: { today?: string } = {}) {
  const scan = await kernel.db.tx((tx) => repo.getScan(tx, scanId));
  if (!scan || scan.state !== 'queued') return;
  const { snapshot, divisionCode } = scan;
  try {
    const s = settingsOf(kernel);
    const publicityEnds = addDays(opts.today ?? kernel.today(), s.BENEFITS_PUBLICITY_DAYS);
    const { versions, history, held, budgets, total } = await kernel.db.tx(async (tx) => {
      const vs = await repo.versionsInForce(tx, divisionCode, snapshot);
      const kinds = new Set(vs.map((v) => v.subjectKind));
      let n = 0;
      for (const k of kinds) n += await repo.countSubjects(tx, divisionCode, k);
      await repo.updateScan(tx, scanId, { state: 'running', total: n });
      return { versions: vs, history: await loadHistory(tx, vs), held: await loadHeld(tx, vs), budgets: await loadBudgets(tx, vs, Number(snapshot.slice(0, 4))), total: n };
    });
    const compiled = versions.map((v) => ({ v, c: compilePolicy(v.terms, snapshot) }));
    let done = 0, eligible = 0, near = 0, amount = 0, over = 0, overFen = 0;
    for (const kind of [...new Set(versions.map((v) => v.subjectKind))]) {
      let after: string | null = null;
      for (;;) {
        const got: number = await kernel.db.tx(async (tx) => {
          const page = await repo.listSubjects(tx, divisionCode, kind, after, PAGE);
          if (!page.length) return 0;
          after = page[page.length - 1].id;
          const fm = await repo.factsAt(tx, page.map((p) => p.id), snapshot);
          const decided = applyBudget(decide(evaluateAll(page, fm, compiled.filter((x) => x.v.subjectKind === kind)), history, Number(snapshot.slice(0, 4)), held), budgets);
          const kept = decided.filter((d) => d.outcome !== 'ineligible');
          const at = kernel.now();
          await repo.insertResults(tx, kept.map((d) => resultRow(scanId, d.o, d.outcome, d.note, at, publicityEnds)));
          const accounts = await repo.accountsByHash(tx, [...new Set(kept.map((d) => d.o.subject.codeHash))]);
          for (const d of kept) {
            if (d.outcome === 'eligible') { eligible++; amount += d.o.amountFen; }
            if (d.outcome === 'nearMiss') near++;
            if (d.outcome === 'overBudget') { over++; overFen += d.o.amountFen; }
            await noticeFor(tx, kernel, d.o, d.outcome, accounts, publicityEnds);
          }
          done += page.length;
          await repo.updateScan(tx, scanId, { done, eligible, nearMisses: near, amountFen: amount, overBudget: over, overBudgetFen: overFen });
          return page.length;
        });
        if (got < PAGE) break;
      }
    }
    await kernel.db.tx(async (tx) => {
      await repo.retireOlderResults(tx, divisionCode, scanId, versions.map((v) => v.id));
      await repo.updateScan(tx, scanId, { state: 'done', done: total, finishedAt: kernel.now() });
    });
  } catch (e) {
    await kernel.db.tx((tx) => repo.updateScan(tx, scanId, { state: 'failed', error: (e instanceof Error ? e.message : String(e)).slice(0, 500), finishedAt: kernel.now() }));
    throw e;
  }
}

const scanView = (s: NonNullable<Awaited<ReturnType<typeof repo.getScan>>>) => ({
  id: s.id, snapshot: s.snapshot, state: s.state, total: s.total, done: s.done, eligible: s.eligible, nearMisses: s.nearMisses, amountFen: s.amountFen,
  overBudget: s.overBudget, overBudgetFen: s.overBudgetFen,
  error: s.error, createdAt: s.createdAt.toISOString(), finishedAt: s.finishedAt?.toISOString() ?? null,
});
export async function scansList(tx: Tx, kernel: Kernel, actor: Actor) {
  requirePermission(actor, 'benefits.read');
  return (await repo.listScans(tx, countyOf(actor, kernel))).map(scanView);
}
export async function scanDetail(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  requirePermission(actor, 'benefits.read');
  const s = await repo.getScan(tx, id);
  if (!s || !s.divisionCode.startsWith(countyOf(actor, kernel))) throw new AppError('NOT_FOUND');
  return scanView(s);
}

// ================================================================ results

function resultItem(r: repo.ResultView, objectionOpen = false): ResultItem {
  const failed = r.failedIndex !== null ? r.explanation[r.failedIndex] : null;
  const def = r.failedFact ? FACT_BY_KEY.get(r.failedFact) : undefined;
  return {
    id: r.id, outcome: r.outcome, amountFen: r.amountFen, amountYuan: yuan(r.amountFen), explanation: r.explanation,
    failed: failed ? `${failed.label}（登记数据：${failed.value}，要求：${failed.op}${failed.threshold}）` : null, failedFact: r.failedFact,
    correctionHint: def ? `${def.hint}（数据来源：${FACT_SOURCES[def.source]}）` : null, note: r.note, payState: r.payState, payStateName: r.payState ? PAY_STATE_LABELS[r.payState] ?? r.payState : null,
    publicityEnds: r.publicityEnds, subjectName: r.subjectName, subjectCode: r.subjectCode, policyName: r.policyName, policyCode: r.policyCode, docNo: r.docNo,
    article: r.article, mode: r.mode, version: r.version, policyId: r.caseId, accountMasked: r.accountMasked, objectionOpen,
  };
}

export async function resultsList(tx: Tx, kernel: Kernel, actor: Actor, q: { scanId?: string; outcome?: string; q?: string; page: number; pageSize: number }) {
  requirePermission(actor, 'benefits.read');
  const t = repo.resultsTable, s = repo.subjectsTable;
  const where = and(
    scopeWhere(actor, 'benefits.read', { division: t.divisionCode, org: t.orgId }), eq(t.current, true),
    q.scanId ? eq(t.scanId, q.scanId) : undefined, q.outcome ? eq(t.outcome, q.outcome) : undefined,
    q.q ? sql`(${s.name} LIKE ${`%${q.q}%`} OR ${s.codeShown} = ${q.q})` : undefined,
  );
  const { rows, total } = await repo.resultViews(tx, where, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map((r) => resultItem(r)), total, page: q.page, pageSize: q.pageSize };
}

export async function unclaimed(tx: Tx, kernel: Kernel, actor: Actor) {
  requirePermission(actor, 'benefits.read');
  const days = settingsOf(kernel).BENEFITS_UNCLAIMED_DAYS;
  const where = and(scopeWhere(actor, 'benefits.read', { division: repo.resultsTable.divisionCode, org: repo.resultsTable.orgId }), repo.unclaimedWhere(countyOf(actor, kernel), kernel.today(), days));
  const { rows, total } = await repo.resultViews(tx, where, 500);
  return { days, total, items: rows.map((r) => resultItem(r)) };
}

/** 公示: the eligible enterprises of the county in their publicity period (persons are not listed: personal data). */
export async function publicity(tx: Tx, kernel: Kernel) {
  const t = repo.resultsTable;
  const where = and(inDivisionSql(t.divisionCode, siteDivisionCode(kernel)), eq(t.current, true), eq(t.outcome, 'eligible'), eq(t.payState, 'publicity'),
    sql`${t.publicityEnds} >= ${kernel.today()}`, eq(repo.subjectsTable.kind, 'enterprise'));
  const { rows } = await repo.resultViews(tx, where, 2000);
  return rows.map((r) => ({ subjectName: r.subjectName, subjectCode: r.subjectCode, policyName: r.policyName, docNo: r.docNo, amountYuan: yuan(r.amountFen), publicityEnds: r.publicityEnds }));
}
const inDivisionSql = (col: typeof repo.resultsTable.divisionCode, code: string) => sql`${col} LIKE ${`${code}%`}`;

// ================================================================ the firm's side

async function ownSubject(tx: Tx, actor: Actor) {
  if (actor.kind !== 'public' || !actor.id) throw new AppError('FORBIDDEN', '请使用企业或个人账号登录');
  const h = await repo.userIdNumberHash(tx, actor.id);
  return h ? repo.subjectByHash(tx, h) : null;
}

async function ownResult(tx: Tx, actor: Actor, id: string): Promise<{ r: ResultRow; s: SubjectRow }> {
  const s = await ownSubject(tx, actor);
  const r = await repo.getResult(tx, id);
  if (!s || !r || r.subjectId !== s.id || !r.current) throw new AppError('NOT_FOUND');
  return { r, s };
}

export async function mine(tx: Tx, _kernel: Kernel, actor: Actor) {
  const s = await ownSubject(tx, actor);
  if (!s) return { name: actor.name, inRegister: false, items: [] as ResultItem[] };
  const t = repo.resultsTable;
  const { rows } = await repo.resultViews(tx, and(eq(t.subjectId, s.id), eq(t.current, true)), 100);
  const items: ResultItem[] = [];
  for (const r of rows) items.push(resultItem(r, !!(await repo.openObjectionOf(tx, r.id))));
  return { name: s.name, inRegister: true, items };
}

export async function confirmAccount(tx: Tx, kernel: Kernel, actor: Actor, id: string, input: { accountName: string; accountNo: string }) {
  const { r } = await ownResult(tx, actor, id);
  if (r.outcome === 'eligible' && r.payState === 'awaitingApplication') throw new AppError('TRANSITION_NOT_ALLOWED', '请先核对并提交预填的申请（快申快享），再确认收款账户');
  if (r.outcome !== 'eligible' || !['publicity', 'awaitingConfirmation'].includes(r.payState ?? '')) throw new AppError('TRANSITION_NOT_ALLOWED', '该兑现事项当前不需要确认收款账户');
  await repo.updateResult(tx, id, {
    payState: 'confirmed', accountName: input.accountName, accountNoEnc: kernel.cipher.encrypt(input.accountNo),
    accountMasked: `${input.accountNo.slice(0, 4)}****${input.accountNo.slice(-4)}`, confirmedAt: kernel.now(),
  });
  await appendAudit(tx, actor, { stream: `benefits:result:${id}`, action: 'benefits.confirmAccount', entityType: 'benefitResult', entityId: id }, kernel.now());
  return { ok: true };
}

/** 快申快享: the firm submits the application the scan pre-filled (the facts and amount it was shown); 公示 starts. */
export async function submitApplication(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const { r } = await ownResult(tx, actor, id);
  if (r.outcome !== 'eligible' || r.payState !== 'awaitingApplication') throw new AppError('TRANSITION_NOT_ALLOWED', '该兑现事项不需要提交申请或已提交');
  const publicityEnds = addDays(kernel.today(), settingsOf(kernel).BENEFITS_PUBLICITY_DAYS);
  await repo.updateResult(tx, id, { payState: 'publicity', publicityEnds, appliedAt: kernel.now() });
  await appendAudit(tx, actor, { stream: `benefits:result:${id}`, action: 'benefits.apply', entityType: 'benefitResult', entityId: id, detail: { amountFen: r.amountFen } }, kernel.now());
  return { ok: true, publicityEnds };
}

export async function declineBenefit(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const { r } = await ownResult(tx, actor, id);
  if (r.outcome !== 'eligible' || !['awaitingApplication', 'publicity', 'awaitingConfirmation', 'confirmed'].includes(r.payState ?? '')) throw new AppError('TRANSITION_NOT_ALLOWED', '该兑现事项已进入拨付，不能放弃');
  await repo.updateResult(tx, id, { payState: 'declined' });
  await appendAudit(tx, actor, { stream: `benefits:result:${id}`, action: 'benefits.decline', entityType: 'benefitResult', entityId: id }, kernel.now());
  return { ok: true };
}

/**
 * Who answers an objection: the department that owns the disputed fact's source (市场监管 for 经营异常, 人社
 * for 参保, …), found among the county's orgs, since only it can say its register was wrong and correct it
 * (the sources are the departments' registers, service-catalog §5.2 step 2; objections come with 公示, step 5;
 * that the owning department corrects is practice, not a statute we could cite — README "not confirmed").
 * Without that department in the system the policy's department takes it and checks with the source.
 */
async function sourceDepartment(tx: Tx, divisionCode: string, factKey: string, policyOrgId: string) {
  const def = FACT_BY_KEY.get(factKey);
  const suffix = def ? SOURCE_ORG_SUFFIX[def.source] : null;
  const org = suffix ? (await listOrgs(tx, divisionCode.slice(0, 6))).map((x) => x.org).find((o) => o.name.endsWith(suffix)) : undefined;
  if (org) return { orgId: org.id, name: org.name, routedToSource: true };
  return { orgId: policyOrgId, name: def ? `${FACT_SOURCES[def.source]}部门（未在本系统开通，由政策主管部门向其核实）` : '政策主管部门', routedToSource: false };
}

/** 异议: a firm disputes the fact behind a result (for a near miss, the failed condition's fact). */
export async function object(tx: Tx, kernel: Kernel, actor: Actor, id: string, input: { claimedValue: string; reason: string }) {
  const { r, s } = await ownResult(tx, actor, id);
  if (await repo.openObjectionOf(tx, id)) throw new AppError('DUPLICATE', '该结果已有异议正在核实，请等待答复');
  const v = await repo.getVersion(tx, r.versionId);
  if (!v) throw new AppError('NOT_FOUND');
  const factKey = r.failedFact ?? [...factsOf(v.terms.eligibility)][0];
  const st = settingsOf(kernel);
  const route = await sourceDepartment(tx, r.divisionCode, factKey, r.orgId);
  const { row } = await createCase(tx, kernel, actor, {
    type: 'benefitObjection', title: `${s.name}对“${v.name}”比对结果的异议`.slice(0, 200), orgId: route.orgId, divisionCode: r.divisionCode,
    applicantId: actor.id, applicantName: s.name, data: { verifyDays: st.BENEFITS_OBJECTION_DAYS, factKey, claimedValue: input.claimedValue, routedToSource: route.routedToSource, sourceDepartment: route.name },
  });
  await repo.insertObjection(tx, { caseId: row.id, resultId: r.id, subjectId: s.id, factKey, claimedValue: input.claimedValue, reason: input.reason, divisionCode: r.divisionCode, orgId: route.orgId, createdAt: kernel.now() });
  return { id: row.id, refNo: row.refNo };
}

export async function presentObjection(tx: Tx, _kernel: Kernel, row: CaseRow) {
  const o = await repo.getObjection(tx, row.id);
  if (!o) return [];
  const r = await repo.getResult(tx, o.resultId);
  const v = r ? await repo.getVersion(tx, r.versionId) : null;
  const scan = r ? await repo.getScan(tx, r.scanId) : null;
  const facts = r && scan ? await repo.factRowsAt(tx, o.subjectId, scan.snapshot) : [];
  const f = facts.find((x) => x.key === o.factKey);
  const failed = r?.failedIndex !== null && r?.failedIndex !== undefined ? r.explanation[r.failedIndex] : null;
  return [
    { label: '政策', value: v ? `${v.name}（${v.docNo}${v.article}，第${v.version}版）` : '' },
    { label: '比对结果', value: r ? `${OUTCOME_LABELS[r.outcome] ?? r.outcome}${failed ? `：${failed.label}` : ''}` : '' },
    { label: '有异议的数据项', value: `${factLabel(o.factKey)}（数据来源：${sourceLabel(o.factKey)}）` },
    { label: '核实部门', value: typeof row.data.sourceDepartment === 'string' ? row.data.sourceDepartment : '政策主管部门' },
    { label: '登记数据', value: f ? `${formatValue(o.factKey, f.value)}（截至${f.asOf}，导入批次${f.batchId.slice(0, 8)}）` : '无数据' },
    { label: '企业主张的数值', value: o.claimedValue },
    { label: '异议理由', value: o.reason },
    ...(o.outcome ? [{ label: '核实结果', value: o.outcome === 'corrected' ? `已更正为${formatValue(o.factKey, o.correctedValue)}并重新比对` : '原数据无误' }] : []),
    ...(scan ? [{ label: '比对基准日', value: scan.snapshot }] : []),
  ];
}

/**
 * What a correction stands on: the objection, its fact's definition, the result with its scan and
 * version, the subject, and the corrected value parsed. A missing row is a conflict and a value that
 * does not parse is the form's error, both before anything is written (objectionChecks.correct).
 */
async function correctionOf(tx: Tx, caseId: string, value: unknown) {
  const o = await repo.getObjection(tx, caseId);
  if (!o) return null;
  const def = FACT_BY_KEY.get(o.factKey);
  const r = await repo.getResult(tx, o.resultId);
  const scan = r ? await repo.getScan(tx, r.scanId) : null;
  const v = r ? await repo.getVersion(tx, r.versionId) : null;
  const s = await repo.getSubject(tx, o.subjectId);
  if (!def || !r || !scan || !v || !s) throw new AppError('STATE_CONFLICT');
  const parsed = parseFact(def, String(value));
  if ('error' in parsed) throw field('value', parsed.error);
  return { o, def, r, scan, v, s, value: parsed.value };
}

/** What must hold before an objection event is taken. */
export const objectionChecks: Record<string, TransitionCheck> = {
  async correct(tx, ctx) {
    await correctionOf(tx, ctx.row.id, ctx.input.value);
    return null;
  },
};

/** The department's answer: confirm the data, or correct it (a correction batch) and re-run the rule for that firm. */
export const objectionHandlers: Record<string, TransitionHandler> = {
  async confirm(tx, ctx) {
    const o = await repo.getObjection(tx, ctx.row.id);
    if (!o) return;
    await repo.updateObjection(tx, o.caseId, { outcome: 'confirmed' });
  },
  async correct(tx, ctx) {
    // objectionChecks.correct found every row and parsed the value before the compare-and-set.
    const found = await correctionOf(tx, ctx.row.id, ctx.input.value);
    if (!found) return;
    const { o, def, r, scan, v, s, value } = found;
    const kernel = ctx.kernel;
    // The corrected value holds as of the scan's snapshot (it says the register was wrong then).
    const row: ParsedRow = { row: 1, code: '', kind: s.kind as 'enterprise' | 'person', name: s.name, phone: null, facts: { [o.factKey]: value } };
    const batchId = randomUUID();
    await repo.insertFacts(tx, [{ id: randomUUID(), subjectId: s.id, key: o.factKey, value: value, source: def.source, asOf: scan.snapshot, batchId, divisionCode: s.divisionCode, createdAt: ctx.at }]);
    await repo.insertBatch(tx, { id: batchId, source: def.source, channel: 'correction', fileName: ctx.row.refNo, asOf: scan.snapshot, rows: 1, facts: 1, createdBy: ctx.actor.name, divisionCode: s.divisionCode, createdAt: ctx.at });
    void row;
    // Re-run the rule for this firm at the same snapshot.
    const fm = await repo.factsAt(tx, [s.id], scan.snapshot);
    const c = compilePolicy(v.terms, scan.snapshot);
    const history = await loadHistory(tx, [v]);
    const [d] = decide(evaluateAll([s], fm, [{ v, c }]), history, Number(scan.snapshot.slice(0, 4)));
    if (d.outcome === 'eligible' && v.budgetFen !== null) {
      // The re-run spends the same budget as the scan: serialised on the policy's row, so two corrections at once never both fit into the last of it.
      await repo.lockPolicy(tx, v.caseId);
      const budget = { budgetFen: v.budgetFen, spentFen: await repo.committedFen(tx, v.caseId, v.recurrence === 'yearly' ? Number(scan.snapshot.slice(0, 4)) : null, ['awaitingApplication', 'publicity', 'awaitingConfirmation', 'confirmed'], r.id) };
      applyBudget([d], new Map([[v.caseId, budget]]));
    }
    const publicityEnds = addDays(ctx.today, settingsOf(kernel).BENEFITS_PUBLICITY_DAYS);
    const fresh = resultRow(r.scanId, d.o, d.outcome, d.note ?? `异议${ctx.row.refNo}更正数据后重新比对`, ctx.at, publicityEnds);
    await repo.updateResult(tx, r.id, { current: false });
    await repo.insertResults(tx, [fresh]);
    await repo.updateObjection(tx, o.caseId, { outcome: 'corrected', correctedValue: value, rerunResultId: fresh.id });
    await mergeCaseData(tx, ctx.row.id, { rerunOutcome: d.outcome, rerunAmountFen: fresh.amountFen });
    await appendAudit(tx, ctx.actor, { stream: `benefits:result:${r.id}`, action: 'benefits.correct', entityType: 'benefitResult', entityId: fresh.id, detail: { factKey: o.factKey, value: value, batchId, outcome: d.outcome } }, ctx.at);
    const accounts = await repo.accountsByHash(tx, [s.codeHash]);
    await noticeFor(tx, kernel, d.o, d.outcome, accounts, publicityEnds);
  },
};

// ================================================================ payouts

const batchOrg = (actor: Actor) => actor.grants.find((g) => g.permissions.has('benefits.pay') && g.orgId)?.orgId ?? null;

/** A payout batch: every confirmed result whose 公示 has ended, each paying its next instalment. */
export async function createPayout(tx: Tx, kernel: Kernel, actor: Actor, input: { paidOn: string; policyId?: string }) {
  requirePermission(actor, 'benefits.pay');
  if (input.paidOn > kernel.today()) throw field('paidOn', '拨付日期不能晚于今天');
  const orgId = batchOrg(actor);
  if (!orgId) throw new AppError('FORBIDDEN');
  const t = repo.resultsTable;
  const where = and(
    scopeWhere(actor, 'benefits.pay', { division: t.divisionCode, org: t.orgId }), eq(t.current, true), eq(t.outcome, 'eligible'), eq(t.payState, 'confirmed'),
    sql`${t.publicityEnds} <= ${input.paidOn}`,
    input.policyId ? sql`${t.versionId} IN (SELECT ${repo.versionsTable.id} FROM ${repo.versionsTable} WHERE ${repo.versionsTable.caseId} = ${input.policyId})` : undefined,
  );
  const { rows } = await repo.resultViews(tx, where, 5000);
  const at = kernel.now();
  const batchId = randomUUID();
  const entries: Parameters<typeof repo.insertLedger>[1] = [];
  for (const r of rows) {
    const v = await repo.getVersion(tx, r.versionId);
    if (!v) continue;
    const parts = splitPayments(r.amountFen, v.terms.splitPct);
    const paid = (await repo.ledgerOfResult(tx, r.id)).filter((l) => l.kind === 'payment');
    // A split payment pays one instalment per year (40% this year, 60% the next).
    if (paid.length && paid[paid.length - 1].paidOn.slice(0, 4) >= input.paidOn.slice(0, 4)) continue;
    const k = paid.length;
    if (k >= parts.length) continue;
    entries.push({ id: randomUUID(), batchId, resultId: r.id, subjectId: r.subjectId, versionId: r.versionId, kind: 'payment', amountFen: parts[k], instalment: k + 1, paidOn: input.paidOn, reason: null, divisionCode: r.divisionCode, orgId: r.orgId, createdAt: at });
    await repo.updateResult(tx, r.id, { payState: k + 1 === parts.length ? 'paid' : 'confirmed' });
  }
  if (!entries.length) throw new AppError('GUARD_FAILED', '没有可拨付的兑现事项（须公示期满且企业已确认收款账户）');
  const prefix = `BF${input.paidOn.replaceAll('-', '')}`;
  const no = `${prefix}${String((await repo.batchCount(tx, prefix)) + 1).padStart(3, '0')}`;
  const totalFen = entries.reduce((a, e) => a + e.amountFen, 0);
  const org = await tenancy.getOrg(tx, orgId);
  await repo.insertPayoutBatch(tx, { id: batchId, no, state: 'paid', count: entries.length, totalFen, paidOn: input.paidOn, createdBy: actor.name, orgId, divisionCode: org?.divisionCode ?? countyOf(actor, kernel), createdAt: at });
  await repo.insertLedger(tx, entries);
  await appendAudit(tx, actor, { stream: `benefits:payout:${batchId}`, action: 'benefits.pay', entityType: 'benefitPayoutBatch', entityId: batchId, newStream: true, detail: { no, count: entries.length, totalFen } }, at);
  return { id: batchId, no };
}

/** 对账: the bank's return names the transfers that failed; each is reversed in the ledger and its firm asked to confirm the account again. */
export async function reconcile(tx: Tx, kernel: Kernel, actor: Actor, batchId: string, input: { failedResultIds: string[]; note?: string }) {
  requirePermission(actor, 'benefits.pay');
  const b = await repo.getPayoutBatch(tx, batchId);
  if (!b || !can(actor, 'benefits.pay', { orgId: b.orgId, divisionCode: b.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND');
  if (b.state !== 'paid') throw new AppError('TRANSITION_NOT_ALLOWED', '该批次已对账');
  const entries = await repo.ledgerOfBatch(tx, batchId);
  const payments = new Map(entries.filter((e) => e.kind === 'payment').map((e) => [e.resultId, e]));
  const unknown = input.failedResultIds.filter((id) => !payments.has(id));
  if (unknown.length) throw field('failedResultIds', `有${unknown.length}条记录不在本批次中`);
  const at = kernel.now();
  const reversals = input.failedResultIds.map((id) => { const p = payments.get(id)!; return { ...p, id: randomUUID(), kind: 'reversal', amountFen: -p.amountFen, paidOn: kernel.today(), reason: '银行退回（账户信息有误），请企业重新确认收款账户', createdAt: at }; });
  await repo.insertLedger(tx, reversals);
  for (const id of input.failedResultIds) await repo.updateResult(tx, id, { payState: 'awaitingConfirmation', accountMasked: null, accountNoEnc: null });
  const net = entries.reduce((a, e) => a + e.amountFen, 0) + reversals.reduce((a, e) => a + e.amountFen, 0);
  // The books balance: what the ledger says the batch paid equals its total less what came back.
  if (net !== b.totalFen - reversals.reduce((a, e) => a - e.amountFen, 0)) throw new AppError('CONFLICT', '拨付台账与批次金额不一致，请核查');
  const note = `${input.note ? `${input.note}；` : ''}成功${entries.length - reversals.length}笔，退回${reversals.length}笔，实付${yuan(net)}元`;
  await repo.updatePayoutBatch(tx, batchId, { state: 'reconciled', reconciledAt: at, reconcileNote: note });
  await appendAudit(tx, actor, { stream: `benefits:payout:${batchId}`, action: 'benefits.reconcile', entityType: 'benefitPayoutBatch', entityId: batchId, detail: { reversed: reversals.length, netFen: net } }, at);
  return { ok: true };
}

export async function payouts(tx: Tx, _kernel: Kernel, actor: Actor) {
  requirePermission(actor, 'benefits.read');
  const t = (await import('./benefits.tables')).payoutBatches;
  const rows = await repo.listPayoutBatches(tx, scopeWhere(actor, ['benefits.read', 'benefits.pay'], { division: t.divisionCode, org: t.orgId }));
  return rows.map((b) => ({ id: b.id, no: b.no, state: b.state, count: b.count, totalFen: b.totalFen, totalYuan: yuan(b.totalFen), paidOn: b.paidOn, reconciledAt: b.reconciledAt?.toISOString() ?? null, reconcileNote: b.reconcileNote }));
}

export async function payoutDetail(tx: Tx, _kernel: Kernel, actor: Actor, id: string) {
  requirePermission(actor, 'benefits.read');
  const b = await repo.getPayoutBatch(tx, id);
  if (!b || !(can(actor, 'benefits.read', { orgId: b.orgId, divisionCode: b.divisionCode, applicantId: null }))) throw new AppError('NOT_FOUND');
  const entries = await repo.ledgerOfBatch(tx, id);
  const subjectIds = [...new Set(entries.map((e) => e.subjectId))];
  const names = new Map<string, string>();
  for (const sid of subjectIds) names.set(sid, (await repo.getSubject(tx, sid))?.name ?? '');
  const versions = new Map<string, VersionRow>();
  for (const e of entries) if (!versions.has(e.versionId)) { const v = await repo.getVersion(tx, e.versionId); if (v) versions.set(v.id, v); }
  return {
    id: b.id, no: b.no, state: b.state, count: b.count, totalFen: b.totalFen, totalYuan: yuan(b.totalFen), paidOn: b.paidOn, reconciledAt: b.reconciledAt?.toISOString() ?? null,
    reconcileNote: b.reconcileNote, netFen: entries.reduce((a, e) => a + e.amountFen, 0),
    ledger: entries.map((e) => ({ id: e.id, resultId: e.resultId, subjectName: names.get(e.subjectId) ?? '', policyName: versions.get(e.versionId)?.name ?? '', version: versions.get(e.versionId)?.version ?? 0, kind: e.kind, amountYuan: yuan(e.amountFen), instalment: e.instalment, paidOn: e.paidOn, reason: e.reason })),
  };
}

