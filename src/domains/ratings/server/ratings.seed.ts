/**
 * Demo ratings at the seeds' scale (≈60,000 in the demo year, DEMO_RATINGS changes it; "60,394 ratings
 * and no bad ones"): half of the demo year's completed applications rated once — online (一事一评, a
 * quarter of them through the SMS invitation) or on the counter's evaluator (一次一评, tied to a hall
 * counter and its clerk) — and the rest by QR code at every site, counter and clerk, all with their
 * channel's sub-indicators. Set-based SQL with hashes of ids as the deterministic draw. A few 差评 are then
 * filed through the real path so their 整改 cases exist — two answered, one still open.
 */
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { bulkLoadCases, type BulkStep, domainConfig, getOrgByName, type Kernel, listCounters, SYSTEM_ACTOR, transition, tzLiteral } from '../../../core/server';
import { rateCounter } from './ratings.service';
import { APPLICATION_FACTS_SQL } from '../../applications/public';
import { ratingsSettings } from './ratings.config';
import { twelveMonthsBefore } from '../../../core/shared/calendar';

/** A sub-indicator a notch below the overall level now and then (never below 1), from a hash. */
const sub = (idExpr: string, key: string) => `greatest(1, l.lvl - (abs(hashtext(${idExpr} || ':${key}')) % 10 < 2)::int)`;
const onlineScores = (id: string) => `jsonb_build_object('overall', l.lvl, 'efficiency', ${sub(id, 'ef')}, 'guideAccuracy', ${sub(id, 'ga')}, 'convenience', ${sub(id, 'cv')}, 'usability', ${sub(id, 'us')})`;
const counterScores = (id: string) => `jsonb_build_object('overall', l.lvl, 'serviceEfficiency', ${sub(id, 'se')}, 'serviceLevel', ${sub(id, 'sl')}, 'attitude', ${sub(id, 'at')})`;
// 86% 非常满意, 12% 满意, 2% 基本满意: the published reports count no bad ratings.
const level = (id: string) => `(SELECT CASE WHEN abs(hashtext(${id} || ':lv')) % 100 < 86 THEN 5 WHEN abs(hashtext(${id} || ':lv')) % 100 < 98 THEN 4 ELSE 3 END AS lvl)`;

