/**
 * Case-file review use cases: a campaign by the justice bureau with its score sheet, the seeded draw of
 * closed penalty files (plus paper files registered by hand), the veto pre-check from the case data, the
 * scoring of one file, problems issued to the unit as a rectification case, and 约谈 / 追责 records.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { AppError } from '../../../core/shared/errors';
import {
  type Actor, appendAudit, can, type CaseRow, createCase, domainConfig, type Kernel, scopeWhere, tenancy, type TransitionContext, type Tx,
} from '../../../core/server';
import { closedPenaltyFiles, completedInspectionFiles, penaltyReviewFacts, type PenaltyReviewFacts } from '../../enforcement/public';
import { credentialsValidOn } from '../../enforcement-credentials/public';
import type { z } from 'zod';
import { CampaignInput, ManualFileInput, MeasureInput, RescoreInput, SampleInput, ScoreInput } from '../shared/case-file-review.schema';
import { DEFAULT_SHEET, drawFiles, GRADE_LABELS, gradeFile, sheetProblems, type Deduction, type Grade, type SheetItem, type VetoFinding } from '../shared/case-file-review.rules';
import { caseFileReviewSettings } from './case-file-review.config';
import * as repo from './case-file-review.repository';

export const settingsOf = (kernel: Kernel) => domainConfig(kernel, caseFileReviewSettings);
const field = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path, message }] });
const MEASURE_LABELS: Record<string, string> = { interview: '约谈', accountability: '追责' };

/** The bureau the actor runs campaigns for: their own org holding caseReview.manage. */
async function bureauOf(tx: Tx, actor: Actor) {
  const id = actor.grants.find((g) => g.permissions.has('caseReview.manage') && g.orgId)?.orgId;
  const org = id ? await tenancy.getOrg(tx, id) : null;
  if (!org) throw new AppError('FORBIDDEN', '您没有组织案卷评查的权限');
  return org;
}
async function campaignFor(tx: Tx, actor: Actor, id: string, permission = 'caseReview.manage') {
  const c = await repo.getCampaign(tx, id);
  if (!c || !can(actor, 'caseReview.read', { orgId: c.orgId, divisionCode: c.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND', '评查活动不存在');
  if (!can(actor, permission, { orgId: c.orgId, divisionCode: c.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '您没有办理本次评查的权限');
  return c;
}
async function unitOf(tx: Tx, campaignId: string, orgId: string) {
  const u = (await repo.unitsOf(tx, campaignId)).find((x) => x.u.orgId === orgId);
  if (!u) throw field('orgId', '该单位不是本次评查的被抽查单位');
  return u;
}

// ---- campaigns ----
/** The units a campaign may sample: the departments of the bureau's division. */
export async function unitOptions(tx: Tx, actor: Actor) {
  const bureau = await bureauOf(tx, actor);
  return (await tenancy.listOrgs(tx, bureau.divisionCode)).map((r) => r.org)
    .filter((o) => o.kind === 'department' && o.id !== bureau.id).map((o) => ({ id: o.id, name: o.name }));
}

export async function createCampaign(tx: Tx, kernel: Kernel, actor: Actor, raw: CampaignInput) {
  const input = CampaignInput.parse(raw);
  const bureau = await bureauOf(tx, actor);
  if (input.endOn < input.startOn) throw field('endOn', '截止日期不能早于开始日期');
  const sheet = (input.sheet ?? DEFAULT_SHEET) as SheetItem[];
  const bad = sheetProblems(sheet);
  if (bad.length) throw field('sheet', bad.join('；'));
  const orgIds = [...new Set(input.orgIds)];
  for (const orgId of orgIds) {
    const org = await tenancy.getOrg(tx, orgId);
    if (!org || !can(actor, 'caseReview.manage', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) throw field('orgIds', '被抽查单位不存在或不在您负责的区划内');
  }
  const id = randomUUID();
  const now = kernel.now();
  await repo.insertCampaign(tx, {
    id, orgId: bureau.id, divisionCode: bureau.divisionCode, year: input.year, name: input.name, kind: input.kind, filesPerOrg: input.filesPerOrg,
    sheet, plan: input.plan ?? null, startOn: input.startOn, endOn: input.endOn, createdAt: now,
  }, orgIds.map((orgId) => ({ campaignId: id, orgId, divisionCode: bureau.divisionCode, createdAt: now })));
  await appendAudit(tx, actor, { stream: `caseReview:${bureau.divisionCode}`, action: 'caseReview.campaign.create', entityType: 'campaign', entityId: id, detail: { name: input.name, units: orgIds.length } }, now);
  return { id };
}

export async function listCampaigns(tx: Tx, actor: Actor) {
  const rows = await repo.listCampaigns(tx, scopeWhere(actor, 'caseReview.read', repo.campaignScope));
  const counts = await repo.campaignCounts(tx, rows.map((r) => r.id));
  return rows.map((c) => ({ id: c.id, year: c.year, name: c.name, kind: c.kind, filesPerOrg: c.filesPerOrg, startOn: c.startOn, endOn: c.endOn, sampled: c.seed !== null, ...counts.get(c.id)! }));
}

export async function campaignDetail(tx: Tx, actor: Actor, id: string) {
  const c = await campaignFor(tx, actor, id, 'caseReview.read');
  const fileRows = await repo.filesOf(tx, id, scopeWhere(actor, 'caseReview.read', repo.fileScope));
  return {
    id: c.id, year: c.year, name: c.name, kind: c.kind, filesPerOrg: c.filesPerOrg, startOn: c.startOn, endOn: c.endOn, plan: c.plan, sheet: c.sheet,
    seed: c.seed, sampledOn: c.sampledOn, canManage: can(actor, 'caseReview.manage', { orgId: c.orgId, divisionCode: c.divisionCode, applicantId: null }),
    units: (await repo.unitsOf(tx, id)).map(({ u, orgName }) => ({ orgId: u.orgId, orgName, candidates: u.candidates, drawn: u.drawn })),
    files: fileRows.map(({ f, orgName }) => fileSummary(f, orgName)),
    rectifications: (await repo.rectificationsOf(tx, id, scopeWhere(actor, 'caseReview.read', repo.rectificationScope))).map((r) => ({
      id: r.r.caseId, refNo: r.refNo, orgName: r.orgName, state: r.state, issuedOn: r.r.issuedOn,
    })),
    measures: (await repo.measuresOf(tx, id, scopeWhere(actor, 'caseReview.read', repo.measureScope))).map(({ m, orgName }) => ({
      id: m.id, kind: m.kind, kindLabel: MEASURE_LABELS[m.kind], orgName, personName: m.personName, post: m.post, on: m.on, basis: m.basis, outcome: m.outcome,
    })),
  };
}
const fileSummary = (f: repo.FileRow, orgName: string) => ({
  id: f.id, orgId: f.orgId, orgName, source: f.source, fileNo: f.fileNo, title: f.title, decidedOn: f.decidedOn,
  prechecked: f.precheck.length > 0, precheckFailed: f.precheck.filter((v) => v.failed).length,
  score: f.score, grade: f.grade, gradeLabel: f.grade ? GRADE_LABELS[f.grade as Grade] : null, reviewedOn: f.reviewedOn,
});

// ---- sampling ----
/**
 * Draws `filesPerOrg` closed penalty files of the campaign's year per unit, seeded: the seed is recorded
 * with the draw and the draw is claimed once. A unit with fewer closed files in the system gives all it
 * has; its paper files are registered by hand.
 */
export async function sample(tx: Tx, kernel: Kernel, actor: Actor, id: string, raw: unknown) {
  const input = SampleInput.parse(raw ?? {});
  const c = await campaignFor(tx, actor, id);
  if (c.kind !== '行政处罚' && c.kind !== '行政检查') throw field('kind', '系统只能抽取行政处罚和行政检查案卷；其他类别的案卷请逐本登记');
  const seed = input.seed ?? randomInt(0, 2 ** 31 - 1);
  if (!(await repo.claimDraw(tx, id, seed, kernel.today()))) throw new AppError('CONFLICT', '本次评查已抽取过案卷（抽取结果不可重抽）');
  const us = await repo.unitsOf(tx, id);
  if (c.kind === '行政检查') return sampleInspections(tx, kernel, actor, c, us, seed);
  const candidates = await closedPenaltyFiles(tx, us.map((u) => u.u.orgId), c.year);
  const now = kernel.now();
  let total = 0;
  for (const [i, { u }] of us.entries()) {
    const mine = candidates.filter((x) => x.orgId === u.orgId);
    // Each unit's draw has its own stream from the campaign seed, so adding a unit does not reshuffle another's.
    const picked = new Set(drawFiles(mine.map((x) => x.caseId), c.filesPerOrg, (seed + i * 7919) >>> 0));
    const drawn = mine.filter((x) => picked.has(x.caseId));
    const facts = await penaltyReviewFacts(tx, drawn.map((d) => d.caseId));
    const rows = [];
    for (const d of drawn) {
      const f = facts.find((x) => x.caseId === d.caseId);
      rows.push({
        id: randomUUID(), campaignId: id, orgId: u.orgId, divisionCode: u.divisionCode, source: 'system', penaltyCaseId: d.caseId,
        fileNo: d.decisionNo ?? d.refNo, title: d.title, partyName: d.partyName, decidedOn: d.decidedOn,
        precheck: f ? await precheck(tx, c.sheet, f) : [], createdAt: now,
      });
    }
    await repo.insertFiles(tx, rows);
    await repo.updateUnit(tx, id, u.orgId, { candidates: mine.length, drawn: rows.length, sampledOn: kernel.today() });
    total += rows.length;
  }
  await appendAudit(tx, actor, { stream: `caseReview:${c.divisionCode}`, action: 'caseReview.sample', entityType: 'campaign', entityId: id, detail: { seed, drawn: total } }, now);
  return { seed, drawn: total };
}

/**
 * A 行政检查 campaign draws completed 涉企检查 of the year (the visit record is the file). Only the veto items
 * an inspection's data can answer are pre-checked — officers' credentials valid on the visit day and at least
 * two officers (国办发〔2024〕54号; 行政处罚法 第42条 by analogy); 法制审核, the 90 days and the cited basis are
 * penalty facts and are left to the reviewer.
 */
async function sampleInspections(tx: Tx, kernel: Kernel, actor: Actor, c: repo.CampaignRow, us: Awaited<ReturnType<typeof repo.unitsOf>>, seed: number) {
  const candidates = await completedInspectionFiles(tx, us.map((u) => u.u.orgId), c.year);
  const now = kernel.now();
  let total = 0;
  for (const [i, { u }] of us.entries()) {
    const mine = candidates.filter((x) => x.orgId === u.orgId);
    const picked = new Set(drawFiles(mine.map((x) => x.caseId), c.filesPerOrg, (seed + i * 7919) >>> 0));
    const rows = [];
    for (const d of mine.filter((x) => picked.has(x.caseId))) {
      const facts: PenaltyReviewFacts = {
        caseId: d.caseId, filedOn: d.visitOn, decidedOn: null, decideDueOn: null, reviewRequired: false, reviewPassed: null, reviewedOn: null, basis: null,
        evidence: [{ takenOn: d.visitOn, officers: d.officers }],
      };
      const sheet = c.sheet.filter((item) => item.auto !== 'legalReview' && item.auto !== 'within90Days' && item.auto !== 'basisCited');
      rows.push({
        id: randomUUID(), campaignId: c.id, orgId: u.orgId, divisionCode: u.divisionCode, source: 'system', penaltyCaseId: d.caseId,
        fileNo: d.refNo, title: d.title, partyName: d.partyName, decidedOn: d.visitOn, precheck: await precheck(tx, sheet, facts), createdAt: now,
      });
    }
    await repo.insertFiles(tx, rows);
    await repo.updateUnit(tx, c.id, u.orgId, { candidates: mine.length, drawn: rows.length, sampledOn: kernel.today() });
    total += rows.length;
  }
  await appendAudit(tx, actor, { stream: `caseReview:${c.divisionCode}`, action: 'caseReview.sample', entityType: 'campaign', entityId: c.id, detail: { seed, drawn: total, kind: c.kind } }, now);
  return { seed, drawn: total };
}

const ARTICLE = /第[一二三四五六七八九十百零〇\d]+条/;
/** The sheet's auto veto items checked against the case data (rule-of-law-domains.md §2.4 基本标准). */
export async function precheck(tx: Tx, sheet: SheetItem[], f: PenaltyReviewFacts): Promise<VetoFinding[]> {
  const out: VetoFinding[] = [];
  for (const item of sheet.filter((i) => i.tier === 'veto' && i.auto)) {
    let failed = false;
    let note = '';
    switch (item.auto) {
      case 'credentials': {
        const bad: string[] = [];
        for (const e of f.evidence) {
          const checked = await credentialsValidOn(tx, e.officers.map((o) => o.holderId), e.takenOn);
          for (const r of checked.filter((x) => !x.valid)) bad.push(`${r.name ?? r.ref}于${e.takenOn}${r.reason ?? '未持有效执法证'}`);
        }
        failed = f.evidence.length === 0 || bad.length > 0;
        note = f.evidence.length === 0 ? '案卷无调查取证记录，无法核实执法人员资格' : bad.length ? bad.join('；') : '调查取证的执法人员当日均持有效行政执法证';
        break;
      }
      case 'twoOfficers': {
        const short = f.evidence.filter((e) => new Set(e.officers.map((o) => o.holderId)).size < 2);
        failed = f.evidence.length === 0 || short.length > 0;
        note = f.evidence.length === 0 ? '案卷无调查取证记录' : short.length ? `${short.map((e) => e.takenOn).join('、')}的取证记录执法人员少于两人` : `${f.evidence.length}次调查取证均有两名以上执法人员`;
        break;
      }
      case 'legalReview':
        failed = f.reviewRequired && !(f.reviewPassed && f.reviewedOn && (!f.decidedOn || f.reviewedOn <= f.decidedOn));
        note = !f.reviewRequired ? '本案不属于第58条应当法制审核的情形' : failed ? '应当法制审核，但决定前无通过的法制审核意见' : `已于${f.reviewedOn}通过法制审核`;
        break;
      case 'within90Days': {
        const due = f.decideDueOn;
        failed = !f.decidedOn || (due !== null && f.decidedOn > due);
        note = !f.decidedOn ? '未作出决定' : failed ? `${f.filedOn}立案，${f.decidedOn}作出决定，超过办案期限（${due}）` : `${f.filedOn}立案，${f.decidedOn}作出决定，在期限${due ?? ''}内`;
        break;
      }
      case 'basisCited':
        failed = !f.basis || !ARTICLE.test(f.basis);
        note = failed ? '决定未引用具体法律条款' : `依据：${f.basis}`;
        break;
    }
    out.push({ itemKey: item.key, failed, note });
  }
  return out;
}

export async function addManualFile(tx: Tx, kernel: Kernel, actor: Actor, id: string, raw: unknown) {
  const input = ManualFileInput.parse(raw);
  const c = await campaignFor(tx, actor, id);
  const u = await unitOf(tx, id, input.orgId);
  const fileId = randomUUID();
  await repo.insertFiles(tx, [{
    id: fileId, campaignId: c.id, orgId: u.u.orgId, divisionCode: u.u.divisionCode, source: 'manual', fileNo: input.fileNo, title: input.title,
    partyName: input.partyName ?? null, decidedOn: input.decidedOn ?? null, createdAt: kernel.now(),
  }]);
  return { id: fileId };
}

// ---- scoring ----
async function fileFor(tx: Tx, actor: Actor, id: string) {
  const f = await repo.getFile(tx, id);
  if (!f || !can(actor, 'caseReview.read', { orgId: f.orgId, divisionCode: f.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND', '案卷不存在');
  return f;
}

export async function fileView(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const f = await fileFor(tx, actor, id);
  const c = (await repo.getCampaign(tx, f.campaignId))!;
  const org = await tenancy.getOrg(tx, f.orgId);
  return {
    ...fileSummary(f, org?.name ?? ''), campaignId: c.id, campaignName: c.name, partyName: f.partyName, penaltyCaseId: f.penaltyCaseId,
    sheet: c.sheet, precheck: f.precheck, deductions: f.deductions ?? [], vetoes: f.vetoes ?? [], vetoed: f.vetoed, comment: f.comment, reviewerName: f.reviewerName,
    thresholds: { excellent: settingsOf(kernel).CFR_EXCELLENT_MIN, pass: settingsOf(kernel).CFR_PASS_MIN },
    canScore: f.grade === null && can(actor, 'caseReview.manage', { orgId: c.orgId, divisionCode: c.divisionCode, applicantId: null }),
    canRescore: f.grade !== null && can(actor, 'caseReview.manage', { orgId: c.orgId, divisionCode: c.divisionCode, applicantId: null }) && !(await repo.issuedProblemsOfFile(tx, id)),
    rescores: f.rescores,
    problems: (await repo.problemsOfFile(tx, id)).map((p) => ({ id: p.id, itemLabel: p.itemLabel, note: p.note, fixedOn: p.fixedOn, issued: p.rectificationId !== null })),
  };
}

/**
 * One reviewer's score: deductions per item with a note; the veto items as pre-checked unless overridden
 * with a reason; any failed veto item makes the file 不合格 whatever the score. Each deduction and each
 * failed veto item is a problem of the unit. A file is scored once (the first of two reviewers wins).
 */
export async function scoreFile(tx: Tx, kernel: Kernel, actor: Actor, id: string, raw: ScoreInput) {
  const input = ScoreInput.parse(raw);
  const f = await fileFor(tx, actor, id);
  const c = (await campaignFor(tx, actor, f.campaignId));
  const r = evaluate(c, f, input, settingsOf(kernel));
  const today = kernel.today();
  if (!(await repo.scoreOnce(tx, id, { deductions: r.deductions, vetoes: r.vetoes, score: r.score, vetoed: r.vetoed, grade: r.grade, comment: input.comment ?? null, reviewerName: actor.name, reviewedOn: today }))) {
    throw new AppError('CONFLICT', '该案卷已由其他评查人员评分');
  }
  await repo.insertProblems(tx, problemRows(c, f, r, today, kernel.now()));
  await appendAudit(tx, actor, { stream: `caseReview:${c.divisionCode}`, action: 'caseReview.score', entityType: 'file', entityId: id, detail: { score: r.score, grade: r.grade, vetoed: r.vetoed } }, kernel.now());
  return { score: r.score, vetoed: r.vetoed, grade: r.grade, gradeLabel: GRADE_LABELS[r.grade] };
}

/**
 * A correction of a scored file (a reviewer's mistake found on cross-checking): the whole sheet again with
 * a reason. The replaced score is kept on the file with who corrected it and why, and the file's problems
 * are replaced — only while none of them has gone to the unit as rectification (after that the unit is
 * working on them: 409). The file keeps its first review day, so it stays counted in the period it was
 * reviewed; the new problems are found on the day of the correction. Two correctors at once: one wins.
 */
export async function rescoreFile(tx: Tx, kernel: Kernel, actor: Actor, id: string, raw: RescoreInput) {
  const input = RescoreInput.parse(raw);
  const f = await fileFor(tx, actor, id);
  const c = await campaignFor(tx, actor, f.campaignId);
  if (f.grade === null) throw new AppError('CONFLICT', '该案卷尚未评分，请直接评分');
  if (await repo.issuedProblemsOfFile(tx, id)) throw new AppError('CONFLICT', '该案卷发现的问题已下发整改，不能再改分');
  const r = evaluate(c, f, input, settingsOf(kernel));
  const today = kernel.today();
  const replaced = { score: f.score!, grade: f.grade, vetoed: f.vetoed ?? false, reviewerName: f.reviewerName, reviewedOn: f.reviewedOn, rescoredBy: actor.name, rescoredOn: today, reason: input.reason };
  if (!(await repo.rescoreOnce(tx, id, f.revision, { deductions: r.deductions, vetoes: r.vetoes, score: r.score, vetoed: r.vetoed, grade: r.grade, comment: input.comment ?? null, reviewerName: actor.name }, replaced))) {
    throw new AppError('CONFLICT', '该案卷刚由其他评查人员改分，请刷新后再改');
  }
  await repo.deletePendingProblemsOfFile(tx, id);
  await repo.insertProblems(tx, problemRows(c, f, r, today, kernel.now()));
  await appendAudit(tx, actor, { stream: `caseReview:${c.divisionCode}`, action: 'caseReview.rescore', entityType: 'file', entityId: id, detail: { from: f.score, to: r.score, grade: r.grade, reason: input.reason } }, kernel.now());
  return { score: r.score, vetoed: r.vetoed, grade: r.grade, gradeLabel: GRADE_LABELS[r.grade] };
}

type Evaluation = { deductions: Deduction[]; vetoes: VetoFinding[]; score: number; vetoed: boolean; grade: Grade };

/** Checks one score sheet against the campaign's items and the file's pre-check, and grades it. */
function evaluate(c: repo.CampaignRow, f: repo.FileRow, input: z.output<typeof ScoreInput>, s: ReturnType<typeof settingsOf>): Evaluation {
  const items = new Map(c.sheet.map((i) => [i.key, i]));
  const perItem = new Map<string, number>();
  for (const [n, d] of input.deductions.entries()) {
    const item = items.get(d.itemKey);
    if (!item) throw field(`deductions.${n}.itemKey`, '评查表中没有这个项目');
    if (item.tier === 'veto') throw field(`deductions.${n}.itemKey`, `“${item.label}”是否决项，不扣分，请在否决项中认定`);
    perItem.set(d.itemKey, (perItem.get(d.itemKey) ?? 0) + d.points);
    if (perItem.get(d.itemKey)! > item.points) throw field(`deductions.${n}.points`, `“${item.label}”满分${item.points}分，扣分合计不能超过${item.points}分`);
  }
  const vetoes: VetoFinding[] = [];
  for (const item of c.sheet.filter((i) => i.tier === 'veto')) {
    const given = input.vetoes.find((v) => v.itemKey === item.key);
    const pre = f.precheck.find((p) => p.itemKey === item.key);
    const failed = given ? given.failed : pre?.failed ?? false;
    const note = given?.note ?? '';
    if (pre && failed !== pre.failed && note.length < 2) throw field(`vetoes.${item.key}`, `“${item.label}”与系统预评结果不同，请填写改判理由`);
    if (failed && !note && !pre?.failed) throw field(`vetoes.${item.key}`, `认定“${item.label}”的，请写明发现的问题`);
    vetoes.push({ itemKey: item.key, failed, note: note || pre?.note || '' });
  }
  const unknown = input.vetoes.find((v) => !items.has(v.itemKey) || items.get(v.itemKey)!.tier !== 'veto');
  if (unknown) throw field(`vetoes.${unknown.itemKey}`, '评查表中没有这个否决项');
  const deductions = input.deductions as Deduction[];
  return { deductions, vetoes, ...gradeFile(c.sheet, deductions, vetoes, { excellent: s.CFR_EXCELLENT_MIN, pass: s.CFR_PASS_MIN }) };
}

/** Each failed veto item and each deduction of an evaluation is one problem of the unit. */
function problemRows(c: repo.CampaignRow, f: repo.FileRow, r: Evaluation, today: string, now: Date) {
  const items = new Map(c.sheet.map((i) => [i.key, i]));
  return [
    ...r.vetoes.filter((v) => v.failed).map((v) => ({ itemKey: v.itemKey, itemLabel: `否决项：${items.get(v.itemKey)!.label}`, note: v.note })),
    ...r.deductions.map((d) => ({ itemKey: d.itemKey, itemLabel: `${items.get(d.itemKey)!.label}（扣${d.points}分）`, note: d.note })),
  ].map((p) => ({ ...p, id: randomUUID(), campaignId: c.id, fileId: f.id, orgId: f.orgId, divisionCode: f.divisionCode, foundOn: today, createdAt: now }));
}

// ---- rectification ----
/** Issues the unit's problems not yet issued as one rectification case (整改通知) on the unit. */
export async function issueRectification(tx: Tx, kernel: Kernel, actor: Actor, id: string, orgId: string) {
  const c = await campaignFor(tx, actor, id);
  const u = await unitOf(tx, id, orgId);
  const days = settingsOf(kernel).CFR_RECTIFY_DAYS;
  if (!(await repo.pendingProblems(tx, c.id, orgId))) throw field('orgId', '该单位没有待下发整改的问题');
  const { row } = await createCase(tx, kernel, actor, {
    type: 'rectification', title: `${c.name}：${u.orgName}整改`.slice(0, 200), orgId: u.u.orgId, divisionCode: u.u.divisionCode, applicantName: u.orgName, data: { days },
  });
  // Two clerks issuing at once: the second claims nothing and its request (with its case) rolls back.
  const claimed = await repo.claimProblems(tx, c.id, orgId, row.id);
  if (!claimed.length) throw new AppError('CONFLICT', '该单位的问题已由他人下发整改');
  await repo.insertRectification(tx, { caseId: row.id, campaignId: c.id, orgId: u.u.orgId, divisionCode: u.u.divisionCode, issuedOn: kernel.today(), createdAt: kernel.now() });
  return { id: row.id, refNo: row.refNo, problems: claimed.length };
}

/** Domain writes of each rectification event. */
export const rectificationHandlers: Record<string, (tx: Tx, ctx: TransitionContext) => Promise<void>> = {
  // 整改问题 count as fixed on the day the bureau accepts them, not when the unit reports.
  async accept(tx, ctx) {
    await repo.markFixed(tx, ctx.row.id, ctx.today);
  },
};

export async function presentRectification(tx: Tx, row: CaseRow) {
  const r = await repo.getRectification(tx, row.id);
  if (!r) return [];
  const c = await repo.getCampaign(tx, r.campaignId);
  const ps = await repo.problemsOfRectification(tx, row.id);
  return [
    { label: '评查活动', value: c?.name ?? '' }, { label: '下发日期', value: r.issuedOn }, { label: '问题数', value: `${ps.length}个` },
    ...ps.map(({ p, fileNo }, n) => ({ label: `问题${n + 1}`, value: `案卷${fileNo}：${p.itemLabel}——${p.note}` })),
  ];
}

// ---- 约谈 / 追责 ----
export async function addMeasure(tx: Tx, kernel: Kernel, actor: Actor, id: string, raw: MeasureInput) {
  const input = MeasureInput.parse(raw);
  const c = await campaignFor(tx, actor, id);
  const u = await unitOf(tx, id, input.orgId);
  if (input.on > kernel.today()) throw field('on', '日期不能晚于今天');
  const mid = randomUUID();
  await repo.insertMeasure(tx, {
    id: mid, campaignId: c.id, kind: input.kind, orgId: u.u.orgId, divisionCode: u.u.divisionCode, personName: input.personName, post: input.post,
    on: input.on, basis: input.basis, outcome: input.outcome ?? null, recordedBy: actor.name, createdAt: kernel.now(),
  });
  await appendAudit(tx, actor, { stream: `caseReview:${c.divisionCode}`, action: `caseReview.${input.kind}`, entityType: 'measure', entityId: mid, detail: { personName: input.personName } }, kernel.now());
  return { id: mid };
}
