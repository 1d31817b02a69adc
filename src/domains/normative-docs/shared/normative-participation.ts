/**
 * Public comment on the draft by passage, the published account of adoption (优化营商环境条例 第62条:
 * feedback on which comments were adopted), and post-evaluation (后评估) of documents in force.
 */
import { z } from 'zod';

const IsoDate = z.iso.date('日期格式应为YYYY-MM-DD');

export const DraftTextInput = z.object({
  text: z.string().trim().min(20, '请粘贴征求意见稿全文（至少20个字）').max(50000, '征求意见稿不能超过5万字').meta({ title: '征求意见稿全文' }),
  from: IsoDate.meta({ title: '征求意见开始日期' }),
  to: IsoDate.meta({ title: '征求意见截止日期' }),
});

export const PublicCommentInput = z.object({
  passageNo: z.number('请选择要评论的条款').int('请选择要评论的条款').min(1, '请选择要评论的条款').meta({ title: '条款' }),
  content: z.string().trim().min(5, '意见内容至少5个字').max(2000, '意见内容不能超过2000个字').meta({ title: '意见内容' }),
  name: z.string().trim().max(30, '署名不能超过30个字').optional().meta({ title: '署名（可不填）' }),
});

export const ADOPTION = { adopted: '采纳', partly: '部分采纳', notAdopted: '不予采纳' } as const;
export type Adoption = keyof typeof ADOPTION;
export const CommentResponseInput = z.object({
  adoption: z.enum(Object.keys(ADOPTION) as [Adoption, ...Adoption[]], '请选择采纳情况（采纳、部分采纳或不予采纳）').meta({ title: '采纳情况' }),
  reason: z.string().trim().max(1000, '理由不能超过1000个字').optional().meta({ title: '理由（部分采纳、不予采纳的必填）' }),
});

export const EVALUATION_CONCLUSIONS = ['继续执行', '修改', '废止'] as const;
export const EvaluationInput = z.object({
  evaluators: z.string().trim().min(2, '请填写评估主体和参与人员').max(500).meta({ title: '评估主体和参与人员' }),
  method: z.string().trim().min(2, '请填写评估方式').max(500).meta({ title: '评估方式' }),
  findings: z.string().trim().min(10, '请填写评估发现（至少10个字）').max(5000).meta({ title: '评估发现' }),
  conclusion: z.enum(EVALUATION_CONCLUSIONS, '请选择评估结论（继续执行、修改或废止）').meta({ title: '评估结论' }),
  completedOn: IsoDate.meta({ title: '完成日期' }),
});

const ARTICLE = /^(第[一二三四五六七八九十百零〇\d]+条)\s*/;
const HEADING = /^第[一二三四五六七八九十百零〇\d]+[章节]\s*\S*/;
/** Splits a draft into passages: each 第N条 with the lines that follow it; a chapter heading or a loose paragraph is its own passage. */
/**
 * 优化营商环境条例 第62条: a document closely tied to market players' business is out for comment at
 * least 30 days. The refusal in Chinese, or null; one rule for the recorded comment and the posted draft.
 */
export function commentPeriodRefusal(from: string, to: string, affectsMarket: boolean): string | null {
  const days = (Date.parse(to) - Date.parse(from)) / 86400_000;
  return affectsMarket && days < 30 ? `征求意见期限为${days}日；与市场主体生产经营活动密切相关的，一般不少于30日（优化营商环境条例 第62条）` : null;
}

export function splitPassages(text: string): { no: number; label: string; text: string }[] {
  const out: { no: number; label: string; text: string; article: boolean }[] = [];
  let para = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const art = ARTICLE.exec(line);
    if (art) { out.push({ no: out.length + 1, label: art[1], text: line, article: true }); continue; }
    const last = out[out.length - 1];
    if (last?.article && !HEADING.test(line)) { last.text += `\n${line}`; continue; }
    out.push({ no: out.length + 1, label: HEADING.test(line) ? line.split(/\s+/)[0] : `第${++para}段`, text: line, article: false });
  }
  return out.map(({ no, label, text: t }) => ({ no, label, text: t }));
}
