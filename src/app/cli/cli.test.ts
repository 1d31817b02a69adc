import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCalendar, formatIsoDate, parseIsoDate } from '../../core/shared/calendar';

// An empty DATA_DIR: the CLI uses the bundled State Council data when no database exists.
const env = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'zt-cli-')), DATABASE_URL: '' };
delete (env as Record<string, string | undefined>).DATABASE_URL;
const cli = (args: string[], input?: string) => spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/app/cli/main.ts', ...args], { encoding: 'utf8', input, env, maxBuffer: 64 << 20 });

describe('zhengtong calendar (contract)', () => {
  it('calendar due prints the Nth working day after the date', () => {
    const r = cli(['calendar', 'due', '2026-09-30', '3']);
    expect(r).toMatchObject({ status: 0, stdout: '2026-10-10\n', stderr: '' });
    expect(cli(['calendar', 'due', '2026-11-07', '0']).stdout).toBe('2026-11-07\n');
  });

  it('calendar due refuses a bad single value on stderr with exit 2', () => {
    const past = cli(['calendar', 'due', '2026-12-20', '20']);
    expect(past).toMatchObject({ status: 2, stdout: '' });
    expect(past.stderr).toBe('error: 自 2026-12-20 起第20个工作日超出已维护的节假日数据范围（2018-12-29 至 2026-12-31），请管理员先维护2027年节假日安排\n');
    expect(cli(['calendar', 'due', '2027-01-05', '1']).stderr).toBe('error: 日期 2027-01-05 超出已维护的节假日数据范围（2018-12-29 至 2026-12-31），请管理员先维护2027年节假日安排\n');
    expect(cli(['calendar', 'due', '2026-02-30', '1'])).toMatchObject({ status: 2, stderr: 'error: 日期2026-02-30不存在：2026年2月只有28天\n' });
    expect(cli(['calendar', 'due', '2026-10-08', '-1'])).toMatchObject({ status: 2, stderr: 'error: 工作日数“-1”无效，应为非负整数\n' });
    expect(cli(['calendar', 'due', '2026-10-08'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^error: 缺少工作日数/) });
  });

  it('calendar due - answers one line per input line, errors in place, exit 1 at the end', () => {
    // CRLF, a BOM, a blank line inside (answered) and blank lines at the end (ignored).
    const r = cli(['calendar', 'due', '-'], '\uFEFF2026-09-30 3\r\n2026-11-06 1\r\nnot-a-date 2\r\n\r\n2026-12-20 20\r\n2026-10-08\r\n 2026-11-02   5 \r\n\r\n\n');
    expect(r.stdout.split('\n')).toEqual([
      '2026-10-10',
      '2026-11-09',
      'error: 日期“not-a-date”格式不正确，应为YYYY-MM-DD（如2026-10-08）',
      'error: 空行：每行应为“YYYY-MM-DD N”',
      'error: 自 2026-12-20 起第20个工作日超出已维护的节假日数据范围（2018-12-29 至 2026-12-31），请管理员先维护2027年节假日安排',
      'error: 每行应为“日期 工作日数”两项，实为1项',
      '2026-11-09',
      '',
    ]);
    expect(r.status).toBe(1);
    expect(cli(['calendar', 'due', '-'], '2026-09-30 1\n2024-02-08 5\n')).toMatchObject({ status: 0, stdout: '2026-10-08\n2024-02-21\n' });
  });

  it('calendar due - answers 100,000 lines exactly as the library does', () => {
    const cal = defaultCalendar();
    const lines: string[] = [];
    let seed = 20261123;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 100_000; i++) lines.push(`${formatIsoDate(parseIsoDate('2019-01-01') + Math.floor(rnd() * 2495))} ${Math.floor(rnd() * 60)}`);
    const t0 = performance.now();
    const r = cli(['calendar', 'due', '-'], `${lines.join('\n')}\n`);
    const ms = performance.now() - t0;
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    expect(out).toHaveLength(100_001);
    for (let i = 0; i < lines.length; i += 997) {
      const [d, n] = lines[i].split(' ');
      expect(out[i], lines[i]).toBe(cal.addWorkdays(d, Number(n)));
    }
    console.log(`calendar due - : 100000 lines in ${ms.toFixed(0)} ms (process start included)`);
  }, 60_000);

  it('calendar is-workday answers true/false, singly and from stdin', () => {
    expect(cli(['calendar', 'is-workday', '2026-10-10'])).toMatchObject({ status: 0, stdout: 'true\n' });
    expect(cli(['calendar', 'is-workday', '2026-10-01'])).toMatchObject({ status: 0, stdout: 'false\n' });
    expect(cli(['calendar', 'is-workday', '2027-01-04'])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^error: 日期 2027-01-04 超出已维护的节假日数据范围.*请管理员先维护2027年节假日安排\n$/) });
    expect(cli(['calendar', 'is-workday', '-'], '2026-10-01\n2026-10-09\n2025-01-26\n')).toMatchObject({ status: 0, stdout: 'false\ntrue\ntrue\n' });
    const bad = cli(['calendar', 'is-workday', '-'], '2026-10-01\n2026-02-29\n2027-01-04\n2026-10-10\n');
    expect(bad.stdout.split('\n')).toEqual(['false', 'error: 日期2026-02-29不存在：2026年2月只有28天', expect.stringMatching(/^error: 日期 2027-01-04 超出/), 'true', '']);
    expect(bad.status).toBe(1);
  });
});

