import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDomains } from '../../src/app/server/domains';
import type { DomainModule } from '../../src/core/server';
import { defineMachine } from '../../src/core/shared/machine';
import { findStateDiagramBlocks, renderStateDiagram, stateDiagramBlock, withStateDiagram } from '../../src/core/shared/machine-diagram';

const root = resolve(import.meta.dirname, '../..');
const readmeOf = (domain: string) => resolve(root, 'src/domains', domain, 'README.md');
const FIX = '（run `npm run docs:diagrams`）';

describe('domain README state diagrams', () => {
  let domains: DomainModule[];
  beforeAll(async () => { domains = await loadDomains(); });

  it('holds, for every registered machine, exactly the block the script writes', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const d of domains) {
      for (const { machine } of d.caseTypes ?? []) {
        const path = readmeOf(d.name);
        const name = relative(root, path);
        if (!existsSync(path)) { problems.push(`${name}: missing, machine ${machine.type} (${machine.label}) has nowhere to go`); continue; }
        const block = findStateDiagramBlocks(readFileSync(path, 'utf8')).filter((b) => b.type === machine.type);
        if (block.length !== 1) problems.push(`${name}: ${block.length} <!-- state-diagram:${machine.type} --> blocks for machine ${machine.type} (${machine.label}), want 1 ${FIX}`);
        else if (block[0].text !== stateDiagramBlock(machine)) problems.push(`${name}: the diagram of machine ${machine.type} (${machine.label}) differs from the machine ${FIX}`);
        checked++;
      }
    }
    expect(problems).toEqual([]);
    // Guards the loop above against passing vacuously if discovery ever finds nothing.
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('has no block for a case type that is not registered in that domain', () => {
    const registered = new Map(domains.map((d) => [d.name, new Set((d.caseTypes ?? []).map((ct) => ct.machine.type))]));
    const stray: string[] = [];
    for (const dir of readdirSync(resolve(root, 'src/domains'))) {
      const path = readmeOf(dir);
      if (!existsSync(path)) continue;
      for (const b of findStateDiagramBlocks(readFileSync(path, 'utf8'))) {
        if (!registered.get(dir)?.has(b.type)) stray.push(`${relative(root, path)}: block for ${b.type}, which domain ${dir} does not register`);
      }
    }
    expect(stray).toEqual([]);
  });
});

describe('renderStateDiagram', () => {
  const m = defineMachine({
    type: 'demo', plural: 'demos', label: '示例', initial: 'open',
    states: { open: { label: '办理中' }, done: { label: '已办结"甲";', terminal: true } },
    clocks: {},
    events: {
      finish: { label: '办结', from: ['open'], to: 'done', permission: 'demo.handle' },
      lapse: { label: '逾期办结', from: ['open'], to: 'done', permission: 'demo.handle', system: true },
      note: { label: '记录', from: ['open'], to: 'open', permission: 'demo.handle' },
    },
  });

  it('labels states in Chinese, merges parallel events, marks system events and ends terminal states', () => {
    expect(renderStateDiagram(m).split('\n')).toEqual([
      '```mermaid',
      'stateDiagram-v2',
      '  state "办理中" as open',
      '  state "已办结#quot;甲#quot;#59;" as done',
      '  [*] --> open',
      '  open --> done: 办结 / 逾期办结（系统）',
      '  open --> open: 记录',
      '  done --> [*]',
      '```',
    ]);
  });

  it('replaces only its own block and keeps the prose around it', () => {
    const readme = '# 示例\n\n前言\n\n<!-- state-diagram:demo -->\nold\n<!-- /state-diagram:demo -->\n\n后记\n';
    expect(withStateDiagram(readme, m)).toBe(`# 示例\n\n前言\n\n${stateDiagramBlock(m)}\n\n后记\n`);
    expect(withStateDiagram('# 示例\n', m)).toBeNull();
  });
});
