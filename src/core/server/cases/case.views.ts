/**
 * What a reader sees of cases: summaries, the case page (fields, links, clocks, timeline, the actions
 * offered), the 工作台, the kernel's case lists, 我的办件 and case links, all in the reader's scope.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { extensionRefusal, offeredEvents, type MachineDef } from '../../shared/machine';
import type { CaseAction, CaseDetail, CaseListQuery, CaseSummary } from '../../shared/schemas';
import { can, canSee, type Actor } from '../actor';
import { CASE_VISIBLE, scopeWhere } from '../access/scope';
import { appendAudit } from '../audit';
import type { Tx } from '../db/db';
import type { CaseTypeRegistration, Kernel } from '../contract';
import * as repo from './case.repository';
import type { CaseRow, ClockRow } from './case.repository';
import { eventInputSchema, KERNEL_EVENT_LABELS, loadVisible, registration } from './case.registry';
import { clockView, extensionCounts, knownClocks } from './case.clocks';

/** The signed-in applicant's own top-level cases of every type, newest first (我的办件). */
export async function myCases(tx: Tx, kernel: Kernel, actor: Actor, p: { page: number; pageSize: number }) {
  if (actor.kind !== 'public' || !actor.id) throw new AppError('FORBIDDEN', '请以办事群众或企业账号登录');
  const r = await repo.listCases(tx, repo.ownCases(actor.id), p.page, p.pageSize);
  return { total: r.total, items: await summaries(tx, kernel, r.items) };
}

// ---- reading ---------------------------------------------------------------------------------------

export async function summaries(tx: Tx, kernel: Kernel, rows: CaseRow[], loadedClocks?: ClockRow[]): Promise<CaseSummary[]> {
  const cal = await kernel.calendar.get(tx);
  const today = kernel.today();
  const names = await repo.orgNames(tx, rows.map((r) => r.orgId));
  const clocks = loadedClocks ?? await repo.listClocks(tx, rows.map((r) => r.id));
  return rows.map((r) => {
    const reg = kernel.caseTypes.get(r.type);
    const m = reg?.machine;
    const mine = clocks.filter((c) => c.caseId === r.id);
    // The badge shows the most urgent clock still running, else the primary one.
    const running = mine.filter((c) => c.state !== 'stopped').sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    const shown = running[0] ?? mine.find((c) => c.primary) ?? null;
    return {
      id: r.id, caseType: r.type, caseTypeName: m?.label ?? r.type, refNo: r.refNo, title: r.title,
      state: r.state, stateName: m?.states[r.state]?.label ?? r.state, stateColor: m?.states[r.state]?.color ?? 'default',
      orgId: r.orgId, orgName: names.get(r.orgId) ?? '', divisionCode: r.divisionCode, applicantName: r.applicantName,
      createdAt: r.createdAt.toISOString(), closedAt: r.closedAt?.toISOString() ?? null, dueDate: r.dueDate,
      badge: shown ? clockView(shown, today, cal).badge : null,
      link: reg?.link?.(r) ?? `/cases/${r.id}`,
    };
  });
}

// JSON Schema of an event's input never changes at run time: derive it once, not on every page view.
const formCache = new WeakMap<MachineDef, Map<string, Record<string, unknown>>>();
function eventForm(m: MachineDef, event: string): Record<string, unknown> {
  let byEvent = formCache.get(m);
  if (!byEvent) formCache.set(m, (byEvent = new Map()));
  let f = byEvent.get(event);
  if (!f) byEvent.set(event, (f = z.toJSONSchema(eventInputSchema(m, event), { unrepresentable: 'any' }) as Record<string, unknown>));
  return f;
}


/**
 * The actions this actor may take; with the case's clocks known, an extension already used is not
 * offered, nor an event whose precondition (a guard needing no input) refuses now.
 */
