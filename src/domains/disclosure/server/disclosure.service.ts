/**
 * 政府信息公开: proactive items (dated against 第26条's 20 working days), requests on the kernel's case
 * engine, fees by 国办函〔2020〕109号, and the annual report's statistical tables (第50条;
 * 国办公开办函〔2021〕30号) counted from the records and exported as a real .xlsx.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AppError } from '../../../core/shared/errors';
import { type Actor, can, createCase, domainConfig, findCaseByRef, type Kernel, lastEventInput, listClocks, mergeCaseData, SYSTEM_ACTOR, tenancy, transition, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionHandler, type TransitionCheck } from '../../../core/server';
import { disclosureSettings } from './disclosure.config';
import { indexText, queryTokens } from '../../catalog/public';
import {
  APPLICANT_TYPES, CHANNELS, REPLY_TYPES, disclosureFee, replyTypeByLabel,
  type DisclosureRequestInputT, type ReplyType,
} from '../shared/disclosure.machine';
import type { ProactiveItemInput } from '../shared/disclosure.machine';
import type { z } from 'zod';
import * as repo from './disclosure.repository';


export async function publishItem(tx: Tx, kernel: Kernel, actor: Actor, orgId: string, input: z.infer<typeof ProactiveItemInput>) {
  const org = await tenancy.getOrg(tx, orgId);
  if (!org || !can(actor, 'disclosure.publish', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '只能发布本机关的政府信息');
  const today = kernel.today();
  if (input.formedOn > today) throw new AppError('VALIDATION', '信息形成日期不能晚于今天', { fields: [{ path: 'formedOn', message: '不能晚于今天' }] });
  const cal = await kernel.calendar.get(tx);
  // 第26条: within 20 working days of the information being formed or changed.
  let dueOn: string | null = null;
  try { dueOn = cal.addWorkdays(input.formedOn, 20); } catch { /* outside the published calendar: no due date, not late */ }
  const item = await repo.insertItem(tx, {
    id: randomUUID(), orgId: org.id, divisionCode: org.divisionCode, title: input.title, category: input.category, docNo: input.docNo ?? null,
    body: input.body, searchText: indexText(`${input.title} ${input.docNo ?? ''} ${input.body}`), formedOn: input.formedOn, publishedOn: today,
    dueOn, late: dueOn !== null && today > dueOn, createdBy: actor.id, createdAt: kernel.now(),
  });
  return { id: item.id, publishedOn: item.publishedOn, dueOn: item.dueOn, late: item.late };
}

export async function searchPublished(tx: Tx, q: { divisionCode: string; q?: string; category?: string; page: number; pageSize: number }) {
  const tokens = q.q ? queryTokens(q.q) : [];
  const r = await repo.searchItems(tx, { ...q, tokens, text: q.q });
  return {
    total: r.total,
    items: r.items.map(({ i, orgName }) => ({ id: i.id, title: i.title, category: i.category, docNo: i.docNo, orgName, formedOn: i.formedOn, publishedOn: i.publishedOn, late: i.late, excerpt: i.body.slice(0, 120) })),
  };
}

