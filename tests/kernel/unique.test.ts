import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../helpers/harness';
import { isUniqueViolation, uniqueOr409 } from '../../src/core/server/db/unique';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

// Run on both engines (DATABASE_URL set or not): the point is that each engine's real error is recognised.
describe('uniqueOr409', () => {
  it("turns the engine's unique violation into a 409 with the caller's message, and rolls the transaction back", async () => {
    const run = t.kernel.db.tx(async (tx) => {
      await tx.execute(sql`CREATE TABLE unique_probe (k text PRIMARY KEY)`);
      await tx.execute(sql`INSERT INTO unique_probe VALUES ('a')`);
      await uniqueOr409(() => tx.execute(sql`INSERT INTO unique_probe VALUES ('a')`), '编号a已登记');
    });
    await expect(run).rejects.toMatchObject({ name: 'AppError', code: 'DUPLICATE', status: 409, message: '编号a已登记' });
    expect(await t.kernel.db.query(`SELECT to_regclass('unique_probe') AS t`)).toEqual([{ t: null }]);
  });

  it('takes another 409 code, and lets every other database error through unchanged', async () => {
    await expect(t.kernel.db.tx(async (tx) => {
      await tx.execute(sql`CREATE TEMP TABLE unique_probe2 (k text PRIMARY KEY)`);
      await tx.execute(sql`INSERT INTO unique_probe2 VALUES ('a')`);
      await uniqueOr409(() => tx.execute(sql`INSERT INTO unique_probe2 VALUES ('a')`), '已被他人修改', 'CONFLICT');
    })).rejects.toMatchObject({ code: 'CONFLICT', status: 409 });
    const notNull = t.kernel.db.tx(async (tx) => {
      await tx.execute(sql`CREATE TEMP TABLE unique_probe3 (k text NOT NULL)`);
      await uniqueOr409(() => tx.execute(sql`INSERT INTO unique_probe3 VALUES (NULL)`), '不应出现');
    });
    await expect(notNull).rejects.not.toMatchObject({ name: 'AppError' });
  });

  it('recognises the code on the error or on its cause (drizzle wraps driver errors), nothing else', () => {
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('Failed query'), { cause: { code: '23505' } }))).toBe(true);
    expect(isUniqueViolation({ code: '23502' })).toBe(false);
    expect(isUniqueViolation({ cause: null })).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