export function actionsFor(kernel: Kernel, actor: Actor, row: CaseRow, clocks?: ClockRow[]): CaseAction[] {
  const m = registration(kernel, row.type).machine;
  const ext = clocks ? extensionCounts(clocks) : null;
  const data = (row.data ?? {}) as Record<string, unknown>;
  const ready = (e: string) => !m.events[e].precondition?.({ state: row.state, data, actor: { id: actor.id ?? '', kind: actor.kind }, extensions: ext ?? undefined });
  return offeredEvents(m, row.state, (p) => can(actor, p, row)).filter((e) => (!ext || !extensionRefusal(m, e, ext)) && ready(e)).map((event) => {
    const def = m.events[event];
    return {
      event, label: def.label, path: `/api/${m.plural}/${row.id}/${event}`,
      danger: def.danger ?? false,
      confirm: def.confirm ?? null,
      // Events without input get a confirmation instead of a form.
      form: def.input ? eventForm(m, event) : null,
    };
  });
}

/**
 * `known`: the row a transition by this actor just wrote in this transaction, so it is not read again —
 * and shown even if the transition moved it out of the actor's scope (a 退单 hands it back): the
 * actor sees the outcome of what they did, with no actions left. A 404 here would roll it back.
 */
export async function detail(tx: Tx, kernel: Kernel, actor: Actor, id: string, known?: CaseRow): Promise<CaseDetail> {
  const row = known ?? await loadVisible(tx, actor, id);
  const reg = registration(kernel, row.type);
  const m = reg.machine;
  const clocks = (known && knownClocks.get(known)) || await repo.listClocks(tx, [row.id]);
  const [summary] = await summaries(tx, kernel, [row], clocks);
  const cal = await kernel.calendar.get(tx);
  const today = kernel.today();
  const events = await repo.listEvents(tx, row.id);
  const label = (e: string) => m.events[e]?.label ?? KERNEL_EVENT_LABELS[e] ?? e;
  const stateName = (s: string | null) => (s ? m.states[s]?.label ?? s : null);
  return {
    ...summary,
    version: row.version,
    fields: reg.present ? await reg.present(tx, row, actor, kernel) : [],
    ...(await linkViews(tx, kernel, actor, row)),
    clocks: clocks.map((c) => clockView(c, today, cal)),
    events: events.map((e) => ({
      id: e.id, seq: e.seq, event: e.event, eventName: label(e.event), fromState: e.fromState, fromStateName: stateName(e.fromState),
      toState: e.toState, toStateName: stateName(e.toState)!, actorName: e.actorName, at: e.at.toISOString(), comment: e.comment,
    })),
    actions: await withChoices(tx, kernel, reg, row, actionsFor(kernel, actor, row, clocks)),
  };
}

/** Puts the case's own choices (formChoices) into its actions' forms as the list fields' enums. */
async function withChoices(tx: Tx, kernel: Kernel, reg: CaseTypeRegistration, row: CaseRow, actions: CaseAction[]): Promise<CaseAction[]> {
  if (!reg.formChoices || !actions.some((a) => a.form)) return actions;
  const choices = await reg.formChoices(tx, row, kernel);
  return actions.map((a) => {
    const byField = choices[a.event];
    if (!a.form || !byField) return a;
    const form = structuredClone(a.form) as { properties?: Record<string, { type?: unknown; items?: Record<string, unknown>; enum?: string[] }> };
    for (const [field, values] of Object.entries(byField)) {
      const p = form.properties?.[field];
      if (!p) continue;
      if (p.type === 'array') p.items = { ...(p.items ?? {}), enum: values }; else p.enum = values;
    }
    return { ...a, form: form as Record<string, unknown> };
  });
}

// ---- links between cases (case_links) ----

