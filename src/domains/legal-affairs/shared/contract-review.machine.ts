/**
 * 合同合法性审查: an administrative contract, agreement or other document an agency sends to the justice
 * bureau before signing (河南省合法性审查工作规定; 国办发〔2018〕115号 on legality review generally). The
 * bureau accepts it and reviews it itself or assigns an appointed legal counsel; it may return it once or
 * more for missing materials (the clock then starts again on resubmission); it issues an opinion —
 * 通过 / 修改后通过 / 不予通过 — made of individual comments (条款, 问题, 修改意见), each counted; the
 * sending agency closes the case recording how it acted on the opinion.
 */
import { z } from 'zod';
import { defineMachine, type GuardContext } from '../../../core/shared/machine';
import { checkCreditCode } from '../../../core/shared/ids';

export const DOC_KINDS = { contract: '合同', agreement: '协议', other: '其他文件' } as const;
export const CONCLUSIONS = ['通过', '修改后通过', '不予通过'] as const;

const text = (title: string, max = 2000) => z.string().trim().min(2, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });
const num = (d: Record<string, unknown>, k: string, dflt: number) => (typeof d[k] === 'number' ? (d[k] as number) : dflt);

export const ReviewComment = z.object({
  clause: z.string().trim().min(1, '请填写涉及的条款').max(100, '条款不能超过100个字').meta({ title: '条款' }),
  problem: text('存在的问题', 1000),
  suggestion: text('修改意见', 1000),
});

/** 修改后通过 and 不予通过 must say what is wrong: at least one comment. */
const opinionNeedsComments = ({ input }: GuardContext) => {
  const n = Array.isArray(input.comments) ? input.comments.length : 0;
  if (input.conclusion !== '通过' && n === 0) return `审查结论为「${String(input.conclusion)}」的，应当逐条列明问题和修改意见`;
  return null;
};

/** What a contract review keeps in `data`. */
export const ContractReviewData = z.object({
  docKind: z.enum(Object.keys(DOC_KINDS) as [keyof typeof DOC_KINDS, ...(keyof typeof DOC_KINDS)[]]), // 合同, 协议 or 其他文件
  reviewDays: z.number().int(), // working days to give the opinion (local, a setting)
});

export const contractReviewMachine = defineMachine({
  type: 'contractReview',
  plural: 'contract-reviews',
  label: '合同合法性审查',
  initial: 'submitted',
  data: ContractReviewData,
  states: {
    submitted: { label: '已送审待受理', color: 'processing' },
    underReview: { label: '审查中', color: 'processing' },
    returned: { label: '退回补充材料', color: 'warning' },
    opinionIssued: { label: '已出具审查意见', color: 'success' },
    closed: { label: '已办结', color: 'default', terminal: true },
    withdrawn: { label: '已撤回', color: 'default', terminal: true },
  },
  clocks: {
    review: {
      label: '审查期限', unit: 'workday', primary: true, limit: (d) => num(d, 'reviewDays', 5),
      legalBasis: (d) => `自收到送审材料之日起${num(d, 'reviewDays', 5)}个工作日内出具审查意见（地方规定，可配置；补充材料的，自补齐之日起重新计算）`,
    },
  },
  initialClocks: ['review'],
  events: {
    accept: {
      label: '受理并确定审查人', from: ['submitted'], to: 'underReview', permission: 'contractReview.review',
      input: z.object({ counselId: z.uuid('请选择法律顾问').optional().meta({ title: '指派法律顾问（不选则由司法局审查人员审查）' }) }),
    },
    requestMaterials: {
      label: '退回补充材料', from: ['submitted', 'underReview'], to: 'returned', permission: 'contractReview.review',
      input: z.object({ reason: text('需要补充的材料') }), clocks: [{ op: 'pause', clock: 'review', reason: '退回补充材料' }],
    },
    resubmit: {
      label: '补充材料后重新送审', from: ['returned'], to: 'underReview', permission: 'contractReview.submit',
      input: z.object({ materials: text('补充的材料') }), clocks: [{ op: 'restart', clock: 'review' }],
    },
    issueOpinion: {
      label: '出具审查意见', from: ['underReview'], to: 'opinionIssued', permission: 'contractReview.review', guard: opinionNeedsComments,
      input: z.object({
        conclusion: z.enum(CONCLUSIONS, '请选择审查结论（通过、修改后通过或不予通过）').meta({ title: '审查结论' }),
        summary: text('审查意见概述'),
        comments: z.array(ReviewComment).max(200, '一次最多200条意见').default([]).meta({ title: '逐条审查意见' }),
      }),
      clocks: [{ op: 'stop', clock: 'review' }],
    },
    close: {
      label: '反馈采纳情况并办结', from: ['opinionIssued'], to: 'closed', permission: 'contractReview.submit',
      input: z.object({ adoption: text('审查意见采纳情况') }),
    },
    withdraw: { label: '撤回送审', from: ['submitted', 'returned'], to: 'withdrawn', permission: 'contractReview.submit', danger: true, input: z.object({ reason: text('撤回理由') }) },
  },
});

