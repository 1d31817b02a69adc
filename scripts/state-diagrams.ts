/**
 * Regenerates each domain README's state diagrams from the registered machines: `npm run docs:diagrams`
 * (tsx). tests/kernel/state-diagrams.test.ts fails when a README is out of date, so run this after
 * editing a machine.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { loadDomains } from '../src/app/server/domains';
import { stateDiagramBlock, withStateDiagram } from '../src/core/shared/machine-diagram';

const root = resolve(import.meta.dirname, '..');
for (const domain of await loadDomains()) {
  const machines = (domain.caseTypes ?? []).map((ct) => ct.machine);
  if (!machines.length) continue;
  const path = resolve(root, 'src/domains', domain.name, 'README.md');
  const name = relative(root, path);
  if (!existsSync(path)) throw new Error(`${name} is missing: every domain with a case type documents it there`);
  const before = readFileSync(path, 'utf8');
  let after = before;
  for (const machine of machines) {
    const next = withStateDiagram(after, machine);
    if (next !== null) {
      after = next;
      continue;
    }
    // A new case type gets its block appended; move it next to the prose that explains the workflow.
    after = `${after.trimEnd()}\n\n## 状态图：${machine.label}\n\n${stateDiagramBlock(machine)}\n`;
    process.stdout.write(`${name}: appended the ${machine.type} diagram at the end\n`);
  }
  if (after !== before) writeFileSync(path, after);
  process.stdout.write(`${name}: ${after !== before ? 'state diagrams updated' : 'state diagrams already up to date'}\n`);
}
