/** Helpers every enforcement use case shares: settings, field errors, the acting org, anonymising a party. */
import { AppError } from '../../../core/shared/errors';
import { type Actor, can, domainConfig, type Kernel, tenancy, type Tx } from '../../../core/server';
import { enforcementSettings } from './enforcement.config';

export const settingsOf = (kernel: Kernel) => domainConfig(kernel, enforcementSettings);
export const field = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path, message }] });

/** The org the actor acts for: the one chosen (division grants) or their own org holding `permission`. */
export async function actingOrg(tx: Tx, actor: Actor, permission: string, orgId?: string) {
  const id = orgId ?? actor.grants.find((g) => g.permissions.has(permission) && g.orgId)?.orgId;
  const org = id ? await tenancy.getOrg(tx, id) : null;
  if (!org) throw field('orgId', '请选择执法机关');
  if (!can(actor, permission, { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '只能登记本机关（或您负责区划内机关）的执法案件');
  return org;
}

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '百里'];
/**
 * A natural person as the public page shows them: surname + 某 (张某, 欧阳某). The 三项制度 guidance and
 * PIPL 第6条 (minimum necessary) — publish the decision, not the person; organisations are named in full.
 */
export function anonymise(name: string, kind: string): string {
  const n = name.trim();
  if (kind !== 'person') return n;
  const compound = COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > s.length);
  return `${compound ?? n.slice(0, 1)}某`;
}
