/**
 * 执法监督 by the justice bureau (行政执法监督条例 国务院令第825号 第6条: the county's 司法行政部门 is the
 * government's 行政执法监督机构): supervision matters over an enforcement unit — a complaint transferred in
 * from 12345 (linked to its ticket both ways), a letter, a review finding or the bureau's own initiative —
 * verified, then closed as unfounded or answered with a 行政执法监督意见书 the unit must reply to within
 * SUPERVISION_REPLY_DAYS working days; and the 行政执法联席会议 the bureau convenes.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/shared/errors';
import { divisionPrefix } from '../../../core/shared/division';
import {
  type Actor, appendAudit, can, type CaseRow, createCase, findCaseByRef, type Kernel, linkCases, nextSequence, scopeWhere, SYSTEM_ACTOR, tenancy,
  type TransitionContext, type Tx,
} from '../../../core/server';
import { JointMeetingInput, SupervisionInput } from '../shared/case-file-review.schema';
import { settingsOf } from './case-file-review.service';
import * as repo from './case-file-review.repository';

const field = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path, message }] });
export const LINK_TICKET = 'supervisesTicket';

/** The bureau the actor supervises for: their own org holding supervision.manage. */
async function bureauOf(tx: Tx, actor: Actor) {
  const id = actor.grants.find((g) => g.permissions.has('supervision.manage') && g.orgId)?.orgId;
  const org = id ? await tenancy.getOrg(tx, id) : null;
  if (!org) throw new AppError('FORBIDDEN', '您没有开展行政执法监督的权限');
  return org;
}
/** An enforcement unit of the bureau's division (a department other than the bureau). */
async function unitOf(tx: Tx, actor: Actor, bureau: { id: string }, orgId: string, path: string) {
  const org = await tenancy.getOrg(tx, orgId);
  if (!org || org.id === bureau.id || org.kind !== 'department' || !can(actor, 'supervision.manage', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) {
    throw field(path, '单位不存在或不在您监督的区划内');
  }
  return org;
}

/**
 * Opens a supervision matter on a unit. A 12345 complaint names its ticket: the ticket is found before
 * anything is written (a wrong number changes nothing) and linked both ways, so the hotline's ticket page
 * shows it went to 执法监督 and the matter shows its ticket.
 */
export async function openMatter(tx: Tx, kernel: Kernel, actor: Actor, raw: SupervisionInput) {
  const input = SupervisionInput.parse(raw);
  const bureau = await bureauOf(tx, actor);
  const unit = await unitOf(tx, actor, bureau, input.orgId, 'orgId');
  if (input.source === '12345投诉' && !input.ticketRef) throw field('ticketRef', '来源为12345投诉的，请填写12345工单编号');
  if (input.ticketRef && input.source !== '12345投诉') throw field('source', '填写了12345工单编号的，事项来源应为“12345投诉”');
  let ticket: CaseRow | null = null;
  if (input.ticketRef) {
    ticket = await findCaseByRef(tx, input.ticketRef);
    // The bureau takes over complaints about enforcement in its own division, dispatched to it or not.
    const near = ticket && (ticket.divisionCode.startsWith(divisionPrefix(bureau.divisionCode)) || can(actor, 'ticket.read', ticket));
    if (!ticket || ticket.type !== 'ticket' || !near) throw field('ticketRef', '未找到该12345工单，或工单不属于本区');
  }
  const today = kernel.today();
  const { row } = await createCase(tx, kernel, actor, {
    type: 'supervision', title: `${unit.name}：${input.summary}`.slice(0, 200), orgId: unit.id, divisionCode: unit.divisionCode, applicantName: unit.name,
    data: { days: settingsOf(kernel).SUPERVISION_REPLY_DAYS, source: input.source },
  });
  await repo.insertSupervision(tx, {
    caseId: row.id, bureauOrgId: bureau.id, orgId: unit.id, divisionCode: unit.divisionCode, source: input.source, summary: input.summary,
    receivedOn: today, ticketCaseId: ticket?.id ?? null, createdAt: row.createdAt,
  });
  if (ticket) {
    // Drawn by the clerk's name; the kernel's visibility rule would refuse a ticket the bureau was not dispatched.
    const linker = can(actor, 'ticket.read', ticket) ? actor : { ...SYSTEM_ACTOR, name: actor.name };
    await linkCases(tx, kernel, linker, row.id, ticket.id, LINK_TICKET);
  }
  return { id: row.id, refNo: row.refNo };
}

/** The units the bureau may supervise (the departments of its division). */
export async function unitOptions(tx: Tx, actor: Actor) {
  const bureau = await bureauOf(tx, actor);
  return (await tenancy.listOrgs(tx, bureau.divisionCode)).map((r) => r.org)
    .filter((o) => o.kind === 'department' && o.id !== bureau.id).map((o) => ({ id: o.id, name: o.name }));
}

/** Domain writes of each supervision event. */
export const supervisionHandlers: Record<string, (tx: Tx, ctx: TransitionContext) => Promise<void>> = {
  /** The notice gets its number (per bureau and year) and keeps what it asks of the unit. */
  async issue(tx, ctx) {
    const m = (await repo.getSupervision(tx, ctx.row.id))!;
    const year = ctx.today.slice(0, 4);
    const seq = await nextSequence(ctx.kernel.db, tx, `supervision:${m.bureauOrgId}:${year}`);
    const input = ctx.input as { problems: string; requirement: string };
    await repo.updateSupervision(tx, ctx.row.id, { noticeNo: `执法监督意见〔${year}〕${seq}号`, issuedOn: ctx.today, problems: input.problems, requirement: input.requirement });
  },
  async accept(tx, ctx) { await repo.updateSupervision(tx, ctx.row.id, { closedOn: ctx.today }); },
  async dismiss(tx, ctx) { await repo.updateSupervision(tx, ctx.row.id, { closedOn: ctx.today }); },
};

export async function presentSupervision(tx: Tx, row: CaseRow) {
  const m = await repo.getSupervision(tx, row.id);
  if (!m) return [];
  const bureau = await tenancy.getOrg(tx, m.bureauOrgId);
  return [
    { label: '监督机构', value: bureau?.name ?? '' }, { label: '事项来源', value: m.source }, { label: '受理日期', value: m.receivedOn },
    { label: '投诉或监督事项', value: m.summary },
    ...(m.noticeNo ? [
      { label: '监督意见书文号', value: m.noticeNo }, { label: '制发日期', value: m.issuedOn ?? '' },
      { label: '发现的问题', value: m.problems ?? '' }, { label: '监督意见和整改要求', value: m.requirement ?? '' },
    ] : []),
    ...(m.closedOn ? [{ label: '办结日期', value: m.closedOn }] : []),
  ];
}

// ---- 联席会议 ----
export async function recordJointMeeting(tx: Tx, kernel: Kernel, actor: Actor, raw: JointMeetingInput) {
  const input = JointMeetingInput.parse(raw);
  const bureau = await bureauOf(tx, actor);
  if (input.heldOn > kernel.today()) throw field('heldOn', '会议日期不能晚于今天');
  const ids = [...new Set(input.attendeeOrgIds)];
  for (const id of ids) await unitOf(tx, actor, bureau, id, 'attendeeOrgIds');
  const id = randomUUID();
  await repo.insertJointMeeting(tx, {
    id, orgId: bureau.id, divisionCode: bureau.divisionCode, heldOn: input.heldOn, topic: input.topic, attendeeOrgIds: ids, items: input.items,
    minutes: input.minutes ?? null, recordedBy: actor.name, createdAt: kernel.now(),
  });
  await appendAudit(tx, actor, { stream: `supervision:${bureau.divisionCode}`, action: 'supervision.jointMeeting', entityType: 'jointMeeting', entityId: id, detail: { heldOn: input.heldOn, topic: input.topic } }, kernel.now());
  return { id };
}

export async function listJointMeetings(tx: Tx, actor: Actor) {
  const rows = await repo.listJointMeetings(tx, scopeWhere(actor, 'supervision.read', repo.jointMeetingScope));
  const names = await repo.orgNames(tx, [...new Set(rows.flatMap((r) => r.m.attendeeOrgIds))]);
  return rows.map(({ m, orgName }) => ({
    id: m.id, heldOn: m.heldOn, topic: m.topic, orgName, attendees: m.attendeeOrgIds.map((o) => names.get(o) ?? ''), items: m.items, minutes: m.minutes,
  }));
}
