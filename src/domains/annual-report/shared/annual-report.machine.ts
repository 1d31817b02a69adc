/**
 * The annual report's workflow (厅字〔2019〕28号《法治政府建设与责任落实督察工作规定》): drafted by the
 * body, reviewed internally, approved by its leader, checked for confidentiality before anything goes
 * public (政府信息公开条例 第17条: 公开前保密审查), then published on the portal by 1 April of the next
 * year (第24条). Any reviewer can send it back to draft with a reason. Each step is a different person
 * (起草、审核、审批、保密审查 four hands; the checks in server/index.ts read who acted before).
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';

const Reason = z.object({ reason: z.string().trim().min(2, '请说明退回理由').max(500).meta({ title: '退回理由' }) });

/** The facts a report keeps in `cases.data`. */
export const AnnualReportData = z.object({
  /** The year reported on. */
  year: z.number().int(),
  /** The publication deadline, 1 April of the next year (第24条), YYYY-MM-DD. */
  deadline: z.iso.date(),
  /** Natural days from the case's creation to the deadline: the publication clock's limit. */
  daysToDeadline: z.number().int(),
  /** Marked by the drafter as a 阶段性报告: the only way it is published before its year ends. */
  preliminary: z.boolean().optional(),
});

const Acknowledge = z.object({
  acknowledgeManual: z.boolean().optional().meta({ title: '已逐项核对报告中的人工填报数据', description: '报告含人工填报数据（非系统记录生成）时须勾选' }),
});

export const annualReportMachine = defineMachine({
  type: 'annualReport',
  plural: 'annual-reports',
  label: '法治政府建设年度报告',
  data: AnnualReportData,
  initial: 'draft',
  states: {
    draft: { label: '起草中', color: 'default' },
    internalReview: { label: '内部审核', color: 'processing' },
    leaderApproval: { label: '领导审批', color: 'processing' },
    confidentialityReview: { label: '保密审查', color: 'warning' },
    published: { label: '已公开', color: 'success', terminal: true },
  },
  clocks: {
    // 厅字〔2019〕28号 第24条: published by 1 April; the limit is computed from the case's own dates.
    publication: { label: '公开期限', unit: 'natural', limit: (d) => (typeof d.daysToDeadline === 'number' ? d.daysToDeadline : null), legalBasis: '厅字〔2019〕28号 第24条（每年4月1日前公开）', primary: true, warnBefore: 10 },
  },
  initialClocks: ['publication'],
  events: {
    submit: { label: '提交审核', from: ['draft'], to: 'internalReview', permission: 'annualReport.edit' },
    approveInternal: { label: '审核通过', from: ['internalReview'], to: 'leaderApproval', permission: 'annualReport.review' },
    approveLeader: { label: '领导审批通过', from: ['leaderApproval'], to: 'confidentialityReview', permission: 'annualReport.approve', input: Acknowledge },
    passConfidentiality: { label: '保密审查通过并公开', from: ['confidentialityReview'], to: 'published', permission: 'annualReport.confidentiality' },
    returnToDraft: { label: '退回修改', from: ['internalReview', 'leaderApproval', 'confidentialityReview'], to: 'draft', permission: 'annualReport.review', input: Reason, danger: true },
  },
});