export async function fileRequest(tx: Tx, kernel: Kernel, actor: Actor, input: DisclosureRequestInputT) {
  const org = await tenancy.getOrg(tx, input.orgId);
  if (!org) throw new AppError('VALIDATION', '受理机关不存在', { fields: [{ path: 'orgId', message: '受理机关不存在' }] });
  const today = kernel.today();
  if (actor.kind === 'staff' && !can(actor, 'disclosureRequest.handle', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '只能登记本机关收到的申请');
  // 第31条: an online request is received when both sides confirm — on filing; staff record the
  // signing or confirmation date of post and fax, which cannot be later than today.
  const receivedOn = input.channel === 'online' || actor.kind === 'public' ? today : input.receivedOn ?? today;
  if (receivedOn > today) throw new AppError('VALIDATION', '收到日期不能晚于今天', { fields: [{ path: 'receivedOn', message: '不能晚于今天' }] });
  const phoneEnc = kernel.cipher.encrypt(input.phone);
  const { row, created } = await createCase(tx, kernel, actor, {
    type: 'disclosureRequest', title: `申请公开：${input.content.slice(0, 30)}`, orgId: org.id, divisionCode: org.divisionCode,
    applicantId: actor.kind === 'public' ? actor.id : null, applicantName: input.applicantName, idempotencyKey: input.idempotencyKey,
    data: { replyDays: domainConfig(kernel, disclosureSettings).DISCLOSURE_REPLY_WORKDAYS, correctionDays: domainConfig(kernel, disclosureSettings).DISCLOSURE_CORRECTION_WORKDAYS, channel: input.channel, receivedOn },
  });
  if (created) {
    await repo.insertRequest(tx, {
      caseId: row.id, applicantType: input.applicantType, phoneEnc, channel: input.channel, receivedOn, content: input.content, purpose: input.purpose ?? null,
      feeMethod: input.feeMethod ?? null, divisionCode: org.divisionCode, orgId: org.id, createdAt: row.createdAt,
    });
  }
  return { id: row.id, refNo: row.refNo, created, receivedOn };
}

async function publicRequest(tx: Tx, kernel: Kernel, refNo: string, phone4: string) {
  const row = await findCaseByRef(tx, refNo);
  const r = row?.type === 'disclosureRequest' ? await repo.getRequest(tx, row.id) : null;
  // One answer for "no such number" and "wrong phone": the number alone reveals nothing.
  if (!row || !r?.phoneEnc || !kernel.cipher.decrypt(r.phoneEnc).endsWith(phone4)) throw new AppError('NOT_FOUND', '未找到该编号的申请，请核对申请编号和联系电话后4位');
  return { row, r };
}

export async function trackPublic(tx: Tx, kernel: Kernel, refNo: string, phone4: string) {
  const { row, r } = await publicRequest(tx, kernel, refNo, phone4);
  const m = kernel.caseTypes.get('disclosureRequest')!.machine;
  const reply = (await listClocks(tx, [row.id])).find((c) => c.name === 'reply');
  const asked = row.state === 'correcting' ? (await lastEventInput(tx, row.id, 'requestCorrection'))?.missing : null;
  const org = await tenancy.getOrg(tx, row.orgId);
  const t = r.replyType ? REPLY_TYPES[r.replyType as ReplyType] : null;
  return {
    refNo: row.refNo, state: row.state, stateName: m.states[row.state]?.label ?? row.state, orgName: org?.name ?? '', receivedOn: r.receivedOn, content: r.content,
    dueDate: reply?.dueDate ?? null, derivation: reply?.derivation ?? null, correctionAsked: typeof asked === 'string' ? asked : null,
    replyType: t ? `${t.group}：${t.label}（${t.basis}）` : null, replyContent: r.replyContent, repliedOn: r.repliedOn, fee: r.fee,
  };
}

/** The applicant's 补正, sent from the public page; the reply clock restarts (第30条). */
export async function correctPublic(tx: Tx, kernel: Kernel, refNo: string, phone4: string, content: string) {
  const { row } = await publicRequest(tx, kernel, refNo, phone4);
  await transition(tx, kernel, SYSTEM_ACTOR, row.id, 'correct', { content });
  return trackPublic(tx, kernel, refNo, phone4);
}


/** What must hold before a request event is taken: refused before the compare-and-set, nothing written. */
export const requestChecks: Record<string, TransitionCheck> = {
  async reply(tx, ctx) {
    if (!(await repo.getRequest(tx, ctx.row.id))) return null;
    if (!replyTypeByLabel(String(ctx.input.replyType))) throw new AppError('VALIDATION', '答复类型不正确');
    return null;
  },
};

/** Domain writes of each request event (the request row is written with the case: none is a no-op). */
export const requestHandlers: Record<string, TransitionHandler> = {
  async correct(tx, ctx) {
    const r = await repo.getRequest(tx, ctx.row.id);
    if (!r) return;
    await repo.updateRequest(tx, r.caseId, { content: String(ctx.input.content) });
    await mergeCaseData(tx, r.caseId, { corrected: true });
  },
  async reply(tx, ctx) {
    const r = await repo.getRequest(tx, ctx.row.id);
    if (!r) return;
    // requestChecks.reply refused an unknown reply type before the compare-and-set.
    const type = replyTypeByLabel(String(ctx.input.replyType))!;
    const nth = r.phoneEnc ? await repo.countInMonth(tx, r.phoneEnc, r.receivedOn) : 1;
    // Fees only where information is provided (予以公开 / 部分公开).
    const provides = type === 'disclose' || type === 'partial';
    const fee = provides ? disclosureFee((r.feeMethod ?? undefined) as 'byCount' | 'byVolume' | undefined, { nthThisMonth: nth, pages: Number(ctx.input.pages ?? 0) }) : 0;
    await repo.updateRequest(tx, r.caseId, { replyType: type, replyContent: String(ctx.input.content), repliedOn: ctx.today, fee });
  },
  async abandon(tx, ctx) {
    const r = await repo.getRequest(tx, ctx.row.id);
    if (!r) return;
    await repo.updateRequest(tx, r.caseId, { replyType: 'otherNoCorrection', repliedOn: ctx.today });
  },
};

export async function presentRequest(tx: Tx, id: string) {
  const r = await repo.getRequest(tx, id);
  if (!r) return [];
  return [
    { label: '申请人类型', value: APPLICANT_TYPES[r.applicantType as keyof typeof APPLICANT_TYPES] ?? r.applicantType },
    { label: '申请方式', value: CHANNELS[r.channel as keyof typeof CHANNELS] ?? r.channel },
    { label: '收到日期（第31条）', value: r.receivedOn },
    { label: '所需信息', value: r.content },
    ...(r.replyType ? [
      { label: '答复类型', value: `${REPLY_TYPES[r.replyType as ReplyType].group}：${REPLY_TYPES[r.replyType as ReplyType].label}（${REPLY_TYPES[r.replyType as ReplyType].basis}）` },
      { label: '答复日期', value: r.repliedOn ?? '' },
      { label: '信息处理费', value: r.fee ? `${r.fee}元（国办函〔2020〕109号）` : '不收费' },
    ] : []),
  ];
}

// ---- the annual report's tables ----
const TYPE_COLUMNS = Object.keys(APPLICANT_TYPES) as (keyof typeof APPLICANT_TYPES)[];

/** 第50条 tables from the records: 二、主动公开 by category; 三、申请 by outcome row × applicant type. */
export async function annualTables(tx: Tx, q: repo.Scope) {
  const items = await repo.itemsByCategory(tx, q);
  const ic = await repo.itemCounts(tx, q);
  const cells = await repo.requestTable(tx, q);
  const cell = (type: string | null, applicant: string) => cells.filter((c) => c.replyType === type && c.applicantType === applicant).reduce((s, c) => s + c.n, 0);
  const receivedBy = (applicant: string) => cells.filter((c) => c.applicantType === applicant).reduce((s, c) => s + c.n, 0);
  const rows = Object.entries(REPLY_TYPES).map(([key, r]) => ({ key, group: r.group, label: r.label, basis: r.basis, counts: TYPE_COLUMNS.map((a) => cell(key, a)) }));
  return {
    proactive: { published: ic.published, onTime: ic.onTime, byCategory: items.sort((a, b) => b.n - a.n) },
    columns: TYPE_COLUMNS.map((a) => APPLICANT_TYPES[a]),
    received: TYPE_COLUMNS.map(receivedBy),
    rows,
    carriedOver: TYPE_COLUMNS.map((a) => cell(null, a)),
  };
}

export async function annualTablesXlsx(t: Awaited<ReturnType<typeof annualTables>>, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政通';
  const ws = wb.addWorksheet('收到和处理申请情况');
  ws.addRow([title]);
  ws.addRow(['三、收到和处理政府信息公开申请情况']);
  ws.addRow(['本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', '', '', ...t.columns, '总计']);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  ws.addRow(['一、本年新收政府信息公开申请数量', '', '', ...t.received, sum(t.received)]);
  ws.addRow(['二、上年结转政府信息公开申请数量', '', '', ...t.columns.map(() => 0), 0]);
  let group = '';
  for (const r of t.rows) {
    ws.addRow([r.group !== group ? `三、本年度办理结果：${r.group}` : '', r.label, r.basis, ...r.counts, sum(r.counts)]);
    group = r.group;
  }
  const totals = t.columns.map((_, i) => sum(t.rows.map((r) => r.counts[i])));
  ws.addRow(['三、本年度办理结果：总计', '', '', ...totals, sum(totals)]);
  ws.addRow(['四、结转下年度继续办理', '', '', ...t.carriedOver, sum(t.carriedOver)]);
  ws.getColumn(1).width = 36;
  ws.getColumn(2).width = 48;
  ws.getColumn(3).width = 18;
  const ws2 = wb.addWorksheet('主动公开情况');
  ws2.addRow(['二、主动公开政府信息情况']);
  ws2.addRow(['信息类别', '本年发布条数']);
  for (const c of t.proactive.byCategory) ws2.addRow([c.category, c.n]);
  ws2.addRow(['合计', t.proactive.published]);
  ws2.addRow(['其中在信息形成之日起20个工作日内公开（第26条）', t.proactive.onTime]);
  ws2.getColumn(1).width = 44;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
