/**
 * A machine's state diagram as mermaid, rendered from the machine itself so a domain README can never
 * drift from the workflow the runner enforces. scripts/state-diagrams.ts writes the blocks into each
 * domain's README.md; tests/kernel/state-diagrams.test.ts fails when a block is stale or missing.
 * Pure string work (no node APIs) so the script, the test and any page can share it.
 */
import type { MachineDef } from './machine';

/** Marks an event only jobs fire: a reader should not look for its button. */
export const SYSTEM_MARK = '（系统）';

export const openMarker = (type: string) => `<!-- state-diagram:${type} -->`;
export const closeMarker = (type: string) => `<!-- /state-diagram:${type} -->`;

/**
 * Mermaid reads `"` as the end of a quoted state label and `;` as a statement break; its entity codes
 * keep such labels intact. One pass, so the `;` of an inserted code is not escaped again.
 */
const ENTITIES: Record<string, string> = { '#': '#35;', '"': '#quot;', ';': '#59;' };
const escapeLabel = (s: string) => s.replace(/[#";]/g, (c) => ENTITIES[c]);

/** The fenced mermaid `stateDiagram-v2` of `machine`: one `state "标签" as key` per state, then transitions. */
export function renderStateDiagram(machine: MachineDef): string {
  const lines = ['```mermaid', 'stateDiagram-v2'];
  for (const [key, st] of Object.entries(machine.states)) lines.push(`  state "${escapeLabel(st.label)}" as ${key}`);
  lines.push(`  [*] --> ${machine.initial}`);
  // Several events between the same two states share one arrow (e.g. 回访办结 and the system's
  // 逾期未回访视为办结); separate arrows would be drawn on top of each other and be unreadable.
  const arrows = new Map<string, string[]>();
  for (const ev of Object.values(machine.events)) {
    const label = escapeLabel(ev.label) + (ev.system ? SYSTEM_MARK : '');
    for (const from of ev.from) {
      const key = `${from} --> ${ev.to}`;
      const labels = arrows.get(key) ?? [];
      if (!labels.includes(label)) labels.push(label);
      arrows.set(key, labels);
    }
  }
  for (const [arrow, labels] of arrows) lines.push(`  ${arrow}: ${labels.join(' / ')}`);
  for (const [key, st] of Object.entries(machine.states)) if (st.terminal) lines.push(`  ${key} --> [*]`);
  lines.push('```');
  return lines.join('\n');
}

/** The whole generated block, markers included, exactly as it appears in a README. */
export function stateDiagramBlock(machine: MachineDef): string {
  return [
    openMarker(machine.type),
    `<!-- generated from the ${machine.type} machine by \`npm run docs:diagrams\`: edit the machine, not this block -->`,
    renderStateDiagram(machine),
    closeMarker(machine.type),
  ].join('\n');
}

export type DiagramBlock = { type: string; start: number; end: number; text: string };

/** Every generated block in `text`, in order; `end` is just past the closing marker. */
export function findStateDiagramBlocks(text: string): DiagramBlock[] {
  const found: DiagramBlock[] = [];
  const open = /<!-- state-diagram:([\w-]+) -->/g;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const close = closeMarker(m[1]);
    const at = text.indexOf(close, m.index);
    // An unclosed block is reported as running to the end, so a comparison shows what is wrong.
    const end = at < 0 ? text.length : at + close.length;
    found.push({ type: m[1], start: m.index, end, text: text.slice(m.index, end) });
  }
  return found;
}

/** `readme` with the block of `machine` regenerated, or null when the README has no block for it. */
export function withStateDiagram(readme: string, machine: MachineDef): string | null {
  const block = findStateDiagramBlocks(readme).find((b) => b.type === machine.type);
  if (!block) return null;
  return readme.slice(0, block.start) + stateDiagramBlock(machine) + readme.slice(block.end);
}
