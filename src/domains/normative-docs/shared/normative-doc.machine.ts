/**
 * 行政规范性文件 from draft to clean-up (国办发〔2018〕37号; 国办发〔2018〕115号 合法性审核; 优化营商环境条例
 * 第62–65条; 公平竞争审查条例 第8–18条). The drafting unit's 初审, the government office's 复审 and public
 * comment (≥30 days where market players are affected, 第62条) come first; then the justice bureau's
 * legality review (终审, a configurable minimum of working days); a document without a passed review —
 * or, touching market players, without fair-competition review — cannot go to collective review.
 * It is numbered and published, filed with the superior government and the people's congress within
 * the configured days, stays in force for its validity period (reminded before it ends) and leaves
 * through a clean-up decision or expiry.
 */
import { z } from 'zod';
import { defineMachine, type GuardContext } from '../../../core/shared/machine';

/** 公平竞争审查条例 第8–11条: the four negative standards, each a question answered 否 before issue. */
export const FAIR_COMPETITION_CHECKLIST = {
  entry: '是否设置不合理或者歧视性的准入和退出条件（第8条）',
  flow: '是否限制商品、要素在地区之间自由流动（第9条）',
  cost: '是否没有法律、行政法规依据或者未经国务院批准给予特定经营者优惠、补贴（第10条）',
  conduct: '是否强制或者变相强制经营者实施垄断行为、超越定价权限干预价格（第11条）',
} as const;

const done = (d: Record<string, unknown>, k: string) => !!(d.done as Record<string, boolean> | undefined)?.[k];
const missingBeforeReview = (d: Record<string, unknown>) => [
  done(d, 'firstReview') ? null : '起草单位初审',
  done(d, 'officeReview') ? null : '区政府办复审',
  d.commentRequired && !done(d, 'publicComment') ? '公开征求意见' : null,
].filter((x): x is string => !!x);
const beforeLegality = ({ data }: GuardContext) => {
  const m = missingBeforeReview(data);
  return m.length ? `尚未完成：${m.join('、')}，不能送司法局合法性审核` : null;
};
/** 国办发〔2018〕37号: no legality review, or a failed one → no collective review; 公平竞争审查条例 第18条. */
const beforeMeeting = ({ state, data }: GuardContext) => {
  if (state !== 'readyForMeeting') return '未经司法局合法性审核或审核未通过的，不得提交集体审议（国办发〔2018〕37号）';
  if (data.affectsMarket && !done(data, 'fairCompetition')) return '涉及经营者经济活动，未经公平竞争审查的不得出台（公平竞争审查条例 第18条）';
  return null;
};

const text = (title: string) => z.string().trim().min(2, `请填写${title}`).max(3000).meta({ title });
const num = (d: Record<string, unknown>, k: string, dflt: number) => (typeof d[k] === 'number' ? (d[k] as number) : dflt);
const YESNO = ['否', '是'] as const;

/** A step's record as its form took it (the event's input schema is its shape). */
const StepRecord = z.record(z.string(), z.unknown());

/** What a normative document keeps in `data`: its flags, the steps done, each step's record, then its number. */
export const NormativeDocData = z.object({
  affectsMarket: z.boolean(), // touches market players: 公平竞争审查 and ≥30 days of comment
  commentRequired: z.boolean(), // public comment is mandatory (优化营商环境条例 第62条)
  done: z.record(z.string(), z.boolean()), // step → done
  firstReview: z.string(), // 起草单位初审 opinion
  officeReview: z.string(), // 办公室审核 opinion
  publicComment: StepRecord, // the comment period and what was adopted
  fairCompetition: StepRecord, // the checklist's answers
  filingDays: z.number().int(), // natural days to file after publication (local, a setting)
  legalityDays: z.number().int(), // working days of legality review (115号: 5 to 15)
  legalitySubmittedOn: z.iso.date().nullable(), // sent to legality review on
  validDays: z.number().int(), // validity in days from publication
  docNo: z.string().nullable(), // 文号, given on publication
});

