/** Shapes of the annual report (法治政府建设年度报告): its parts, paragraphs and traceable numbers. */
import { z } from 'zod';
import { METRIC_UNITS } from '../../../core/shared/metric-units';

/** A number in a data sentence, with everything needed to show where it came from. */
export const MetricRef = z.object({
  key: z.string(),
  label: z.string(),
  definition: z.string(),
  unit: z.enum(METRIC_UNITS),
  numerator: z.number(),
  denominator: z.number().nullable(),
  query: z.object({ divisionCode: z.string(), orgId: z.string().optional(), from: z.string(), to: z.string(), caseType: z.string().optional() }),
});
export type MetricRef = z.infer<typeof MetricRef>;

export const Segment = z.object({ text: z.string(), metric: MetricRef.optional() });
export type Segment = z.infer<typeof Segment>;

/**
 * A figure typed by hand instead of drawn from records (人工填报): who, when, why and what the records
 * said before, so the appendix and the approver can see it.
 */
export const ManualEntry = z.object({ by: z.string(), at: z.string(), reason: z.string(), original: z.string() });
export type ManualEntry = z.infer<typeof ManualEntry>;

export const ReportParagraph = z.object({
  id: z.string(),
  /**
   * `pending` (待补充) is a sentence the template expects but the records cannot supply: shown to the
   * drafter with why, never printed in an exported or published report.
   */
  kind: z.enum(['data', 'narrative', 'pending']),
  /** The sentence template a data paragraph came from; regeneration replaces it unless edited. */
  source: z.string().nullable(),
  edited: z.boolean(),
  segments: z.array(Segment),
  manual: ManualEntry.optional(),
});
export type ReportParagraph = z.infer<typeof ReportParagraph>;

export const ReportSection = z.object({ key: z.string(), heading: z.string().nullable(), paragraphs: z.array(ReportParagraph) });
export const ReportPart = z.object({ key: z.string(), heading: z.string(), sections: z.array(ReportSection) });
export type ReportPart = z.infer<typeof ReportPart>;
export const ReportContent = z.object({ title: z.string(), parts: z.array(ReportPart) });
export type ReportContent = z.infer<typeof ReportContent>;

export const AnnualReportCreate = z.object({
  year: z.number().int().min(2019).max(2100).meta({ title: '年度' }),
  subjectKind: z.enum(['division', 'org']).meta({ title: '报告主体类型' }),
  divisionCode: z.string().regex(/^\d{6}(\d{3}){0,2}$/).optional().meta({ title: '区划代码' }),
  orgId: z.uuid().optional().meta({ title: '机关' }),
  template: z.enum(['standard', 'leadershipFirst']).default('standard').meta({ title: '报告模板' }),
});

export const ParagraphEdit = z.object({
  text: z.string().trim().min(1, '段落内容不能为空').max(5000, '段落不能超过5000字').meta({ title: '段落内容' }),
  /** Required when the paragraph is a data or 待补充 sentence: its figures become 人工填报. */
  reason: z.string().trim().max(500, '理由不能超过500字').optional().meta({ title: '人工填报理由' }),
});

/** The last return to draft, shown to the drafter until the report is submitted again. */
export const ReportReturn = z.object({ reason: z.string(), by: z.string(), stage: z.string(), at: z.string() });

export const AnnualReportView = z.object({
  id: z.uuid(),
  refNo: z.string(),
  year: z.number().int(),
  subjectName: z.string(),
  state: z.string(),
  stateName: z.string(),
  contentVersion: z.number().int(),
  generatedAt: z.string().nullable(),
  editable: z.boolean(),
  /** A report published before its year ends must say so (阶段性报告). */
  preliminary: z.boolean(),
  /** Figures typed by hand: the leader acknowledges them at approval. */
  manualCount: z.number().int(),
  returned: ReportReturn.nullable(),
  content: ReportContent,
});
export type AnnualReportView = z.infer<typeof AnnualReportView>;
