/**
 * Demo data for 湖滨区: a deterministic year of 办件 on the demo catalog's published items (the catalog
 * domain seeds them first) at the scale the seed reports describe (≈120,000; DEMO_APPLICATIONS changes
 * it): online and counter channels, 帮办代办, 补正, refusals, a few late decisions, and the cases still
 * open today. The year is generated set-based in SQL (a per-row HTTP path would take minutes) and the
 * cases are loaded through the kernel's bulk loader along the machine, so every case has the timeline,
 * clocks and rollups the runner would have written.
 */
import { sql } from 'drizzle-orm';
import { bulkLoadCases, domainConfig, type Kernel, tzLiteral } from '../../../core/server';
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
    await tx.execute(sql.raw(`ALTER TABLE zt_gen ADD COLUMN applicant text`));
    await tx.execute(sql.raw(`UPDATE zt_gen SET applicant = ${names}`));
    // Every application goes through the kernel's bulk loader along its machine: 创建, (补正, 提交补正材料),
    // 受理 | 不予受理, 准予许可 | 不予许可, 送达 — timeline, clocks and due dates as the runner writes them.
    const at = (d: string, time: string) => `(${d} + time '${time}') AT TIME ZONE ${tz}`;
    const clerk = { name: '窗口工作人员' };
    const acceptor = { name: '受理人员' };
    const reviewer = { name: '审批人员' };
    type Gen = {
      id: string; item_id: string; org_id: string; division_code: string; name: string; legal_raw: number | null; unit_raw: string | null; basis: string; promised: number | null;
      online: boolean; corr: boolean; state: string; applicant: string; created_at: Date; t_notice: Date; t_corr: Date; t_accept: Date; t_reject: Date; t_approve: Date; t_deny: Date; t_deliver: Date;
    };
    const page = 10_000;
    for (let from = 1; from <= target; from += page) {
      const rows = ((await tx.execute(sql.raw(`SELECT id, item_id, org_id, division_code, name, legal_raw, unit_raw, basis, promised, online, rs BETWEEN 20 AND 69 AS corr, state, applicant, created_at,
          ${at('create_d', '11:00')} AS t_notice, ${at('corr_d', '10:00')} AS t_corr, ${at('accept_d', '09:30')} AS t_accept, ${at('accept_d', '15:00')} AS t_reject,
          ${at('decide_d', '15:00')} AS t_approve, ${at('decide_d', '16:00')} AS t_deny, ${at('deliver_d', '16:00')} AS t_deliver
        FROM zt_gen WHERE g BETWEEN ${from} AND ${from + page - 1} ORDER BY g`))) as unknown as { rows: Gen[] }).rows;
      await bulkLoadCases(tx, kernel, 'application', rows.map((g) => {
        const steps: [string, Date, { name: string }, Record<string, unknown>, string | null][] = [];
        const reached = (s: string[]) => s.includes(g.state);
        if (g.corr) {
          steps.push(['requestCorrection', g.t_notice, acceptor, { missing: '身份证明材料复印件不清晰；申请表缺少签字' }, '请一次性补正：身份证明材料复印件不清晰；申请表缺少签字']);
          if (g.state !== 'correcting') steps.push(['correct', g.t_corr, { name: g.applicant }, {}, null]);
        }
        if (g.state === 'rejected') steps.push(['reject', g.t_reject, acceptor, { reason: '不属于本机关职权范围，已告知向有关机关申请' }, '不属于本机关职权范围，已告知向有关机关申请']);
        if (reached(['accepted', 'approved', 'delivered', 'denied'])) steps.push(['accept', g.t_accept, acceptor, {}, null]);
        if (g.state === 'denied') steps.push(['deny', g.t_deny, reviewer, { reason: '不符合法定条件' }, '不符合法定条件']);
        if (reached(['approved', 'delivered'])) steps.push(['approve', g.t_approve, reviewer, {}, null]);
        if (g.state === 'delivered') steps.push(['deliver', g.t_deliver, clerk, { method: '窗口领取' }, null]);
        return {
          id: g.id, title: g.name, orgId: g.org_id, divisionCode: g.division_code, applicantName: g.applicant,
          // Every demo applicant left a (fictitious, 139 0398 …) mobile number, so callbacks and 差评 contacts can be made.
          applicantPhoneEnc: kernel.cipher.encrypt(`1390398${String(parseInt(g.id.replace(/-/g, '').slice(-6), 16) % 10000).padStart(4, '0')}`),
          data: { itemId: g.item_id, legalLimit: g.legal_raw, legalLimitUnit: g.unit_raw, legalBasis: g.basis, promisedLimit: g.promised, channel: g.online ? 'online' : 'counter' },
          createdAt: new Date(g.created_at), createdBy: g.online ? { name: g.applicant } : clerk,
          path: inOrder(new Date(g.created_at), steps.map(([event, t, actor, input, comment]) => ({ event, at: new Date(t), actor, input, comment }))),
        };
      }), { audit: false, scannedOn: today, chunk: page });
    }
    // Every demo application was filed under the item's published guide version (version 1).
    await tx.execute(sql.raw(`INSERT INTO applications (case_id, item_id, item_version_id, channel, counter_id, assisted_by, applicant_kind, applicant_id_enc, applicant_id_last4, materials, division_code, org_id, created_at, is_demo)
      SELECT g.id, g.item_id, v.id, CASE WHEN g.online THEN 'online' ELSE 'counter' END, NULL, CASE WHEN NOT g.online AND g.assisted THEN '帮办代办员' END, 'person', NULL, g.last4, '[]'::jsonb, g.division_code, g.org_id, g.created_at, true
      FROM zt_gen g LEFT JOIN ${PUBLISHED_VERSIONS_SQL} v ON v.item_id = g.item_id`));
  });
}

/**
 * The generator picks each step's day, with an office hour that may fall before the previous step of the
 * same day (filed at 16:00, accepted "at 09:30"): such a step is moved to just after the previous one,
 * on the same day, so the timeline reads in order and every clock keeps its dates.
 */
function inOrder<T extends { at: Date }>(created: Date, steps: T[]): T[] {
  let last = created.getTime();
  return steps.map((s) => {
    const t = Math.max(s.at.getTime(), last + 10 * 60_000);
    last = t;
    return { ...s, at: new Date(t) };
  });
}
