/**
 * Ratings in, and every 差评 turned into a 差评整改 case for the rated org in the same transaction — so a
 * bad rating can never be acknowledged and then lost. The rater is told the outcome through the outbox.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../core/shared/errors';
import { SYSTEM_ACTOR, type Actor } from '../../../core/server/actor';
import { createCase, loadVisible } from '../../../core/server/cases/case.service';
import { notify } from '../../../core/server/outbox';
import type { Tx } from '../../../core/server/db/db';
import type { Kernel } from '../../../core/server/kernel';
import type { TransitionContext } from '../../../core/server/kernel';
import { RATING_LEVELS, isBad, type CaseRatingInput, type CounterRatingInput } from '../shared/ratings.machine';
import * as repo from './ratings.repository';

const days = (name: string, dflt: number) => { const v = Number(process.env[name]); return Number.isInteger(v) && v > 0 ? v : dflt; };

async function record(tx: Tx, kernel: Kernel, r: { orgId: string; orgName: string; divisionCode: string; counterId?: string | null; caseId?: string | null; channel: string; level: number; comment?: string; phone?: string; subject: string }) {
  const rating = await repo.insert(tx, {
    id: randomUUID(), orgId: r.orgId, divisionCode: r.divisionCode, counterId: r.counterId ?? null, caseId: r.caseId ?? null, channel: r.channel,
    level: r.level, comment: r.comment ?? null, realName: !!r.phone, raterPhoneEnc: r.phone ? kernel.cipher.encrypt(r.phone) : null, createdAt: kernel.now(),
  });
  if (!rating) throw new AppError('DUPLICATE', '该办件已评价过，每件只能评价一次');
  if (isBad(r.level)) {
    const { row } = await createCase(tx, kernel, SYSTEM_ACTOR, {
      type: 'complaintFix', title: `差评整改：${r.subject}（${RATING_LEVELS[r.level as 1]}）`, orgId: r.orgId, divisionCode: r.divisionCode,
      applicantName: r.phone ? '实名评价人' : '匿名评价人', comment: r.comment ?? null,
      data: { ratingId: rating.id, level: r.level, realName: !!r.phone, contactDays: days('RATING_CONTACT_WORKDAYS', 1), fixDays: days('RATING_FIX_WORKDAYS', 15) },
    });
    await repo.linkFix(tx, rating.id, row.id);
  }
  return { id: rating.id, bad: isBad(r.level) };
}

export async function rateCounter(tx: Tx, kernel: Kernel, input: z.infer<typeof CounterRatingInput>) {
  const c = await repo.counterWithOrg(tx, input.counterId);
  if (!c) throw new AppError('NOT_FOUND', '窗口不存在，请重新扫码');
  return record(tx, kernel, { ...input, orgId: c.orgId, orgName: c.orgName, divisionCode: c.divisionCode, counterId: c.id, channel: 'qr', subject: `${c.orgName}${c.name}` });
}

/** 一事一评: the applicant rates their own completed case once. */
export async function rateCase(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof CaseRatingInput>) {
  const c = await loadVisible(tx, actor, input.caseId);
  if (c.applicantId !== actor.id) throw new AppError('FORBIDDEN', '只能评价本人的办件');
  if (!c.closedAt) throw new AppError('TRANSITION_NOT_ALLOWED', '办件办结后才能评价');
  const { getOrg } = await import('../../../core/server/tenancy.repository');
  const org = await getOrg(tx, c.orgId);
  return record(tx, kernel, { ...input, orgId: c.orgId, orgName: org?.name ?? '', divisionCode: c.divisionCode, caseId: c.id, channel: 'online', subject: `${c.title}（${c.refNo}）` });
}

export async function counterInfo(tx: Tx, id: string) {
  const c = await repo.counterWithOrg(tx, id);
  if (!c) throw new AppError('NOT_FOUND', '窗口不存在，请重新扫码');
  return { id: c.id, name: c.name, orgName: c.orgName };
}

/** When remediation closes, the real-name rater hears the outcome (国办发〔2019〕51号: 反馈评价人). */
export async function onFixTransition(tx: Tx, ctx: TransitionContext) {
  if (!['rectify', 'explain'].includes(ctx.event)) return;
  const rating = await repo.byFixCase(tx, ctx.row.id);
  if (!rating?.raterPhoneEnc) return;
  await notify(tx, ctx.kernel, {
    channel: 'sms', address: ctx.kernel.cipher.decrypt(rating.raterPhoneEnc), divisionCode: ctx.row.divisionCode, caseId: ctx.row.id,
    title: '差评整改反馈', body: `您对${ctx.row.title.replace(/^差评整改：/, '')}的评价已处理：${String(ctx.input.note ?? '')}`.slice(0, 300),
  });
}
