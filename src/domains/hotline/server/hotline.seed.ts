/**
 * The 12345 centre of the demo district, its operator, the dispatch catalog, an Open311 demo key, and a
 * deterministic year of tickets and letters at the seeds' scale (≈19,000 tickets, ≈97% closed, ≈93%
 * satisfied; ≈940 letters, all answered) — their fates generated set-based in SQL, the cases loaded
 * through the kernel's bulk loader along the machine (timeline, clocks, rollups as the runner writes them).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { bulkLoadCases, type BulkStep, createStaff, type Kernel, SYSTEM_ACTOR, tenancy, type Tx, domainConfig, tzLiteral } from '../../../core/server';
import { TICKET_CATEGORIES, TICKET_KINDS } from '../shared/hotline.machine';
import * as repo from './hotline.repository';
import { hotlineConfig, issueOpen311Key } from './hotline.service';
import { hotlineSettings } from './hotline.config';
import { addDays, twelveMonthsBefore, workdaysIn } from '../../../core/shared/calendar';

export const CENTRE_NAME = '湖滨区12345政务服务便民热线中心';
export const OPEN311_DEMO_KEY = 'zt311-demo-key-huibin';

/** 派单目录 of the demo district: category → the department that answers for it. */
const CATALOG: Record<(typeof TICKET_CATEGORIES)[number], string> = {
  市场监管: '湖滨区市场监督管理局', 劳动保障: '湖滨区人力资源和社会保障局', 城市管理: '湖滨区城市管理局', 住房建设: '湖滨区住房和城乡建设局',
  交通出行: '湖滨区交通运输局', 教育: '湖滨区教育局', 医疗卫生: '湖滨区卫生健康委员会', 医疗保障: '湖滨区医疗保障局', 民政救助: '湖滨区民政局',
  公安治安: '三门峡市公安局湖滨分局', 不动产登记: '湖滨区不动产登记中心', 自然资源: '湖滨区自然资源局', 政务服务: '湖滨区行政审批和政务信息管理局',
  其他: '湖滨区人民政府办公室',
};

