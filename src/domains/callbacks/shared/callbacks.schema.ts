/**
 * 回访 (callbacks) as data: the kinds of case followed, their states, the default scripts, and the one
 * zod schema per shape the routes and pages share.
 */
import { z } from 'zod';

/** Case types followed and the states that count as done (subscribed by case-type string). */
export const CALLBACK_KINDS = {
  // 办结 (delivered) and 不予许可 (denied): a decision was made; refused or withdrawn applications were not served.
  application: { label: '办件回访', toStates: ['delivered', 'denied'] },
  // The hotline's terminal state for a handled ticket (src/domains/hotline/README.md); 并单 (merged) is not.
  ticket: { label: '12345工单回访', toStates: ['closed'] },
} as const;
export type CallbackKind = keyof typeof CALLBACK_KINDS;
export const KIND_KEYS = Object.keys(CALLBACK_KINDS) as [CallbackKind, ...CallbackKind[]];

export const CALLBACK_STATES = { pending: '待回访', done: '已回访', unreached: '多次未联系上' } as const;
export type CallbackState = keyof typeof CALLBACK_STATES;

export const SATISFACTION = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' } as const;

/** Defaults when a division has not set its own (configurable per division and kind on the settings page). */
export const DEFAULT_SETTINGS: Record<CallbackKind, { samplePercent: number; maxAttempts: number; retryHours: number; script: string }> = {
  application: {
    samplePercent: 10, maxAttempts: 3, retryHours: 4,
    script: '您好，我是{回访单位}回访员。您于{办结日期}在{承办单位}办结的“{事项}”（编号{编号}），想占用您一分钟做个回访：1. 事情办成了吗？2. 您对办理过程满意吗（非常满意、满意、基本满意、不满意、非常不满意）？3. 还有什么意见建议？感谢您的支持！',
  },
  ticket: {
    samplePercent: 20, maxAttempts: 3, retryHours: 4,
    script: '您好，这里是{回访单位}回访。您反映的“{事项}”（工单号{编号}）已于{办结日期}由{承办单位}办结，请问：1. 您反映的问题解决了吗？2. 您对承办单位的处理满意吗（非常满意、满意、基本满意、不满意、非常不满意）？3. 还有什么需要补充的？',
  },
};

export const CallbackOutcome = z.object({
  reached: z.boolean({ error: '请选择是否联系上' }).meta({ title: '是否联系上' }),
  resolved: z.boolean().optional().meta({ title: '问题是否解决' }),
  satisfaction: z.number().int().min(1, '请选择满意度').max(5, '请选择满意度').optional().meta({ title: '满意度' }),
  note: z.string().trim().max(1000, '回访记录不能超过1000字').optional().meta({ title: '回访记录' }),
}).superRefine((v, ctx) => {
  // A reached callback answers both questions; an unreached one answers neither.
  if (v.reached && v.resolved === undefined) ctx.addIssue({ code: 'custom', path: ['resolved'], message: '联系上的回访须记录问题是否解决' });
  if (v.reached && v.satisfaction === undefined) ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: '联系上的回访须记录满意度' });
});

export const CallbackSettingsInput = z.object({
  kind: z.enum(KIND_KEYS).meta({ title: '回访类型' }),
  samplePercent: z.number().int().min(0, '抽样比例应为0至100').max(100, '抽样比例应为0至100').meta({ title: '抽样比例（%）' }),
  maxAttempts: z.number().int().min(1, '最多拨打次数应为1至10').max(10, '最多拨打次数应为1至10').meta({ title: '最多拨打次数' }),
  retryHours: z.number().int().min(1, '重拨间隔应为1至72小时').max(72, '重拨间隔应为1至72小时').meta({ title: '重拨间隔（小时）' }),
  script: z.string().trim().min(5, '请填写回访话术').max(2000).meta({ title: '回访话术', description: '可用{回访单位}{承办单位}{事项}{编号}{办结日期}' }),
});
