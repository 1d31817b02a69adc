/**
 * Each case type's `data` contract (MachineDef.data), checked where facts are written: a case's initial
 * data (createCase), a hook's merge (mergeCaseData) and a bulk load. A key the type does not declare, or
 * a value of the wrong shape, is a programming error: it is refused (500) and the transaction rolls
 * back, rather than written for a guard to misread later.
 */
import type { MachineDef } from '../../shared/machine';

/** Machines by case type, for checks that hold only the case's id and type (mergeCaseData). */
const machines = new Map<string, MachineDef>();

export function declareCaseData(m: MachineDef) {
  machines.set(m.type, m);
}

/** Refuses `data` that does not keep to the type's declaration; `patch` checks a merge of some keys. */
export function checkCaseData(type: string, data: Record<string, unknown>, where: string): void {
  const m = machines.get(type);
  if (!m) throw new Error(`case data: case type ${type} is not registered`);
  const r = m.data!.partial().strict().safeParse(data); // present: the kernel registers no case type without it
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || (i as { keys?: string[] }).keys?.join(', ') || '(data)'}: ${i.message}`).join('; ');
    throw new Error(`case data of ${type} written by ${where} does not keep to its machine's declaration: ${problems}`);
  }
}
