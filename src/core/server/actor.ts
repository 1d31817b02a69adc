/**
 * Who is acting and what they may see. Staff hold roles in orgs; a role's scope says whether it covers
 * the org's own cases or the whole division subtree of that org. The public see only their own cases.
 * Scope checks answer "not found" rather than "forbidden" so ids cannot be probed.
 */
import { divisionPrefix } from '../shared/division';
import { AppError } from '../shared/errors';

export type ActorGrant = {
  role: string;
  roleName: string;
  scope: 'org' | 'division' | 'self';
  orgId: string | null;
  orgName: string | null;
  divisionCode: string | null;
  permissions: ReadonlySet<string>;
};

export type Actor = {
  kind: 'staff' | 'public' | 'system';
  id: string | null;
  name: string;
  grants: ActorGrant[];
  /** For staff: the division of their first org (default scope of dashboards); null for the public. */
  divisionCode: string | null;
  sessionId?: string;
  ip?: string | null;
};

export type ScopedRow = { orgId: string; divisionCode: string; applicantId: string | null; type?: string; createdBy?: string | null };

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, name: '系统', grants: [], divisionCode: null };

export function grantCovers(g: ActorGrant, row: ScopedRow, actor: Actor): boolean {
  if (g.scope === 'self') return row.applicantId !== null && row.applicantId === actor.id;
  if (g.scope === 'org') return row.orgId === g.orgId;
  return g.divisionCode !== null && row.divisionCode.startsWith(divisionPrefix(g.divisionCode));
}

/** May the actor use `permission` on this row? System actors (jobs, CLI) may do anything. */
export function can(actor: Actor, permission: string, row?: ScopedRow): boolean {
  if (actor.kind === 'system') return true;
  return actor.grants.some((g) => g.permissions.has(permission) && (!row || grantCovers(g, row, actor)));
}

/**
 * Visible when some grant covers the row and gives any permission on its type — or when the actor filed
 * it: a generalist counter clerk follows what they took in even though another org decides it.
 */
export function canSee(actor: Actor, row: ScopedRow & { type: string }): boolean {
  if (actor.kind === 'system') return true;
  if (actor.id && row.createdBy === actor.id) return true;
  const prefix = `${row.type}.`;
  return actor.grants.some((g) => grantCovers(g, row, actor) && [...g.permissions].some((p) => p.startsWith(prefix)));
}

export const allPermissions = (actor: Actor) => [...new Set(actor.grants.flatMap((g) => [...g.permissions]))].sort();

export function requirePermission(actor: Actor, permission: string): void {
  if (!can(actor, permission)) throw forbidden();
}

const forbidden = () => new AppError('FORBIDDEN');
