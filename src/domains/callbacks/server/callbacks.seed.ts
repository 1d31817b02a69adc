/**
 * Demo callbacks: the configured sample of the demo year's completed applications and closed 12345
 * tickets, called by the hall's callback agent the day after completion — about 96% reached (the seed
 * reports' "AI回访率96%"), the rest closed unreached after the maximum attempts, and the last three days'
 * still in the queue. Set-based SQL with a hash of the case id as the deterministic draw.
 */
import { sql } from 'drizzle-orm';
import { createStaff, type Kernel, SYSTEM_ACTOR, tenancy, type Tx } from '../../../core/server';
import { DEFAULT_SETTINGS } from '../shared/callbacks.schema';
import { applicationFacts } from '../../applications/public';

export const AGENT = { username: 'callback_zwzx', name: '韩雪' };

/** The hall's callback agent (回访员), with the district-wide callbackAgent role. */
export async function ensureCallbackAgent(tx: Tx, kernel: Kernel) {
  const existing = await tenancy.getUserByUsername(tx, AGENT.username);
  if (existing) return existing.id;
  const hall = await tenancy.getOrgByName(tx, '湖滨区政务服务中心');
  if (!hall) return null;
  const u = await createStaff(tx, kernel, SYSTEM_ACTOR, {
    username: AGENT.username, displayName: AGENT.name, password: 'Zt@2026demo', phone: '13903980901',
    roles: [{ role: 'callbackAgent', orgId: hall.id }], mustChangePassword: false,
  });
  return u.id;
}

export async function seedCallbacksDemo(kernel: Kernel) {
  const agentId = await kernel.db.tx((tx) => ensureCallbackAgent(tx, kernel));
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM callbacks WHERE is_demo`);
  if (Number(n) > 0 || !agentId) return;
  const now = kernel.now().toISOString();
  await kernel.db.tx(async (tx) => {
    await tx.execute(sql`INSERT INTO callbacks (id, kind, case_id, ref_no, title, org_id, division_code, closed_at, state, attempts, max_attempts, next_attempt_at,
        reached, resolved, satisfaction, note, agent_id, agent_name, completed_at, is_demo, created_at)
      SELECT gen_random_uuid(), c.type, c.id, c.ref_no, c.title, c.org_id, c.division_code, c.closed_at, x.state,
        CASE x.state WHEN 'pending' THEN 0 WHEN 'unreached' THEN 3 ELSE 1 + (h.r % 4 = 0)::int END, 3,
        c.closed_at + interval '20 hours',
        CASE x.state WHEN 'done' THEN true WHEN 'unreached' THEN false END,
        CASE WHEN x.state = 'done' THEN h.s < 98 END,
        CASE WHEN x.state = 'done' THEN CASE WHEN h.s < 82 THEN 5 WHEN h.s < 96 THEN 4 WHEN h.s < 99 THEN 3 ELSE 2 END END,
        CASE WHEN x.state = 'done' AND h.s >= 98 THEN '回访对象表示尚有疑问，已转承办单位跟进' WHEN x.state = 'unreached' THEN '三次拨打均无人接听' END,
        CASE WHEN x.state <> 'pending' THEN ${agentId}::uuid END, CASE WHEN x.state <> 'pending' THEN ${AGENT.name} END,
        CASE WHEN x.state <> 'pending' THEN c.closed_at + interval '20 hours' + (CASE x.state WHEN 'unreached' THEN 3 ELSE 1 + (h.r % 4 = 0)::int END) * interval '4 hours' END,
        true, c.closed_at
      FROM cases c
      CROSS JOIN LATERAL (SELECT abs(hashtext(c.id::text || ':cb-pick')) % 100 AS pick, abs(hashtext(c.id::text || ':cb-reach')) % 100 AS r, abs(hashtext(c.id::text || ':cb-sat')) % 100 AS s) h
      CROSS JOIN LATERAL (SELECT CASE WHEN c.closed_at > ${now}::timestamptz - interval '3 days' THEN 'pending' WHEN h.r < 96 THEN 'done' ELSE 'unreached' END AS state) x
      WHERE c.closed_at IS NOT NULL AND c.closed_at < ${now}::timestamptz
        AND ((c.type = 'application' AND c.state IN ('delivered', 'denied') AND h.pick < ${DEFAULT_SETTINGS.application.samplePercent}
              AND EXISTS (SELECT 1 FROM ${applicationFacts()} a WHERE a.case_id = c.id AND a.is_demo))
          OR (c.type = 'ticket' AND c.state = 'closed' AND h.pick < ${DEFAULT_SETTINGS.ticket.samplePercent}))
      ON CONFLICT (case_id) DO NOTHING`);
    // The call history: one row per attempt, the last of a reached callback being the one that got through.
    await tx.execute(sql`INSERT INTO callback_attempts (id, callback_id, at, agent_id, agent_name, reached, note)
      SELECT gen_random_uuid(), cb.id, cb.closed_at + interval '20 hours' + g * interval '4 hours', cb.agent_id, cb.agent_name, cb.state = 'done' AND g = cb.attempts,
        CASE WHEN cb.state = 'done' AND g = cb.attempts THEN NULL ELSE '无人接听' END
      FROM callbacks cb CROSS JOIN LATERAL generate_series(1, cb.attempts) g WHERE cb.is_demo AND cb.attempts > 0`);
  });
}
