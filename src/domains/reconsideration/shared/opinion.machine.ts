/**
 * 行政复议意见书 / 建议书 (行政复议法 第76条): finding an illegal or improper act while handling a case, the
 * 复议机关 may send the respondent (or another agency concerned) an 意见书; the addressee reports how it
 * corrected the act within 60 days of receiving it. The letter is its own case, linked to the 复议 case
 * (`opinionOn`), owned by the addressee so its own staff answer it and the 工作台 shows it falling due.
 * 60 is the statute's figure, in natural days (第88条 makes only 3/5/7/10-day limits working days).
 */
import { z } from 'zod';
import { defineMachine } from '../../../core/shared/machine';

/** 第76条: sixty days from receipt. */
export const OPINION_REPLY_DAYS = 60;
export const OPINION_KINDS = ['意见书', '建议书'] as const;

const text = (title: string, max = 3000) => z.string().trim().min(2, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });

/** What an 意见书 keeps in `data`. */
export const OpinionData = z.object({
  reconsiderationRefNo: z.string(), // the 复议 case it was issued in
  kind: z.enum(OPINION_KINDS), // 意见书 or 建议书
});

export const reconsiderationOpinionMachine = defineMachine({
  type: 'reconsiderationOpinion',
  plural: 'reconsideration-opinions',
  label: '行政复议意见书',
  initial: 'issued',
  data: OpinionData,
  states: {
    issued: { label: '待报送纠正情况', color: 'processing' },
    replied: { label: '已报送纠正情况', color: 'success', terminal: true },
  },
  clocks: {
    reply: {
      label: '报送纠正情况期限', unit: 'natural', primary: true, warnBefore: 5,
      limit: OPINION_REPLY_DAYS,
      legalBasis: '行政复议法 第76条：自收到行政复议意见书之日起60日内，将纠正相关违法或者不当行政行为的情况报送行政复议机关',
    },
  },
  initialClocks: ['reply'],
  events: {
    reply: {
      label: '报送纠正情况', from: ['issued'], to: 'replied', permission: 'reconsiderationOpinion.reply',
      input: z.object({
        rectification: text('纠正违法或者不当行政行为的情况'),
        measures: text('采取的整改措施（制度、人员、程序）'),
      }),
      clocks: [{ op: 'stop', clock: 'reply' }],
    },
  },
});

export const OpinionInput = z.object({
  kind: z.enum(OPINION_KINDS, '请选择意见书或建议书').default('意见书').meta({ title: '文书' }),
  addresseeOrgId: z.uuid('请选择主送机关').optional().meta({ title: '主送机关（不选为被申请人）' }),
  problems: text('发现的违法或者不当行政行为'),
  suggestions: text('纠正意见和建议'),
});
export type OpinionInput = z.input<typeof OpinionInput>;
