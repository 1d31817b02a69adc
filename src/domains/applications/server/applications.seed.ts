/**
 * Demo data for 湖滨区: a deterministic year of 办件 on the demo catalog's published items (the catalog
 * domain seeds them first) at the scale the seed reports describe (≈120,000; DEMO_APPLICATIONS changes
 * it): online and counter channels, 帮办代办, 补正, refusals, a few late decisions, and the cases still
 * open today. Rows are generated set-based in SQL (a per-row HTTP path would take minutes), but every
 * case has the timeline and clocks the machine would have written, so case pages and metrics work.
 */
import { sql } from 'drizzle-orm';
import { domainConfig, type Kernel, rebuildCaseRollups, tzLiteral } from '../../../core/server';
import { ITEM_FACTS_SQL, listPublishedItems, PUBLISHED_VERSIONS_SQL, seedCatalogDemo } from '../../catalog/public';
import { applicationsSettings } from './applications.config';
import { addDays, twelveMonthsBefore, workdaysIn } from '../../../core/shared/calendar';

// Everyday items carry more of the year's volume (社保, 医保, 户籍, 营业执照 …).
const HEAVY = /社会保险|医疗保险|医保|户口|居民身份证|营业执照|个体工商户|不动产|养老|就业|生育/;

export async function seedApplicationsDemo(kernel: Kernel) {
  // The configured zone as an SQL literal: these bulk statements are built as text (sql.raw).
  const tz = tzLiteral(kernel.tz);
  // Applications need a published catalog; a no-op when the catalog's own seed ran first.
  await seedCatalogDemo(kernel);
  const existing = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM applications WHERE is_demo`);
  if (Number(existing[0].n) > 0) return;
  const target = domainConfig(kernel, applicationsSettings).DEMO_APPLICATIONS;
  const today = kernel.today();
  await kernel.db.tx(async (tx) => {
    const cal = await kernel.calendar.get(tx);
    // Working days of the last twelve months up to today (a January start still shows a full year), and
    // a year ahead so due dates of open cases resolve, numbered: the generator picks days by number. Days
    // past the published calendar are counted on weekends alone, as the kernel does for a 预计 due date.
    const days = workdaysIn(cal, twelveMonthsBefore(today), addDays(today, 366));
    const todayN = days.filter((d) => d <= today).length;
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_wd (n int PRIMARY KEY, d date NOT NULL) ON COMMIT DROP`));
    for (let i = 0; i < days.length; i += 500) {
      await tx.execute(sql.raw(`INSERT INTO zt_wd VALUES ${days.slice(i, i + 500).map((d, j) => `(${i + j + 1}, '${d}')`).join(',')}`));
    }
    const { items } = await listPublishedItems(tx);
    const weighted: string[] = [];
    items.forEach((item) => { for (let k = 0; k < (HEAVY.test(item.name) ? 8 : item.visits === 0 ? 3 : 2); k++) weighted.push(item.itemId); });
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_items ON COMMIT DROP AS
      SELECT w.i, s.id AS item_id, s.org_id, o.division_code, s.name, coalesce(s.legal_limit, 20) AS legal, coalesce(s.legal_limit_unit, '工作日') AS unit,
             coalesce(s.legal_basis, '行政许可法 第42条') AS basis, s.promised_limit AS promised, s.legal_limit AS legal_raw, s.legal_limit_unit AS unit_raw
      FROM (VALUES ${weighted.map((id, i) => `(${i + 1}, '${id}'::uuid)`).join(',')}) AS w(i, item_id)
      JOIN ${ITEM_FACTS_SQL} s ON s.id = w.item_id JOIN orgs o ON o.id = s.org_id`));
    const r = (k: string, m: number) => `(abs(hashtext(g::text || '${k}')) % ${m})`;
    // One row per application with its whole life decided up front.
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_gen ON COMMIT DROP AS
      SELECT x.*, cw.d AS create_d, aw.d AS accept_d, pw.d AS decide_d, dw.d AS deliver_d, kw.d AS corr_d,
        CASE WHEN x.unit = '日' THEN (SELECT min(d) FROM zt_wd WHERE d >= aw.d + x.legal) ELSE (SELECT d FROM zt_wd WHERE n = x.accept_n + x.legal) END AS legal_due,
        CASE WHEN x.promised IS NULL THEN NULL WHEN x.promised = 0 THEN aw.d ELSE (SELECT d FROM zt_wd WHERE n = x.accept_n + x.promised) END AS promised_due,
        (SELECT d FROM zt_wd WHERE n = x.create_n + 5 + x.corr_days) AS acc_due,
        (SELECT d FROM zt_wd WHERE n = x.decide_n + 10) AS deliv_due
      FROM (
        SELECT g, gen_random_uuid() AS id, it.*,
          ${r('ch', 100)} < 62 AS online, ${r('as', 100)} < 9 AS assisted, ${r('st', 1000)} AS rs, ${r('mi', 480)} AS minute,
          c.create_n, c.corr_days,
          c.create_n + c.corr_days + CASE WHEN ${r('ad', 3)} = 0 THEN 1 ELSE 0 END AS accept_n,
          c.create_n + c.corr_days + CASE WHEN ${r('ad', 3)} = 0 THEN 1 ELSE 0 END
            + CASE WHEN ${r('lt', 100)} < 3 THEN it.legal + 1 + ${r('lx', 4)}
                   ELSE 1 + ${r('dk', 1000)} % greatest(1, least(it.legal, coalesce(nullif(it.promised, 0), it.legal)) - 1) END AS decide_n,
          ${r('sur', 12)} AS s1, ${r('giv', 20)} AS s2, lpad(${r('id4', 10000)}::text, 4, '0') AS last4
        FROM generate_series(1, ${target}) g
        JOIN zt_items it ON it.i = 1 + ${r('it', weighted.length)}
        CROSS JOIN LATERAL (SELECT 1 + ${r('cd', Math.max(1, todayN))} AS create_n, CASE WHEN ${r('st', 1000)} BETWEEN 20 AND 69 THEN 2 ELSE 0 END AS corr_days) c
      ) x
      JOIN zt_wd cw ON cw.n = x.create_n
      LEFT JOIN zt_wd aw ON aw.n = x.accept_n
      LEFT JOIN zt_wd pw ON pw.n = x.decide_n
      LEFT JOIN zt_wd dw ON dw.n = x.decide_n + 1 + x.rs % 2
      LEFT JOIN zt_wd kw ON kw.n = x.create_n + x.corr_days`));
    await tx.execute(sql.raw(`ALTER TABLE zt_gen ADD COLUMN state text, ADD COLUMN created_at timestamptz, ADD COLUMN closed_at timestamptz`));
    // Fate: 1% refused at acceptance, 1% denied, the rest approved and delivered — as far as today allows.
    await tx.execute(sql.raw(`UPDATE zt_gen SET
      created_at = (create_d + time '08:30' + minute * interval '1 minute') AT TIME ZONE ${tz},
      state = CASE
        WHEN rs < 10 AND accept_d <= '${today}' THEN 'rejected'
        WHEN accept_d IS NULL OR accept_d > '${today}' THEN CASE WHEN rs BETWEEN 20 AND 69 AND (corr_d IS NULL OR corr_d > '${today}') THEN 'correcting' ELSE 'submitted' END
        WHEN decide_d IS NULL OR decide_d > '${today}' THEN 'accepted'
        WHEN rs BETWEEN 10 AND 19 THEN 'denied'
        WHEN deliver_d IS NULL OR deliver_d > '${today}' THEN 'approved'
        ELSE 'delivered' END`));
    await tx.execute(sql.raw(`UPDATE zt_gen SET closed_at = (CASE state WHEN 'rejected' THEN accept_d WHEN 'denied' THEN decide_d WHEN 'delivered' THEN deliver_d END + time '16:00' + minute * interval '10 second') AT TIME ZONE ${tz} WHERE state IN ('rejected', 'denied', 'delivered')`));
    const names = `(ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙'])[1 + s1] || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','霞','平'])[1 + s2]`;
    await tx.execute(sql.raw(`INSERT INTO cases (id, type, ref_no, title, state, division_code, org_id, applicant_id, applicant_name, data, version, created_by, idempotency_key, created_at, updated_at, closed_at, due_date, primary_due, primary_stopped)
      SELECT id, 'application', 'BJ' || left(division_code, 6) || to_char(create_d, 'YYYYMMDD') || lpad((row_number() OVER (PARTITION BY create_d ORDER BY g))::text, 5, '0'),
        name, state, division_code, org_id, NULL, ${names},
        jsonb_build_object('itemId', item_id, 'legalLimit', legal_raw, 'legalLimitUnit', unit_raw, 'legalBasis', basis, 'promisedLimit', promised, 'channel', CASE WHEN online THEN 'online' ELSE 'counter' END),
        1, NULL, NULL, created_at, coalesce(closed_at, created_at), closed_at,
        CASE state WHEN 'submitted' THEN acc_due WHEN 'accepted' THEN least(legal_due, promised_due) WHEN 'approved' THEN deliv_due END,
        CASE WHEN state IN ('accepted', 'approved', 'delivered', 'denied') THEN legal_due END,
        CASE WHEN state IN ('approved', 'delivered', 'denied') THEN decide_d END
      FROM zt_gen`));
    await tx.execute(sql.raw(`INSERT INTO sequences (key, value)
      SELECT 'application:' || left(division_code, 6) || ':' || create_d::text, count(*) FROM zt_gen GROUP BY 1
      ON CONFLICT (key) DO UPDATE SET value = greatest(sequences.value, excluded.value)`));
    // Every demo application was filed under the item's published guide version (version 1).
    await tx.execute(sql.raw(`INSERT INTO applications (case_id, item_id, item_version_id, channel, counter_id, assisted_by, applicant_kind, applicant_id_enc, applicant_id_last4, materials, division_code, org_id, created_at, is_demo)
      SELECT g.id, g.item_id, v.id, CASE WHEN g.online THEN 'online' ELSE 'counter' END, NULL, CASE WHEN NOT g.online AND g.assisted THEN '帮办代办员' END, 'person', NULL, g.last4, '[]'::jsonb, g.division_code, g.org_id, g.created_at, true
      FROM zt_gen g LEFT JOIN ${PUBLISHED_VERSIONS_SQL} v ON v.item_id = g.item_id`));
    // The timeline each case would have: 创建, (补正, 提交补正材料), 受理 | 不予受理, 准予许可 | 不予许可, 送达.
    const ev = (seq: string, event: string, from: string | null, to: string, at: string, actor: string, comment: string | null, where: string) =>
      `SELECT gen_random_uuid(), id, ${seq}, '${event}', ${from ? `'${from}'` : 'NULL'}, '${to}', NULL::uuid, ${actor}, (${at}) AT TIME ZONE ${tz}, ${comment ? `'${comment}'` : 'NULL'}, '{}'::jsonb, division_code FROM zt_gen WHERE ${where}`;
    const c = `CASE WHEN rs BETWEEN 20 AND 69 THEN 2 ELSE 0 END`;
    const clerk = `CASE WHEN online THEN ${names} ELSE '窗口工作人员' END`;
    await tx.execute(sql.raw(`INSERT INTO case_events (id, case_id, seq, event, from_state, to_state, actor_id, actor_name, at, comment, input, division_code)
      ${ev('1', 'create', null, 'submitted', `create_d + time '08:30' + minute * interval '1 minute'`, clerk, null, 'true')}
      UNION ALL ${ev('2', 'requestCorrection', 'submitted', 'correcting', `create_d + time '11:00'`, `'受理人员'`, '请一次性补正：身份证明材料复印件不清晰；申请表缺少签字', `rs BETWEEN 20 AND 69`)}
      UNION ALL ${ev('3', 'correct', 'correcting', 'submitted', `corr_d + time '10:00'`, names, null, `rs BETWEEN 20 AND 69 AND state <> 'correcting'`)}
      UNION ALL ${ev(`2 + ${c}`, 'reject', 'submitted', 'rejected', `accept_d + time '15:00'`, `'受理人员'`, '不属于本机关职权范围，已告知向有关机关申请', `state = 'rejected'`)}
      UNION ALL ${ev(`2 + ${c}`, 'accept', 'submitted', 'accepted', `accept_d + time '09:30'`, `'受理人员'`, null, `state IN ('accepted', 'approved', 'delivered', 'denied')`)}
      UNION ALL ${ev(`3 + ${c}`, 'deny', 'accepted', 'denied', `decide_d + time '16:00'`, `'审批人员'`, '不符合法定条件', `state = 'denied'`)}
      UNION ALL ${ev(`3 + ${c}`, 'approve', 'accepted', 'approved', `decide_d + time '15:00'`, `'审批人员'`, null, `state IN ('approved', 'delivered')`)}
      UNION ALL ${ev(`4 + ${c}`, 'deliver', 'approved', 'delivered', `deliver_d + time '16:00'`, `'窗口工作人员'`, null, `state = 'delivered'`)}`));
    await tx.execute(sql.raw(`UPDATE cases SET version = e.n FROM (SELECT case_id, count(*)::int AS n FROM case_events WHERE case_id IN (SELECT id FROM zt_gen) GROUP BY case_id) e WHERE cases.id = e.case_id`));
    // Clocks as the machine would have left them.
    const v = Number(cal.version);
    const clock = (name: string, label: string, unit: string, limit: string, basis: string, primary: boolean, state: string, start: string, due: string, stop: string, where: string) =>
      `SELECT gen_random_uuid(), id, '${name}', '${label}', ${unit}, ${limit}, ${basis}, ${primary}, ${primary ? 3 : 1}, ${state}, ${start}, ${due}, ${stop}, ${v}, '[]'::jsonb, '[]'::jsonb,
        format('自%s起算%s%s（%s）；到期日%s。日历版本${v}。', ${start}, ${limit}, CASE WHEN ${unit} = 'natural' THEN '日' ELSE '个工作日' END, ${basis}, ${due}), division_code FROM zt_gen WHERE ${where}`;
    const decided = `CASE WHEN state IN ('approved', 'delivered', 'denied') THEN decide_d END`;
    const legalState = `CASE WHEN state = 'accepted' THEN 'running' ELSE 'stopped' END`;
    await tx.execute(sql.raw(`INSERT INTO case_clocks (id, case_id, name, label, unit, limit_days, legal_basis, is_primary, warn_before, state, started_on, due_date, stopped_on, calendar_version, pauses, extensions, derivation, division_code)
      ${clock('acceptance', '受理期限', `'workday'`, '5', `'行政许可法 第32条'`, false, `CASE state WHEN 'correcting' THEN 'paused' WHEN 'submitted' THEN 'running' ELSE 'stopped' END`, 'create_d', `CASE WHEN state = 'correcting' THEN NULL ELSE acc_due END`, `CASE WHEN state IN ('submitted', 'correcting') THEN NULL ELSE accept_d END`, 'true')}
      UNION ALL ${clock('legal', '法定办理时限', `CASE WHEN unit = '日' THEN 'natural' ELSE 'workday' END`, 'legal', 'left(basis, 120)', true, legalState, 'accept_d', 'legal_due', decided, `state IN ('accepted', 'approved', 'delivered', 'denied')`)}
      UNION ALL ${clock('promised', '承诺办理时限', `'workday'`, 'promised', `'本级政务服务事项承诺时限'`, false, legalState, 'accept_d', 'promised_due', decided, `promised IS NOT NULL AND state IN ('accepted', 'approved', 'delivered', 'denied')`)}
      UNION ALL ${clock('delivery', '送达期限', `'workday'`, '10', `'行政许可法 第44条'`, false, `CASE WHEN state = 'approved' THEN 'running' ELSE 'stopped' END`, 'decide_d', 'deliv_due', `CASE WHEN state = 'delivered' THEN deliver_d END`, `state IN ('approved', 'delivered')`)}`));
    await rebuildCaseRollups(tx, kernel, sql.raw(`id IN (SELECT id FROM zt_gen)`));
    // 补正 paused the acceptance clock from the notice to the correction (2 working days).
    await tx.execute(sql.raw(`UPDATE case_clocks k SET pauses = jsonb_build_array(jsonb_build_object('from', g.create_d, 'to', CASE WHEN g.state = 'correcting' THEN NULL ELSE g.corr_d END, 'reason', '补正', 'days', CASE WHEN g.state = 'correcting' THEN 0 ELSE 2 END))
      FROM zt_gen g WHERE k.case_id = g.id AND k.name = 'acceptance' AND g.rs BETWEEN 20 AND 69`));
    // Past-due open clocks were already warned and marked by the scanner in real life; do the same here.
    // A due date past the published calendar is provisional (预计), re-derived when the year is published.
    await tx.execute(sql.raw(`UPDATE case_clocks SET provisional = true WHERE due_date > '${cal.lastDate}' AND case_id IN (SELECT id FROM zt_gen)`));
    await tx.execute(sql.raw(`UPDATE case_clocks SET warned_at = now(), overdue_at = CASE WHEN due_date < '${today}' THEN now() END
      WHERE state = 'running' AND due_date <= '${today}' AND case_id IN (SELECT id FROM zt_gen)`));
  });
}