/** The cases linked to `row`, both ways, as the actor may see them; links out of their scope are counted only. */
export async function linkViews(tx: Tx, kernel: Kernel, actor: Actor, row: CaseRow) {
  // No domain declares a link kind yet: then no link can exist, and the case page (every transition's
  // response) reads nothing for it.
  if (kernel.caseLinks.size === 0) return { links: [], hiddenLinks: 0 };
  const all = await repo.linksOf(tx, row.id);
  const seen = all.filter((l) => canSee(actor, l.other));
  const sums = await summaries(tx, kernel, seen.map((l) => l.other));
  const label = (kind: string, direction: 'out' | 'in') => {
    const k = kernel.caseLinks.get(kind);
    return k ? (direction === 'out' ? k.label : k.inverseLabel) : kind;
  };
  return {
    links: seen.map((l, i) => ({ kind: l.kind, label: label(l.kind, l.direction), direction: l.direction, case: sums[i] })),
    hiddenLinks: all.length - seen.length,
  };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Links case `fromId` to another case, named by id or by its number, as a declared `kind`. The actor
 * must see both (a link never reveals a case to someone who could not open it); members of the public
 * do not link. Linking twice is no change; each new link is audited on the linking case's stream.
 */
export async function linkCases(tx: Tx, kernel: Kernel, actor: Actor, fromId: string, to: string, kind: string): Promise<CaseRow> {
  if (!kernel.caseLinks.has(kind)) throw new AppError('VALIDATION', `关联类型“${kind}”不存在`, { fields: [{ path: 'kind', message: '关联类型：不存在' }] });
  if (actor.kind === 'public') throw new AppError('FORBIDDEN', '只有工作人员可以关联案件');
  const from = await loadVisible(tx, actor, fromId);
  const target = UUID_RE.test(to) ? await repo.getCase(tx, to) : await repo.findCaseByRef(tx, to);
  if (!target || !canSee(actor, target)) throw new AppError('NOT_FOUND', '关联案件不存在或您无权查看');
  if (target.id === from.id) throw new AppError('VALIDATION', '不能把案件与其自身关联', { fields: [{ path: 'to', message: '关联案件：不能是本案件' }] });
  const at = kernel.now();
  if (await repo.insertLink(tx, { id: randomUUID(), fromCaseId: from.id, toCaseId: target.id, kind, createdAt: at, createdBy: actor.id })) {
    await appendAudit(tx, actor, { stream: `case:${from.id}`, action: 'case.link', entityType: from.type, entityId: from.id, detail: { kind, to: target.id, toRefNo: target.refNo } }, at);
  }
  return from;
}

/** SQL filter: open cases of types/states where one of the actor's grants offers an event, in that grant's scope. */
export function pendingFilter(kernel: Kernel, actor: Actor, caseType?: string): SQL {
  const { cases } = repo.scope;
  const ors: SQL[] = [];
  for (const g of actor.grants) {
    const typeConds: SQL[] = [];
    for (const [type, reg] of kernel.caseTypes) {
      if (caseType && caseType !== type) continue;
      const states = Object.keys(reg.machine.states).filter((s) => offeredEvents(reg.machine, s, (p) => g.permissions.has(p)).length > 0);
      if (states.length) typeConds.push(and(eq(cases.type, type), inArray(cases.state, states))!);
    }
    // The grant's own row scope (one grant at a time: its states go with its coverage).
    if (typeConds.length) ors.push(and(scopeWhere({ ...actor, grants: [g] }, [...g.permissions], repo.caseScopeColumns), or(...typeConds))!);
  }
  return ors.length ? or(...ors)! : sql`false`;
}

export async function workbench(tx: Tx, kernel: Kernel, actor: Actor, q: { page: number; pageSize: number; caseType?: string; q?: string }) {
  const { items, total } = await repo.listPending(tx, pendingFilter(kernel, actor, q.caseType), q.page, q.pageSize, q.q);
  return { items: await summaries(tx, kernel, items), total };
}

/**
 * One page of a case type's list as the actor sees it (GET /api/<plural>, generated for every case
 * type): their scope, then the list's filters, newest first.
 */
export async function listOf(tx: Tx, kernel: Kernel, actor: Actor, type: string, q: CaseListQuery) {
  const r = await repo.listCases(tx, and(visibleFilter(actor, type), repo.listFilter(q, kernel.today())), q.page, q.pageSize);
  return { total: r.total, items: await summaries(tx, kernel, r.items) };
}

/** Cases the actor can see (any state), for domain list pages and the public "my cases" page. */
export function visibleFilter(actor: Actor, type: string): SQL {
  return and(eq(repo.scope.cases.type, type), scopeWhere(actor, CASE_VISIBLE, repo.caseVisibleColumns))!;
}
