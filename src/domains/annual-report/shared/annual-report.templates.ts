/**
 * The report's skeleton as data. The five mandated parts (厅字〔2019〕28号 第22–24条; headings as the
 * published reports write them), their order per template, and for each part its data sentences and
 * narrative starting paragraphs. A data sentence is a list of clauses; a clause names the metrics it
 * prints as {metricKey}, {metricKey|caseType=x}, or {rateKey:num} / {rateKey:den} for a rate's own
 * numerator and denominator — so a count and the rate beside it always come from the same records. A clause whose metric is not registered (its domain
 * has not landed) or has no records is left out; a sentence whose first clause is left out is left out
 * whole — a missing figure is never written as 0.
 */
export type SentenceTemplate = { key: string; clauses: string[] };
/**
 * `records`: paragraphs written from another domain's records of the year, in place of the fixed
 * `narrative` when there are any ('ruleOfLaw': law-study's meetings, 第一责任人 acts and 述法 for part 三).
 */
export type SectionTemplate = { key: string; heading: string | null; sentences: SentenceTemplate[]; narrative: string[]; records?: 'ruleOfLaw' };
export type PartTemplate = { key: string; heading: string; sections: SectionTemplate[] };

const MEASURES: PartTemplate = {
  key: 'measures',
  heading: '主要举措和成效',
  sections: [
    {
      key: 'services', heading: '深化“放管服效”改革，提升政务服务水平',
      sentences: [
        { key: 'services.catalog', clauses: ['全{subjectScope}政务服务事项共{catalog.zeroVisitShare:den}项', '其中不见面审批事项{catalog.zeroVisitShare:num}项', '占比{catalog.zeroVisitShare}'] },
        { key: 'services.applications', clauses: ['全年受理各类政务服务事项{cases.received|caseType=application}件', '其中网上办理{applications.online}件', '窗口办理{applications.counter}件', '办结{cases.completed|caseType=application}件', '按时办结率达{cases.onTimeRate|caseType=application}'] },
        { key: 'services.bundles', clauses: ['推进“高效办成一件事”，累计办件{cases.received|caseType=bundle}件', '按时办结率达{cases.onTimeRate|caseType=bundle}'] },
        { key: 'services.assistance', clauses: ['提供帮办代办服务{applications.assisted}件'] },
        { key: 'services.ratings', clauses: ['政务服务“好差评”共收到评价{ratings.total}条', '其中差评{ratings.bad}条', '差评整改率{ratings.fixRate}'] },
        { key: 'services.callbacks', clauses: ['对办结的办件和工单开展回访，回访率{callbacks.rate}', '回访满意度{callbacks.satisfactionRate}'] },
        { key: 'services.benefits', clauses: ['梳理惠企政策{benefits.policies}件', '兑现资金{benefits.amountPaid|scale=wan}万元', '惠及企业{benefits.firmsBenefited}家', '其中“免申即享”政策占比{benefits.policiesNoApplication}'] },
        { key: 'services.licences', clauses: ['发放电子证照{licences.issued}张', '证照到期前提醒{licences.reminded}张', '无感续证{licences.renewed}张'] },
        { key: 'services.hotline', clauses: ['受理12345热线工单{cases.received|caseType=ticket}件', '办结率{tickets.closeRate}', '群众满意度{tickets.satisfactionRate}'] },
        { key: 'services.mailbox', clauses: ['办理市长信箱信件{cases.received|caseType=letter}件', '答复率{mailbox.replyRate}'] },
      ],
      narrative: [],
    },
    {
      key: 'rules', heading: '严格规范性文件管理，推进科学民主依法决策',
      sentences: [
        { key: 'rules.normativeDocs', clauses: ['全年审查行政规范性文件{normativeDoc.passRate:den}件', '审查通过率{normativeDoc.passRate}', '向上级政府和同级人大报备{normativeDoc.filed}件', '按时报备率{normativeDoc.filedOnTimeRate}'] },
        { key: 'rules.decisions', clauses: ['将{majorDecision.inCatalog}项重大行政决策纳入年度目录管理', '完成法定程序{majorDecision.proceduresCompleted}项'] },
        { key: 'rules.normativeCleanup', clauses: ['清理规范性文件{normativeDoc.cleanedUp}件', '开展后评估{normativeDoc.evaluated}件'] },
        { key: 'rules.contracts', clauses: ['审查行政合同等文件{contractReview.reviewed}件', '提出审查意见{contractReview.comments}条'] },
        { key: 'rules.counsel', clauses: ['法律顾问参与合法性审查{legalCounsel.reviews}次', '出具法律意见{legalCounsel.opinions}条', '参与复议诉讼案件{legalCounsel.cases}件', '开展法律咨询和讲座{legalCounsel.consultations}次'] },
      ],
      narrative: [],
    },
    {
      key: 'openness', heading: '推进政务公开，保障人民群众知情权',
      sentences: [
        { key: 'openness.proactive', clauses: ['主动公开政府信息{disclosure.published}条'] },
        { key: 'openness.requests', clauses: ['受理政府信息公开申请{cases.received|caseType=disclosureRequest}件', '按时答复率{cases.onTimeRate|caseType=disclosureRequest}'] },
      ],
      narrative: [],
    },
    {
      key: 'disputes', heading: '依法化解行政争议，强化执法监督',
      sentences: [
        { key: 'disputes.reconsideration', clauses: ['全年受理行政复议案件{reconsideration.correctionRate:den}件', '直接纠错{reconsideration.correctionRate:num}件', '纠错率{reconsideration.correctionRate}'] },
        { key: 'disputes.litigation', clauses: ['参加行政应诉案件{litigation.received}件', '结案{litigation.closed}件', '正在审理案件{litigation.pending}件', '行政机关负责人出庭应诉率{litigation.headAppearanceRate}', '败诉率{litigation.lossRate}'] },
        // The seeds' wording: "全区13个乡镇（街道）及各行政村（社区）共排查化解矛盾纠纷5299件，万人调解率位居全市前列".
        // 万人调解率 is a per-10,000 figure ("42.3件/万人"); where no population is held it has no value and its
        // clause is left out, the rest of the sentence stays.
        { key: 'disputes.mediation', clauses: ['全{subjectScope}各乡镇（街道）及各行政村（社区）共排查化解矛盾纠纷{mediation.received}件', '万人调解率{mediation.perTenThousand}', '经人民法院司法确认调解协议{mediation.judiciallyConfirmed}件'] },
        // 调解成功率's base is the disputes whose mediation ended, not all received: its own sentence, base first,
        // so a reader (and the checker) divides by the right count.
        { key: 'disputes.mediationSuccess', clauses: ['调解终结{mediation.concluded}件', '其中调解成功{mediation.resolved}件', '调解成功率{mediation.successRate}'] },
        { key: 'disputes.legalAdvisers', clauses: ['{legalAdvisers.count}名村（居）法律顾问为咨询群众提供专业法律意见{legalAdvisers.opinions}条', '起草法律文书{legalAdvisers.documents}件', '开展法制讲座{legalAdvisers.lectures}场次', '参与调解矛盾纠纷{legalAdvisers.mediations}件', '参加诉讼活动{legalAdvisers.litigation}次', '提供现场法律服务{legalAdvisers.onSite}次', '为村（居）重大事项提供法律意见{legalAdvisers.majorMatters}条'] },
        { key: 'disputes.penalties', clauses: ['行政处罚案件{enforcement.penalties}件', '涉企行政检查{enforcement.inspections}次', '重大执法决定法制审核{enforcement.legalReviewed}件', '执法决定按时公示率{enforcement.publishedOnTimeRate}'] },
        { key: 'disputes.enforcement', clauses: ['抽查行政执法案卷{caseFileReview.reviewed}本', '发现并整改问题{caseFileReview.problemsFixed}个', '召开行政执法联席会议{enforcement.jointMeetings}次'] },
      ],
      narrative: [],
    },
  ],
};

