/**
 * `zhengtong id check <value|->` — a stable contract:
 *   prints exactly `valid: <标准>` (公民身份号码（GB 11643） or 统一社会信用代码（GB 32100）: a value may have
 *   the shape of both, so the answer says which standard accepted it) or `invalid: <中文原因>` on stdout,
 *   one line per value (`-`: one value per stdin line);
 *   a warning on a valid value (e.g. a pilot-era 统一社会信用代码) goes to stderr as `warning: …`;
 *   exits 1 if any value is invalid.
 * Warnings name the line number, not the value: identifiers are personal data and stderr ends up in logs
 * (个人信息保护法 第51条).
 */
import type { Command } from 'commander';
import { checkIdNumber, ID_KIND_NAMES } from '../../core/shared/ids';
import { answerStdinLines, quietOnEpipe } from './calendar.commands';

function answer(value: string, where: string) {
  const r = checkIdNumber(value);
  if (r.valid && r.warning) process.stderr.write(`warning: ${where}${r.warning}\n`);
  return r.valid ? { out: `valid: ${ID_KIND_NAMES[r.kind]}`, failed: false } : { out: `invalid: ${r.reason}`, failed: true };
}

export function register(program: Command, _deps: object = {}) {
  program.command('id').description('证件号码')
    .command('check')
    .description('校验公民身份号码（GB 11643）或统一社会信用代码（GB 32100）：两种标准均可能时分别校验，输出通过的标准')
    .argument('<value>', '身份证号或统一社会信用代码；为 - 时从标准输入逐行读取')
    .action(async (value: string) => {
      if (value === '-') {
        quietOnEpipe();
        const { failures } = await answerStdinLines((line, lineNo) => answer(line, `第${lineNo}行：`));
        if (failures > 0) process.exitCode = 1;
        return;
      }
      const r = answer(value, '');
      process.stdout.write(`${r.out}\n`);
      if (r.failed) process.exitCode = 1;
    });
}
