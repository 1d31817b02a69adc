/**
 * A year of 政府信息公开 for the demo district at the seeds' scale: ≈4,458 proactive items across the
 * departments (a few published late against 第26条), and ≈47 requests answered within 20 working days
 * with the mix of outcomes the published annual reports show. The items are set-based SQL; the
 * requests are cases, loaded along their machine by the kernel's bulk loader.
 */
import { sql } from 'drizzle-orm';
import { bulkLoadCases, type BulkStep, domainConfig, type Kernel, tzLiteral } from '../../../core/server';
import { disclosureSettings } from './disclosure.config';
import { PROACTIVE_CATEGORIES, REPLY_TYPES } from '../shared/disclosure.machine';
import { twelveMonthsBefore, workdaysIn } from '../../../core/shared/calendar';

const TITLES: Record<string, string> = {
  规章和规范性文件: '关于印发《湖滨区{n}管理办法》的通知', 政策解读: '《湖滨区{n}实施方案》政策解读', 机构职能: '{n}机构职能及领导分工',
  规划计划: '湖滨区{n}工作计划', 财政预决算: '{n}部门预算公开', 行政许可: '{n}行政许可决定公示', 行政处罚: '{n}行政处罚决定公示',
  行政事业性收费: '{n}收费项目及标准', 政府采购: '{n}政府采购项目中标公告', 重点领域信息: '{n}重点领域信息公开', 政务动态: '{n}工作动态',
};
const TOPICS = ['城市管理', '乡村振兴', '营商环境', '养老服务', '社会救助', '校园安全', '食品安全', '安全生产', '生态环境', '老旧小区改造', '就业创业', '医疗保障'];

