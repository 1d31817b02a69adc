/**
 * 行政执法监督事项 (a supervision matter of the justice bureau over an enforcement unit). It opens on a
 * complaint (a 12345 ticket transferred in, or a letter), on a finding of a review or inspection, or on the
 * bureau's own initiative; the bureau verifies it (核查) and either closes it as unfounded or issues a
 * 行政执法监督意见书 to the unit with a reply/rectification period; the unit signs for it, rectifies and
 * replies in writing; only the bureau closes it after reviewing the reply (or sends it back).
 *
 * 行政执法监督条例 (国务院令第825号) 第6条 makes the county's 司法行政部门 the government's 行政执法监督机构
 * (confirmed). The notice form, the unit's written reply and its period are modelled on local supervision
 * rules; the article numbers of 825号 on 意见书, 投诉举报 and the period could not be read (README): the
 * period is a setting (SUPERVISION_REPLY_DAYS, working days) fixed on the matter when it is opened.
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';

const text = (title: string, max = 2000) => z.string().trim().min(2, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });
const days = (d: Record<string, unknown>) => (typeof d.days === 'number' ? d.days : 30);

/** The facts a supervision matter keeps in `cases.data`. */
export const SupervisionData = z.object({
  /** The reply period in working days (SUPERVISION_REPLY_DAYS when the matter was opened). */
  days: z.number().int(),
  /** 12345投诉 | 来信来访投诉 | 案卷评查 | 日常监督 | 其他 */
  source: z.string(),
});

export const IssueNoticeInput = z.object({
  problems: text('发现的问题'),
  requirement: text('监督意见和整改要求'),
});

export const supervisionMachine = defineMachine({
  type: 'supervision',
  plural: 'supervisions',
  label: '行政执法监督',
  data: SupervisionData,
  initial: 'verifying',
  states: {
    verifying: { label: '核查中', color: 'processing' },
    issued: { label: '已制发监督意见书，待单位签收', color: 'warning' },
    rectifying: { label: '单位整改中', color: 'processing' },
    replied: { label: '单位已书面答复，待审查', color: 'processing' },
    closed: { label: '整改到位，已办结', color: 'success', terminal: true },
    dismissed: { label: '经核查问题不成立，已办结', color: 'default', terminal: true },
  },
  clocks: {
    reply: {
      label: '整改答复期限', unit: 'workday', limit: days, primary: true, warnBefore: 3,
      legalBasis: '行政执法监督条例（国务院令第825号）第六条：司法行政部门为行政执法监督机构；意见书的答复期限为本地规定（SUPERVISION_REPLY_DAYS，可配置）',
    },
  },
  events: {
    issue: {
      label: '制发行政执法监督意见书', from: ['verifying'], to: 'issued', permission: 'supervision.manage', input: IssueNoticeInput,
      clocks: [{ op: 'start', clock: 'reply' }],
    },
    dismiss: { label: '核查不成立，办结', from: ['verifying'], to: 'dismissed', permission: 'supervision.manage', input: z.object({ note: text('核查结论') }), danger: true },
    receive: { label: '签收监督意见书', from: ['issued'], to: 'rectifying', permission: 'supervision.handle' },
    // The unit owes the reply within the period: the clock waits while the bureau reviews it and runs on if sent back.
    reply: {
      label: '书面答复整改情况', from: ['rectifying'], to: 'replied', permission: 'supervision.handle', input: z.object({ note: text('整改情况') }),
      clocks: [{ op: 'pause', clock: 'reply', reason: '待司法局审查答复' }],
    },
    accept: { label: '审查通过，办结', from: ['replied'], to: 'closed', permission: 'supervision.manage', input: z.object({ note: text('审查意见') }), clocks: [{ op: 'stop', clock: 'reply' }] },
    returnFix: {
      label: '整改不到位，退回', from: ['replied'], to: 'rectifying', permission: 'supervision.manage', input: z.object({ note: text('退回理由') }), danger: true,
      clocks: [{ op: 'resume', clock: 'reply' }],
    },
  },
});
