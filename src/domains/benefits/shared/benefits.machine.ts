/**
 * Two machines. A policy (惠企政策兑现事项) is drafted by its department, goes through the justice bureau's
 * legality review (合法性审查; 优化营商环境条例 第62条 asks that rules touching market actors be reviewed;
 * the review period is local) and the government's approval, and is published; a published policy may
 * be revised (a new dated version; the published one stays in force until the new one is published) or
 * retired. An objection (异议) disputes one register fact behind a result; the department that runs the
 * policy has a period (local, a setting) to confirm the data or correct it, and a correction re-runs
 * the rule for that firm.
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';
import { SandboxResult } from './benefits.schema';

const text = (title: string, max = 1000, min = 2) => z.string().trim().min(min, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });
const num = (d: Record<string, unknown>, k: string, dflt: number) => (typeof d[k] === 'number' ? (d[k] as number) : dflt);

/** The facts a policy keeps in `cases.data`. */
export const BenefitPolicyData = z.object({
  /** The legality review period in working days (a setting, fixed when the policy is drafted). */
  reviewDays: z.number().int(),
  /** The policy's code, kept in step with its draft version. */
  code: z.string(),
  /** The last sandbox run of the draft (拟惠及对象和资金规模); null once the draft changes, required to submit. */
  sandbox: SandboxResult.nullable(),
});

export const policyMachine = defineMachine({
  type: 'benefitPolicy',
  plural: 'benefit-policies',
  label: '惠企政策兑现事项',
  data: BenefitPolicyData,
  initial: 'drafting',
  states: {
    drafting: { label: '起草中', color: 'default' },
    legalReview: { label: '合法性审查中', color: 'processing' },
    approving: { label: '待审定', color: 'processing' },
    published: { label: '已发布', color: 'success' },
    retired: { label: '已废止', color: 'default', terminal: true },
  },
  clocks: {
    review: {
      label: '合法性审查期限', unit: 'workday', primary: true, warnBefore: 2,
      limit: (d) => num(d, 'reviewDays', 5),
      legalBasis: (d) => `合法性审查期限（本地规定${num(d, 'reviewDays', 5)}个工作日，可配置）`,
    },
  },
  events: {
    submitReview: { label: '送合法性审查', from: ['drafting'], to: 'legalReview', permission: 'benefitPolicy.author', clocks: [{ op: 'start', clock: 'review' }] },
    passReview: {
      label: '审查通过', from: ['legalReview'], to: 'approving', permission: 'benefitPolicy.review',
      input: z.object({ opinion: text('审查意见') }), clocks: [{ op: 'stop', clock: 'review' }],
    },
    returnReview: {
      label: '退回修改', from: ['legalReview'], to: 'drafting', permission: 'benefitPolicy.review', danger: true,
      input: z.object({ opinion: text('审查意见（须修改之处）') }), clocks: [{ op: 'stop', clock: 'review' }],
    },
    publish: { label: '审定发布', from: ['approving'], to: 'published', permission: 'benefitPolicy.approve', confirm: '发布后，下一次全县比对即按本版本兑现。确定发布？' },
    rejectApproval: { label: '不予审定', from: ['approving'], to: 'drafting', permission: 'benefitPolicy.approve', danger: true, input: z.object({ reason: text('理由') }) },
    revise: { label: '修订（新版本）', from: ['published'], to: 'drafting', permission: 'benefitPolicy.author' },
    retire: { label: '废止', from: ['published', 'drafting'], to: 'retired', permission: 'benefitPolicy.approve', danger: true, input: z.object({ reason: text('废止理由') }) },
  },
});

/** The facts an objection keeps in `cases.data`. */
export const BenefitObjectionData = z.object({
  /** The verification period in working days (a setting, fixed when the objection is filed). */
  verifyDays: z.number().int(),
  /** The register fact disputed. */
  factKey: z.string(),
  /** The value the firm says is right, as typed. */
  claimedValue: z.string(),
  /** Whether the objection went to the department owning the fact's source (else the policy's, which checks with it). */
  routedToSource: z.boolean(),
  /** The department that verifies, as the case shows it. */
  sourceDepartment: z.string(),
  /** After a correction: the re-run's outcome for the firm. */
  rerunOutcome: z.enum(['eligible', 'nearMiss', 'ineligible', 'excluded', 'overBudget']),
  /** After a correction: the re-run's amount in fen. */
  rerunAmountFen: z.number().int(),
});

export const objectionMachine = defineMachine({
  type: 'benefitObjection',
  plural: 'benefit-objections',
  label: '惠企政策兑现异议',
  data: BenefitObjectionData,
  initial: 'filed',
  states: {
    filed: { label: '待核实', color: 'processing' },
    confirmed: { label: '核实无误', color: 'default', terminal: true },
    corrected: { label: '已更正并重新比对', color: 'success', terminal: true },
    withdrawn: { label: '已撤回', color: 'default', terminal: true },
  },
  clocks: {
    verify: {
      label: '核实期限', unit: 'workday', primary: true, warnBefore: 1,
      limit: (d) => num(d, 'verifyDays', 5),
      legalBasis: (d) => `异议核实期限（本地规定${num(d, 'verifyDays', 5)}个工作日，可配置）`,
    },
  },
  initialClocks: ['verify'],
  events: {
    confirm: {
      label: '核实原数据无误', from: ['filed'], to: 'confirmed', permission: 'benefitObjection.verify',
      input: z.object({ reply: text('答复（数据来源和核实情况）') }), clocks: [{ op: 'stop', clock: 'verify' }],
    },
    correct: {
      label: '更正数据并重新比对', from: ['filed'], to: 'corrected', permission: 'benefitObjection.verify',
      input: z.object({
        value: z.string().trim().min(1, '请填写更正后的数值').max(60).meta({ title: '更正后的数值' }),
        reply: text('更正依据'),
      }),
      clocks: [{ op: 'stop', clock: 'verify' }],
    },
    withdraw: { label: '撤回异议', from: ['filed'], to: 'withdrawn', permission: 'benefitObjection.withdraw', clocks: [{ op: 'stop', clock: 'verify' }] },
  },
});