const SHORTCOMINGS: PartTemplate = {
  key: 'shortcomings', heading: '存在的不足和原因',
  sections: [{ key: 'shortcomings', heading: null, sentences: [], narrative: [
    '{year}年，{subject}法治政府建设取得一定成效，但对照新形势、新任务、新要求，还存在一些问题和不足，主要表现在：',
    '一是学法用法常态化仍需加强，部分工作人员运用法治思维和法治方式解决问题的能力有待提高。',
    '二是基层法治力量相对薄弱，乡镇（街道）法治审核人员配备不足。',
  ] }],
};

const LEADERSHIP: PartTemplate = {
  key: 'leadership', heading: '党政主要负责人履行推进法治建设第一责任人职责情况',
  sections: [{ key: 'leadership', heading: null, sentences: [
    // law-study: the meetings, 述法 and study records behind part 三 (its public.ts partThree() lists them).
    { key: 'leadership.meetings', clauses: ['党委常委会、政府常务会议{ruleOfLawMeetings.count}次研究法治建设工作', '组织{shufa.officials}名党政干部述法履职'] },
    { key: 'leadership.study', clauses: ['全年组织集中学法{lawStudy.sessions}次', '参学{lawStudy.personTimes}人次', '学法覆盖率{lawStudy.coverageRate}', '组织旁听庭审{lawStudy.courtVisits}次', '学法考试参考{exams.takers}人', '合格率{exams.passRate}'] },
  ], records: 'ruleOfLaw', narrative: [
    '{subject}主要负责人认真履行推进法治建设第一责任人职责，将法治政府建设纳入全年工作重点，亲自部署、亲自协调、亲自督办，对重大行政决策、规范性文件制定等工作亲自审核把关。',
  ] }],
};

