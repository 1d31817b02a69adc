/**
 * 重大行政决策 under 重大行政决策程序暂行条例 (国务院令第713号, 2019). A decision enters the year's catalog
 * (published after the same-level Party committee agrees, 第3条), then walks 公众参与 (always unless the
 * matter may not be disclosed, 第14条; comment period generally ≥30 days, 第15条), 专家论证 (when
 * technical, 第19条), 风险评估 (when stability or safety is at stake, 第22条), 合法性审查 (always; no
 * review or a failed one → it cannot go to discussion, 第25条; the reviewer gets ≥7 working days,
 * 第26条), 集体讨论决定 (dissent recorded, 第30条), 公布 (第32条) and 归档 (第33条). Which steps a decision
 * needs is set when it enters the catalog; the guards name what is still missing.
 */
import { z } from 'zod';
import { defineMachine, type GuardContext } from '../../../core/shared/machine';

export const STEPS = {
  participation: '公众参与',
  expert: '专家论证',
  risk: '风险评估',
} as const;
export type Step = keyof typeof STEPS;

/** The mandatory steps not yet recorded, in the order of the regulation. */
export function missingSteps(data: Record<string, unknown>): string[] {
  const needs = (data.needs ?? {}) as Partial<Record<Step, boolean>>;
  const done = (data.done ?? {}) as Partial<Record<Step, boolean>>;
  return (Object.keys(STEPS) as Step[]).filter((s) => needs[s] && !done[s]).map((s) => STEPS[s]);
}
const beforeReview = ({ data }: GuardContext) => {
  const m = missingSteps(data);
  return m.length ? `尚未完成：${m.join('、')}（重大行政决策程序暂行条例 第14、19、22条），不能送合法性审查` : null;
};
const beforeDecision = ({ data }: GuardContext) => {
  const m = missingSteps(data);
  if (!data.legalityPassed) m.push('合法性审查');
  return m.length ? `尚未完成：${m.join('、')}，不得提交集体讨论决定（重大行政决策程序暂行条例 第25条）` : null;
};

const text = (title: string, min = 2) => z.string().trim().min(min, `请填写${title}`).max(3000).meta({ title });
const day = (title: string) => z.iso.date(`${title}格式应为YYYY-MM-DD`).meta({ title });

/** What a major decision keeps in `data`: which steps it needs, which are done and each one's record. */
export const MajorDecisionData = z.object({
  year: z.number().int(), // the 目录 year
  needs: z.record(z.string(), z.boolean()), // step → required (公众参与 unless exempt, 专家论证, 风险评估)
  done: z.record(z.string(), z.boolean()), // step → recorded
  participation: z.record(z.string(), z.unknown()), // 公众参与 as entered (the event's input schema is its shape)
  expert: z.record(z.string(), z.unknown()), // 专家论证 as entered
  risk: z.record(z.string(), z.unknown()), // 风险评估 as entered
  draftingOrg: z.string(), // 承办单位
  legalityDays: z.number().int(), // working days of legality review (第26条)
  legalityPassed: z.boolean(), // the last legality review passed
  legalityOpinion: z.string(), // its opinion
});

