/**
 * The parent's state as a function of its children's (办件) states — pure, so it is tested alone and
 * the demo generator uses the same rule:
 * - every child closed: all 办结 → 已办结; some 办结 → 部分办结; all withdrawn → 已撤回; else 未办成;
 * - any child waiting for the applicant's 补正 → 待补正 (the applicant has something to do);
 * - any child accepted or beyond → 办理中; otherwise 待受理.
 */
import { bundleMachine } from './bundle.machine';

const CLOSED = new Set(['delivered', 'denied', 'rejected', 'withdrawn']);
const STARTED = new Set(['accepted', 'suspended', 'approved', 'delivered', 'denied']);

export type BundleState = keyof typeof bundleMachine.states;

/**
 * What `deriveBundleState` distinguishes about one child's state: a child moving inside one group
 * (受理 → 审查中 → 批准, 中止 and back) cannot change the parent, so the parent is not touched.
 */
export function childGroup(s: string): string {
  if (s === 'delivered' || s === 'withdrawn') return s;
  if (CLOSED.has(s)) return 'closed';
  if (s === 'correcting') return 'correcting';
  return STARTED.has(s) ? 'started' : 'waiting';
}

export function deriveBundleState(children: string[]): BundleState {
  if (children.length && children.every((s) => CLOSED.has(s))) {
    const done = children.filter((s) => s === 'delivered').length;
    if (done === children.length) return 'completed';
    if (done > 0) return 'partial';
    return children.every((s) => s === 'withdrawn') ? 'withdrawn' : 'failed';
  }
  if (children.some((s) => s === 'correcting')) return 'correcting';
  if (children.some((s) => STARTED.has(s) || CLOSED.has(s))) return 'processing';
  return 'submitted';
}

/** The system event that takes the parent from `from` to `to` (looked up in the machine, never hard-wired). */
export function derivationEvent(from: string, to: string): string | null {
  for (const [name, ev] of Object.entries(bundleMachine.events)) {
    if (ev.system && ev.to === to && (ev.from as readonly string[]).includes(from)) return name;
  }
  return null;
}
