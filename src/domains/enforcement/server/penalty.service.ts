/**
 * 行政处罚 use cases: filing (立案), the per-event rules the machine's guards cannot see (officers'
 * credentials on the day, the hearing notice, the reviewer's 法律职业资格), the decision and its 公示 with
 * due dates copied from the kernel's clocks, attachments (全过程记录), the reviewers' register, and the public
 * list of published decisions.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/shared/errors';
import { checkCreditCode, checkIdNumber, maskIdNumber } from '../../../core/shared/ids';
import { type Actor, appendAudit, can, type CaseRow, createCase, linkCases, listClocks, loadVisible, mergeCaseData, scopeWhere, siteDivisionCode, tenancy, type Kernel, type TransitionCheckContext, type TransitionContext, type Tx, DOCUMENT_KINDS, MEDIA_KINDS, storageFor, storeUpload, type TransitionHandler, type TransitionCheck, withCaseRow } from '../../../core/server';
import { PenaltyInput, REVIEW_GROUNDS } from '../shared/penalty.machine';
import { PARTY_KIND_LABELS, PUBLICATION_KIND_LABELS } from '../shared/enforcement.labels';
import { actingOrg, anonymise, field, settingsOf } from './enforcement.common';
import { validOfficers } from './inspection.service';
import * as repo from './enforcement.repository';

export async function filePenalty(tx: Tx, kernel: Kernel, actor: Actor, raw: PenaltyInput) {
  const input = PenaltyInput.parse(raw);
  const org = await actingOrg(tx, actor, 'penalty.handle', input.orgId);
  let partyCode: string | null = null;
  if (input.partyKind === 'org') {
    if (!input.partyCode) throw field('partyCode', '当事人为法人或其他组织的，请填写统一社会信用代码');
    const c = checkCreditCode(input.partyCode);
    if (!c.valid) throw field('partyCode', `统一社会信用代码不正确：${c.reason ?? ''}`);
    partyCode = input.partyCode.normalize('NFKC').trim().toUpperCase();
  }
  // 行政处罚法 第59条: the decision names the party; a natural person by the 公民身份号码 where it is known
  // (optional: a foreigner or someone whose number is not known is still fined). Checked with the kernel's
  // GB 11643 checksum, then kept only encrypted, as a look-up index and masked — never in clear.
  let partyId: { partyIdEnc: string; partyIdHash: string; partyIdShown: string } | null = null;
  if (input.partyKind === 'person' && input.partyCode) {
    const norm = input.partyCode.normalize('NFKC').trim().toUpperCase();
    const c = checkIdNumber(norm, kernel.today());
    if (c.kind !== 'residentId') throw field('partyCode', `当事人为自然人的，请填写18位公民身份号码${c.valid ? '' : `：${c.reason ?? ''}`}`);
    if (!c.valid) throw field('partyCode', `公民身份号码不正确：${c.reason ?? ''}`);
    partyId = { partyIdEnc: kernel.cipher.encrypt(norm), partyIdHash: kernel.cipher.index(norm), partyIdShown: maskIdNumber(norm) };
  }
  const { row, created } = await createCase(tx, kernel, actor, {
    type: 'penalty', title: `${input.partyName}${input.cause.replace(/案$/, '')}案`.slice(0, 200), orgId: org.id, divisionCode: org.divisionCode,
    applicantName: input.partyName, data: { evidenceCount: 0 }, idempotencyKey: input.idempotencyKey ?? null,
  });
  if (!created) return { id: row.id, refNo: row.refNo }; // the same form sent again
  await repo.insertPenalty(tx, {
    caseId: row.id, orgId: org.id, divisionCode: org.divisionCode, partyKind: input.partyKind, partyName: input.partyName, partyCode, ...partyId,
    cause: input.cause, source: input.source, facts: input.facts, filedOn: kernel.today(), createdAt: row.createdAt,
  });
  if (input.inspectionRef) await linkCases(tx, kernel, actor, row.id, input.inspectionRef, 'foundInInspection');
  return { id: row.id, refNo: row.refNo };
}

const clockDue = async (tx: Tx, caseId: string, name: string) => (await listClocks(tx, [caseId])).find((c) => c.name === name)?.dueDate ?? null;

type Penalty = NonNullable<Awaited<ReturnType<typeof repo.getPenalty>>>;

/** Handlers and checks given the case's penalty row (core/server withCaseRow). */
const penaltyRow = withCaseRow(repo.getPenalty);
const withPenalty = penaltyRow.on;
const checkPenalty = penaltyRow.check;

