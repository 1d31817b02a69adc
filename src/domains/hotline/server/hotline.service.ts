/**
 * 12345 intake, dispatch and the mailbox. Intake refuses matters that have their own legal channel and
 * says which; it offers likely repeats (并单) by token overlap; 派单 follows the dispatch catalog unless
 * the operator names an org; 退单 is allowed within 24 hours of dispatch only (first-receiver
 * responsibility, 首接负责制), after which the org must handle it.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/shared/errors';
import { type Actor, appendAudit, auditPersonalDataRead, can, type CaseRow, createCase, domainConfig, findCaseByRef, type Kernel, loadVisible, mergeCaseData, notify, publicSite, reassignCase, siteDivisionCode, sm3, SYSTEM_ACTOR, tenancy, transition, type TransitionCheckContext, type TransitionContext, type Tx, type TransitionHandler, type TransitionCheck } from '../../../core/server';
import { hotlineSettings } from './hotline.config';
import { indexText } from '../../catalog/public';
import { TICKET_KINDS, excludedChannel, type CallerFeedbackT, type CatalogRuleT, type LetterInputT, type TicketInputT } from '../shared/hotline.machine';
import * as repo from './hotline.repository';

/** Local rules, configurable (hotline.config.ts): working days to handle each kind, natural days to call back, 退单 window. */
export const hotlineConfig = (kernel: Kernel) => {
  const c = domainConfig(kernel, hotlineSettings);
  return {
    handleDays: { consult: c.HOTLINE_CONSULT_WORKDAYS, cannotDo: c.HOTLINE_CANNOTDO_WORKDAYS, other: c.HOTLINE_WORKDAYS },
    callbackDays: c.HOTLINE_CALLBACK_DAYS,
    returnHours: c.HOTLINE_RETURN_HOURS,
    letterReplyDays: c.MAILBOX_REPLY_WORKDAYS,
    similarity: c.HOTLINE_MERGE_SIMILARITY,
    /** 办不成事反映 goes to the services bureau's supervision (国办发〔2023〕… 设立“办不成事”反映窗口). */
    cannotDoOrg: c.HOTLINE_CANNOTDO_ORG,
  };
};

const tokensOf = (text: string) => indexText(text);
const jaccard = (a: Set<string>, b: Set<string>) => {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter === 0 ? 0 : inter / (a.size + b.size - inter);
};

/** Open tickets of the last 30 days whose wording overlaps this text (并单 candidates), best first. */
export async function similarTickets(tx: Tx, kernel: Kernel, divisionCode: string, text: string, excludeId?: string) {
  const mine = new Set(tokensOf(text).split(' ').filter((t) => t.length > 1));
  if (mine.size === 0) return [];
  const since = new Date(kernel.now().getTime() - 30 * 86400_000);
  const rows = await repo.recentOpenTickets(tx, divisionCode.slice(0, 6), since);
  return rows.filter((r) => r.caseId !== excludeId)
    .map((r) => ({ id: r.caseId, refNo: r.refNo, title: r.title, state: r.state, createdAt: r.createdAt.toISOString(), score: jaccard(mine, new Set(r.tokens.split(' ').filter((t) => t.length > 1))) }))
    .filter((r) => r.score >= hotlineConfig(kernel).similarity)
    .sort((a, b) => b.score - a.score).slice(0, 5);
}

