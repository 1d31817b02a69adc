import { afterAll, beforeAll, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../../tests/helpers/harness';
import { seedHotlineDemo } from '../hotline.seed';
import { computeMetric } from '../../../../core/server/metrics';

let t: TestApp;
beforeAll(async () => { t = await startTestApp({}); });
afterAll(async () => { await t.close(); });
it('seeds at scale', async () => {
  t.clock.set('2026-11-23T09:00:00+08:00');
  const t0 = Date.now();
  await seedHotlineDemo(t.kernel);
  console.log('seed ms', Date.now() - t0);
  const q = { divisionCode: '411202', from: '2026-01-01', to: '2026-12-31' };
  for (const k of ['cases.received', 'tickets.closeRate', 'tickets.satisfactionRate', 'tickets.responseRate', 'tickets.resolveRate', 'tickets.onTimeRate', 'tickets.cannotDo', 'mailbox.replyRate', 'cases.onTimeRate']) {
    const r = await t.kernel.db.tx((tx) => computeMetric(tx, t.kernel, k, { ...q, caseType: k === 'cases.received' || k === 'cases.onTimeRate' ? 'ticket' : undefined }));
    console.log(k, r?.numerator, r?.denominator, r?.value);
  }
  console.log(await t.kernel.db.query(`SELECT state, count(*)::int FROM cases WHERE type='ticket' GROUP BY 1`));
  console.log(await t.kernel.db.query(`SELECT sum(return_count)::int ret, sum(supervise_count)::int sup, count(*) FILTER (WHERE merged_into IS NOT NULL)::int merged, count(*) FILTER (WHERE cardinality(co_org_ids) > 0)::int co FROM tickets`));
  // timeline chains consistent: each event's from = previous to; version = events
  console.log('bad chains', await t.kernel.db.query(`SELECT count(*)::int FROM (SELECT case_id, seq, from_state, lag(to_state) OVER (PARTITION BY case_id ORDER BY seq) AS prev FROM case_events WHERE case_id IN (SELECT case_id FROM tickets)) x WHERE seq > 1 AND from_state IS DISTINCT FROM prev`));
  console.log(JSON.stringify(await t.kernel.db.query(`SELECT c.ref_no, t.kind, e.seq, e.event, e.from_state, e.to_state, e.at FROM case_events e JOIN cases c ON c.id=e.case_id JOIN tickets t ON t.case_id=c.id WHERE e.case_id IN (SELECT case_id FROM (SELECT case_id, seq, from_state, lag(to_state) OVER (PARTITION BY case_id ORDER BY seq) AS prev FROM case_events WHERE case_id IN (SELECT case_id FROM tickets)) x WHERE seq > 1 AND from_state IS DISTINCT FROM prev LIMIT 2) ORDER BY 1, 3`)));
  console.log('last state mismatch', await t.kernel.db.query(`SELECT count(*)::int FROM cases c JOIN LATERAL (SELECT to_state FROM case_events e WHERE e.case_id = c.id ORDER BY seq DESC LIMIT 1) l ON true WHERE c.type IN ('ticket','letter') AND l.to_state <> c.state`));
  console.log('version mismatch', await t.kernel.db.query(`SELECT count(*)::int FROM cases c WHERE c.type IN ('ticket','letter') AND version <> (SELECT count(*) FROM case_events e WHERE e.case_id = c.id)`));
  console.log('dup refs', await t.kernel.db.query(`SELECT count(*)::int FROM (SELECT ref_no FROM cases GROUP BY 1 HAVING count(*) > 1) x`));
  console.log('open overdue', await t.kernel.db.query(`SELECT count(*)::int FROM case_clocks WHERE state='running' AND due_date < '2026-11-23' AND case_id IN (SELECT case_id FROM tickets)`));
  console.log('running no due', await t.kernel.db.query(`SELECT name, count(*)::int FROM case_clocks WHERE state='running' AND due_date IS NULL GROUP BY 1`));
}, 300_000);