export async function seedRatingsDemo(kernel: Kernel) {
  // The configured zone as an SQL literal: these bulk statements are built as text (sql.raw).
  const tz = tzLiteral(kernel.tz);
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ratings`);
  if (Number(n) > 0) return;
  const target = domainConfig(kernel, ratingsSettings).DEMO_RATINGS;
  const now = kernel.now().toISOString();
  // The last twelve months, not the calendar year to date: a January start still shows a full year.
  const yearStart = twelveMonthsBefore(kernel.today());
  const hall = await kernel.db.tx((tx) => getOrgByName(tx, '湖滨区政务服务中心'));
  await kernel.db.tx(async (tx) => {
    // Ratings of cases: online / SMS for online applications, the hall evaluator for counter ones.
    await tx.execute(sql.raw(`INSERT INTO ratings (id, org_id, division_code, site_id, counter_id, staff_id, item_id, case_id, channel, level, scores, comment, real_name, rater_phone_enc, fix_case_id, created_at)
      SELECT gen_random_uuid(), a.org_id, a.division_code, sc.org_id, sc.id, st.user_id, a.item_id, a.case_id,
        CASE WHEN a.channel = 'online' THEN CASE WHEN h.ch < 25 THEN 'sms' ELSE 'online' END ELSE 'counter' END, l.lvl,
        CASE WHEN h.ch % 10 < 3 THEN jsonb_build_object('overall', l.lvl) WHEN a.channel = 'online' THEN ${onlineScores('a.case_id::text')} ELSE ${counterScores('a.case_id::text')} END,
        NULL, false, NULL, NULL,
        c.closed_at + CASE WHEN a.channel = 'online' THEN CASE WHEN h.ch < 25 THEN interval '26 hours' ELSE interval '2 hours' END ELSE interval '5 minutes' END
      FROM ${APPLICATION_FACTS_SQL} a JOIN cases c ON c.id = a.case_id
      CROSS JOIN LATERAL (SELECT abs(hashtext(a.case_id::text || ':pick')) % 100 AS pick, abs(hashtext(a.case_id::text || ':ch')) % 100 AS ch, abs(hashtext(a.case_id::text || ':ct')) AS ct) h
      CROSS JOIN LATERAL ${level('a.case_id::text')} l
      LEFT JOIN (SELECT x.id, x.org_id, row_number() OVER (ORDER BY x.name) - 1 AS i, count(*) OVER () AS n FROM counters x WHERE x.org_id = ${hall ? `'${hall.id}'` : 'NULL'}) sc ON a.channel = 'counter' AND sc.i = h.ct % sc.n
      LEFT JOIN LATERAL (SELECT ur.user_id FROM user_roles ur WHERE ur.org_id = sc.org_id AND ur.role = 'clerk' ORDER BY ur.user_id LIMIT 1) st ON true
      WHERE a.is_demo AND c.state IN ('delivered', 'denied') AND h.pick < 50
        AND c.closed_at + interval '26 hours' < '${now}'::timestamptz`));
    const [{ n: byCase }] = (await tx.execute(sql`SELECT count(*)::int AS n FROM ratings`) as unknown as { rows: { n: number }[] }).rows;
    const qr = Math.max(0, target - Number(byCase));
    // QR ratings over the working days of the year: a site's code (20%), a clerk's (10%) or a counter's.
    await tx.execute(sql.raw(`WITH t AS (
        SELECT x.id AS counter_id, x.org_id AS site_id, o.division_code, (SELECT ur.user_id FROM user_roles ur WHERE ur.org_id = x.org_id AND ur.role = 'clerk' ORDER BY ur.user_id LIMIT 1) AS staff_id,
          row_number() OVER (ORDER BY o.sort, x.name) - 1 AS i
        FROM counters x JOIN orgs o ON o.id = x.org_id WHERE o.kind IN ('service_center', 'service_site')),
      tn AS (SELECT count(*) AS n FROM t),
      d AS (SELECT day::date AS day, row_number() OVER (ORDER BY day) - 1 AS i FROM generate_series('${yearStart}'::date, ('${now}'::timestamptz AT TIME ZONE ${tz})::date - 1, interval '1 day') day
        WHERE (extract(isodow FROM day) < 6 AND NOT EXISTS (SELECT 1 FROM calendar_days h WHERE h.date = day::date AND h.kind = 'holiday'))
           OR EXISTS (SELECT 1 FROM calendar_days w WHERE w.date = day::date AND w.kind = 'workday')),
      dn AS (SELECT count(*) AS n FROM d)
      INSERT INTO ratings (id, org_id, division_code, site_id, counter_id, staff_id, item_id, case_id, channel, level, scores, comment, real_name, rater_phone_enc, fix_case_id, created_at)
      SELECT gen_random_uuid(), t.site_id, t.division_code, t.site_id, CASE WHEN h.k >= 2 THEN t.counter_id END, CASE WHEN h.k = 2 THEN t.staff_id END, NULL, NULL, 'qr', l.lvl,
        CASE WHEN h.k % 3 = 0 THEN jsonb_build_object('overall', l.lvl) ELSE ${counterScores("g::text || ':qr'")} END, NULL, false, NULL, NULL,
        (d.day + time '08:40' + (h.m % 480) * interval '1 minute') AT TIME ZONE ${tz}
      FROM generate_series(1, ${qr}) g
      CROSS JOIN LATERAL (SELECT abs(hashtext(g::text || ':qr-t')) AS ti, abs(hashtext(g::text || ':qr-d')) AS di, abs(hashtext(g::text || ':qr-k')) % 10 AS k, abs(hashtext(g::text || ':qr-m')) AS m) h
      CROSS JOIN LATERAL ${level("g::text || ':qr'")} l
      JOIN t ON t.i = h.ti % (SELECT n FROM tn)
      JOIN d ON d.i = h.di % (SELECT n FROM dn)`));
  });
  await seedYearBadRatings(kernel);
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
    // the district's check closes it (the rated unit cannot)
    await kernel.db.tx((tx) => transition(tx, kernel, SYSTEM_ACTOR, row.fix_case_id, 'acceptFix', { note: '已电话回访评价人，对整改情况表示认可' }));
  }
}

const BAD_COMMENTS = ['材料要求前后不一致，跑了两趟', '排队时间太长，取号后等了一个多小时', '窗口人员态度冷淡', '网上申请提交后长时间没人处理', '办事指南写的材料和窗口要求不一样'];

/**
 * The year's 差评 (the real reports show some 整改 every year): about one rating in a thousand turned
 * bad, each with its 差评整改 case loaded through the kernel's bulk loader — verified within a day,
 * rectified or explained within the week and accepted by the district; the last weeks' still open.
 */
async function seedYearBadRatings(kernel: Kernel) {
  const now = kernel.now();
  await kernel.db.tx(async (tx) => {
    const picked = (await tx.execute(sql`UPDATE ratings r SET level = 1 + (abs(hashtext(r.created_at::text || coalesce(r.case_id::text, r.counter_id::text, r.site_id::text, '') || ':bad-l')) % 2),
        scores = jsonb_build_object('overall', 1 + (abs(hashtext(r.created_at::text || coalesce(r.case_id::text, r.counter_id::text, r.site_id::text, '') || ':bad-l')) % 2)),
        comment = (ARRAY[${sql.raw(BAD_COMMENTS.map((c) => `'${c}'`).join(', '))}])[1 + abs(hashtext(r.created_at::text || coalesce(r.case_id::text, r.counter_id::text, r.site_id::text, '') || ':bad-c')) % ${BAD_COMMENTS.length}]
      WHERE abs(hashtext(r.created_at::text || coalesce(r.case_id::text, r.counter_id::text, r.site_id::text, '') || ':bad')) % 1000 < 1
      RETURNING r.id, r.org_id, r.division_code, r.level, r.comment, r.created_at, r.channel`) as unknown as { rows: { id: string; org_id: string; division_code: string; level: number; comment: string; created_at: string | Date; channel: string }[] }).rows;
    if (!picked.length) return;
    const day = 86_400_000;
    const fixes = picked.map((r, i) => {
      const at = new Date(r.created_at);
      const age = (now.getTime() - at.getTime()) / day;
      const id = randomUUID();
      const unit = { name: '承办单位负责人' };
      const path: BulkStep[] = [];
      if (age > 2) path.push({ event: 'contact', at: new Date(at.getTime() + 0.8 * day), actor: unit, input: { note: '已电话联系评价人核实情况' } });
      if (age > 10) path.push({ event: i % 3 === 2 ? 'explain' : 'rectify', at: new Date(at.getTime() + 6 * day), actor: unit, input: { note: i % 3 === 2 ? '已向评价人解释材料要求的法律依据' : '已约谈相关人员并优化流程，电话告知评价人' } });
      if (age > 14) path.push({ event: 'acceptFix', at: new Date(at.getTime() + 8 * day), actor: { name: '区政务服务管理办公室' }, input: { note: '已回访评价人，整改到位' } });
      return { ratingId: r.id, c: {
        id, title: `差评整改：${r.comment.slice(0, 12)}（${r.level === 1 ? '非常不满意' : '不满意'}）`, orgId: r.org_id, divisionCode: r.division_code,
        applicantName: '匿名评价人', data: { ratingId: r.id, level: r.level, realName: false, channel: r.channel, contactDays: 1, fixDays: 15 },
        createdAt: at, createdBy: { name: '系统' }, path,
      } };
    });
    await bulkLoadCases(tx, kernel, 'complaintFix', fixes.map((f) => f.c), { audit: false, scannedOn: kernel.today() });
    for (const f of fixes) await tx.execute(sql`UPDATE ratings SET fix_case_id = ${f.c.id}::uuid WHERE id = ${f.ratingId}::uuid`);
  });
}
