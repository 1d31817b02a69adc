/**
 * The 12345 centre of the demo district, its operator, the dispatch catalog, an Open311 demo key, and a
 * deterministic year of tickets and letters at the seeds' scale (≈19,000 tickets, ≈97% closed, ≈93%
 * satisfied; ≈940 letters, all answered) — generated set-based in SQL, each with the timeline, clock and
 * rollup the machine would have written, so case pages and metrics work on them.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../../core/server/actor';
import { createStaff } from '../../../core/server/auth.service';
import { rebuildCaseRollups } from '../../../core/server/cases/case.service';
import type { Tx } from '../../../core/server/db/db';
import type { Kernel } from '../../../core/server/kernel';
import * as tenancy from '../../../core/server/tenancy.repository';
import { TICKET_CATEGORIES } from '../shared/hotline.machine';
import * as repo from './hotline.repository';
import { issueOpen311Key } from './hotline.service';

export const CENTRE_NAME = '湖滨区12345政务服务便民热线中心';
export const OPEN311_DEMO_KEY = 'zt311-demo-key-huibin';

/** 派单目录 of the demo district: category → the department that answers for it. */
const CATALOG: Record<(typeof TICKET_CATEGORIES)[number], string> = {
  市场监管: '湖滨区市场监督管理局', 劳动保障: '湖滨区人力资源和社会保障局', 城市管理: '湖滨区城市管理局', 住房建设: '湖滨区住房和城乡建设局',
  交通出行: '湖滨区交通运输局', 教育: '湖滨区教育局', 医疗卫生: '湖滨区卫生健康委员会', 医疗保障: '湖滨区医疗保障局', 民政救助: '湖滨区民政局',
  公安治安: '三门峡市公安局湖滨分局', 不动产登记: '湖滨区不动产登记中心', 自然资源: '湖滨区自然资源局', 政务服务: '湖滨区行政审批和政务信息管理局',
  其他: '湖滨区人民政府办公室',
};

/** The centre, the operator and the dispatch catalog: what the hotline needs before its first call. */
export async function ensureHotlineSetup(tx: Tx, kernel: Kernel, county = '411202') {
  let centre = await repo.centreFor(tx, county);
  if (!centre) {
    await tenancy.insertOrg(tx, { id: randomUUID(), name: CENTRE_NAME, shortName: '12345热线', kind: 'hotline', divisionCode: county, sort: 90 });
    centre = (await repo.centreFor(tx, county))!;
  }
  for (const [category, orgName] of Object.entries(CATALOG)) {
    const org = await tenancy.getOrgByName(tx, orgName);
    if (org) await repo.upsertRule(tx, { category, divisionPrefix: county, orgId: org.id, coOrgIds: [] });
  }
  if (!(await tenancy.getUserByUsername(tx, 'operator_12345'))) {
    await createStaff(tx, kernel, SYSTEM_ACTOR, {
      username: 'operator_12345', displayName: '郭敏', password: 'Zt@2026demo', phone: '13903980345',
      roles: [{ role: 'hotlineOperator', orgId: centre.id }], mustChangePassword: false,
    });
  }
  if (!(await repo.open311Client(tx, (await import('../../../core/server/crypto')).sm3(OPEN311_DEMO_KEY)))) await issueOpen311Key(tx, kernel, '演示Open311客户端', OPEN311_DEMO_KEY);
  return centre;
}

const TITLES: Record<string, string[]> = {
  市场监管: ['超市销售过期食品', '餐馆卫生条件差', '商家拒绝退换货', '电动车销售价格欺诈'],
  劳动保障: ['公司拖欠工资', '社保断缴如何补缴', '灵活就业人员参保咨询', '未签劳动合同'],
  城市管理: ['小区门口占道经营', '夜间施工噪音扰民', '路灯不亮', '垃圾清运不及时'],
  住房建设: ['小区电梯经常故障', '物业费收费不透明', '老旧小区改造进度', '房屋漏水维修'],
  交通出行: ['公交车晚点严重', '出租车拒载', '路口信号灯配时不合理', '道路坑洼需修补'],
  教育: ['学区划分咨询', '校外培训机构退费', '幼儿园收费问题', '学生课后服务'],
  医疗卫生: ['医院挂号难', '诊所无证行医', '疫苗接种预约咨询', '医护人员服务态度'],
  医疗保障: ['异地就医备案咨询', '医保报销比例咨询', '门诊慢特病办理', '医保卡无法使用'],
  民政救助: ['低保申请条件咨询', '高龄津贴发放', '临时救助申请', '养老机构服务'],
  公安治安: ['户口迁移咨询', '身份证补办', '小区可疑人员', '电动车被盗'],
  不动产登记: ['不动产证办理进度', '二手房过户咨询', '抵押登记材料', '房产证加名'],
  自然资源: ['宅基地审批咨询', '违法占地建房', '土地征收补偿', '林地使用'],
  政务服务: ['营业执照办理咨询', '网上办事系统无法登录', '窗口排队时间长', '办事指南不清楚'],
  其他: ['对政府工作的建议', '表扬工作人员热情服务', '其他问题反映', '政策咨询'],
};