/** The officers named on an evidence record, judged on the day it was taken (第42条: two valid credentials). */
const evidenceOfficers = (tx: Tx, ctx: TransitionCheckContext, p: Penalty) =>
  validOfficers(tx, (ctx.input.officerIds as string[]) ?? [], String(ctx.input.takenOn), p.orgId, '调查取证');

/** The registered reviewer acting, or null: only they may record 法制审核. */
const reviewerOf = (tx: Tx, actor: Actor) => (actor.id ? repo.getReviewer(tx, actor.id) : Promise.resolve(null));

/** 第58条第二款: reviewers (first-time ones at least) hold the 法律职业资格; we require it of all. */
const reviewerQualified = checkPenalty(async (tx, ctx) => {
  if (!(await reviewerOf(tx, ctx.actor))) throw new AppError('FORBIDDEN', '法制审核人员应当取得法律职业资格（行政处罚法 第58条第二款）：您尚未登记为本区法制审核人员');
  return null;
});

/**
 * What must hold before a penalty event is taken that the machine's data-only guards cannot see: read here,
 * before the compare-and-set, so a refused event writes nothing.
 */
export const penaltyChecks: Record<string, TransitionCheck> = {
  recordEvidence: checkPenalty(async (tx, ctx, p) => {
    const takenOn = String(ctx.input.takenOn);
    if (takenOn > ctx.today) throw field('takenOn', '取证日期不能晚于今天');
    if (takenOn < p.filedOn) throw field('takenOn', `取证日期不能早于立案日期${p.filedOn}`);
    // 第42条: the record is refused unless two officers held valid credentials on the day.
    await evidenceOfficers(tx, ctx, p);
    return null;
  }),
  scheduleHearing: checkPenalty(async (tx, ctx) => {
    const noticeOn = String(ctx.input.noticeOn);
    const hearingOn = String(ctx.input.hearingOn);
    if (noticeOn > ctx.today) throw field('noticeOn', '通知日期不能晚于今天');
    // 第64条第二项: the party is told 7 (working, 第85条) days before the hearing.
    const earliest = (await ctx.kernel.calendar.get(tx)).provisional().addWorkdays(noticeOn, 7);
    if (hearingOn < earliest) throw field('hearingOn', `行政机关应当在举行听证的七日前通知当事人（行政处罚法 第64条，工作日）：${noticeOn}通知的，听证日期不得早于${earliest}`);
    return null;
  }),
  holdHearing: checkPenalty(async (_tx, ctx) =>
    String(ctx.row.data.hearingOn) > ctx.today ? `听证定于${String(ctx.row.data.hearingOn)}举行，尚未到期` : null),
  passReview: reviewerQualified,
  failReview: reviewerQualified,
  serve: checkPenalty(async (_tx, ctx, p) => {
    const servedOn = String(ctx.input.servedOn);
    if (servedOn > ctx.today) throw field('servedOn', '送达日期不能晚于今天');
    if (p.decidedOn && servedOn < p.decidedOn) throw field('servedOn', `送达日期不能早于决定日期${p.decidedOn}`);
    return null;
  }),
};

/** 法制审核 passed or failed, by the registered reviewer (penaltyChecks made sure there is one). */
const reviewed = withPenalty(async (tx, ctx, p) => {
  const reviewer = (await reviewerOf(tx, ctx.actor))!;
  const passed = ctx.event === 'passReview';
  await repo.updatePenalty(tx, p.caseId, { reviewedOn: ctx.today, reviewerName: reviewer.name, reviewPassed: passed });
  await mergeCaseData(tx, p.caseId, { reviewPassed: passed, reviewedBy: reviewer.name });
});

