/** One zod schema per input shape of case-file review (messages in Chinese: they reach the form). */
import { z } from 'zod';

const text = (title: string, max = 500, min = 2) => z.string().trim().min(min, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });
const day = (title: string) => z.iso.date(`${title}格式应为YYYY-MM-DD`).meta({ title });

export const CAMPAIGN_KINDS = ['行政处罚', '行政许可', '行政检查', '行政强制', '其他'] as const;

export const SheetItemInput = z.object({
  key: z.string().trim().min(1, '请填写评查项目编号').max(40).regex(/^[a-zA-Z0-9-]+$/, '评查项目编号只能包含字母、数字和连字符'),
  tier: z.enum(['veto', 'form', 'content'], '请选择项目类别'),
  label: text('评查项目', 200),
  points: z.number({ error: '请填写分值' }).int('分值应为整数').min(0, '分值不能为负数').max(100, '分值不能超过100分'),
  auto: z.enum(['credentials', 'twoOfficers', 'legalReview', 'within90Days', 'basisCited']).optional(),
});

export const CampaignInput = z.object({
  year: z.number({ error: '请填写评查年度' }).int().min(2000, '评查年度不正确').max(2100, '评查年度不正确').meta({ title: '评查年度' }),
  name: text('评查活动名称', 100),
  kind: z.enum(CAMPAIGN_KINDS, '请选择案卷类别').meta({ title: '案卷类别' }),
  orgIds: z.array(z.uuid('被抽查单位不正确'), '请选择被抽查单位').min(1, '请至少选择一个被抽查单位').max(200).meta({ title: '被抽查单位' }),
  filesPerOrg: z.number({ error: '请填写每个单位抽查案卷数' }).int().min(1, '每个单位至少抽查1本案卷').max(100, '每个单位抽查案卷数不能超过100本').meta({ title: '每个单位抽查案卷数' }),
  startOn: day('开始日期'),
  endOn: day('截止日期'),
  plan: text('实施方案', 5000).optional(),
  /** Omitted: the default sheet (DEFAULT_SHEET). */
  sheet: z.array(SheetItemInput).min(1, '评查表至少应有一个项目').max(100).optional(),
});
export type CampaignInput = z.input<typeof CampaignInput>;

export const SampleInput = z.object({
  /** Omitted: a random seed, recorded with the draw so it can be redone. */
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});

export const ManualFileInput = z.object({
  orgId: z.uuid('请选择被抽查单位').meta({ title: '被抽查单位' }),
  fileNo: text('案卷编号（决定书文号）', 100),
  title: text('案由', 200),
  partyName: text('当事人', 100).optional(),
  decidedOn: day('决定日期').optional(),
});

export const ScoreInput = z.object({
  deductions: z.array(z.object({
    itemKey: z.string().min(1, '请选择扣分项目'),
    points: z.number({ error: '请填写扣分' }).int('扣分应为整数').min(1, '扣分至少为1分').max(100, '扣分不能超过100分'),
    note: text('扣分说明（发现的问题）', 500),
  })).max(100),
  /** The reviewer's verdict on each veto item; a pre-check may be overridden only with a reason. */
  vetoes: z.array(z.object({ itemKey: z.string().min(1), failed: z.boolean(), note: z.string().trim().max(500).default('') })).max(50),
  comment: z.string().trim().max(2000).optional(),
});
export type ScoreInput = z.input<typeof ScoreInput>;

/** A correction of a scored file: the whole score sheet again, with the reason for changing it. */
export const RescoreInput = ScoreInput.extend({ reason: text('改分理由', 500) });
export type RescoreInput = z.input<typeof RescoreInput>;

export const MEASURE_KINDS = ['interview', 'accountability'] as const;
export const MeasureInput = z.object({
  kind: z.enum(MEASURE_KINDS, '请选择类别（约谈或追责）').meta({ title: '类别' }),
  orgId: z.uuid('请选择单位').meta({ title: '单位' }),
  personName: text('被约谈或被追责人员姓名', 50),
  post: text('职务', 100),
  on: day('日期'),
  basis: text('依据和事由', 1000),
  /** 追责: the handling given (批评教育, 暂扣执法证, 处分 …). */
  outcome: z.string().trim().max(500).optional(),
});
export type MeasureInput = z.input<typeof MeasureInput>;

// ---- 执法监督 ----
export const SUPERVISION_SOURCES = ['12345投诉', '来信来访投诉', '案卷评查', '日常监督', '其他'] as const;
export const SupervisionInput = z.object({
  orgId: z.uuid('请选择被监督单位').meta({ title: '被监督单位' }),
  source: z.enum(SUPERVISION_SOURCES, '请选择监督事项来源').meta({ title: '事项来源' }),
  /** The 12345 ticket's number, when the complaint came in by the hotline. */
  ticketRef: z.string().trim().min(4, '12345工单编号不正确').max(40, '12345工单编号不正确').optional().meta({ title: '12345工单编号' }),
  summary: text('投诉或监督事项', 2000),
});
export type SupervisionInput = z.input<typeof SupervisionInput>;

export const JointMeetingInput = z.object({
  heldOn: day('会议日期'),
  topic: text('会议议题', 200),
  attendeeOrgIds: z.array(z.uuid('参会单位不正确'), '请选择参会单位').min(1, '请至少选择一个参会单位').max(200).meta({ title: '参会单位' }),
  items: z.array(text('协调事项', 500)).min(1, '请至少填写一项协调事项').max(50, '协调事项不能超过50项').meta({ title: '协调事项' }),
  minutes: z.string().trim().max(5000, '会议纪要不能超过5000个字').optional().meta({ title: '会议纪要' }),
});
export type JointMeetingInput = z.input<typeof JointMeetingInput>;
