/** 中文 labels of the benefits domain's enums (web and exports). */
export const OUTCOME_LABELS: Record<string, string> = { eligible: '符合条件', nearMiss: '差一项条件', ineligible: '不符合条件', excluded: '不重复享受', overBudget: '预算不足未兑现' };
export const PAY_STATE_LABELS: Record<string, string> = {
  awaitingApplication: '待核对提交预填申请', publicity: '公示中', awaitingConfirmation: '待确认收款账户', confirmed: '已确认，待拨付', declined: '企业放弃', batched: '拨付中', paid: '已拨付', reversed: '已冲回',
};
export const BATCH_STATE_LABELS: Record<string, string> = { paid: '已拨付待对账', reconciled: '已对账' };
export const SUBJECT_KIND_LABELS: Record<string, string> = { enterprise: '企业', person: '个人' };
export const RECURRENCE_LABELS: Record<string, string> = { once: '一次性（已享受过的不再兑现）', yearly: '按年度（每年度兑现一次）' };
export const CHANNEL_LABELS: Record<string, string> = { file: '交换文件', platform: '数据共享平台', correction: '异议更正', demo: '演示数据' };