const PLANS: PartTemplate = {
  key: 'plans', heading: '{nextYear}年度推进法治政府建设的主要安排',
  sections: [{ key: 'plans', heading: null, sentences: [], narrative: [
    '（一）持续深化政务服务改革，推进“高效办成一件事”扩面增效。',
    '（二）严格落实规范性文件合法性审核和备案审查制度，提高依法决策水平。',
    '（三）加强行政执法监督，规范执法行为，提升依法行政能力。',
  ] }],
};

const OTHER: PartTemplate = {
  key: 'other', heading: '其他需要报告的情况',
  sections: [{ key: 'other', heading: null, sentences: [], narrative: ['无。'] }],
};

export const REPORT_TEMPLATES: Record<'standard' | 'leadershipFirst', PartTemplate[]> = {
  /** The order of 厅字〔2019〕28号 and most published reports. */
  standard: [MEASURES, SHORTCOMINGS, LEADERSHIP, PLANS, OTHER],
  /** Some bodies lead with the first-responsibility part (seen in the seeds). */
  leadershipFirst: [LEADERSHIP, MEASURES, SHORTCOMINGS, PLANS, OTHER],
};

/**
 * Figures the report names whose domains have not landed: their sentences drop until then (never a 0).
 * Each must not be registered; when its domain registers it, the placeholder test asks for it to go from
 * here. The case types the report counts by `caseType=` that no domain registers yet are listed too.
 */
export const PLANNED_METRICS: Record<string, string> = {};
export const PLANNED_CASE_TYPES: Record<string, string> = {};

export const PART_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];
export const SECTION_NUMERALS = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）'];

/** Placeholders: {metricKey}, {metricKey:num|den}, with optional |param=value&… */
export const PLACEHOLDER = /\{([a-zA-Z]+\.[a-zA-Z]+)(?::(num|den))?(?:\|([^}]*))?\}/g;