export async function seedDisclosureDemo(kernel: Kernel) {
  // The configured zone as an SQL literal: these bulk statements are built as text (sql.raw).
  const tz = tzLiteral(kernel.tz);
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM disclosure_items WHERE is_demo`);
  if (Number(n) > 0) return;
  const { DEMO_DISCLOSURE_ITEMS: items, DEMO_DISCLOSURE_REQUESTS: requests } = domainConfig(kernel, disclosureSettings);
  const today = kernel.today();
  await kernel.db.tx(async (tx) => {
    const cal = await kernel.calendar.get(tx);
    // Working days of the last twelve months (a January start still shows a full year to report on).
    const days = workdaysIn(cal, twelveMonthsBefore(today), today);
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_dwd (n int PRIMARY KEY, d date NOT NULL) ON COMMIT DROP`));
    await tx.execute(sql.raw(`INSERT INTO zt_dwd VALUES ${days.map((d, i) => `(${i + 1}, '${d}')`).join(',')}`));
    const N = days.length;
    const r = (k: string, m: number) => `(abs(hashtext(g::text || '${k}')) % ${m})`;
    const cats = PROACTIVE_CATEGORIES.map((c, i) => `(${i}, '${c}', '${TITLES[c]}')`).join(',');
    const topics = `(ARRAY[${TOPICS.map((t) => `'${t}'`).join(',')}])[1 + ${r('t', TOPICS.length)}]`;
    // Published within 20 working days of forming, except about 2% a little late.
    await tx.execute(sql.raw(`INSERT INTO disclosure_items (id, org_id, division_code, title, category, doc_no, body, search_text, formed_on, published_on, due_on, late, created_by, created_at, is_demo)
      SELECT gen_random_uuid(), o.id, o.division_code, replace(c.tpl, '{n}', ${topics}), c.name, NULL,
        replace(c.tpl, '{n}', ${topics}) || '。具体内容详见附件。', c.name || ' ' || ${topics},
        fw.d, pw.d, dw.d, pw.d > dw.d, NULL, (pw.d + time '10:00') AT TIME ZONE ${tz}, true
      FROM generate_series(1, ${items}) g
      JOIN (VALUES ${cats}) AS c(i, name, tpl) ON c.i = ${r('c', PROACTIVE_CATEGORIES.length)}
      JOIN LATERAL (SELECT id, division_code FROM orgs WHERE kind IN ('department', 'government') ORDER BY id OFFSET ${r('o', 17)} LIMIT 1) o ON true
      JOIN zt_dwd fw ON fw.n = 1 + ${r('f', Math.max(1, N - 25))}
      JOIN zt_dwd pw ON pw.n = 1 + ${r('f', Math.max(1, N - 25))} + CASE WHEN ${r('l', 100)} < 2 THEN 21 + ${r('x', 3)} ELSE 1 + ${r('p', 15)} END
      JOIN zt_dwd dw ON dw.n = 1 + ${r('f', Math.max(1, N - 25))} + 20`));

    // Requests: the outcome mix of a county government's year (mostly 予以公开, some 无法提供).
    const mix: [keyof typeof REPLY_TYPES | null, number][] = [['disclose', 27], ['partial', 5], ['refuseThirdParty', 2], ['refuseProcess', 1], ['unableNotHeld', 6], ['unableNeedsMaking', 1], ['noRepeat', 2], ['otherNoCorrection', 1], [null, 2]];
    const typeCase = `CASE ${mix.reduce<{ s: string; acc: number }>((o, [t, w]) => ({ s: `${o.s} WHEN ${r('y', 47)} < ${o.acc + w} THEN ${t ? `'${t}'` : 'NULL'}`, acc: o.acc + w }), { s: '', acc: 0 }).s} END`;
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_dr ON COMMIT DROP AS
      SELECT g, gen_random_uuid() AS id, ${typeCase} AS reply_type, cw.d AS received_on, rw.d AS reply_d, dw.d AS due_d,
        CASE WHEN ${r('a', 47)} < 40 THEN 'person' WHEN ${r('a', 47)} < 45 THEN 'business' ELSE 'legal' END AS applicant_type,
        CASE WHEN ${r('ch', 3)} = 0 THEN 'inPerson' WHEN ${r('ch', 3)} = 1 THEN 'post' ELSE 'online' END AS channel,
        (SELECT id FROM orgs WHERE kind IN ('department', 'government') ORDER BY id OFFSET ${r('o', 17)} LIMIT 1) AS org_id
      FROM generate_series(1, ${requests}) g
      JOIN zt_dwd cw ON cw.n = 1 + ${r('d', Math.max(1, N - 22))}
      JOIN zt_dwd rw ON rw.n = 1 + ${r('d', Math.max(1, N - 22))} + 3 + ${r('w', 16)}
      JOIN zt_dwd dw ON dw.n = 1 + ${r('d', Math.max(1, N - 22))} + 20`));
    // The requests go through the kernel's bulk loader along the machine: created on receipt, then
    // answered, or (no correction returned) told to correct and deemed abandoned.
    const subjects = ['2026年城区道路改造工程招标文件', '某小区规划许可证及附图', '2025年度部门决算', '征地补偿安置方案', '某企业环评批复文件', '区政府常务会议纪要'];
    const rows = ((await tx.execute(sql.raw(`SELECT d.id, d.g, d.reply_type, d.received_on::text AS received_on, d.applicant_type, d.channel, d.org_id, o.division_code,
        (received_on + time '09:30') AT TIME ZONE ${tz} AS t_create, (received_on + time '15:00') AT TIME ZONE ${tz} AS t_notice, (reply_d + time '16:00') AT TIME ZONE ${tz} AS t_reply
      FROM zt_dr d JOIN orgs o ON o.id = d.org_id ORDER BY d.g`))) as unknown as { rows: { id: string; g: number; reply_type: string | null; received_on: string; applicant_type: string; channel: string; org_id: string; division_code: string; t_create: Date; t_notice: Date; t_reply: Date }[] }).rows;
    const at = (t: Date | string) => new Date(t);
    const staff = { name: '信息公开工作人员' };
    await bulkLoadCases(tx, kernel, 'disclosureRequest', rows.map((d) => {
      const name = ['王', '李', '张', '刘', '陈'][d.g % 5] + (d.applicant_type === 'person' ? '某' : '某某有限公司');
      const path: BulkStep[] = d.reply_type === 'otherNoCorrection'
        ? [{ event: 'requestCorrection', at: at(d.t_notice), actor: staff, input: { missing: '请明确所需政府信息的名称或文号' } }, { event: 'abandon', at: at(d.t_reply) }]
        : d.reply_type ? [{ event: 'reply', at: at(d.t_reply), actor: staff, input: { replyType: d.reply_type } }] : [];
      return {
        id: d.id, title: `申请公开：${subjects[d.g % 6]}`, orgId: d.org_id, divisionCode: d.division_code, applicantName: name,
        data: { replyDays: 20, channel: d.channel, receivedOn: d.received_on }, createdAt: at(d.t_create), createdBy: { name }, path,
      };
    }), { audit: false });
    await tx.execute(sql.raw(`INSERT INTO disclosure_requests (case_id, applicant_type, phone_enc, channel, received_on, content, purpose, reply_type, reply_content, replied_on, fee_method, fee, division_code, org_id, created_at, is_demo)
      SELECT d.id, applicant_type, NULL, channel, received_on, c.title, NULL, reply_type, CASE WHEN reply_type IS NOT NULL THEN '经审查，依据《中华人民共和国政府信息公开条例》作出答复。' END,
        CASE WHEN reply_type IS NOT NULL THEN reply_d END, NULL, 0, c.division_code, d.org_id, c.created_at, true
      FROM zt_dr d JOIN cases c ON c.id = d.id`));
  });
}