/** A decision (a penalty, or another decision such as 不予处罚) and its 公示, due by the event's clock. */
const decided = withPenalty(async (tx, ctx, p) => {
  const i = ctx.input;
  const kind = ctx.event === 'decide' ? '给予行政处罚' : String(i.kind);
  const amount = typeof i.amount === 'number' ? i.amount : null;
  await repo.updatePenalty(tx, p.caseId, { decisionKind: kind, decisionNo: String(i.decisionNo), basis: String(i.basis), content: String(i.content), amount, decidedOn: ctx.today });
  const clock = ctx.event === 'decide' ? 'publish' : 'publishOther';
  const dueOn = await clockDue(tx, p.caseId, clock);
  await repo.insertPublication(tx, {
    caseId: p.caseId, kind: ctx.event === 'decide' ? 'penalty' : 'other', orgId: p.orgId, divisionCode: p.divisionCode,
    partyShown: anonymise(p.partyName, p.partyKind), partyKind: p.partyKind, decisionNo: String(i.decisionNo), cause: p.cause,
    basis: String(i.basis), content: `${kind}：${String(i.content)}`, decidedOn: ctx.today, dueOn: dueOn ?? ctx.today, createdAt: ctx.at,
  });
  await mergeCaseData(tx, p.caseId, { decisionKind: kind, decisionNo: String(i.decisionNo) });
});

/** The decision published, whether before or after it was served. */
const published = withPenalty(async (tx, ctx, p) => {
  await repo.updatePublication(tx, p.caseId, { publishedOn: ctx.today });
  await mergeCaseData(tx, p.caseId, { published: true });
});

/** Domain writes of each penalty event, in its transaction, after the compare-and-set. */
export const penaltyHandlers: Record<string, TransitionHandler> = {
  recordEvidence: withPenalty(async (tx, ctx, p) => {
    // The dates and officers were checked before the compare-and-set (penaltyChecks.recordEvidence).
    const officers = await evidenceOfficers(tx, ctx, p);
    await repo.insertEvidence(tx, { id: randomUUID(), caseId: p.caseId, takenOn: String(ctx.input.takenOn), officers, summary: String(ctx.input.summary), orgId: p.orgId, divisionCode: p.divisionCode, createdAt: ctx.at });
    await mergeCaseData(tx, p.caseId, { evidenceCount: Number(ctx.row.data.evidenceCount ?? 0) + 1 });
  }),
  notify: withPenalty(async (tx, ctx, p) => {
    const i = ctx.input;
    // A hearing held earlier in a case sent back by the reviewer still counts (第58条第一款第二项).
    const grounds = [...new Set([...(i.reviewGround ? [String(i.reviewGround)] : []), ...(ctx.row.data.hearingHeld ? [REVIEW_GROUNDS[1]] : [])])];
    await repo.updatePenalty(tx, p.caseId, { hearingEligible: !!i.hearingEligible, major: !!i.major, reviewGrounds: grounds });
    await mergeCaseData(tx, p.caseId, { hearingEligible: !!i.hearingEligible, major: !!i.major, reviewRequired: grounds.length > 0, reviewGrounds: grounds });
  }),
  scheduleHearing: withPenalty(async (tx, ctx, p) => {
    // The 7-day notice was checked before the compare-and-set (penaltyChecks.scheduleHearing).
    await mergeCaseData(tx, p.caseId, { hearingOn: String(ctx.input.hearingOn), noticeOn: String(ctx.input.noticeOn), hearingHost: String(ctx.input.host) });
  }),
  holdHearing: withPenalty(async (tx, _ctx, p) => {
    // 第58条第一款第二项: a case heard because it bears on major rights needs 法制审核.
    const ground = REVIEW_GROUNDS[1];
    const grounds = [...new Set([...(p.reviewGrounds ?? []), ground])];
    await repo.updatePenalty(tx, p.caseId, { reviewGrounds: grounds });
    await mergeCaseData(tx, p.caseId, { hearingHeld: true, reviewRequired: true, reviewGrounds: grounds });
  }),
  passReview: reviewed,
  failReview: reviewed,
  discuss: withPenalty(async (tx, _ctx, p) => { await mergeCaseData(tx, p.caseId, { discussed: true }); }),
  decide: decided,
  decideOther: decided,
  serve: withPenalty(async (tx, ctx, p) => {
    // The date was checked before the compare-and-set (penaltyChecks.serve).
    await repo.updatePenalty(tx, p.caseId, { servedOn: String(ctx.input.servedOn) });
  }),
  close: withPenalty(async (tx, ctx, p) => { await repo.updatePenalty(tx, p.caseId, { closedOn: ctx.today }); }),
  publish: published,
  publishServed: published,
  revoke: withPenalty(async (tx, ctx, p) => {
    await repo.updatePublication(tx, p.caseId, { revokedOn: ctx.today, withdrawReason: String(ctx.input.reason) });
  }),
  revokePublished: withPenalty(async (tx, ctx, p) => {
    await repo.updatePublication(tx, p.caseId, { revokedOn: ctx.today, withdrawDueOn: await clockDue(tx, p.caseId, 'withdraw'), withdrawReason: String(ctx.input.reason) });
  }),
  withdraw: withPenalty(async (tx, ctx, p) => {
    await repo.updatePublication(tx, p.caseId, { withdrawnOn: ctx.today, withdrawReason: String(ctx.input.explanation) });
    await mergeCaseData(tx, p.caseId, { withdrawn: true });
  }),
};

