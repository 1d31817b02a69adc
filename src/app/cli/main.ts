/**
 * The `zhengtong` command. It runs in-process against the configured database (PGlite under DATA_DIR,
 * or DATABASE_URL) as the system actor, through the same services as the HTTP API.
 */
import { Command } from 'commander';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadConfig, type Config } from '../../core/server/config';
import type { Kernel } from '../../core/server/kernel';
import { defaultCalendar } from '../../core/shared/calendar';
import { divisionLevel } from '../../core/shared/division';
import { SYSTEM_ACTOR } from '../../core/server/actor';
import { createStaff } from '../../core/server/auth.service';
import { verifyAudit } from '../../core/server/audit';
import { startWorker } from '../../core/server/jobs';
import * as tenancy from '../../core/server/tenancy.repository';
import { buildApp, prepareKernel } from '../server/app';
import { quiesce, startup } from '../server/startup';
import { runCluster } from '../server/cluster';
import { DEMO_PASSWORD, DEMO_STAFF, DOMAIN_DEMO_LOGINS, hasDemo, seedDemo } from '../server/demo-district';
import { register as registerCalendar } from './calendar.commands';
import { register as registerId } from './id.commands';
import { register as registerReport } from './report.commands';

const program = new Command('zhengtong').description('政通 — 县域数字政府平台');
const out = (s: string) => process.stdout.write(`${s}\n`);

/** The calendar for the CLI: the database's (admin-edited) calendar if one exists, else the bundled official data. */
async function loadCalendar() {
  const config = loadConfig();
  const hasDb = config.DATABASE_URL || existsSync(join(config.dataDir, 'pglite', 'PG_VERSION'));
  if (!hasDb) return defaultCalendar();
  const kernel = await prepareKernel({ config });
  try { return await kernel.db.tx((tx) => kernel.calendar.get(tx)); } finally { await kernel.db.close(); }
}

/**
 * One app process: the kernel (migrated), HTTP and the job worker. On a fresh PGlite it listens at once
 * and generates the demo year behind a progress page (the first page within seconds of `npm start`),
 * then starts the worker. SIGTERM/SIGINT stop it gracefully: /api/ready turns 503 and responses close
 * their connections, the listener stays open until nothing is in hand (so queued connections are served,
 * not reset), then closes, the worker finishes the job in hand, the database closes — bounded by
 * SHUTDOWN_TIMEOUT_MS. The signal must reach this process itself: no documented start command puts a
 * process of ours between (bin/zhengtong.js loads tsx in-process, npm and npx relay the signal, production
 * runs compiled JS).
 */
async function startProcess(config: Config, onServing: (kernel: Kernel, port: number) => Promise<void> = async () => {}) {
  const kernel = await prepareKernel({ config });
  const state = startup();
  const seedMarker = join(config.dataDir, 'demo-seeding');
  const needsDemo = config.engine === 'pglite' && config.DEMO_AUTOSEED && config.NODE_ENV !== 'production' && !(await hasDemo(kernel));
  if (!needsDemo && existsSync(seedMarker)) {
    out(`警告：上次生成演示数据时进程被中断，演示数据不完整。请停止服务，删除 ${config.dataDir} 后重新启动。`);
  }
  if (needsDemo) state.phase = 'starting';
  const app = await buildApp(kernel, { startup: state });
  let worker: ReturnType<typeof startWorker> | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    state.phase = 'stopping';
    setTimeout(() => { process.stderr.write(`停止超时（${config.SHUTDOWN_TIMEOUT_MS} 毫秒），强制退出\n`); process.exit(1); }, config.SHUTDOWN_TIMEOUT_MS).unref();
    app.log.info({ signal }, 'stopping: draining in-flight requests');
    await quiesce(state);
    const idle = setInterval(() => app.server.closeIdleConnections(), 200);
    await app.close();
    clearInterval(idle);
    await worker?.stop();
    await kernel.db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // npm and npx start us under `sh -c`, and sh dies of SIGTERM without relaying it: when the process that
  // started us goes away, stop as if signalled instead of serving on as an orphan nobody can stop.
  const parent = process.ppid;
  setInterval(() => { if (process.ppid !== parent) void stop('parent exited'); }, 500).unref();
  await app.listen({ port: config.PORT, host: config.HOST });
  const port = (app.server.address() as { port: number }).port;
  if (needsDemo) {
    out(`首次启动：正在生成演示区县数据（湖滨区），进度见 http://localhost:${port}`);
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(seedMarker, new Date().toISOString());
    await seedDemo(kernel, out, (done, total, step) => Object.assign(state, { done, total, step }));
    rmSync(seedMarker, { force: true });
    if (!stopping) state.phase = 'serving';
  }
  if (!stopping && config.JOBS_ENABLED) worker = startWorker(kernel, { pollMs: config.JOBS_POLL_MS, log: (o, m) => app.log.warn(o, m) });
  await onServing(kernel, port);
}