export const normativeDocMachine = defineMachine({
  type: 'normativeDoc',
  plural: 'normative-docs',
  label: '行政规范性文件',
  initial: 'draft',
  data: NormativeDocData,
  states: {
    draft: { label: '起草审核中', color: 'processing' },
    legalityReview: { label: '司法局合法性审核中', color: 'processing' },
    readyForMeeting: { label: '待集体审议', color: 'processing' },
    decided: { label: '已审议通过待公布', color: 'processing' },
    published: { label: '已公布待报备', color: 'warning' },
    inForce: { label: '现行有效', color: 'success' },
    repealed: { label: '已废止', color: 'default', terminal: true },
    expired: { label: '已失效', color: 'default', terminal: true },
    delisted: { label: '已剔除目录', color: 'default', terminal: true },
  },
  clocks: {
    legality: { label: '合法性审核期限', unit: 'workday', limit: (d) => num(d, 'legalityDays', 15), legalBasis: '国办发〔2018〕115号（一般不少于5个、不超过15个工作日，可配置）' },
    filing: { label: '报备期限', unit: 'natural', limit: (d) => num(d, 'filingDays', 30), primary: true, legalBasis: '自公布之日起30日内报送备案（地方规定，可配置）' },
    validity: { label: '有效期', unit: 'date', limit: (d) => num(d, 'validDays', 1826), warnBefore: 120, onOverdue: 'expire', legalBasis: '有效期一般不超过5年，届满前6个月评估（地方规定，可配置）' },
  },
  events: {
    recordFirstReview: { label: '起草单位初审', from: ['draft'], to: 'draft', permission: 'normativeDoc.draft', input: z.object({ opinion: text('初审意见') }) },
    recordOfficeReview: { label: '区政府办复审', from: ['draft'], to: 'draft', permission: 'normativeDoc.officeReview', input: z.object({ opinion: text('复审意见') }) },
    recordPublicComment: {
      label: '记录公开征求意见', from: ['draft'], to: 'draft', permission: 'normativeDoc.draft',
      input: z.object({
        from: z.iso.date('日期格式应为YYYY-MM-DD').meta({ title: '征求意见开始日期' }), to: z.iso.date('日期格式应为YYYY-MM-DD').meta({ title: '征求意见截止日期' }),
        comments: z.number().int().min(0).max(100000).meta({ title: '收到意见条数' }), adoption: text('意见采纳情况（向社会反馈）'),
      }),
    },
    recordFairCompetition: {
      label: '公平竞争审查', from: ['draft'], to: 'draft', permission: 'normativeDoc.draft',
      input: z.object({
        entry: z.enum(YESNO).meta({ title: FAIR_COMPETITION_CHECKLIST.entry }), flow: z.enum(YESNO).meta({ title: FAIR_COMPETITION_CHECKLIST.flow }),
        cost: z.enum(YESNO).meta({ title: FAIR_COMPETITION_CHECKLIST.cost }), conduct: z.enum(YESNO).meta({ title: FAIR_COMPETITION_CHECKLIST.conduct }),
        exception: z.string().trim().max(1000).optional().meta({ title: '适用第12条例外的理由（如有）' }),
      }),
    },
    submitLegality: { label: '送司法局合法性审核', from: ['draft'], to: 'legalityReview', permission: 'normativeDoc.draft', guard: beforeLegality, clocks: [{ op: 'restart', clock: 'legality' }] },
    passLegality: { label: '合法性审核通过', from: ['legalityReview'], to: 'readyForMeeting', permission: 'normativeDoc.review', input: z.object({ opinion: text('审核意见') }), clocks: [{ op: 'stop', clock: 'legality' }] },
    failLegality: { label: '合法性审核不通过，退回修改', from: ['legalityReview'], to: 'draft', permission: 'normativeDoc.review', danger: true, input: z.object({ opinion: text('不通过的理由') }), clocks: [{ op: 'stop', clock: 'legality' }] },
    decide: {
      label: '集体审议通过', from: ['draft', 'legalityReview', 'readyForMeeting'], to: 'decided', permission: 'normativeDoc.decide', guard: beforeMeeting,
      input: z.object({ meeting: text('会议名称及日期') }),
    },
    publish: {
      label: '统一编号并公布', from: ['decided'], to: 'published', permission: 'normativeDoc.register',
      input: z.object({ validYears: z.number().int().min(1, '有效期至少1年').max(5, '有效期一般不超过5年').meta({ title: '有效期（年）' }) }),
      clocks: [{ op: 'start', clock: 'filing' }],
    },
    file: {
      label: '报备（上级政府和区人大常委会）', from: ['published'], to: 'inForce', permission: 'normativeDoc.register',
      input: z.object({ filedTo: text('报送机关') }),
      clocks: [{ op: 'stop', clock: 'filing' }, { op: 'start', clock: 'validity' }],
    },
    keep: { label: '清理：继续有效', from: ['inForce'], to: 'inForce', permission: 'normativeDoc.register', input: z.object({ campaign: text('清理活动名称') }) },
    markForAmendment: { label: '清理：需修改', from: ['inForce'], to: 'inForce', permission: 'normativeDoc.register', input: z.object({ campaign: text('清理活动名称'), reason: text('修改理由') }) },
    repeal: { label: '清理：废止', from: ['inForce'], to: 'repealed', permission: 'normativeDoc.register', danger: true, input: z.object({ campaign: text('清理活动名称'), reason: text('废止理由') }) },
    declareExpired: { label: '清理：宣布失效', from: ['inForce'], to: 'expired', permission: 'normativeDoc.register', danger: true, input: z.object({ campaign: text('清理活动名称'), reason: text('失效理由') }) },
    delist: { label: '清理：剔除目录', from: ['inForce'], to: 'delisted', permission: 'normativeDoc.register', danger: true, input: z.object({ campaign: text('清理活动名称'), reason: text('剔除理由（不属于规范性文件等）') }) },
    expire: { label: '有效期届满自动失效', from: ['inForce'], to: 'expired', permission: 'normativeDoc.register', system: true },
  },
});

export const CLEANUP_OUTCOMES: Record<string, string> = { keep: '继续有效', markForAmendment: '需修改', repeal: '废止', declareExpired: '宣布失效', delist: '剔除目录' };

export const NormativeDocInput = z.object({
  title: z.string().trim().min(4, '文件名称至少4个字').max(120).meta({ title: '文件名称' }),
  affectsMarket: z.boolean().meta({ title: '涉及市场主体生产经营活动' }),
  summary: z.string().trim().min(10, '请简述起草目的和主要内容（至少10个字）').max(5000).meta({ title: '起草说明' }),
});