export async function seedHotlineDemo(kernel: Kernel) {
  const centre = await kernel.db.tx(async (tx) => {
    const c = await ensureHotlineSetup(tx, kernel);
    // The city administration bureau answers most 城市管理 tickets; the demo gives it a handler.
    const cgj = await tenancy.getOrgByName(tx, '湖滨区城市管理局');
    if (cgj && !(await tenancy.getUserByUsername(tx, 'clerk_cgj'))) {
      await createStaff(tx, kernel, SYSTEM_ACTOR, { username: 'clerk_cgj', displayName: '孟强', password: 'Zt@2026demo', phone: '13903980346', roles: [{ role: 'director', orgId: cgj.id }], mustChangePassword: false });
    }
    return c;
  });
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets WHERE is_demo`);
  if (Number(n) > 0) return;
  const target = Number(process.env.DEMO_TICKETS ?? 19_000);
  const letters = Number(process.env.DEMO_LETTERS ?? 940);
  const today = kernel.today();
  await kernel.db.tx(async (tx) => {
    const cal = await kernel.calendar.get(tx);
    const days: string[] = [];
    for (let d = cal.nextWorkday(`${today.slice(0, 4)}-01-01`); d <= today; d = cal.nextWorkday(d)) days.push(d);
    // Past today too, so due dates of open tickets resolve (the published calendar covers the year).
    try {
      for (let d = cal.nextWorkday(today), i = 0; i < 30; d = cal.nextWorkday(d), i++) days.push(d);
    } catch { /* the published calendar ends: open tickets past it get no due date, as the kernel does */ }
    const todayN = days.filter((d) => d <= today).length;
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_hwd (n int PRIMARY KEY, d date NOT NULL) ON COMMIT DROP`));
    await tx.execute(sql.raw(`INSERT INTO zt_hwd VALUES ${days.map((d, i) => `(${i + 1}, '${d}')`).join(',')}`));
    const cats = TICKET_CATEGORIES.map((c, i) => `(${i}, '${c}', '${TITLES[c].join('|')}')`).join(',');
    const r = (k: string, m: number) => `(abs(hashtext(g::text || '${k}')) % ${m})`;
    // Kind mix as the seeds' hotline reports break it down: consultation and complaints dominate.
    const kind = `CASE WHEN ${r('k', 100)} < 35 THEN 'consult' WHEN ${r('k', 100)} < 55 THEN 'help' WHEN ${r('k', 100)} < 80 THEN 'complaint'
      WHEN ${r('k', 100)} < 85 THEN 'report' WHEN ${r('k', 100)} < 93 THEN 'suggestion' WHEN ${r('k', 100)} < 95 THEN 'praise' WHEN ${r('k', 100)} < 99 THEN 'other' ELSE 'cannotDo' END`;
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_tk ON COMMIT DROP AS
      SELECT x.*, cw.d AS create_d, rw.d AS reply_d, dw.d AS due_d,
        CASE WHEN x.kind = 'cannotDo' THEN '${'湖滨区行政审批和政务信息管理局'}' END AS cannot_org
      FROM (
        SELECT g, gen_random_uuid() AS id, ${kind} AS kind, c.name AS category,
          split_part(c.titles, '|', 1 + ${r('t', 4)}) AS title,
          1 + ${r('d', Math.max(1, todayN))} AS create_n, ${r('f', 1000)} AS fate, ${r('m', 540)} AS minute,
          ${r('s', 100)} AS sat, ${r('v', 10)} AS village, lpad(${r('p', 100000000)}::text, 8, '0') AS phone8
        FROM generate_series(1, ${target}) g
        JOIN (VALUES ${cats}) AS c(i, name, titles) ON c.i = ${r('c', TICKET_CATEGORIES.length)}
      ) x
      JOIN zt_hwd cw ON cw.n = x.create_n
      LEFT JOIN zt_hwd rw ON rw.n = x.create_n + CASE WHEN x.kind = 'consult' THEN 1 WHEN x.fate < 40 THEN 6 + x.fate % 3 ELSE 1 + x.fate % 4 END
      LEFT JOIN zt_hwd dw ON dw.n = x.create_n + CASE WHEN x.kind = 'consult' THEN 1 WHEN x.kind = 'cannotDo' THEN 2 ELSE 5 END`));
    // Fate: 60% of consultations answered on the call; 2% merged as repeats; the rest dispatched,
    // signed, replied and called back — except the newest, still in hand, and ~3% not yet closed.
    await tx.execute(sql.raw(`ALTER TABLE zt_tk ADD COLUMN state text, ADD COLUMN org_name text, ADD COLUMN created_at timestamptz, ADD COLUMN closed_at timestamptz, ADD COLUMN satisfaction text, ADD COLUMN merged_into uuid`));
    await tx.execute(sql.raw(`UPDATE zt_tk SET created_at = (create_d + time '08:30' + minute * interval '1 minute') AT TIME ZONE 'Asia/Shanghai',
      state = CASE
        WHEN kind = 'consult' AND fate < 600 THEN 'answered'
        WHEN fate BETWEEN 600 AND 619 AND g > 1 THEN 'merged'
        WHEN reply_d IS NULL OR reply_d > '${today}' THEN 'handling'
        WHEN fate BETWEEN 980 AND 999 THEN 'replied'
        ELSE 'closed' END,
      satisfaction = CASE WHEN sat < 70 THEN '非常满意' WHEN sat < 88 THEN '满意' WHEN sat < 93 THEN '基本满意' WHEN sat < 98 THEN '不满意' ELSE '非常不满意' END`));
    await tx.execute(sql.raw(`UPDATE zt_tk t SET merged_into = p.id FROM zt_tk p WHERE t.state = 'merged' AND p.g = t.g - 1`));
    await tx.execute(sql.raw(`UPDATE zt_tk t SET org_name = coalesce(t.cannot_org, o.name) FROM dispatch_rules dr JOIN orgs o ON o.id = dr.org_id WHERE dr.category = t.category AND dr.division_prefix = '411202'`));
    await tx.execute(sql.raw(`UPDATE zt_tk SET closed_at = CASE state
        WHEN 'answered' THEN created_at + interval '20 minutes'
        WHEN 'merged' THEN created_at + interval '30 minutes'
        WHEN 'closed' THEN (reply_d + time '10:00') AT TIME ZONE 'Asia/Shanghai' + interval '1 day' END`));
    const centreId = centre.id;
    const names = `(ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙'])[1 + g % 12] || (ARRAY['先生','女士'])[1 + g % 2]`;
    await tx.execute(sql.raw(`INSERT INTO cases (id, type, ref_no, title, state, division_code, org_id, applicant_id, applicant_name, data, version, created_by, idempotency_key, created_at, updated_at, closed_at, due_date, primary_due, primary_stopped)
      SELECT t.id, 'ticket', 'RX' || '411202' || to_char(create_d, 'YYYYMMDD') || lpad((coalesce((SELECT value FROM sequences WHERE key = 'ticket:411202:' || create_d::text), 0) + row_number() OVER (PARTITION BY create_d ORDER BY g))::text, 5, '0'),
        t.title, CASE WHEN state = 'answered' THEN 'closed' ELSE state END, '411202' || lpad((1 + village % 7)::text, 3, '0'),
        CASE WHEN state IN ('answered', 'merged') THEN '${centreId}'::uuid ELSE (SELECT o.id FROM orgs o WHERE o.name = t.org_name) END, NULL, ${names},
        jsonb_build_object('kind', kind, 'category', category, 'handleDays', CASE WHEN kind = 'consult' THEN 1 WHEN kind = 'cannotDo' THEN 2 ELSE 5 END, 'callbackDays', 7, 'channel', 'phone', 'dispatchedAt', created_at + interval '1 hour'),
        1, NULL, NULL, created_at, coalesce(closed_at, created_at), closed_at,
        CASE WHEN state = 'handling' THEN due_d END,
        CASE WHEN state IN ('handling', 'replied', 'closed') THEN due_d END,
        CASE WHEN state IN ('replied', 'closed') THEN reply_d END
      FROM zt_tk t`));
    await tx.execute(sql.raw(`INSERT INTO sequences (key, value)
      SELECT 'ticket:411202:' || create_d::text, count(*) FROM zt_tk GROUP BY 1
      ON CONFLICT (key) DO UPDATE SET value = sequences.value + excluded.value`));
    await tx.execute(sql.raw(`INSERT INTO tickets (case_id, kind, category, channel, description, tokens, caller_name, caller_phone_enc, address, division_code, centre_org_id,
        dispatch_count, return_count, first_dispatched_at, first_accepted_at, replied_at, reply, merged_into, callback_reached, resolved, satisfaction, created_at, closed_at, is_demo)
      SELECT t.id, kind, category, 'phone', t.title || '，请有关部门尽快处理。', t.title, c.applicant_name, NULL, '湖滨区', c.division_code, '${centreId}',
        CASE WHEN t.state IN ('answered', 'merged') THEN 0 ELSE 1 END, 0,
        CASE WHEN t.state IN ('answered', 'merged') THEN NULL ELSE t.created_at + interval '1 hour' END,
        CASE WHEN t.state IN ('answered', 'merged') THEN NULL ELSE t.created_at + CASE WHEN fate % 33 = 0 THEN interval '30 hours' ELSE interval '3 hours' END END,
        CASE WHEN t.state IN ('replied', 'closed') THEN (reply_d + time '16:00') AT TIME ZONE 'Asia/Shanghai' WHEN t.state = 'answered' THEN t.closed_at END,
        CASE WHEN t.state IN ('replied', 'closed', 'answered') THEN '经核实，已按规定处理，并向诉求人作了说明。' END,
        merged_into,
        CASE WHEN t.state = 'closed' THEN fate % 25 <> 7 END,
        CASE WHEN t.state = 'closed' AND fate % 25 <> 7 THEN true WHEN t.state = 'answered' THEN true END,
        CASE WHEN t.state = 'closed' AND fate % 25 <> 7 THEN satisfaction END,
        t.created_at, t.closed_at, true
      FROM zt_tk t JOIN cases c ON c.id = t.id`));
    const ev = (seq: number, event: string, from: string | null, to: string, at: string, actor: string, where: string) =>
      `SELECT gen_random_uuid(), id, ${seq}, '${event}', ${from ? `'${from}'` : 'NULL'}, '${to}', NULL::uuid, ${actor}, ${at}, NULL, '{}'::jsonb, '411202' FROM zt_tk WHERE ${where}`;
    await tx.execute(sql.raw(`INSERT INTO case_events (id, case_id, seq, event, from_state, to_state, actor_id, actor_name, at, comment, input, division_code)
      ${ev(1, 'create', null, 'registered', 'created_at', `'12345话务员'`, 'true')}
      UNION ALL ${ev(2, 'answer', 'registered', 'closed', 'closed_at', `'12345话务员'`, `state = 'answered'`)}
      UNION ALL ${ev(2, 'merge', 'registered', 'merged', 'closed_at', `'12345话务员'`, `state = 'merged'`)}
      UNION ALL ${ev(2, 'dispatch', 'registered', 'dispatched', `created_at + interval '1 hour'`, `'12345话务员'`, `state IN ('handling', 'replied', 'closed')`)}
      UNION ALL ${ev(3, 'accept', 'dispatched', 'handling', `created_at + CASE WHEN fate % 33 = 0 THEN interval '30 hours' ELSE interval '3 hours' END`, `'承办单位'`, `state IN ('handling', 'replied', 'closed')`)}
      UNION ALL ${ev(4, 'reply', 'handling', 'replied', `(reply_d + time '16:00') AT TIME ZONE 'Asia/Shanghai'`, `'承办单位'`, `state IN ('replied', 'closed')`)}
      UNION ALL ${ev(5, 'confirm', 'replied', 'closed', 'closed_at', `'12345回访员'`, `state = 'closed'`)}`));
    await tx.execute(sql.raw(`UPDATE cases SET version = e.n FROM (SELECT case_id, count(*)::int AS n FROM case_events WHERE case_id IN (SELECT id FROM zt_tk) GROUP BY case_id) e WHERE cases.id = e.case_id`));
    const v = Number(cal.version);
    await tx.execute(sql.raw(`INSERT INTO case_clocks (id, case_id, name, label, unit, limit_days, legal_basis, is_primary, warn_before, state, started_on, due_date, stopped_on, calendar_version, pauses, extensions, derivation, division_code)
      SELECT gen_random_uuid(), id, 'handle', '办理时限', 'workday', CASE WHEN kind = 'consult' THEN 1 WHEN kind = 'cannotDo' THEN 2 ELSE 5 END,
        '国办发〔2020〕53号；办理时限（地方规定，可配置）', true, 1, CASE WHEN state = 'handling' THEN 'running' ELSE 'stopped' END,
        create_d, due_d, CASE WHEN state <> 'handling' THEN reply_d END, ${v}, '[]'::jsonb, '[]'::jsonb,
        format('自%s起算%s个工作日；到期日%s。日历版本${v}。', create_d, CASE WHEN kind = 'consult' THEN 1 WHEN kind = 'cannotDo' THEN 2 ELSE 5 END, due_d), '411202'
      FROM zt_tk WHERE state IN ('handling', 'replied', 'closed')`));
    await rebuildCaseRollups(tx, sql`id IN (SELECT id FROM zt_tk)`);

    // 市长信箱: all answered within 15 working days, three in ten published with the writer's consent.
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_lt ON COMMIT DROP AS
      SELECT g, gen_random_uuid() AS id, cw.d AS create_d, rw.d AS reply_d, ${r('f', 100)} AS fate,
        (ARRAY['关于老旧小区加装电梯的建议','关于增设公交线路的建议','关于学校周边交通安全的反映','关于农贸市场改造的建议','关于公园管理的意见','关于优化营商环境的建议'])[1 + ${r('t', 6)}] AS title,
        (ARRAY['湖滨区住房和城乡建设局','湖滨区交通运输局','湖滨区教育局','湖滨区市场监督管理局','湖滨区城市管理局','湖滨区行政审批和政务信息管理局'])[1 + ${r('t', 6)}] AS org_name
      FROM generate_series(1, ${letters}) g
      JOIN zt_hwd cw ON cw.n = 1 + ${r('d', Math.max(1, todayN - 16))}
      JOIN zt_hwd rw ON rw.n = 1 + ${r('d', Math.max(1, todayN - 16))} + 2 + ${r('r', 12)}`));
    await tx.execute(sql.raw(`INSERT INTO cases (id, type, ref_no, title, state, division_code, org_id, applicant_id, applicant_name, data, version, created_by, idempotency_key, created_at, updated_at, closed_at, due_date, primary_due, primary_stopped)
      SELECT l.id, 'letter', 'XX411202' || to_char(create_d, 'YYYYMMDD') || lpad((coalesce((SELECT value FROM sequences WHERE key = 'letter:411202:' || create_d::text), 0) + row_number() OVER (PARTITION BY create_d ORDER BY g))::text, 5, '0'), title, 'replied', '411202', o.id, NULL,
        (ARRAY['王','李','张','刘','陈'])[1 + g % 5] || '先生', jsonb_build_object('replyDays', 15, 'consentToPublish', fate < 30), 3, NULL, NULL,
        (create_d + time '20:00') AT TIME ZONE 'Asia/Shanghai', (reply_d + time '15:00') AT TIME ZONE 'Asia/Shanghai', (reply_d + time '15:00') AT TIME ZONE 'Asia/Shanghai',
        NULL, (SELECT d FROM zt_hwd WHERE n = (SELECT n FROM zt_hwd WHERE d = create_d) + 15), reply_d
      FROM zt_lt l JOIN orgs o ON o.name = l.org_name`));
    await tx.execute(sql.raw(`INSERT INTO sequences (key, value) SELECT 'letter:411202:' || create_d::text, count(*) FROM zt_lt GROUP BY 1
      ON CONFLICT (key) DO UPDATE SET value = sequences.value + excluded.value`));
    await tx.execute(sql.raw(`INSERT INTO letters (case_id, content, writer_name, writer_phone_enc, consent_to_publish, reply, replied_at, published, division_code, created_at, is_demo)
      SELECT id, title || '。希望有关部门研究解决。', '来信人', NULL, fate < 30, '感谢您的来信。经研究，已纳入相关工作计划，将抓紧推进。', (reply_d + time '15:00') AT TIME ZONE 'Asia/Shanghai', fate < 30, '411202',
        (create_d + time '20:00') AT TIME ZONE 'Asia/Shanghai', true FROM zt_lt`));
    await tx.execute(sql.raw(`INSERT INTO case_events (id, case_id, seq, event, from_state, to_state, actor_id, actor_name, at, comment, input, division_code)
      SELECT gen_random_uuid(), id, 1, 'create', NULL::text, 'received', NULL::uuid, '来信人', (create_d + time '20:00') AT TIME ZONE 'Asia/Shanghai', NULL::text, '{}'::jsonb, '411202' FROM zt_lt
      UNION ALL SELECT gen_random_uuid(), id, 2, 'assign', 'received', 'assigned', NULL, '12345话务员', (create_d + time '20:00') AT TIME ZONE 'Asia/Shanghai' + interval '14 hours', NULL, '{}'::jsonb, '411202' FROM zt_lt
      UNION ALL SELECT gen_random_uuid(), id, 3, 'reply', 'assigned', 'replied', NULL, '承办单位', (reply_d + time '15:00') AT TIME ZONE 'Asia/Shanghai', NULL, '{}'::jsonb, '411202' FROM zt_lt`));
    await rebuildCaseRollups(tx, sql`id IN (SELECT id FROM zt_lt)`);
  });
}
