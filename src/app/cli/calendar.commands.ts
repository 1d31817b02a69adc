/**
 * `zhengtong calendar …` — a stable contract other tools script against:
 *   calendar due <YYYY-MM-DD> <N>   prints the Nth working day strictly after the date (start not counted)
 *   calendar due -                  reads "<date> <N>" lines from stdin, prints one date per line
 *   calendar is-workday <date>      prints true / false
 *   calendar is-workday -           reads dates from stdin, one answer per line
 * A bad stdin line prints `error: <中文原因>` in its place (so output lines stay aligned with input lines)
 * and the process exits 1 at the end. A bad single value prints `error: …` to stderr and exits 2.
 */
import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import type { WorkCalendar } from '../../core/shared/calendar';

export type CalendarDeps = { loadCalendar: () => Promise<WorkCalendar> };
export type LineAnswer = { out: string; failed: boolean };

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Answers stdin line by line with buffered, back-pressured output: one output line per input line, so a
 * caller can zip answers with questions. Blank lines inside the input are answered (as errors, by
 * `answer('')`); blank lines at the end are ignored. A leading BOM (files saved on Windows) is dropped.
 * Exported for id.commands.ts.
 */
export async function answerStdinLines(
  answer: (line: string, lineNo: number) => LineAnswer,
  io: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {},
): Promise<{ lines: number; failures: number }> {
  const input = io.input ?? process.stdin;
  const output = io.output ?? process.stdout;
  const rl = createInterface({ input, crlfDelay: Infinity });
  let buf = '';
  let lines = 0;
  let failures = 0;
  let pendingBlank = 0;
  const emit = (line: string) => {
    lines++;
    const r = answer(line, lines);
    if (r.failed) failures++;
    buf += `${r.out}\n`;
  };
  const flush = async () => {
    if (!buf) return;
    const ok = output.write(buf);
    buf = '';
    if (!ok) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  };
  for await (const raw of rl) {
    const line = (lines === 0 && pendingBlank === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (!line) { pendingBlank++; continue; }
    for (; pendingBlank > 0; pendingBlank--) emit('');
    emit(line);
    if (buf.length >= 1 << 16) await flush();
  }
  await flush();
  return { lines, failures };
}

/** Exit quietly when the reader goes away (`… | head`), instead of a stack trace. */
export function quietOnEpipe() {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

function parseCount(k: string | undefined): number {
  if (k === undefined || k === '') throw new Error('缺少工作日数：用法为 calendar due <YYYY-MM-DD> <N>');
  if (!/^\d+$/.test(k) || !Number.isSafeInteger(Number(k))) throw new Error(`工作日数“${k}”无效，应为非负整数`);
  return Number(k);
}

async function single(compute: () => Promise<string>) {
  try {
    process.stdout.write(`${await compute()}\n`);
  } catch (e) {
    process.stderr.write(`error: ${errorText(e)}\n`);
    process.exitCode = 2;
  }
}

async function fromStdin(deps: CalendarDeps, answer: (cal: WorkCalendar, line: string) => string) {
  let cal: WorkCalendar;
  try {
    cal = await deps.loadCalendar();
  } catch (e) {
    process.stderr.write(`error: ${errorText(e)}\n`);
    process.exitCode = 2;
    return;
  }
  quietOnEpipe();
  const { failures } = await answerStdinLines((line) => {
    try { return { out: answer(cal, line), failed: false }; } catch (e) { return { out: `error: ${errorText(e)}`, failed: true }; }
  });
  if (failures > 0) process.exitCode = 1;
}

export function register(program: Command, deps: CalendarDeps) {
  const calendar = program.command('calendar').description('工作日计算（依国务院办公厅节假日安排，含调休上班日）');

  calendar.command('due')
    .description('计算起算日之后第N个工作日（起算日不计入；起算日为休息日的，其后第一个工作日为第1日）')
    .argument('<date>', '起算日 YYYY-MM-DD；为 - 时从标准输入逐行读取“日期 工作日数”')
    .argument('[n]', '工作日数（非负整数）')
    .action(async (date: string, n: string | undefined) => {
      if (date === '-') {
        if (n !== undefined) { process.stderr.write('error: 从标准输入读取时不需要在命令行给出工作日数\n'); process.exitCode = 2; return; }
        await fromStdin(deps, (cal, line) => {
          if (!line) throw new Error('空行：每行应为“YYYY-MM-DD N”');
          const fields = line.split(/\s+/);
          if (fields.length !== 2) throw new Error(`每行应为“日期 工作日数”两项，实为${fields.length}项`);
          return cal.addWorkdays(fields[0], parseCount(fields[1]));
        });
        return;
      }
      await single(async () => {
        const count = parseCount(n);
        return (await deps.loadCalendar()).addWorkdays(date, count);
      });
    });

  calendar.command('is-workday')
    .description('判断某日是否为工作日（法定节假日为否，调休上班日为是）')
    .argument('<date>', '日期 YYYY-MM-DD；为 - 时从标准输入逐行读取')
    .action(async (date: string) => {
      if (date === '-') {
        await fromStdin(deps, (cal, line) => {
          if (!line) throw new Error('空行：每行应为一个日期 YYYY-MM-DD');
          if (/\s/.test(line)) throw new Error(`每行应为一个日期，实为“${line.slice(0, 30)}”`);
          return String(cal.isWorkday(line));
        });
        return;
      }
      await single(async () => String((await deps.loadCalendar()).isWorkday(date)));
    });
}
