import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness';
import { buildCase, buildOrg, createCase, defineDomain, mergeCaseData, SYSTEM_ACTOR } from '../../src/core/server';
import { createKernel } from '../../src/core/server/kernel';
import { permitMachine } from '../fixtures/permit.domain';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

describe("a case type's data contract (MachineDef.data)", () => {
  it('is required: the kernel refuses to register a case type whose machine declares none', () => {
    const { data: _declared, ...undeclared } = permitMachine;
    const domain = defineDomain({ name: 'undeclared-fixture', caseTypes: [{ machine: { ...undeclared, type: 'undeclared' }, refPrefix: 'UD' }] });
    expect(() => createKernel(t.kernel.config, t.kernel.db, [domain])).toThrow(/case type undeclared: its machine declares no `data`/);
  });

  it('refuses an undeclared or mistyped fact where it is written, and writes nothing', async () => {
    const org = await buildOrg(t.kernel);
    const base = { type: 'permit', title: '数据契约', orgId: org.id, divisionCode: org.divisionCode };
    await expect(t.kernel.db.tx((tx) => createCase(tx, t.kernel, SYSTEM_ACTOR, { ...base, data: { colour: 'red' } })))
      .rejects.toThrow(/case data of permit written by createCase .*colour/);
    const { row } = await t.kernel.db.tx((tx) => createCase(tx, t.kernel, SYSTEM_ACTOR, { ...base, data: { watcherSaw: 'approve' } }));
    await expect(t.kernel.db.tx((tx) => mergeCaseData(tx, row.id, { watcherSaw: 42 }))).rejects.toThrow(/written by mergeCaseData .*watcherSaw/);
    const [after] = await t.kernel.db.query<{ data: Record<string, unknown> }>('SELECT data FROM cases WHERE id = $1', [row.id]);
    expect(after.data).toEqual({ watcherSaw: 'approve' }); // the refused merge rolled back with its transaction
    await expect(buildCase(t.kernel, 'permit', { orgId: org.id, data: { extended: true } })).rejects.toThrow(/written by the bulk loader/);
  });

  it('lets declared facts through, as a case gains them', async () => {
    const org = await buildOrg(t.kernel);
    const { row } = await t.kernel.db.tx((tx) => createCase(tx, t.kernel, SYSTEM_ACTOR, { type: 'permit', title: '数据契约', orgId: org.id, divisionCode: org.divisionCode }));
    await t.kernel.db.tx((tx) => mergeCaseData(tx, row.id, { watcherSaw: 'approve' }));
    const [after] = await t.kernel.db.query<{ data: Record<string, unknown> }>('SELECT data FROM cases WHERE id = $1', [row.id]);
    expect(after.data).toEqual({ watcherSaw: 'approve' });
  });
});
