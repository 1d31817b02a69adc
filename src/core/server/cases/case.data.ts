/**
 * Each case type's `data` contract (MachineDef.data), checked where facts are written: a case's initial
 * data (createCase), a hook's merge (mergeCaseData) and a bulk load. A key the type does not declare, or
 * a value of the wrong shape, is a programming error: it is refused (500) and the transaction rolls
 * back, rather than written for a guard to misread later.
 */
import type { z } from 'zod';
import type { MachineDef } from '../../shared/machine';

/**
 * Each registered type's check (its declaration, every key optional, no other key), built once at
 * registration rather than on every write: mergeCaseData runs inside most transitions.
 */
const checks = new Map<string, z.ZodObject>();

export function declareCaseData(m: MachineDef) {
  checks.set(m.type, m.data!.partial().strict());
}

/** Refuses `data` that does not keep to the type's declaration; `patch` checks a merge of some keys. */
export function checkCaseData(type: string, data: Record<string, unknown>, where: string): void {
  const check = checks.get(type);
  if (!check) throw new Error(`case data: case type ${type} is not registered`);
  const r = check.safeParse(data);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || (i as { keys?: string[] }).keys?.join(', ') || '(data)'}: ${i.message}`).join('; ');
    throw new Error(`case data of ${type} written by ${where} does not keep to its machine's declaration: ${problems}`);
  }
}