export const ContractReviewInput = z.object({
  title: z.string().trim().min(4, '文件名称至少4个字').max(120, '文件名称不能超过120个字').meta({ title: '文件名称' }),
  docKind: z.enum(Object.keys(DOC_KINDS) as [keyof typeof DOC_KINDS, ...(keyof typeof DOC_KINDS)[]], '请选择文件类型（合同、协议或其他文件）').meta({ title: '文件类型' }),
  counterparty: z.string().trim().max(200, '相对方不能超过200个字').optional().meta({ title: '合同相对方' }),
  amountYuan: z.number('合同金额应为数字').int('合同金额以元为单位，应为整数').min(0, '合同金额不能为负数').max(1e13, '合同金额过大').optional().meta({ title: '合同金额（元）' }),
  summary: z.string().trim().min(10, '请简述主要内容和送审理由（至少10个字）').max(5000).meta({ title: '主要内容' }),
});
export type ContractReviewInput = z.infer<typeof ContractReviewInput>;

// ---- legal counsel pool ----

export const WORK_KINDS = { review: '合法性审查（审查合同等）', opinion: '出具法律意见', case: '代理诉讼、复议案件', consultation: '法律咨询、讲座' } as const;
export type WorkKind = keyof typeof WORK_KINDS;
const workKinds = Object.keys(WORK_KINDS) as [WorkKind, ...WorkKind[]];
const IsoDate = z.iso.date('日期格式应为YYYY-MM-DD');

export const FirmInput = z.object({
  name: z.string().trim().min(4, '律师事务所名称至少4个字').max(100, '律师事务所名称不能超过100个字').meta({ title: '律师事务所' }),
  creditCode: z.string().trim().refine((v) => checkCreditCode(v).valid, { message: '统一社会信用代码无效（GB 32100 校验位不符或格式不对）' }).optional().meta({ title: '统一社会信用代码' }),
});
export const LawyerInput = z.object({
  firmId: z.uuid('请选择律师事务所').meta({ title: '律师事务所' }),
  name: z.string().trim().min(2, '请填写律师姓名').max(30, '姓名不能超过30个字').meta({ title: '姓名' }),
  licenceNo: z.string().trim().regex(/^\d{17}$/, '律师执业证号应为17位数字').meta({ title: '执业证号' }),
});
export const AppointmentInput = z.object({
  lawyerId: z.uuid('请选择律师').meta({ title: '律师' }),
  orgId: z.uuid('请选择服务单位').meta({ title: '服务单位' }),
  from: IsoDate.meta({ title: '聘期开始' }),
  to: IsoDate.meta({ title: '聘期结束' }),
});
export const WorkInput = z.object({
  lawyerId: z.uuid('请选择律师').meta({ title: '律师' }),
  orgId: z.uuid('请选择服务单位').meta({ title: '服务单位' }),
  kind: z.enum(workKinds, '请选择工作类型').meta({ title: '工作类型' }),
  on: IsoDate.meta({ title: '日期' }),
  subject: z.string().trim().min(2, '请填写工作内容').max(500, '工作内容不能超过500个字').meta({ title: '工作内容' }),
});
