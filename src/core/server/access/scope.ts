/**
 * Row scope, once (DESIGN §4.5). Every list, search, export, metric and records query turns the
 * actor's grants into its SQL row filter here, so no route can forget a rule or restate it slightly
 * differently: the records leak of 2026-12 came from a metrics route that filtered by the requested
 * division alone, while opening the same case by id (canSee) correctly answered 404.
 *
 * The rule is the SQL twin of `grantCovers`/`canSee` in ../actor.ts: a grant covers a row when
 *   scope 'org'      — the row belongs to the grant's org;
 *   scope 'division' — the row lies in the grant's division subtree;
 *   scope 'self'     — the row is the actor's own (its owner column is the actor);
 * and the grant carries the permission asked for. A filer also sees what they filed (a generalist
 * counter follows a case another org decides), where the table records its filer.
 */
import { and, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { requirePermission, type Actor, type ActorGrant } from '../actor';
import { AppError } from '../../shared/errors';
import { divisionPrefix } from '../../shared/division';
import { inDivision } from '../sql-scope';

type Col = AnyColumn | SQL;

/** The columns of a scoped table. Tables without an owner column are never visible to 'self' grants. */
export type ScopeColumns = {
  division: Col;
  org?: Col;
  /** The member of the public the row belongs to (applicant, requester, holder). */
  owner?: Col;
  /** The staff member or account that filed the row; they keep sight of it. */
  createdBy?: Col;
  /** The case type, for `CASE_VISIBLE`: a grant shows the types it holds any permission on. */
  type?: Col;
};

/**
 * What a grant must carry for the row to count: one permission, any of several, or `CASE_VISIBLE`
 * — any permission on the row's own case type (`application.accept` shows applications), the rule a
 * case page uses.
 */
export type ScopePermission = string | readonly string[] | typeof CASE_VISIBLE;
export const CASE_VISIBLE = Symbol('any permission on the row’s case type');

const FALSE = sql`false`;
const TRUE = sql`true`;

function coverage(actor: Actor, g: ActorGrant, cols: ScopeColumns): SQL {
  if (g.scope === 'self') return cols.owner && actor.id ? eq(cols.owner as AnyColumn, actor.id) : FALSE;
  if (g.scope === 'org') return cols.org && g.orgId ? eq(cols.org as AnyColumn, g.orgId) : FALSE;
  return g.divisionCode ? inDivision(cols.division, g.divisionCode) : FALSE;
}

/** Case types a grant holds any permission on (`ticket.dispatch` → ticket). */
const typesOf = (g: ActorGrant) => [...new Set([...g.permissions].map((p) => p.slice(0, p.indexOf('.'))).filter(Boolean))];

/**
 * The SQL row filter for `actor` using `permission` on a table with `cols`. System actors (jobs, CLI)
 * see everything; an actor with no matching grant sees nothing (never "no filter").
 */
export function scopeWhere(actor: Actor, permission: ScopePermission, cols: ScopeColumns): SQL {
  if (actor.kind === 'system') return TRUE;
  const ors: SQL[] = [];
  for (const g of actor.grants) {
    if (permission === CASE_VISIBLE) {
      if (!cols.type) throw new Error('scopeWhere: CASE_VISIBLE needs the type column');
      const types = typesOf(g);
      if (types.length) ors.push(and(coverage(actor, g, cols), inArray(cols.type as AnyColumn, types))!);
      continue;
    }
    const perms = typeof permission === 'string' ? [permission] : permission;
    if (perms.some((p) => g.permissions.has(p))) ors.push(coverage(actor, g, cols));
  }
  if (cols.createdBy && actor.id) ors.push(eq(cols.createdBy as AnyColumn, actor.id));
  return ors.length ? (ors.length === 1 ? ors[0] : or(...ors)!) : FALSE;
}

/** The orgs and divisions an actor's grants with `permission` reach, for choosing a default scope. */
export function grantReach(actor: Actor, permission: string) {
  const gs = actor.grants.filter((g) => g.permissions.has(permission));
  return {
    divisions: gs.filter((g) => g.scope === 'division' && g.divisionCode).map((g) => g.divisionCode!),
    orgs: gs.filter((g) => g.scope === 'org' && g.orgId).map((g) => ({ orgId: g.orgId!, divisionCode: g.divisionCode })),
  };
}

/**
 * The division (and org) whose figures `actor` may read, from what they asked for: the one rule for
 * metrics, their records and the 驾驶舱. A reader with a division grant reads any division inside it;
 * a department's reader (an org grant: director, reviewer) reads their own org's figures — as they may
 * open only their own org's records. Asking for another county or org answers 404. `permission` is the
 * figure set's own read permission where it has one (好差评统计: ratings.read).
 */
export function figureScope(actor: Actor, q: { divisionCode?: string; orgId?: string }, permission = 'metrics.read'): { divisionCode: string; orgId?: string } {
  requirePermission(actor, permission);
  if (actor.kind === 'system') return { divisionCode: q.divisionCode ?? '', orgId: q.orgId };
  const reach = grantReach(actor, permission);
  const divisionCode = q.divisionCode ?? reach.divisions[0] ?? actor.divisionCode ?? '';
  if (reach.divisions.some((d) => divisionCode.startsWith(divisionPrefix(d)))) return { divisionCode, orgId: q.orgId };
  const org = q.orgId ? reach.orgs.find((o) => o.orgId === q.orgId) : reach.orgs[0];
  const orgDivision = org?.divisionCode ?? '';
  if (!org || !divisionCode.startsWith(divisionPrefix(orgDivision)) && !orgDivision.startsWith(divisionPrefix(divisionCode))) throw new AppError('NOT_FOUND', '无权查看该区划或单位的统计');
  return { divisionCode: orgDivision, orgId: org.orgId };
}