/** The party's number as staff see it: a firm's credit code, a person's ID number masked. */
const partyNo = (p: Penalty) => p.partyCode ?? p.partyIdShown;

export async function presentPenalty(tx: Tx, row: CaseRow) {
  const p = await repo.getPenalty(tx, row.id);
  if (!p) return [];
  return [
    { label: '当事人', value: `${p.partyName}（${PARTY_KIND_LABELS[p.partyKind] ?? p.partyKind}${partyNo(p) ? `，${partyNo(p)}` : ''}）` },
    { label: '案由', value: p.cause }, { label: '案件来源', value: p.source }, { label: '立案日期', value: p.filedOn },
    { label: '法制审核', value: p.reviewGrounds.length ? (p.reviewedOn ? `${p.reviewPassed ? '通过' : '未通过'}（${p.reviewedOn}，${p.reviewerName}）` : `需要（${p.reviewGrounds.join('；')}）`) : '不属于第58条情形' },
    ...(p.decidedOn ? [{ label: '决定', value: `${p.decisionKind}，${p.decisionNo}（${p.decidedOn}）${p.amount !== null ? `，罚款${p.amount}元` : ''}` }] : []),
  ];
}

export async function penaltyFile(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  await loadVisible(tx, actor, id, 'penalty');
  const p = await repo.getPenalty(tx, id);
  if (!p) throw new AppError('NOT_FOUND');
  const pub = await repo.getPublication(tx, id);
  return {
    partyKind: p.partyKind, partyName: p.partyName, partyCode: partyNo(p), cause: p.cause, source: p.source, facts: p.facts, filedOn: p.filedOn,
    hearingEligible: p.hearingEligible, major: p.major, reviewGrounds: p.reviewGrounds, reviewedOn: p.reviewedOn, reviewerName: p.reviewerName, reviewPassed: p.reviewPassed,
    decisionKind: p.decisionKind, decisionNo: p.decisionNo, basis: p.basis, content: p.content, amount: p.amount, decidedOn: p.decidedOn, servedOn: p.servedOn, closedOn: p.closedOn,
    evidence: (await repo.evidenceOf(tx, id)).map((e) => ({ id: e.id, takenOn: e.takenOn, officers: e.officers, summary: e.summary })),
    publication: pub ? {
      kind: PUBLICATION_KIND_LABELS[pub.kind] ?? pub.kind, partyShown: pub.partyShown, dueOn: pub.dueOn, publishedOn: pub.publishedOn,
      revokedOn: pub.revokedOn, withdrawDueOn: pub.withdrawDueOn, withdrawnOn: pub.withdrawnOn,
    } : null,
    attachments: (await repo.attachmentsOf(tx, id)).map((a) => ({ id: a.id, step: a.step, fileName: a.fileName, mime: a.mime, size: a.size, uploadedBy: a.uploadedBy, createdAt: a.createdAt.toISOString() })),
  };
}

