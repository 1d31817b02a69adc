/**
 * Test factories (the kernel's test face): an org, a member of staff with the roles a test needs, and a
 * case in a given state, built through the kernel's own paths (createStaff, the bulk loader along the
 * machine's shortest path), so a test states what it needs instead of borrowing a demo user or case.
 * Test files of every domain import it (tests/architecture.test.ts allows it to test files only).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/errors';
import { SYSTEM_ACTOR, type Actor } from './actor';
import { actorFor, createStaff } from './auth.service';
import type { Tx } from './db/db';
import type { Kernel } from './contract';
import type { CaseRow, OrgRow, UserRow } from './db/schema';
import * as tenancy from './tenancy.repository';
import * as repo from './cases/case.repository';
import { bulkLoadCases, pathTo, type BulkActor, type BulkCase, type BulkStep } from './cases/case.bulk';
import { registration } from './cases/case.registry';

/** The password every factory-built account has (it satisfies the password policy). */
export const FACTORY_PASSWORD = 'Zt@Factory2026';

const short = () => randomUUID().slice(0, 8);
const inTx = <T>(kernel: Kernel, tx: Tx | undefined, f: (tx: Tx) => Promise<T>) => (tx ? f(tx) : kernel.db.tx(f));

/** A new org (a department of the demo county unless told otherwise). */
export async function buildOrg(kernel: Kernel, o: { name?: string; kind?: string; divisionCode?: string; parentId?: string | null; tx?: Tx } = {}): Promise<OrgRow> {
  return inTx(kernel, o.tx, async (tx) => {
    const row = await tenancy.insertOrg(tx, {
      id: randomUUID(), name: o.name ?? `测试机构${short()}`, kind: o.kind ?? 'department', divisionCode: o.divisionCode ?? '411202', parentId: o.parentId ?? null,
    });
    if (!row) throw new Error(`buildOrg: ${o.name} exists already in ${o.divisionCode ?? '411202'}`);
    return row;
  });
}

export type BuiltStaff = { user: UserRow; username: string; password: string; org: OrgRow; actor(): Promise<Actor> };

/**
 * A member of staff holding `roles` in `org` (a new org when none is given), able to log in at once
 * (`username` / `password`) or to act in-process through `actor()`.
 */
export async function buildStaff(kernel: Kernel, o: { roles: string[]; org?: OrgRow; username?: string; displayName?: string; tx?: Tx }): Promise<BuiltStaff> {
  return inTx(kernel, o.tx, async (tx) => {
    const org = o.org ?? await buildOrg(kernel, { tx });
    const username = o.username ?? `staff_${short()}`;
    const user = await createStaff(tx, kernel, SYSTEM_ACTOR, {
      username, displayName: o.displayName ?? `测试人员${username.slice(-4)}`, password: FACTORY_PASSWORD,
      roles: o.roles.map((role) => ({ role, orgId: org.id })), mustChangePassword: false,
    });
    return { user, username, password: FACTORY_PASSWORD, org, actor: () => kernel.db.tx((t) => actorFor(t, user)) };
  });
}

export type BuildCaseOptions = Partial<Omit<BulkCase, 'path'>> & {
  /** The state wanted: reached along the machine's shortest path from its initial state. */
  state?: string;
  /** Or the exact steps (event names, or full steps); overrides `state`. */
  path?: (string | BulkStep)[];
  /** Inputs for the path's events that need one (an extension's days, a refusal's reason). */
  inputs?: Record<string, Record<string, unknown>>;
  /** Who takes the steps (the system by default). */
  actor?: BulkActor;
  tx?: Tx;
};

/**
 * A case of `type` in `state` (default: the initial one), loaded with the bulk loader at kernel.now(),
 * each step a minute after the last. Domain hooks do not run: a test that needs a domain's own rows
 * files the case through the domain instead.
 */
export async function buildCase(kernel: Kernel, type: string, o: BuildCaseOptions = {}): Promise<CaseRow> {
  const m = registration(kernel, type).machine;
  const names = o.path ?? (o.state ? pathTo(m, o.state) : []);
  if (!names) throw new AppError('VALIDATION', `buildCase: ${type} cannot reach state ${o.state}`);
  return inTx(kernel, o.tx, async (tx) => {
    const orgId = o.orgId ?? (await buildOrg(kernel, { tx })).id;
    const org = await tenancy.getOrg(tx, orgId);
    const createdAt = o.createdAt ?? kernel.now();
    const path = names.map((s, i): BulkStep => (typeof s === 'string'
      ? { event: s, at: new Date(createdAt.getTime() + (i + 1) * 60_000), actor: m.events[s]?.system ? undefined : o.actor, input: o.inputs?.[s] }
      : s));
    const [loaded] = await bulkLoadCases(tx, kernel, type, [{
      title: `${m.label}（测试）`, divisionCode: org?.divisionCode ?? '411202', ...o, orgId, createdAt, path,
    }]);
    return (await repo.getCase(tx, loaded.id))!;
  });
}
