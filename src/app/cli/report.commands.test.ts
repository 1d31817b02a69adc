import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';

const cli = (...args: string[]) => spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/app/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'zt-')) } });

describe('zhengtong report check', () => {
  it('exits 0 with JSON claims on a published seed report', () => {
    const r = cli('report', 'check', 'tests/fixtures/reports/003_41e9cf2a5013e2c3.txt');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.claims).toContainEqual({ text: '全区政务服务事项共2311项，其中不见面审批事项2248项，占比97.27%', stated: 97.27, computed: 97.2739, status: 'ok' });
  });

  it('reads a .docx and exits 1 when a claim does not add up', async () => {
    const doc = new Document({ sections: [{ children: [
      new Paragraph({ children: [new TextRun('对全区现行有效的31件规范性文件进行了全面清理，'), new TextRun('继续有效25件，废止5件，剔除目录2件。')] }),
    ] }] });
    const file = join(mkdtempSync(join(tmpdir(), 'zt-')), '报告.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const r = cli('report', 'check', file);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).claims).toEqual([{ text: '对全区现行有效的31件规范性文件进行了全面清理，继续有效25件，废止5件，剔除目录2件', stated: 31, computed: 32, status: 'mismatch' }]);
  });
});