describe('zhengtong id check (contract)', () => {
  // The answer names the standard that accepted the value (an 18-character value ending in X may be either).
  it('prints exactly valid: <standard>, or invalid: <reason> with exit 1', () => {
    expect(cli(['id', 'check', '11010519491231002X'])).toMatchObject({ status: 0, stdout: 'valid: 公民身份号码（GB 11643）\n', stderr: '' });
    expect(cli(['id', 'check', '91110000100006485K'])).toMatchObject({ status: 0, stdout: 'valid: 统一社会信用代码（GB 32100）\n' });
    expect(cli(['id', 'check', '91340524610340547X'])).toMatchObject({ status: 0, stdout: 'valid: 统一社会信用代码（GB 32100）\n', stderr: '' });
    expect(cli(['id', 'check', '110105194912310021'])).toMatchObject({ status: 1, stdout: 'invalid: 校验位应为X，实为1\n' });
    expect(cli(['id', 'check', 'xyz'])).toMatchObject({ status: 1, stdout: 'invalid: 无法识别的证件号码格式：应为18位公民身份号码或18位统一社会信用代码，当前为3位\n' });
  });

  it('prints valid on stdout and the warning on stderr for a pilot-era credit code', () => {
    const r = cli(['id', 'check', '91350100M0001TGQXM']);
    expect(r).toMatchObject({ status: 0, stdout: 'valid: 统一社会信用代码（GB 32100）\n' });
    expect(r.stderr).toMatch(/^warning: 校验位应为1，实为M；该代码符合早期试点地区赋码特征/);
  });

  it('reads one value per line from stdin; warnings name the line, not the value', () => {
    const r = cli(['id', 'check', '-'], '91110000100006485K\n91350211M0000XUF46\nxyz\n34052419800101001x\n440524188001010014\n');
    expect(r.stdout.split('\n')).toEqual([
      'valid: 统一社会信用代码（GB 32100）', 'valid: 统一社会信用代码（GB 32100）',
      'invalid: 无法识别的证件号码格式：应为18位公民身份号码或18位统一社会信用代码，当前为3位', 'valid: 公民身份号码（GB 11643）',
      'invalid: 出生日期18800101早于1900年，不在合理范围内', '',
    ]);
    expect(r.stderr).toMatch(/^warning: 第2行：校验位应为R，实为6/);
    expect(r.stderr).not.toContain('91350211M0000XUF46');
    expect(r.status).toBe(1);
    expect(cli(['id', 'check', '-'], '11010519491231002X\n914403001922038216\n')).toMatchObject({ status: 0, stdout: 'valid: 公民身份号码（GB 11643）\nvalid: 统一社会信用代码（GB 32100）\n' });
  });
});

describe('zhengtong admin create and audit verify', () => {
  it('creates the first administrator, verifies the trail, and exits 1 once a record is edited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zt-audit-'));
    const run = (args: string[], input?: string) => spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/app/cli/main.ts', ...args], { encoding: 'utf8', input, env: { ...env, DATA_DIR: dir } });
    const created = run(['admin', 'create', '--username', 'first', '--name', '张三', '--division', '411202', '--division-name', '湖滨区', '--org', '湖滨区行政审批和政务信息管理局'], 'Admin#2026pass\n');
    expect(created.stdout).toContain('管理员 first 已创建');
    expect(run(['admin', 'create', '--username', 'weak', '--name', '李四', '--org', '湖滨区行政审批和政务信息管理局'], 'weak\n').status).toBe(2);
    const ok = run(['audit', 'verify']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/均核验通过/);
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create({ dataDir: join(dir, 'pglite') });
    await db.query(`UPDATE audit_log SET actor_name = '篡改者'`);
    await db.close();
    const bad = run(['audit', 'verify']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/审计日志被破坏：链 admin:users 第1条.*记录内容与哈希不符/);
  }, 60_000);
});
