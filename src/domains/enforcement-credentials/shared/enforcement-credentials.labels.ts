/** 中文 labels of the credential registry (web, exports and messages). */
export const KIND_LABELS = { enforcement: '行政执法证', supervision: '行政执法监督证' } as const;
export type CredentialKind = keyof typeof KIND_LABELS;
export const CREDENTIAL_KINDS = Object.keys(KIND_LABELS) as CredentialKind[];

/**
 * 在编在职 only: 河南省行政执法条例 第20–21条 excludes 工勤人员、劳动合同工、临时工; 山东省行政执法监督条例
 * 第10条 excludes contract, dispatched and temporarily seconded staff (domain-rules.md §10).
 */
export const EMPLOYMENT_LABELS = {
  establishment: '在编在职', contract: '劳动合同制', auxiliary: '辅助人员（协管、工勤）', temporary: '临时聘用', dispatched: '劳务派遣',
} as const;
export type Employment = keyof typeof EMPLOYMENT_LABELS;
export const EMPLOYMENTS = Object.keys(EMPLOYMENT_LABELS) as Employment[];

/** What a card is on a given day (the public page shows this). */
export const STATUS_LABELS = {
  valid: '有效', suspended: '暂扣', cancelled: '已注销', expired: '已过期', notYet: '尚未生效', renewed: '已换发新证',
} as const;
export type CardStatus = keyof typeof STATUS_LABELS;

export const TRAINING_TYPE_LABELS = { public: '公共法律知识', professional: '专业法律知识', skills: '执法技能', trial: '旁听庭审' } as const;
export type TrainingType = keyof typeof TRAINING_TYPE_LABELS;
export const TRAINING_TYPES = Object.keys(TRAINING_TYPE_LABELS) as TrainingType[];

export const EXAM_SUBJECT_LABELS = { public: '公共法律知识考试', professional: '专业法律知识考试' } as const;
export type ExamSubject = keyof typeof EXAM_SUBJECT_LABELS;