/** 协办单位 of the catalog where two bodies share a matter (电梯: 住建 leads, 市场监管 inspects the lift…). */
const CO_HANDLERS: Record<string, string[]> = {
  住房建设: ['湖滨区市场监督管理局'], 交通出行: ['三门峡市公安局湖滨分局'], 城市管理: ['湖滨区住房和城乡建设局'], 医疗保障: ['湖滨区卫生健康委员会'],
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
    const co = await Promise.all((CO_HANDLERS[category] ?? []).map((n) => tenancy.getOrgByName(tx, n)));
    if (org) await repo.upsertRule(tx, { category, divisionPrefix: county, orgId: org.id, coOrgIds: co.filter((o) => o !== null).map((o) => o.id) });
  }
  if (!(await tenancy.getUserByUsername(tx, 'operator_12345'))) {
    await createStaff(tx, kernel, SYSTEM_ACTOR, {
      username: 'operator_12345', displayName: '郭敏', password: 'Zt@2026demo', phone: '13903980345',
      roles: [{ role: 'hotlineOperator', orgId: centre.id }], mustChangePassword: false,
    });
  }
  if (!(await repo.open311Client(tx, (await import('../../../core/server')).sm3(OPEN311_DEMO_KEY)))) await issueOpen311Key(tx, kernel, '演示Open311客户端', OPEN311_DEMO_KEY);
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
  // The configured zone as an SQL literal: these bulk statements are built as text (sql.raw).
  const tz = tzLiteral(kernel.tz);
  const cfg = hotlineConfig(kernel);
  const { centre, cannotDoOrg } = await kernel.db.tx(async (tx) => {
    const c = await ensureHotlineSetup(tx, kernel);
    // The city administration bureau answers most 城市管理 tickets; the demo gives it a handler.
    const cgj = await tenancy.getOrgByName(tx, '湖滨区城市管理局');
    if (cgj && !(await tenancy.getUserByUsername(tx, 'clerk_cgj'))) {
      await createStaff(tx, kernel, SYSTEM_ACTOR, { username: 'clerk_cgj', displayName: '孟强', password: 'Zt@2026demo', phone: '13903980346', roles: [{ role: 'director', orgId: cgj.id }], mustChangePassword: false });
    }
    const cannotDoOrg = await tenancy.getOrgByName(tx, cfg.cannotDoOrg);
    if (!cannotDoOrg) throw new Error(`demo district lacks ${cfg.cannotDoOrg}`);
    return { centre: c, cannotDoOrg };
  });
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets WHERE is_demo`);
  if (Number(n) > 0) return;
  const { DEMO_TICKETS: target, DEMO_LETTERS: letters, ZT_PROFILE: profile } = domainConfig(kernel, hotlineSettings);
  const today = kernel.today();
  await kernel.db.tx(async (tx) => {
    const cal = await kernel.calendar.get(tx);
    // Working days of the last twelve months (a January start still shows a full year), and 30 past
    // today so due dates of open tickets resolve: past the published calendar on weekends alone, as the
    // kernel's provisional (预计) due dates are.
    const all = workdaysIn(cal, twelveMonthsBefore(today), addDays(today, 60));
    const days = [...all.filter((d) => d <= today), ...all.filter((d) => d > today).slice(0, 30)];
    const todayN = days.filter((d) => d <= today).length;
    // The demo's history ends with the last working day before today, so nothing in it lies in the
    // future of whoever starts the server (today's calls are the real ones).
    const lastN = Math.max(1, days.filter((d) => d < today).length);
    const cutoff = days[lastN - 1];
    const exec = async (q: string) => { const t0 = Date.now(); await tx.execute(sql.raw(q)); if (profile) console.log(Date.now() - t0, q.slice(0, 60).replace(/\s+/g, ' ')); };
    // Working days numbered, with the callback deadline of a reply on that day (natural days, rolled to a working day).
    const cb = (d: string) => { try { return `'${cal.provisional().addNaturalDays(d, cfg.callbackDays)}'`; } catch { return 'NULL'; } };
    await exec(`CREATE TEMP TABLE zt_hwd (n int PRIMARY KEY, d date NOT NULL, cb date) ON COMMIT DROP`);
    await exec(`INSERT INTO zt_hwd VALUES ${days.map((d, i) => `(${i + 1}, '${d}', ${cb(d)})`).join(',')}`);
    const kindLabel = (k: string) => `CASE ${k} ${Object.entries(TICKET_KINDS).map(([key, label]) => `WHEN '${key}' THEN '${label}'`).join(' ')} END`;
    const cats = TICKET_CATEGORIES.map((c, i) => `(${i}, '${c}', '${TITLES[c].join('|')}')`).join(',');
    const r = (k: string, m: number) => `(abs(hashtext(g::text || '${k}')) % ${m})`;
    const limit = (k: string) => `CASE WHEN ${k} = 'consult' THEN ${cfg.handleDays.consult} WHEN ${k} = 'cannotDo' THEN ${cfg.handleDays.cannotDo} ELSE ${cfg.handleDays.other} END`;
    // Kind mix as the seeds' hotline reports break it down: consultation and complaints dominate.
    const kind = `CASE WHEN ${r('k', 100)} < 35 THEN 'consult' WHEN ${r('k', 100)} < 55 THEN 'help' WHEN ${r('k', 100)} < 80 THEN 'complaint'
      WHEN ${r('k', 100)} < 85 THEN 'report' WHEN ${r('k', 100)} < 93 THEN 'suggestion' WHEN ${r('k', 100)} < 95 THEN 'praise' WHEN ${r('k', 100)} < 99 THEN 'other' ELSE 'cannotDo' END`;
    // One row per ticket with its fate. `fate` (0–999) decides: < 40 answered late (overdue, 督办 by the
    // system); 600–619 on even rows a repeat merged into the previous row; % 37 = 5 returned once and
    // re-dispatched; % 33 = 0 signed after more than 24 hours; % 25 = 7 not reached at callback;
    // % 29 = 11 reached but not solved (closed with the explanation).
    await exec(`CREATE TEMP TABLE zt_tk ON COMMIT DROP AS
      SELECT x.*, cw.d AS create_d, rw.d AS reply_d, rw.cb AS cb_due, dw.d AS due_d, x.create_n + x.reply_off >= ${lastN - 2} AS recent
      FROM (
        SELECT y.*, CASE WHEN y.kind = 'consult' THEN 1 WHEN y.fate < 40 THEN ${limit('y.kind')} + 1 + y.fate % 3
          WHEN y.kind = 'cannotDo' THEN 1 + y.fate % 2 ELSE 1 + y.fate % 4 END AS reply_off
        FROM (
          SELECT g, gen_random_uuid() AS id, ${kind} AS kind, c.i AS cat_i, c.name AS category,
            split_part(c.titles, '|', 1 + ${r('t', 4)}) AS title,
            1 + ${r('d', lastN)} AS create_n, ${r('f', 1000)} AS fate, ${r('m', 540)} AS minute,
            ${r('s', 100)} AS sat, ${r('v', 10)} AS village
          FROM generate_series(1, ${target}) g
          JOIN (VALUES ${cats}) AS c(i, name, titles) ON c.i = ${r('c', TICKET_CATEGORIES.length)}
        ) y
      ) x
      JOIN zt_hwd cw ON cw.n = x.create_n
      LEFT JOIN zt_hwd rw ON rw.n = x.create_n + x.reply_off
      LEFT JOIN zt_hwd dw ON dw.n = x.create_n + ${limit('x.kind')}`);
    // A repeat copies its main ticket's matter and comes in two hours later.
    await exec(`ALTER TABLE zt_tk ADD COLUMN is_rep boolean NOT NULL DEFAULT false`);
    await exec(`UPDATE zt_tk t SET is_rep = true, kind = p.kind, cat_i = p.cat_i, category = p.category, title = p.title, create_n = p.create_n, create_d = p.create_d, minute = p.minute + 120
      FROM zt_tk p WHERE t.fate BETWEEN 600 AND 619 AND t.g % 2 = 0 AND p.g = t.g - 1 AND p.kind <> 'consult'`);
    await exec(`ALTER TABLE zt_tk ADD COLUMN state text, ADD COLUMN org_name text, ADD COLUMN wrong_org text, ADD COLUMN co_org_ids uuid[], ADD COLUMN created_at timestamptz,
      ADD COLUMN accepted_at timestamptz, ADD COLUMN replied_at timestamptz, ADD COLUMN closed_at timestamptz, ADD COLUMN satisfaction text, ADD COLUMN merged_into uuid,
      ADD COLUMN ret int NOT NULL DEFAULT 0, ADD COLUMN late boolean NOT NULL DEFAULT false, ADD COLUMN reached boolean, ADD COLUMN resolved boolean,
      ADD COLUMN org_id uuid, ADD COLUMN ref_no text, ADD COLUMN version int, ADD COLUMN kind_label text, ADD COLUMN lim int`);
    await exec(`UPDATE zt_tk SET created_at = (create_d + time '08:30' + minute * interval '1 minute') AT TIME ZONE ${tz},
      state = CASE
        WHEN is_rep THEN 'merged'
        WHEN kind = 'consult' AND fate < 600 THEN 'answered'
        WHEN reply_d IS NULL OR reply_d > '${cutoff}' THEN 'handling'
        WHEN kind <> 'consult' AND fate BETWEEN 970 AND 984 THEN 'stuck'
        WHEN recent THEN 'replied'
        ELSE 'closed' END`);
    // Hard cases: still in hand long after the limit (督办 by the system), as every year has some.
    await exec(`UPDATE zt_tk SET state = 'handling', reply_d = NULL, cb_due = NULL WHERE state = 'stuck'`);
    await exec(`UPDATE zt_tk SET ret = CASE WHEN state IN ('handling', 'replied', 'closed') AND fate % 37 = 5 THEN 1 ELSE 0 END,
      late = state IN ('handling', 'replied', 'closed') AND due_d < coalesce(CASE WHEN state = 'handling' THEN NULL ELSE reply_d END, '${cutoff}'::date),
      reached = CASE WHEN state = 'closed' THEN fate % 25 <> 7 END,
      resolved = CASE WHEN state = 'closed' AND fate % 25 <> 7 THEN fate % 29 <> 11 WHEN state = 'answered' THEN true END,
      kind_label = ${kindLabel('kind')}, lim = ${limit('kind')}`);
    await exec(`UPDATE zt_tk SET satisfaction = CASE WHEN NOT reached THEN NULL
        WHEN NOT resolved THEN CASE WHEN sat < 40 THEN '基本满意' ELSE '不满意' END
        WHEN sat < 70 THEN '非常满意' WHEN sat < 89 THEN '满意' WHEN sat < 95 THEN '基本满意' WHEN sat < 99 THEN '不满意' ELSE '非常不满意' END
      WHERE state = 'closed'`);
    await exec(`UPDATE zt_tk t SET merged_into = p.id FROM zt_tk p WHERE t.state = 'merged' AND p.g = t.g - 1`);
    await exec(`UPDATE zt_tk t SET org_name = CASE WHEN t.kind = 'cannotDo' THEN '${cannotDoOrg.name.replaceAll("'", "''")}' ELSE o.name END,
        org_id = CASE WHEN t.state IN ('answered', 'merged') THEN '${centre.id}'::uuid WHEN t.kind = 'cannotDo' THEN '${cannotDoOrg.id}'::uuid ELSE o.id END,
        co_org_ids = CASE WHEN t.kind = 'cannotDo' OR t.state IN ('answered', 'merged') THEN '{}'::uuid[] ELSE dr.co_org_ids END
      FROM dispatch_rules dr JOIN orgs o ON o.id = dr.org_id WHERE dr.category = t.category AND dr.division_prefix = '411202'`);
    // A returned ticket first went to the body of the neighbouring category, which sent it back.
    await exec(`UPDATE zt_tk t SET wrong_org = o.name FROM dispatch_rules dr JOIN orgs o ON o.id = dr.org_id
      WHERE t.ret = 1 AND dr.category = (ARRAY[${TICKET_CATEGORIES.map((c) => `'${c}'`).join(',')}])[1 + (t.cat_i + 1) % ${TICKET_CATEGORIES.length}] AND dr.division_prefix = '411202'`);
    // Timeline positions (seq) follow from the fate: create 1, dispatch 2, [return 3, dispatch 4], accept,
    // [overdue 督办], reply, callback. The case's version is the number of its events.
    await exec(`UPDATE zt_tk SET
      accepted_at = CASE WHEN state IN ('handling', 'replied', 'closed') THEN created_at + CASE WHEN ret = 1 THEN interval '5 hours' WHEN fate % 33 = 0 AND reply_off >= 2 AND state <> 'handling' THEN interval '26 hours' ELSE interval '3 hours' END END,
      replied_at = CASE WHEN state IN ('replied', 'closed') THEN (reply_d + time '16:00') AT TIME ZONE ${tz} END,
      closed_at = CASE state
        WHEN 'answered' THEN created_at + interval '20 minutes'
        WHEN 'merged' THEN created_at + interval '30 minutes'
        WHEN 'closed' THEN (reply_d + time '10:00') AT TIME ZONE ${tz} + interval '1 day' END,
      cb_due = CASE WHEN state IN ('replied', 'closed') THEN cb_due END,
      version = CASE WHEN state IN ('answered', 'merged') THEN 2 ELSE 3 + 2 * ret + late::int + (state IN ('replied', 'closed'))::int + (state = 'closed')::int END`);
    const centreId = centre.id;
    const names = `(ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙'])[1 + g % 12] || (ARRAY['先生','女士'])[1 + g % 2]`;
    // Every ticket goes through the kernel's bulk loader along its machine: 登记, then 直接答复 | 并单, or
    // 派单, [退单, 重新派单], 签收, [超期自动督办], 答复, 回访办结 — clocks and due dates as the runner writes them.
    const op = { name: '郭敏（12345热线）' };
    const at = (d: string) => `(${d}) AT TIME ZONE ${tz}`;
    type Tk = {
      id: string; title: string; state: string; division_code: string; org_id: string; applicant: string; data: Record<string, unknown>; ret: number; late: boolean;
      org_name: string; wrong_org: string | null; reached: boolean | null; resolved: boolean | null; satisfaction: string | null;
      created_at: Date; closed_at: Date | null; accepted_at: Date | null; replied_at: Date | null; t_supervise: Date | null;
    };
    const tks = ((await tx.execute(sql.raw(`SELECT t.id, t.title, t.state, '411202' || lpad((1 + village % 7)::text, 3, '0') AS division_code, t.org_id, ${names} AS applicant,
        jsonb_build_object('kind', kind, 'kindLabel', kind_label, 'category', category, 'handleDays', lim, 'callbackDays', ${cfg.callbackDays}, 'channel', CASE WHEN fate % 10 < 8 THEN 'phone' ELSE 'web' END)
          || CASE WHEN state IN ('handling', 'replied', 'closed') THEN jsonb_build_object('dispatchedAt', created_at + interval '1 hour' + ret * interval '3 hours') ELSE '{}'::jsonb END AS data,
        ret, late, org_name, wrong_org, reached, resolved, satisfaction, created_at, closed_at, accepted_at, replied_at,
        CASE WHEN late THEN ${at("due_d + 1 + time '08:05'")} END AS t_supervise
      FROM zt_tk t ORDER BY created_at, g`))) as unknown as { rows: Tk[] }).rows;
    const later = (t: Date, h: number) => new Date(t.getTime() + h * 3600_000);
    await bulkLoadCases(tx, kernel, 'ticket', tks.map((t) => {
      const created = new Date(t.created_at);
      const path: BulkStep[] = [];
      if (t.state === 'answered') path.push({ event: 'answer', at: new Date(t.closed_at!), actor: op, input: { reply: '已在电话中依据办事指南答复诉求人。' } });
      else if (t.state === 'merged') path.push({ event: 'merge', at: new Date(t.closed_at!), actor: op });
      else {
        path.push({ event: 'dispatch', at: later(created, 1), actor: op, input: t.ret ? { orgName: t.wrong_org } : {} });
        if (t.ret) {
          path.push({ event: 'return', at: later(created, 3), actor: { name: t.wrong_org ?? '承办单位' }, input: { reason: `该诉求不属于本单位职责，请按派单目录改派${t.org_name}` } });
          path.push({ event: 'dispatch', at: later(created, 4), actor: op });
        }
        path.push({ event: 'accept', at: new Date(t.accepted_at!), actor: { name: t.org_name } });
        if (t.late) path.push({ event: 'overdueSupervise', at: new Date(t.t_supervise!) });
        if (t.state === 'replied' || t.state === 'closed') path.push({ event: 'reply', at: new Date(t.replied_at!), actor: { name: t.org_name }, input: { reply: '经核实，已按规定处理，并向诉求人作了说明。' } });
        if (t.state === 'closed') path.push({ event: 'confirm', at: new Date(t.closed_at!), actor: { name: '吴倩（12345回访）' }, input: { reached: t.reached, resolved: t.resolved, satisfaction: t.satisfaction } });
      }
      return { id: t.id, title: t.title, orgId: t.org_id, divisionCode: t.division_code, applicantName: t.applicant, data: t.data, createdAt: created, createdBy: op, path };
    }), { audit: false, scannedOn: today });
    await exec(`INSERT INTO tickets (case_id, kind, category, channel, description, tokens, caller_name, caller_phone_enc, address, division_code, centre_org_id, co_org_ids,
        dispatch_count, return_count, supervise_count, first_dispatched_at, first_accepted_at, replied_at, reply, merged_into, callback_reached, resolved, satisfaction, created_at, closed_at, is_demo)
      SELECT t.id, kind, category, c.data->>'channel', t.title || '，请有关部门尽快处理。', t.title, c.applicant_name, NULL, '湖滨区', c.division_code, '${centreId}',
        coalesce(co_org_ids, '{}'),
        CASE WHEN t.state IN ('answered', 'merged') THEN 0 ELSE 1 + ret END, ret, late::int,
        CASE WHEN t.state IN ('answered', 'merged') THEN NULL ELSE t.created_at + interval '1 hour' END,
        accepted_at, CASE WHEN t.state = 'answered' THEN t.closed_at ELSE replied_at END,
        CASE WHEN t.state IN ('replied', 'closed') THEN '经核实，已按规定处理，并向诉求人作了说明。' WHEN t.state = 'answered' THEN '已在电话中依据办事指南答复诉求人。' END,
        merged_into, reached, resolved, satisfaction, t.created_at, t.closed_at, true
      FROM zt_tk t JOIN cases c ON c.id = t.id`);

    // 市长信箱: all answered within 15 working days, three in ten published with the writer's consent.
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_lt ON COMMIT DROP AS
      SELECT g, gen_random_uuid() AS id, cw.d AS create_d, rw.d AS reply_d, ${r('f', 100)} AS fate,
        (ARRAY['关于老旧小区加装电梯的建议','关于增设公交线路的建议','关于学校周边交通安全的反映','关于农贸市场改造的建议','关于公园管理的意见','关于优化营商环境的建议'])[1 + ${r('t', 6)}] AS title,
        (ARRAY['湖滨区住房和城乡建设局','湖滨区交通运输局','湖滨区教育局','湖滨区市场监督管理局','湖滨区城市管理局','湖滨区行政审批和政务信息管理局'])[1 + ${r('t', 6)}] AS org_name
      FROM generate_series(1, ${letters}) g
      JOIN zt_hwd cw ON cw.n = 1 + ${r('d', Math.max(1, todayN - 16))}
      JOIN zt_hwd rw ON rw.n = 1 + ${r('d', Math.max(1, todayN - 16))} + 2 + ${r('r', 12)}`));
    const lts = ((await tx.execute(sql.raw(`SELECT l.id, l.g, l.title, l.fate, o.id AS org_id, l.org_name,
        ${at("create_d + time '20:00'")} AS t_create, ${at("create_d + time '20:00'")} + interval '14 hours' AS t_assign, ${at("reply_d + time '15:00'")} AS t_reply
      FROM zt_lt l JOIN orgs o ON o.name = l.org_name ORDER BY l.g`))) as unknown as { rows: { id: string; g: number; title: string; fate: number; org_id: string; org_name: string; t_create: Date; t_assign: Date; t_reply: Date }[] }).rows;
    await bulkLoadCases(tx, kernel, 'letter', lts.map((l) => ({
      id: l.id, title: l.title, orgId: l.org_id, divisionCode: '411202', applicantName: `${['王', '李', '张', '刘', '陈'][l.g % 5]}先生`,
      data: { replyDays: 15, consentToPublish: l.fate < 30 }, createdAt: new Date(l.t_create), createdBy: { name: '来信人' },
      path: [
        { event: 'assign', at: new Date(l.t_assign), actor: { name: '12345话务员' }, input: { orgName: l.org_name } },
        { event: 'reply', at: new Date(l.t_reply), actor: { name: '承办单位' }, input: { reply: '感谢您的来信。经研究，已纳入相关工作计划，将抓紧推进。', publish: l.fate < 30 } },
      ],
    })), { audit: false });
    await tx.execute(sql.raw(`INSERT INTO letters (case_id, content, writer_name, writer_phone_enc, consent_to_publish, reply, replied_at, published, division_code, created_at, is_demo)
      SELECT id, title || '。希望有关部门研究解决。', '来信人', NULL, fate < 30, '感谢您的来信。经研究，已纳入相关工作计划，将抓紧推进。', (reply_d + time '15:00') AT TIME ZONE ${tz}, fate < 30, '411202',
        (create_d + time '20:00') AT TIME ZONE ${tz}, true FROM zt_lt`));
  });
}