async function banner(kernel: Kernel, port: number) {
  const config = kernel.config;
  out(`\n政通已启动：http://localhost:${port}   （API 文档 /api/docs，运行指标 /metrics）`);
  out(`数据库：${config.engine === 'pglite' ? `PGlite（${join(config.dataDir, 'pglite')}）` : 'PostgreSQL（DATABASE_URL）'}${config.WORKERS > 1 ? `，${config.WORKERS}个应用进程` : ''}`);
  if (await hasDemo(kernel)) {
    out(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const s of [...DEMO_STAFF, ...DOMAIN_DEMO_LOGINS]) out(`  ${s.username.padEnd(14)} ${s.name}  ${s.note}`);
  }
}

program.command('serve').description('启动 API 和网页（首次启动 PGlite 时自动建库并生成演示数据；WORKERS=N 在 PostgreSQL 上启动 N 个进程）').action(async () => {
  const config = loadConfig();
  if (config.WORKERS === 1) {
    await startProcess(config, banner);
    return;
  }
  let kernel: Kernel | undefined;
  await runCluster({
    workers: config.WORKERS, log: out,
    prepare: async () => { kernel = await prepareKernel({ config }); },
    serve: async () => { await startProcess(config); },
    ready: async () => { await banner(kernel!, config.PORT); await kernel!.db.close(); },
  });
});

program.command('migrate').description('执行数据库迁移').action(async () => {
  const kernel = await prepareKernel();
  out('数据库已迁移到最新版本');
  await kernel.db.close();
});

program.command('seed').argument('<what>', '只支持 demo').description('生成演示数据').action(async (what: string) => {
  if (what !== 'demo') { process.stderr.write('error: 只支持 zhengtong seed demo\n'); process.exit(2); }
  const kernel = await prepareKernel();
  await seedDemo(kernel, out);
  await kernel.db.close();
});

const admin = program.command('admin').description('管理员账号');
admin.command('create')
  .requiredOption('--username <name>', '用户名')
  .requiredOption('--name <displayName>', '姓名')
  .option('--password <password>', '初始密码（不提供则从标准输入读取）')
  .option('--org <orgName>', '所属机构名称（不存在则创建在 --division 下）', '系统管理')
  .option('--division <code>', '机构所在区划代码（须已存在，或连同 --division-name 创建）')
  .option('--division-name <name>', '区划名称（新建区划时）')
  .option('--role <role...>', '角色', ['sysadmin'])
  .description('创建首个管理员（生产部署不生成演示数据）')
  .action(async (o: { username: string; name: string; password?: string; org: string; division?: string; divisionName?: string; role: string[] }) => {
    const kernel = await prepareKernel();
    let password = o.password;
    if (!password) {
      const rl = createInterface({ input: process.stdin });
      password = (await rl[Symbol.asyncIterator]().next()).value as string;
      rl.close();
    }
    try {
      await kernel.db.tx(async (tx) => {
        let org = await tenancy.getOrgByName(tx, o.org);
        if (!org) {
          if (!o.division) throw new Error('机构不存在，请用 --division 指定区划代码');
          if (!(await tenancy.getDivision(tx, o.division))) {
            if (!o.divisionName) throw new Error(`区划${o.division}不存在，请用 --division-name 提供名称以创建`);
            await tenancy.insertDivision(tx, { code: o.division, name: o.divisionName, level: divisionLevel(o.division), parentCode: null, path: o.division });
          }
          org = await tenancy.insertOrg(tx, { id: crypto.randomUUID(), name: o.org, kind: 'department', divisionCode: o.division });
        }
        await createStaff(tx, kernel, SYSTEM_ACTOR, { username: o.username, displayName: o.name, password: password!, roles: o.role.map((role) => ({ role, orgId: org!.id })), mustChangePassword: true });
      });
      out(`管理员 ${o.username} 已创建，首次登录须修改密码`);
    } catch (e) {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      process.exitCode = 2;
    } finally {
      await kernel.db.close();
    }
  });

const audit = program.command('audit').description('审计日志');
audit.command('verify').description('核验审计日志哈希链；发现被改动或删除的记录时以非零状态退出').action(async () => {
  const kernel = await prepareKernel();
  const r = await verifyAudit(kernel.db);
  await kernel.db.close();
  if (r.ok) {
    out(`审计日志完整：${r.streams}条链，${r.records}条记录，均核验通过`);
  } else {
    const b = r.firstBroken!;
    out(`审计日志被破坏：链 ${b.stream} 第${b.seq}条${b.id ? `（记录 ${b.id}）` : ''}：${b.reason}`);
    process.exitCode = 1;
  }
});

registerCalendar(program, { loadCalendar });
registerId(program, {});
registerReport(program, { openKernel: () => prepareKernel() });

program.command('jobs').description('执行一轮到期的后台任务（调试用）').action(async () => {
  const kernel = await prepareKernel();
  const w = startWorker(kernel, { pollMs: 1000, autoStart: false });
  out(`已执行${await w.tick()}个任务`);
  await kernel.db.close();
});

void SYSTEM_ACTOR;
await program.parseAsync(process.argv);
