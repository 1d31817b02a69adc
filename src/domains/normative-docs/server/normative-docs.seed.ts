/**
 * The demo district's normative documents as its annual report tells them: 31 documents in force at the
 * start of the year's clean-up (25 kept, 4 repealed, 2 delisted), and a year of new ones — a dozen
 * through 初审、复审、终审, most published and filed on time, one failed review, one still under review.
 * Set-based SQL with historical dates (the real path would stamp them all "today"), each document with
 * its register entry, a timeline and its clock.
 */
import { sql } from 'drizzle-orm';
import type { Kernel } from '../../../core/server/kernel';
import { rebuildCaseRollups } from '../../../core/server/cases/case.service';

const TOPICS = ['城市管理执法', '农村集体资产管理', '政府投资项目', '社会救助', '市场主体登记', '建筑工地扬尘治理', '物业管理', '养老服务补贴', '创业担保贷款', '耕地保护', '学前教育资助', '殡葬管理', '城市道路挖掘', '户外广告设置', '公共资源交易'];

export async function seedNormativeDocsDemo(kernel: Kernel) {
  const year = Number(kernel.today().slice(0, 4));
  const campaign = `${year}年规范性文件集中清理`;
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM normative_cleanups WHERE campaign = $1`, [campaign]);
  if (Number(n) > 0) return;
  await kernel.db.tx(async (tx) => {
    const cal = await kernel.calendar.get(tx);
    const v = Number(cal.version);
    const t = TOPICS.map((x) => `'${x}'`).join(',');
    // g 1–31: older documents (clean-up set); g 32–43: this year's documents.
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_nd ON COMMIT DROP AS
      SELECT g, gen_random_uuid() AS id,
        CASE WHEN g <= 31 THEN make_date(${year - 5} + (g % 5), 1 + (g % 12), 1 + (g % 27)) ELSE make_date(${year}, 1 + ((g - 32) % 10), 5 + (g % 20)) END AS published_on,
        (ARRAY[${t}])[1 + g % ${TOPICS.length}] AS topic,
        CASE WHEN g <= 25 THEN 'inForce' WHEN g <= 29 THEN 'repealed' WHEN g <= 31 THEN 'delisted'
             WHEN g <= 41 THEN 'inForce' WHEN g = 42 THEN 'draft' ELSE 'legalityReview' END AS state,
        g % 3 = 0 AS affects_market,
        (SELECT id FROM orgs WHERE kind = 'department' ORDER BY name OFFSET (g % 12) LIMIT 1) AS org_id
      FROM generate_series(1, 43) g`));
    await tx.execute(sql.raw(`INSERT INTO cases (id, type, ref_no, title, state, division_code, org_id, applicant_id, applicant_name, data, version, created_by, idempotency_key, created_at, updated_at, closed_at, due_date, primary_due, primary_stopped)
      SELECT d.id, 'normativeDoc', 'GF411202' || to_char(published_on, 'YYYYMMDD') || lpad((800 + g)::text, 5, '0'), '湖滨区' || topic || '管理办法', state, o.division_code, d.org_id, NULL, o.name,
        jsonb_build_object('affectsMarket', affects_market, 'commentRequired', affects_market, 'done', jsonb_build_object('firstReview', true, 'officeReview', true, 'publicComment', affects_market, 'fairCompetition', affects_market),
          'filingDays', 30, 'validDays', 1826, 'docNo', CASE WHEN state NOT IN ('draft', 'legalityReview') THEN '湖政规〔' || extract(year FROM published_on) || '〕' || g || '号' END),
        3, NULL, NULL, (published_on - 40 + time '09:00') AT TIME ZONE 'Asia/Shanghai',
        (CASE WHEN g <= 31 AND state <> 'inForce' THEN make_date(${year}, 6, 30) WHEN state IN ('draft', 'legalityReview') THEN published_on ELSE published_on + 10 END + time '16:00') AT TIME ZONE 'Asia/Shanghai',
        CASE WHEN state IN ('repealed', 'delisted') THEN (make_date(${year}, 6, 30) + time '16:00') AT TIME ZONE 'Asia/Shanghai' END,
        NULL, CASE WHEN state NOT IN ('draft', 'legalityReview') THEN published_on + 30 END,
        CASE WHEN state NOT IN ('draft', 'legalityReview') THEN published_on + CASE WHEN g = 40 THEN 35 ELSE 10 END END
      FROM zt_nd d JOIN orgs o ON o.id = d.org_id`));
    await tx.execute(sql.raw(`INSERT INTO normative_docs (case_id, org_id, division_code, affects_market, summary, legality_reviewed_on, legality_passed, doc_no, published_on, filing_due, filed_on, valid_until, ended_on, created_at)
      SELECT d.id, d.org_id, c.division_code, affects_market, '为规范' || topic || '工作，依据有关法律法规，结合本区实际，制定本办法。',
        CASE WHEN d.state = 'legalityReview' THEN NULL ELSE published_on - 20 END, CASE WHEN d.state = 'legalityReview' THEN NULL ELSE d.state <> 'draft' END,
        c.data->>'docNo', CASE WHEN d.state NOT IN ('draft', 'legalityReview') THEN published_on END,
        CASE WHEN d.state NOT IN ('draft', 'legalityReview') THEN published_on + 30 END,
        CASE WHEN d.state NOT IN ('draft', 'legalityReview') THEN published_on + CASE WHEN g = 40 THEN 35 ELSE 10 END END,
        CASE WHEN d.state NOT IN ('draft', 'legalityReview') THEN (published_on + interval '5 years')::date END,
        CASE WHEN d.state IN ('repealed', 'delisted') THEN make_date(${year}, 6, 30) END, c.created_at
      FROM zt_nd d JOIN cases c ON c.id = d.id`));
    await tx.execute(sql.raw(`INSERT INTO normative_cleanups (case_id, campaign, outcome, reason, decided_on, division_code)
      SELECT id, '${campaign}', CASE state WHEN 'inForce' THEN 'keep' WHEN 'repealed' THEN 'repeal' ELSE 'delist' END,
        CASE state WHEN 'repealed' THEN '上位法已修改，文件依据不复存在' WHEN 'delisted' THEN '属于内部工作制度，不属于行政规范性文件' END, make_date(${year}, 6, 30), '411202'
      FROM zt_nd WHERE g <= 31`));
    await tx.execute(sql.raw(`INSERT INTO case_events (id, case_id, seq, event, from_state, to_state, actor_id, actor_name, at, comment, input, division_code)
      SELECT gen_random_uuid(), id, 1, 'create', NULL::text, 'draft', NULL::uuid, applicant_name, created_at, NULL::text, '{}'::jsonb, division_code FROM cases WHERE id IN (SELECT id FROM zt_nd)
      UNION ALL SELECT gen_random_uuid(), c.id, 2, 'passLegality', 'legalityReview', 'readyForMeeting', NULL::uuid, '区司法局', (d.published_on - 20 + time '15:00') AT TIME ZONE 'Asia/Shanghai', NULL::text, '{}'::jsonb, c.division_code
        FROM cases c JOIN zt_nd d ON d.id = c.id WHERE d.state NOT IN ('draft', 'legalityReview')
      UNION ALL SELECT gen_random_uuid(), c.id, 3, 'file', 'published', 'inForce', NULL::uuid, '区政府办公室', (d.published_on + CASE WHEN g = 40 THEN 35 ELSE 10 END + time '10:00') AT TIME ZONE 'Asia/Shanghai', NULL::text, '{}'::jsonb, c.division_code
        FROM cases c JOIN zt_nd d ON d.id = c.id WHERE d.state NOT IN ('draft', 'legalityReview')
      UNION ALL SELECT gen_random_uuid(), c.id, 4, CASE d.state WHEN 'repealed' THEN 'repeal' ELSE 'delist' END, 'inForce', d.state, NULL::uuid, '区政府办公室', c.closed_at, '${campaign}', '{}'::jsonb, c.division_code
        FROM cases c JOIN zt_nd d ON d.id = c.id WHERE d.state IN ('repealed', 'delisted')`));
    await tx.execute(sql.raw(`INSERT INTO case_clocks (id, case_id, name, label, unit, limit_days, legal_basis, is_primary, warn_before, state, started_on, due_date, stopped_on, calendar_version, pauses, extensions, derivation, division_code)
      SELECT gen_random_uuid(), d.id, 'filing', '报备期限', 'natural', 30, '自公布之日起30日内报送备案（地方规定，可配置）', true, 1, 'stopped', published_on, published_on + 30,
        published_on + CASE WHEN g = 40 THEN 35 ELSE 10 END, ${v}, '[]'::jsonb, '[]'::jsonb, format('自%s起算30日；到期日%s。', published_on, published_on + 30), '411202'
      FROM zt_nd d WHERE state NOT IN ('draft', 'legalityReview')
      UNION ALL SELECT gen_random_uuid(), d.id, 'validity', '有效期', 'natural', 1826, '有效期一般不超过5年，届满前6个月评估（地方规定，可配置）', false, 120,
        CASE WHEN state = 'inForce' THEN 'running' ELSE 'stopped' END, published_on + 10, (published_on + interval '5 years')::date,
        CASE WHEN state <> 'inForce' THEN make_date(${year}, 6, 30) END, ${v}, '[]'::jsonb, '[]'::jsonb, format('自%s起有效期5年；届满日%s。', published_on + 10, (published_on + interval '5 years')::date), '411202'
      FROM zt_nd d WHERE state IN ('inForce', 'repealed', 'delisted')`));
    await tx.execute(sql.raw(`UPDATE cases c SET due_date = (SELECT min(due_date) FROM case_clocks k WHERE k.case_id = c.id AND k.state = 'running') WHERE c.id IN (SELECT id FROM zt_nd)`));
    await rebuildCaseRollups(tx, sql`id IN (SELECT id FROM zt_nd)`);
  });
}
