/**
 * The demo district's normative documents as its annual report tells them: 31 documents in force at the
 * start of the year's clean-up (25 kept, 4 repealed, 2 delisted), and a year of new ones — a dozen
 * through 初审、复审、终审, most published and filed on time, one failed review, one still under review.
 * Set-based SQL with historical dates (the real path would stamp them all "today"), each document with
 * its register entry, a timeline and its clock.
 */
import { sql } from 'drizzle-orm';
import { type Kernel, rebuildCaseRollups, SYSTEM_ACTOR, tenancy, tzLiteral } from '../../../core/server';
import { draft } from './normative-docs.service';
import { addEvaluation, publishAdoption, respondToComment, setDraftText, submitPublicComment } from './normative-participation.service';
import { demoYear } from '../../../core/shared/calendar';

const TOPICS = ['城市管理执法', '农村集体资产管理', '政府投资项目', '社会救助', '市场主体登记', '建筑工地扬尘治理', '物业管理', '养老服务补贴', '创业担保贷款', '耕地保护', '学前教育资助', '殡葬管理', '城市道路挖掘', '户外广告设置', '公共资源交易'];

export async function seedNormativeDocsDemo(kernel: Kernel) {
  await seedDocsAndCleanup(kernel);
  await seedParticipationDemo(kernel);
}

async function seedDocsAndCleanup(kernel: Kernel) {
  // The configured zone as an SQL literal: these bulk statements are built as text (sql.raw).
  const tz = tzLiteral(kernel.tz);
  // The year whose clean-up (30 June) and documents (to October) lie in the past (demoYear): 2026 on 2027-01-05.
  const year = demoYear(kernel.today());
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
          'filingDays', 30, 'validDays', 1826, 'legalitySubmittedOn', CASE WHEN state = 'legalityReview' THEN (published_on - 10)::text END, 'docNo', CASE WHEN state NOT IN ('draft', 'legalityReview') THEN '湖政规〔' || extract(year FROM published_on) || '〕' || g || '号' END),
        3, NULL, NULL, (published_on - 40 + time '09:00') AT TIME ZONE ${tz},
        (CASE WHEN g <= 31 AND state <> 'inForce' THEN make_date(${year}, 6, 30) WHEN state IN ('draft', 'legalityReview') THEN published_on ELSE published_on + 10 END + time '16:00') AT TIME ZONE ${tz},
        CASE WHEN state IN ('repealed', 'delisted') THEN (make_date(${year}, 6, 30) + time '16:00') AT TIME ZONE ${tz} END,
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
      UNION ALL SELECT gen_random_uuid(), c.id, 2, 'passLegality', 'legalityReview', 'readyForMeeting', NULL::uuid, '区司法局', (d.published_on - 20 + time '15:00') AT TIME ZONE ${tz}, NULL::text, '{}'::jsonb, c.division_code
        FROM cases c JOIN zt_nd d ON d.id = c.id WHERE d.state NOT IN ('draft', 'legalityReview')
      UNION ALL SELECT gen_random_uuid(), c.id, 3, 'file', 'published', 'inForce', NULL::uuid, '区政府办公室', (d.published_on + CASE WHEN g = 40 THEN 35 ELSE 10 END + time '10:00') AT TIME ZONE ${tz}, NULL::text, '{}'::jsonb, c.division_code
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
    await rebuildCaseRollups(tx, kernel, sql`id IN (SELECT id FROM zt_nd)`);
  });
}

