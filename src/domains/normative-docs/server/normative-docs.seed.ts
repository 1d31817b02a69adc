/**
 * The demo district's normative documents as its annual report tells them: 31 documents in force at the
 * start of the year's clean-up (25 kept, 4 repealed, 2 delisted), and a year of new ones — a dozen
 * through 初审、复审、终审, most published and filed on time, one failed review, one still under review.
 * Loaded through the kernel's bulk loader along the machine with historical dates (the service would
 * stamp them all "today"), each document with its register entry, a timeline and its clocks.
 */
import { sql } from 'drizzle-orm';
import { bulkLoadCases, type BulkStep, type Kernel, SYSTEM_ACTOR, tenancy, tzLiteral } from '../../../core/server';
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
    // Each document goes through the kernel's bulk loader along its machine, on its historical dates:
    // 初审, 复审, (征求意见, 公平竞争审查), 送审, 合法性审核, 集体审议, 公布, 报备, and the clean-up outcome.
    const at = (days: number, time: string) => `(published_on + ${days} + time '${time}') AT TIME ZONE ${tz}`;
    const cleanupAt = `(make_date(${year}, 6, 30) + time '16:00') AT TIME ZONE ${tz}`;
    type Doc = {
      id: string; g: number; state: string; affects_market: boolean; org_id: string; division_code: string; org_name: string; topic: string; published_on: string; data: Record<string, unknown>;
      t_create: Date; t_first: Date; t_office: Date; t_comment: Date; t_fair: Date; t_submit: Date; t_pass: Date; t_decide: Date; t_publish: Date; t_file: Date; t_cleanup: Date;
    };
    const docs = ((await tx.execute(sql.raw(`SELECT d.id, g, state, affects_market, d.org_id, o.division_code, o.name AS org_name, topic, published_on::text AS published_on,
        jsonb_build_object('affectsMarket', affects_market, 'commentRequired', affects_market, 'done', jsonb_build_object('firstReview', true, 'officeReview', true, 'publicComment', affects_market, 'fairCompetition', affects_market),
          'filingDays', 30, 'validDays', 1826, 'legalitySubmittedOn', CASE WHEN state = 'legalityReview' THEN (published_on - 10)::text END, 'docNo', CASE WHEN state NOT IN ('draft', 'legalityReview') THEN '湖政规〔' || extract(year FROM published_on) || '〕' || g || '号' END) AS data,
        ${at(-40, '09:00')} AS t_create, ${at(-35, '10:00')} AS t_first, ${at(-32, '10:00')} AS t_office, ${at(-31, '10:00')} AS t_comment, ${at(-30, '11:00')} AS t_fair,
        CASE WHEN state = 'legalityReview' THEN ${at(-10, '15:00')} ELSE ${at(-30, '15:00')} END AS t_submit, ${at(-20, '15:00')} AS t_pass, ${at(-5, '10:00')} AS t_decide,
        ${at(0, '10:00')} AS t_publish, CASE WHEN g = 40 THEN ${at(35, '10:00')} ELSE ${at(10, '10:00')} END AS t_file, ${cleanupAt} AS t_cleanup
      FROM zt_nd d JOIN orgs o ON o.id = d.org_id ORDER BY g`))) as unknown as { rows: Doc[] }).rows;
    await bulkLoadCases(tx, kernel, 'normativeDoc', docs.map((d) => {
      const by = { name: d.org_name };
      const office = { name: '区政府办公室' };
      const steps: BulkStep[] = [
        { event: 'recordFirstReview', at: d.t_first, actor: by, input: { opinion: '初审同意' } },
        { event: 'recordOfficeReview', at: d.t_office, actor: office, input: { opinion: '复审同意' } },
      ];
      if (d.state !== 'draft') {
        if (d.affects_market) {
          steps.push({ event: 'recordPublicComment', at: d.t_comment, actor: by, input: { comments: 0, adoption: '未收到意见' } });
          steps.push({ event: 'recordFairCompetition', at: d.t_fair, actor: by, input: { entry: '否', flow: '否', cost: '否', conduct: '否' } });
        }
        steps.push({ event: 'submitLegality', at: d.t_submit, actor: by });
      }
      if (!['draft', 'legalityReview'].includes(d.state)) {
        steps.push(
          { event: 'passLegality', at: d.t_pass, actor: { name: '区司法局' }, input: { opinion: '经审核，未发现合法性问题' } },
          { event: 'decide', at: d.t_decide, actor: office, input: { meeting: '区政府常务会议' } },
          { event: 'publish', at: d.t_publish, actor: office, input: { validYears: 5 } },
          { event: 'file', at: d.t_file, actor: office, input: { filedTo: '市人民政府、区人大常委会' } },
        );
      }
      if (d.g <= 31) {
        const outcome = d.state === 'inForce' ? 'keep' : d.state === 'repealed' ? 'repeal' : 'delist';
        const reason = d.state === 'repealed' ? '上位法已修改，文件依据不复存在' : d.state === 'delisted' ? '属于内部工作制度，不属于行政规范性文件' : undefined;
        steps.push({ event: outcome, at: d.t_cleanup, actor: office, input: { campaign, ...(reason ? { reason } : {}) }, comment: outcome === 'keep' ? null : campaign });
      }
      return {
        id: d.id, title: `湖滨区${d.topic}管理办法`, orgId: d.org_id, divisionCode: d.division_code, applicantName: d.org_name, data: d.data,
        createdAt: new Date(d.t_create), createdBy: by, path: steps.map((x) => ({ ...x, at: new Date(x.at) })),
      };
    }), { audit: false });
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