export async function fileTicket(tx: Tx, kernel: Kernel, actor: Actor, input: TicketInputT, channel: 'phone' | 'web' | 'open311', extra: { open311ServiceCode?: string } = {}) {
  const text = `${input.title} ${input.description}`;
  const refusal = excludedChannel(text) && excludedChannel(text, (await publicSite(tx, kernel)).divisionName);
  if (refusal) throw new AppError('GUARD_FAILED', `该诉求不属于12345热线受理范围：${refusal}`);
  if (input.divisionCode && !(await tenancy.getDivision(tx, input.divisionCode))) {
    throw new AppError('VALIDATION', '事发乡镇（街道）不存在', { fields: [{ path: 'divisionCode', message: '事发乡镇（街道）不存在' }] });
  }
  const divisionCode = input.divisionCode ?? actor.divisionCode ?? siteDivisionCode(kernel);
  const centre = await repo.centreFor(tx, divisionCode);
  if (!centre) throw new AppError('VALIDATION', '本地区尚未设置12345热线中心，暂不能受理');
  if (actor.kind === 'staff' && !can(actor, 'ticket.file', { orgId: centre.id, divisionCode: centre.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN');
  const c = hotlineConfig(kernel);
  const handleDays = input.kind === 'consult' ? c.handleDays.consult : input.kind === 'cannotDo' ? c.handleDays.cannotDo : c.handleDays.other;
  const { row, created } = await createCase(tx, kernel, actor, {
    type: 'ticket', title: input.title, orgId: centre.id, divisionCode,
    applicantId: actor.kind === 'public' ? actor.id : null, applicantName: input.callerName,
    idempotencyKey: input.idempotencyKey,
    // A request filed through Open311 was filed on a platform that lists requests publicly (GeoReport v2);
    // any other channel publishes its text only with the caller's consent.
    data: { kind: input.kind, kindLabel: TICKET_KINDS[input.kind], category: input.category, handleDays, callbackDays: c.callbackDays, channel, consentToPublish: channel === 'open311' || !!input.consentToPublish },
  });
  if (created) {
    await repo.insertTicket(tx, {
      caseId: row.id, kind: input.kind, category: input.category, channel, description: input.description,
      tokens: tokensOf(`${input.title} ${input.description}`), callerName: input.callerName,
      callerPhoneEnc: kernel.cipher.encrypt(input.callerPhone), address: input.address ?? null, lat: input.lat ?? null, long: input.long ?? null,
      divisionCode, centreOrgId: centre.id, open311ServiceCode: extra.open311ServiceCode ?? null, createdAt: row.createdAt,
    });
  }
  return { id: row.id, refNo: row.refNo, created };
}

export async function fileLetter(tx: Tx, kernel: Kernel, actor: Actor, input: LetterInputT) {
  const divisionCode = actor.divisionCode ?? siteDivisionCode(kernel);
  const centre = await repo.centreFor(tx, divisionCode);
  if (!centre) throw new AppError('VALIDATION', '本地区尚未开通市长信箱');
  const { row, created } = await createCase(tx, kernel, actor, {
    type: 'letter', title: input.title, orgId: centre.id, divisionCode,
    applicantId: actor.kind === 'public' ? actor.id : null, applicantName: input.writerName, idempotencyKey: input.idempotencyKey,
    data: { replyDays: hotlineConfig(kernel).letterReplyDays, consentToPublish: !!input.consentToPublish },
  });
  if (created) {
    await repo.insertLetter(tx, {
      caseId: row.id, content: input.content, writerName: input.writerName, writerPhoneEnc: kernel.cipher.encrypt(input.writerPhone),
      consentToPublish: !!input.consentToPublish, divisionCode, createdAt: row.createdAt,
    });
  }
  return { id: row.id, refNo: row.refNo, created };
}

async function resolveOrg(tx: Tx, name: string, field = 'orgName') {
  const org = await repo.orgByName(tx, name);
  if (!org) throw new AppError('VALIDATION', `承办单位“${name}”不存在，请填写机构全称`, { fields: [{ path: field, message: `“${name}”不存在` }] });
  return org;
}

/** In-app notices to the staff of these orgs who work on tickets, in the transition's transaction. */
async function notifyOrgs(tx: Tx, ctx: TransitionContext, orgIds: string[], title: string, body: string) {
  for (const orgId of orgIds) {
    for (const userId of await tenancy.staffWithPermissionInOrg(tx, orgId, 'ticket.handle')) {
      await notify(tx, ctx.kernel, { channel: 'inapp', recipientUserId: userId, divisionCode: ctx.row.divisionCode, caseId: ctx.row.id, link: `/cases/${ctx.row.id}`, title, body });
    }
  }
}


/** The ticket row of the case being moved (every ticket case has one: it is written with the case). */
async function ticketOf(tx: Tx, caseId: string) {
  const t = await repo.getTicket(tx, caseId);
  if (!t) throw new AppError('NOT_FOUND', '工单不存在');
  return t;
}

/** 督办 by the centre or by the overdue scan: counted, kept on the case page, and sent to every handler. */
const supervised: TransitionHandler = async (tx, ctx) => {
  const t = await ticketOf(tx, ctx.row.id);
  await repo.updateTicket(tx, t.caseId, { superviseCount: t.superviseCount + 1 });
  const why = ctx.event === 'supervise' ? String(ctx.input.note) : '办理时限已届满，请立即办理并答复诉求人';
  await mergeCaseData(tx, t.caseId, { lastSupervision: why });
  await notifyOrgs(tx, ctx, [ctx.row.orgId, ...t.coOrgIds], `【督办】${ctx.row.refNo}`, `${ctx.row.title}：${why}`);
};

/** What must hold before a ticket event is taken that the machine's data-only guards cannot see. */
export const ticketChecks: Record<string, TransitionCheck> = {
  // 首接负责制: an org may return a wrongly dispatched ticket within N hours of the 派单 (a setting, 24 by default), not later.
  async return(_tx, ctx) {
    const since = new Date(String(ctx.row.data.dispatchedAt ?? ctx.row.updatedAt.toISOString()));
    const hours = hotlineConfig(ctx.kernel).returnHours;
    return ctx.at.getTime() - since.getTime() > hours * 3600_000 ? `派单已超过${hours}小时，不能退单；请按首接负责制办理，需要协办的请联系热线中心` : null;
  },
  async merge(tx, ctx) {
    const target = await findCaseByRef(tx, String(ctx.input.targetRefNo));
    if (!target || target.type !== 'ticket' || target.id === ctx.row.id) throw new AppError('VALIDATION', '主工单编号不存在', { fields: [{ path: 'targetRefNo', message: '主工单编号不存在' }] });
    return target.closedAt ? `主工单${target.refNo}已办结，不能并入；请作为新工单派单` : null;
  },
};

/** Domain writes of each ticket event, in its transaction. */
export const ticketHandlers: Record<string, TransitionHandler> = {
  async dispatch(tx, ctx) {
    const t = await ticketOf(tx, ctx.row.id);
    const named = ctx.input.orgName as string | undefined;
    let orgId: string;
    let coOrgIds: string[] = [];
    const rule = t.kind === 'cannotDo' ? null : await repo.ruleFor(tx, t.category, t.divisionCode);
    if (named) orgId = (await resolveOrg(tx, named)).id;
    else if (t.kind === 'cannotDo') orgId = (await resolveOrg(tx, hotlineConfig(ctx.kernel).cannotDoOrg)).id;
    else {
      if (!rule) throw new AppError('VALIDATION', `派单目录中没有“${t.category}”类诉求的承办单位，请填写承办单位`, { fields: [{ path: 'orgName', message: '请填写承办单位' }] });
      orgId = rule.orgId;
    }
    // 牵头单位 + 协办单位 (国办函〔2025〕66号): the catalog names co-handlers; the centre may name others.
    const coNames = String(ctx.input.coOrgNames ?? '').split(/[、,，;；\s]+/).filter(Boolean);
    if (coNames.length) {
      for (const n of coNames) coOrgIds.push((await resolveOrg(tx, n, 'coOrgNames')).id);
    } else if (rule && (!named || rule.orgId === orgId)) coOrgIds = rule.coOrgIds;
    coOrgIds = [...new Set(coOrgIds)].filter((id) => id !== orgId);
    await reassignCase(tx, t.caseId, orgId);
    await mergeCaseData(tx, t.caseId, { dispatchedAt: ctx.at.toISOString() });
    await repo.updateTicket(tx, t.caseId, { dispatchCount: t.dispatchCount + 1, firstDispatchedAt: t.firstDispatchedAt ?? ctx.at, coOrgIds });
    // Every assignee hears of it (DIGIT's known gap: no notice on assignment).
    await notifyOrgs(tx, ctx, [orgId], `【新工单】${ctx.row.refNo}`, `${ctx.row.title}：请在24小时内签收或退单，${ctx.row.data.handleDays ?? 5}个工作日内答复。`);
    await notifyOrgs(tx, ctx, coOrgIds, `【协办】${ctx.row.refNo}`, `${ctx.row.title}：贵单位为协办单位，请配合牵头单位办理。`);
  },
  supervise: supervised,
  overdueSupervise: supervised,
  async return(tx, ctx) {
    const t = await ticketOf(tx, ctx.row.id);
    await reassignCase(tx, t.caseId, t.centreOrgId);
    await repo.updateTicket(tx, t.caseId, { returnCount: t.returnCount + 1 });
    // The centre re-dispatches on the org's reason: keep it on the case page, with who gave it.
    await mergeCaseData(tx, t.caseId, { lastReturn: `${ctx.actor.name}：${String(ctx.input.reason)}` });
  },
  async accept(tx, ctx) {
    const t = await ticketOf(tx, ctx.row.id);
    if (!t.firstAcceptedAt) await repo.updateTicket(tx, t.caseId, { firstAcceptedAt: ctx.at });
  },
  async reply(tx, ctx) {
    const t = await ticketOf(tx, ctx.row.id);
    await repo.updateTicket(tx, t.caseId, { reply: String(ctx.input.reply), repliedAt: ctx.at });
    if (t.callerPhoneEnc) {
      await notify(tx, ctx.kernel, { channel: 'sms', address: ctx.kernel.cipher.decrypt(t.callerPhoneEnc), divisionCode: t.divisionCode, caseId: t.caseId, title: '12345工单答复', body: `您的诉求（${ctx.row.refNo}）已答复：${String(ctx.input.reply)}`.slice(0, 300) });
    }
  },
  async answer(tx, ctx) {
    await repo.updateTicket(tx, ctx.row.id, { reply: String(ctx.input.reply), repliedAt: ctx.at, closedAt: ctx.at, resolved: true });
  },
  async merge(tx, ctx) {
    // The target was checked before the compare-and-set (ticketChecks.merge).
    const target = (await findCaseByRef(tx, String(ctx.input.targetRefNo)))!;
    await repo.updateTicket(tx, ctx.row.id, { mergedInto: target.id, closedAt: ctx.at });
  },
  async confirm(tx, ctx) {
    await repo.updateTicket(tx, ctx.row.id, {
      callbackReached: !!ctx.input.reached, resolved: ctx.input.reached ? ctx.input.resolved !== false : null,
      satisfaction: (ctx.input.satisfaction as string | undefined) ?? null, closedAt: ctx.at,
    });
  },
  async reopen(tx, ctx) {
    await repo.updateTicket(tx, ctx.row.id, { callbackReached: true, resolved: false, satisfaction: null });
    await mergeCaseData(tx, ctx.row.id, { lastReopen: String(ctx.input.note) });
  },
  async autoClose(tx, ctx) {
    await repo.updateTicket(tx, ctx.row.id, { closedAt: ctx.at });
  },
};

/** Domain writes of each 市长信箱 letter event. */
export const letterHandlers: Record<string, TransitionHandler> = {
  async assign(tx, ctx) {
    await reassignCase(tx, ctx.row.id, (await resolveOrg(tx, String(ctx.input.orgName))).id);
  },
  async sendBack(tx, ctx) {
    const centre = await repo.centreFor(tx, ctx.row.divisionCode);
    if (centre) await reassignCase(tx, ctx.row.id, centre.id);
  },
  async reply(tx, ctx) {
    const l = await repo.getLetter(tx, ctx.row.id);
    if (!l) throw new AppError('NOT_FOUND', '来信不存在');
    // Published only with the writer's consent (个人信息保护法 第13条), and never with name or phone.
    await repo.updateLetter(tx, l.caseId, { reply: String(ctx.input.reply), repliedAt: ctx.at, published: !!ctx.input.publish && l.consentToPublish });
    if (l.writerPhoneEnc) {
      await notify(tx, ctx.kernel, { channel: 'sms', address: ctx.kernel.cipher.decrypt(l.writerPhoneEnc), divisionCode: l.divisionCode, caseId: l.caseId, title: '市长信箱答复', body: `您的来信（${ctx.row.refNo}）已答复，请凭编号查询答复内容。` });
    }
  },
};

/** Fields the generic case page shows. The caller's phone is not among them: it is SM4-encrypted and
 *  read only through the audited contact endpoint when calling back. */
export async function presentTicket(tx: Tx, kernel: Kernel, row: CaseRow) {
  const t = await repo.getTicket(tx, row.id);
  if (!t) return [];
  const d = row.data as { dispatchedAt?: string; lastReturn?: string; lastReopen?: string; lastSupervision?: string };
  // While it awaits signing, the org sees until when it may still return the ticket (首接负责制).
  const returnBy = row.state === 'dispatched' && d.dispatchedAt
    ? new Date(Date.parse(d.dispatchedAt) + hotlineConfig(kernel).returnHours * 3600_000).toLocaleString('zh-CN', { timeZone: kernel.tz, hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    : null;
  return [
    ...(returnBy ? [{ label: '可退单截止', value: returnBy }] : []),
    ...(d.lastReturn && row.state !== 'closed' ? [{ label: '退单理由', value: d.lastReturn }] : []),
    ...(d.lastReopen ? [{ label: '诉求人反映未解决', value: d.lastReopen }] : []),
    ...(d.lastSupervision && row.state === 'handling' ? [{ label: '督办意见', value: d.lastSupervision }] : []),
    { label: '诉求类型', value: TICKET_KINDS[t.kind as keyof typeof TICKET_KINDS] ?? t.kind },
    { label: '诉求分类', value: t.category },
    { label: '诉求内容', value: t.description },
    { label: '事发地址', value: t.address ?? '—' },
    { label: '诉求人', value: t.callerName },
    ...(t.reply ? [{ label: '答复内容', value: t.reply }] : []),
    ...(t.satisfaction ? [{ label: '回访满意度', value: t.satisfaction }] : []),
    ...(t.coOrgIds.length ? [{ label: '协办单位', value: (await repo.orgNamesOf(tx, t.coOrgIds)).map((o) => o.name).join('、') }] : []),
    ...(t.returnCount ? [{ label: '退单次数', value: String(t.returnCount) }] : []),
    ...(t.superviseCount ? [{ label: '督办次数', value: String(t.superviseCount) }] : []),
    ...(t.mergedInto ? [{ label: '并入主工单', value: (await repo.refNoOf(tx, t.mergedInto)) ?? '' }] : []),
    ...(t.callbackReached !== null ? [{ label: '回访结果', value: t.callbackReached ? (t.resolved ? '已解决' : '未解决') : '未联系上' }] : []),
  ];
}

/** The caller's phone for the callback, to those who may dispatch; every read is audited. */
export async function ticketContact(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const row = await loadVisible(tx, actor, id, 'ticket');
  if (!can(actor, 'ticket.dispatch', row)) throw new AppError('FORBIDDEN', '只有热线中心回访人员可以查看诉求人联系电话');
  const t = await repo.getTicket(tx, id);
  if (!t?.callerPhoneEnc) throw new AppError('NOT_FOUND');
  await auditPersonalDataRead(tx, actor, { type: 'ticket', id, fields: ['callerPhone'], purpose: '12345工单回访' }, kernel.now());
  return { name: t.callerName, phone: kernel.cipher.decrypt(t.callerPhoneEnc) };
}

export async function presentLetter(tx: Tx, id: string) {
  const l = await repo.getLetter(tx, id);
  if (!l) return [];
  return [
    { label: '来信人', value: l.writerName },
    { label: '来信内容', value: l.content },
    { label: '同意公开', value: l.consentToPublish ? '是' : '否' },
    ...(l.reply ? [{ label: '答复内容', value: l.reply }, { label: '已公开', value: l.published ? '是' : '否' }] : []),
  ];
}

/**
 * 派单目录 maintenance by the centre (国办函〔2025〕66号: the catalog follows 三定 and the duty lists and is
 * kept up to date). A township may route a category to itself with a longer division prefix.
 */
export async function saveRule(tx: Tx, kernel: Kernel, actor: Actor, input: CatalogRuleT) {
  if (!can(actor, 'ticket.catalog', { orgId: '', divisionCode: input.divisionPrefix, applicantId: null })) throw new AppError('FORBIDDEN', '您没有维护该地区派单目录的权限');
  const org = await resolveOrg(tx, input.orgName);
  const co = [];
  for (const n of input.coOrgNames) co.push((await resolveOrg(tx, n, 'coOrgNames')).id);
  await repo.upsertRule(tx, { category: input.category, divisionPrefix: input.divisionPrefix, orgId: org.id, coOrgIds: [...new Set(co)].filter((id) => id !== org.id) });
  await appendAudit(tx, actor, { stream: 'hotline:catalog', action: 'ticket.catalog', entityType: 'dispatchRule', entityId: `${input.category}@${input.divisionPrefix}`, detail: { orgName: input.orgName, coOrgNames: input.coOrgNames } }, kernel.now());
  return repo.catalog(tx, input.divisionPrefix.slice(0, 6));
}

// ---- Open311 API keys ----
export async function issueOpen311Key(tx: Tx, kernel: Kernel, name: string, key = `zt311-${randomUUID()}`, actor: Actor = SYSTEM_ACTOR) {
  await repo.insertOpen311Client(tx, { keyHash: sm3(key), name, createdAt: kernel.now() });
  await appendAudit(tx, actor, { stream: 'hotline:open311', action: 'open311.key', entityType: 'open311Client', entityId: sm3(key).slice(0, 16), detail: { name } }, kernel.now());
  return key;
}
export const open311ClientFor = (tx: Tx, key: string) => repo.open311Client(tx, sm3(key));

/** Public tracking: the number and the last four digits of the phone given when filing. */
export async function trackPublic(tx: Tx, kernel: Kernel, type: 'ticket' | 'letter', refNo: string, phone4: string) {
  const row = await findCaseByRef(tx, refNo);
  const detail = row?.type === type ? (type === 'ticket' ? await repo.getTicket(tx, row.id) : await repo.getLetter(tx, row.id)) : null;
  const enc = detail ? ('callerPhoneEnc' in detail ? detail.callerPhoneEnc : detail.writerPhoneEnc) : null;
  // One answer for "no such number" and "wrong phone": the number alone must not reveal anything.
  if (!row || !detail || !enc || !kernel.cipher.decrypt(enc).endsWith(phone4)) throw new AppError('NOT_FOUND', '未找到该编号的记录，请核对编号和联系电话后4位');
  const machine = kernel.caseTypes.get(type)!.machine;
  const [org] = await repo.orgNamesOf(tx, [row.orgId]);
  return {
    refNo: row.refNo, title: row.title, state: row.state, stateName: machine.states[row.state]?.label ?? row.state,
    createdAt: row.createdAt.toISOString(), reply: detail.reply ?? null, orgName: org?.name ?? '',
    // The caller may rate (or say it is not solved) while the reply awaits its callback.
    canRate: type === 'ticket' && row.state === 'replied',
  };
}

/**
 * The caller's own rating of a replied ticket (number + last four digits of the phone): satisfied and
 * solved closes it as a callback would; "not solved" reopens it for the org while the callback window
 * is open (the replied state; HOTLINE_CALLBACK_DAYS). The timeline names the caller as the actor.
 */
export async function callerFeedback(tx: Tx, kernel: Kernel, input: CallerFeedbackT) {
  const tracked = await trackPublic(tx, kernel, 'ticket', input.refNo, input.phone4);
  const row = (await findCaseByRef(tx, tracked.refNo))!;
  if (row.state !== 'replied') throw new AppError('TRANSITION_NOT_ALLOWED', row.closedAt ? '该工单已办结，不能再评价；如有新的诉求请重新反映' : '该工单尚未答复，答复后才能评价');
  const caller: Actor = { ...SYSTEM_ACTOR, name: `诉求人${row.applicantName ?? ''}（网上评价）` };
  const note = input.note?.trim() || (input.resolved ? '诉求人网上评价' : '诉求人网上反映问题未解决');
  if (input.resolved) await transition(tx, kernel, caller, row.id, 'confirm', { reached: true, resolved: true, satisfaction: input.satisfaction, note });
  else await transition(tx, kernel, caller, row.id, 'reopen', { note });
  return trackPublic(tx, kernel, 'ticket', input.refNo, input.phone4);
}