const DRAFT_TEXT = (name: string, subject: string) => `${name}（征求意见稿）
第一章 总则
第一条 为规范${subject}，维护公共利益和当事人合法权益，根据有关法律法规，结合本区实际，制定本办法。
第二条 本区行政区域内的${subject}及其监督管理，适用本办法。
第三条 区城市管理局负责${subject}的监督管理工作。
住建、交通、市场监管等部门按照各自职责做好相关工作。
第二章 管理要求
第四条 申请人应当向区行政审批和政务信息管理局提出申请，并提交下列材料：
（一）申请书；
（二）设置位置图和设计效果图；
（三）安全责任承诺书。
第五条 审批机关应当自受理申请之日起10个工作日内作出决定。
第六条 设置人应当定期检查维护，确保安全牢固、整洁美观。
第三章 附则
第七条 违反本办法规定的，由区城市管理局依照有关法律法规处理。
第八条 本办法自发布之日起施行，有效期5年。`;
const CITIZEN_COMMENTS: [number, string, string | undefined][] = [
  [4, '申请材料中的设计效果图对个体工商户负担较重，建议允许提交简易示意图。', '王先生'],
  [5, '10个工作日偏长，建议对小型招牌实行即来即办。', '湖滨区个体劳动者协会'],
  [6, '建议明确检查维护的频次，比如每季度至少一次。', undefined],
  [3, '建议写明街道办事处在日常巡查中的职责。', '李女士'],
  [7, '处罚条款过于原则，建议列明具体情形和裁量标准。', '河南崤函律师事务所 张律师'],
  [8, '建议设置过渡期，已设置的招牌给予6个月整改期。', undefined],
  [2, '建议明确临时性设置是否适用本办法。', '赵先生'],
  [4, '安全责任承诺书建议提供统一格式文本。', undefined],
  [6, '建议鼓励使用节能灯具。', '孙女士'],
];
const RESPONSES: [('adopted' | 'partly' | 'notAdopted'), string | undefined][] = [
  ['adopted', undefined], ['partly', '小型招牌已纳入告知承诺，即来即办需另行论证信息系统改造'], ['adopted', undefined], ['adopted', undefined],
  ['adopted', undefined], ['notAdopted', '已设置招牌按原批准期限管理，不溯及既往，无需设置整改期'], ['partly', '临时性设置在第二条中予以明确，具体管理另行规定'],
  ['adopted', undefined], ['notAdopted', '属于倡导性内容，已在配套技术规范中体现'],
];
const EVALUATIONS: [string, '继续执行' | '修改'][] = [
  ['文件执行总体良好，管理职责清晰，申请材料和办理时限符合放管服要求；群众反映的投诉渠道不畅问题已纳入整改。', '继续执行'],
  ['文件确定的补助标准执行到位，受益对象认定准确；部分条款与新修订的上位法表述不一致。', '修改'],
  ['文件实施以来有效规范了相关工作秩序，执法检查发现的问题均已整改，暂无修改必要。', '继续执行'],
];

/**
 * Online comment by passage and the published account of adoption on two drafts (one open now, one
 * closed with every comment answered), and the year's post-evaluation of three documents in force by
 * 人大代表、政协委员、政府部门和律师代表 (as the seed report describes). Through the service, each step on
 * its own date.
 */
async function seedParticipationDemo(kernel: Kernel) {
  const open = '湖滨区户外招牌设置管理办法';
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE type = 'normativeDoc' AND title = $1`, [open]);
  if (Number(n) > 0) return;
  const today = kernel.today();
  const year = String(demoYear(today));
  const day = (k: number) => new Date(Date.parse(`${today}T00:00:00Z`) + k * 86400_000).toISOString().slice(0, 10);
  const on = (iso: string): Kernel => ({ ...kernel, now: () => new Date(`${iso}T10:00:00+08:00`), today: () => iso });
  const inForce = await kernel.db.query<{ id: string; published_on: string }>(`SELECT d.case_id AS id, d.published_on::text AS published_on FROM normative_docs d JOIN cases c ON c.id = d.case_id
    WHERE c.state = 'inForce' AND d.published_on < $1::date ORDER BY d.published_on, c.ref_no LIMIT 3`, [`${year}-01-01`]);
  await kernel.db.tx(async (tx) => {
    const org = await tenancy.getOrgByName(tx, '湖滨区城市管理局');
    if (!org) return;
    const drafter = { ...SYSTEM_ACTOR, name: org.name };
    const drafts: [string, string, number, number][] = [[open, '户外招牌设置', -20, 15], ['湖滨区城市道路临时占用管理办法', '城市道路临时占用', -80, -45]];
    for (const [i, [title, subject, from, to]] of drafts.entries()) {
      const { id } = await draft(tx, on(day(from - 5)), drafter, org.id, { title, affectsMarket: true, summary: `为规范${subject}管理，起草本办法，现公开征求社会公众意见。` });
      await setDraftText(tx, on(day(from - 1)), drafter, id, { text: DRAFT_TEXT(title, subject), from: day(from), to: day(to) });
      const comments = i === 0 ? CITIZEN_COMMENTS.slice(0, 5) : CITIZEN_COMMENTS;
      const ids: string[] = [];
      for (const [k, [passageNo, content, name]] of comments.entries()) ids.push((await submitPublicComment(tx, on(day(from + 1 + k * 2)), id, { passageNo, content, name })).id);
      if (i === 0) continue;
      for (const [k, cid] of ids.entries()) await respondToComment(tx, on(day(to + 2)), drafter, id, cid, { adoption: RESPONSES[k][0], reason: RESPONSES[k][1] });
      await publishAdoption(tx, on(day(to + 3)), drafter, id);
    }
    for (const [k, doc] of inForce.entries()) {
      const [findings, conclusion] = EVALUATIONS[k];
      const completedOn = `${year}-0${6 + k}-28` < today ? `${year}-0${6 + k}-28` : today;
      await addEvaluation(tx, kernel, { ...SYSTEM_ACTOR, name: '区司法局' }, doc.id, {
        evaluators: '区司法局组织，区人大代表2名、政协委员2名、政府部门代表3名、律师代表2名', method: '座谈会、问卷调查、实地走访和执法案卷抽查',
        findings, conclusion, completedOn,
      });
    }
  });
}