export const majorDecisionMachine = defineMachine({
  type: 'majorDecision',
  plural: 'major-decisions',
  label: '重大行政决策',
  initial: 'cataloged',
  data: MajorDecisionData,
  states: {
    cataloged: { label: '已列入目录，履行程序中', color: 'processing' },
    legalityReview: { label: '合法性审查中', color: 'processing' },
    readyForMeeting: { label: '待集体讨论决定', color: 'processing' },
    decided: { label: '已决定待公布', color: 'processing' },
    published: { label: '已公布', color: 'success' },
    archived: { label: '已归档', color: 'success', terminal: true },
    withdrawn: { label: '已调出目录', color: 'default', terminal: true },
  },
  clocks: {
    legality: { label: '合法性审查期限', unit: 'workday', limit: (d) => (typeof d.legalityDays === 'number' ? d.legalityDays : 7), legalBasis: '重大行政决策程序暂行条例 第26条（一般不少于7个工作日）' },
  },
  events: {
    recordParticipation: {
      label: '记录公众参与', from: ['cataloged'], to: 'cataloged', permission: 'majorDecision.manage',
      input: z.object({
        from: day('征求意见开始日期'), to: day('征求意见截止日期'),
        channels: text('征求意见方式（网站、座谈会、听证会等）'),
        comments: z.number().int().min(0).max(1000000).meta({ title: '收到意见条数' }),
        adoption: text('意见采纳情况说明'),
        shortenedReason: z.string().trim().max(500).optional().meta({ title: '少于30日的理由（紧急情况）' }),
      }),
    },
    recordExpertReview: {
      label: '记录专家论证', from: ['cataloged'], to: 'cataloged', permission: 'majorDecision.manage',
      input: z.object({ experts: text('参加论证的专家'), opinion: text('论证意见及采纳情况') }),
    },
    recordRiskAssessment: {
      label: '记录风险评估', from: ['cataloged'], to: 'cataloged', permission: 'majorDecision.manage',
      input: z.object({ level: z.enum(['低风险', '中风险', '高风险'], '请选择风险等级').meta({ title: '风险等级' }), measures: text('风险防范化解措施') }),
    },
    submitLegality: {
      label: '送合法性审查', from: ['cataloged'], to: 'legalityReview', permission: 'majorDecision.manage', guard: beforeReview,
      clocks: [{ op: 'restart', clock: 'legality' }],
    },
    passLegality: {
      label: '合法性审查通过', from: ['legalityReview'], to: 'readyForMeeting', permission: 'majorDecision.review',
      input: z.object({ opinion: text('合法性审查意见') }), clocks: [{ op: 'stop', clock: 'legality' }],
    },
    failLegality: {
      label: '合法性审查不通过，退回修改', from: ['legalityReview'], to: 'cataloged', permission: 'majorDecision.review', danger: true,
      input: z.object({ opinion: text('不通过的理由和修改意见') }), clocks: [{ op: 'stop', clock: 'legality' }],
    },
    decide: {
      label: '集体讨论决定', from: ['readyForMeeting'], to: 'decided', permission: 'majorDecision.decide', guard: beforeDecision,
      input: z.object({
        meeting: text('会议名称（常务会议或全体会议）及日期'),
        result: z.enum(['通过', '原则通过，按意见修改', '不予通过'], '请选择决定结果').meta({ title: '决定结果' }),
        dissent: z.string().trim().max(2000).optional().meta({ title: '不同意见（如实记录）' }),
      }),
    },
    publish: {
      label: '公布', from: ['decided'], to: 'published', permission: 'majorDecision.manage',
      input: z.object({ where: text('公布渠道（政府公报、门户网站、本地报纸）') }),
    },
    archive: { label: '归档', from: ['published'], to: 'archived', permission: 'majorDecision.manage' },
    withdraw: {
      label: '调出目录', from: ['cataloged'], to: 'withdrawn', permission: 'majorDecision.decide', danger: true,
      input: z.object({ reason: text('调整理由') }),
    },
  },
});

export const DecisionInput = z.object({
  title: z.string().trim().min(4, '决策事项名称至少4个字').max(100).meta({ title: '决策事项' }),
  year: z.number().int().min(2019).max(2100).meta({ title: '目录年度' }),
  draftingOrgId: z.uuid('请选择承办单位').meta({ title: '承办单位' }),
  /** 第14条: public participation may be skipped only where the law keeps the matter undisclosed. */
  participationExempt: z.boolean().optional().meta({ title: '依法不予公开，不进行公众参与' }),
  needsExpert: z.boolean().meta({ title: '专业性、技术性较强，需专家论证' }),
  needsRisk: z.boolean().meta({ title: '可能影响社会稳定、公共安全，需风险评估' }),
  partyApprovedOn: z.iso.date('党委同意日期格式应为YYYY-MM-DD').meta({ title: '目录经同级党委同意日期' }),
});
