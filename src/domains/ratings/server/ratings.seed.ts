/**
 * Demo ratings at the seeds' scale: about half of the demo year's completed applications rated once
 * (一事一评 online, 一次一评 at the counter), overwhelmingly satisfied as the published reports say, plus a
 * few 差评 filed through the real path so their 整改 cases exist — two answered, one still open.
 */
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../../core/server/actor';
import { transition } from '../../../core/server/cases/case.service';
import type { Kernel } from '../../../core/server/kernel';
import { listCounters, getOrgByName } from '../../../core/server/tenancy.repository';
import { rateCounter } from './ratings.service';

export async function seedRatingsDemo(kernel: Kernel) {
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ratings`);
  if (Number(n) > 0) return;
  await kernel.db.tx(async (tx) => {
    await tx.execute(sql`INSERT INTO ratings (id, org_id, division_code, counter_id, case_id, channel, level, comment, real_name, rater_phone_enc, fix_case_id, created_at)
      SELECT gen_random_uuid(), a.org_id, a.division_code, NULL, a.case_id, CASE WHEN a.channel = 'online' THEN 'online' ELSE 'counter' END,
        CASE WHEN abs(hashtext(a.case_id::text)) % 100 < 86 THEN 5 WHEN abs(hashtext(a.case_id::text)) % 100 < 98 THEN 4 ELSE 3 END,
        NULL, false, NULL, NULL, c.closed_at + interval '2 hours'
      FROM applications a JOIN cases c ON c.id = a.case_id
      WHERE a.is_demo AND c.state = 'delivered' AND abs(hashtext(a.case_id::text || 'r')) % 2 = 0`);
  });
  const hall = await kernel.db.tx((tx) => getOrgByName(tx, '湖滨区政务服务中心'));
  const counters = hall ? await kernel.db.tx((tx) => listCounters(tx, [hall.id])) : [];
  if (counters.length === 0) return;
  const bad = [
    { level: 2, comment: '窗口人员解释不耐烦，材料要求前后不一致', phone: '13903981101', close: 'rectify', note: '已约谈窗口人员并统一材料清单，电话告知评价人' },
    { level: 1, comment: '排队时间过长', phone: '13903981102', close: 'explain', note: '当日系社保集中缴费高峰，已增开窗口并推行预约，已向评价人说明' },
    { level: 2, comment: '自助终端无法打印', phone: undefined, close: null, note: '' },
  ];
  for (const [i, b] of bad.entries()) {
    const r = await kernel.db.tx((tx) => rateCounter(tx, kernel, { counterId: counters[i % counters.length].id, level: b.level, comment: b.comment, phone: b.phone }));
    if (!b.close) continue;
    const [row] = await kernel.db.query<{ fix_case_id: string }>(`SELECT fix_case_id FROM ratings WHERE id = $1`, [r.id]);
    await kernel.db.tx((tx) => transition(tx, kernel, SYSTEM_ACTOR, row.fix_case_id, 'contact', { note: '已电话联系评价人核实情况' }));
    await kernel.db.tx((tx) => transition(tx, kernel, SYSTEM_ACTOR, row.fix_case_id, b.close!, { note: b.note }));
  }
}
