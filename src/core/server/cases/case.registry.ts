/**
 * The case-type registry as the engine reads it: a type's registration, the event input schemas and
 * labels, and loading a case in the actor's scope (out of scope reads as not found).
 */
import { z } from 'zod';

import { AppError } from '../../shared/errors';
import { type MachineDef } from '../../shared/machine';
import { canSee, type Actor } from '../actor';
import type { Tx } from '../db/db';
import type { CaseTypeRegistration, Kernel } from '../contract';
import * as repo from './case.repository';
import type { CaseRow } from './case.repository';

export const KERNEL_EVENT_LABELS: Record<string, string> = {
  create: '创建',
  'clock.warning': '临期预警',
  'clock.overdue': '超期',
  'clock.recomputed': '到期日重新计算',
};

/** Every event body may carry a comment for the timeline. */
export const CommentField = z.string().trim().max(500, '意见不能超过500个字符').optional().meta({ title: '办理意见' });
export const eventInputSchema = (machine: MachineDef, event: string) =>
  (machine.events[event]?.input ?? z.object({})).extend({ comment: CommentField });

export function registration(kernel: Kernel, type: string): CaseTypeRegistration {
  const r = kernel.caseTypes.get(type);
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

export async function loadVisible(tx: Tx, actor: Actor, id: string, type?: string): Promise<CaseRow> {
  if (!z.uuid().safeParse(id).success) throw new AppError('NOT_FOUND');
  const row = await repo.getCase(tx, id);
  if (!row || (type && row.type !== type) || !canSee(actor, row)) throw new AppError('NOT_FOUND');
  return row;
}