/** The public 公示 list: published decisions still in force, natural persons shown as 张某. */
export async function publicDecisions(tx: Tx, kernel: Kernel, q: { q?: string; page: number; pageSize: number }) {
  const s = settingsOf(kernel);
  const today = kernel.today();
  const back = (years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
  const { total, items } = await repo.publicPublications(tx, siteDivisionCode(kernel), { ...q, personSince: back(s.ENFORCEMENT_PUBLIC_PERSON_YEARS), orgSince: back(s.ENFORCEMENT_PUBLIC_ORG_YEARS) });
  return {
    total, items: items.map(({ p, orgName }) => ({
      id: p.caseId, orgName, kind: PUBLICATION_KIND_LABELS[p.kind] ?? p.kind, party: p.partyShown, partyKind: PARTY_KIND_LABELS[p.partyKind] ?? p.partyKind,
      decisionNo: p.decisionNo, cause: p.cause, basis: p.basis, content: p.content, decidedOn: p.decidedOn, publishedOn: p.publishedOn!,
    })),
  };
}

// ---- 法制审核人员 (法律职业资格) ----
export async function registerReviewer(tx: Tx, kernel: Kernel, actor: Actor, input: { userId: string; certificateNo: string }) {
  if (!can(actor, 'penalty.reviewers')) throw new AppError('FORBIDDEN', '您没有登记法制审核人员的权限');
  const roles = await tenancy.grantsOf(tx, input.userId);
  const user = await tenancy.getUser(tx, input.userId);
  const orgId = roles.find((r) => r.orgId)?.orgId ?? null;
  const org = orgId ? await tenancy.getOrg(tx, orgId) : null;
  if (!user || !org) throw field('userId', '工作人员不存在');
  if (!can(actor, 'penalty.reviewers', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '只能登记您负责区划内的工作人员');
  await repo.insertReviewer(tx, { userId: user.id, name: user.displayName, certificateNo: input.certificateNo, orgId: org.id, divisionCode: org.divisionCode, createdAt: kernel.now() });
  await appendAudit(tx, actor, { stream: `enforcement:reviewers:${org.divisionCode}`, action: 'enforcement.reviewer.register', entityType: 'user', entityId: user.id, detail: { certificateNo: input.certificateNo } }, kernel.now());
  return { userId: user.id, name: user.displayName };
}
export async function listReviewers(tx: Tx, actor: Actor) {
  return (await repo.listReviewers(tx, scopeWhere(actor, ['penalty.read', 'penalty.reviewers'], repo.reviewerScope)))
    .map((r) => ({ userId: r.userId, name: r.name, certificateNo: r.certificateNo, orgId: r.orgId }));
}

// ---- 全过程记录: documents, photos, audio and video through the kernel's storage interface ----
export async function attach(tx: Tx, kernel: Kernel, actor: Actor, id: string, fileName: string, body: Buffer) {
  const row = await loadVisible(tx, actor, id, 'penalty');
  if (!can(actor, 'penalty.handle', row) && !can(actor, 'penalty.review', row)) throw new AppError('FORBIDDEN', '您没有为本案上传记录的权限');
  const f = await storeUpload(kernel, body, {
    prefix: 'enforcement', maxBytes: settingsOf(kernel).ENFORCEMENT_ATTACHMENT_MAX_MB * 1024 * 1024, accept: [...DOCUMENT_KINDS, ...MEDIA_KINDS],
    acceptLabel: 'PDF、JPG、PNG、OFD文书和照片，MP4视频，MP3、WAV录音',
  });
  const label = kernel.caseTypes.get('penalty')!.machine.states[row.state]?.label ?? row.state;
  const a = { id: randomUUID(), caseId: id, step: label, fileName: fileName.slice(0, 200), mime: f.mime, size: f.size, storageKey: f.storageKey, uploadedBy: actor.name, orgId: row.orgId, divisionCode: row.divisionCode, createdAt: kernel.now() };
  await repo.insertAttachment(tx, a);
  return { id: a.id, step: a.step, fileName: a.fileName, mime: a.mime, size: a.size, uploadedBy: a.uploadedBy, createdAt: a.createdAt.toISOString() };
}
export async function attachmentContent(tx: Tx, kernel: Kernel, actor: Actor, id: string, attachmentId: string) {
  await loadVisible(tx, actor, id, 'penalty');
  const a = await repo.getAttachment(tx, attachmentId);
  if (!a || a.caseId !== id) throw new AppError('NOT_FOUND');
  return { file: a, body: await storageFor(kernel.config.dataDir).get(a.storageKey) };
}

