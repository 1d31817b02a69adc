/**
 * 村（居）法律顾问 work kinds: the seven counters the district reports print ("为咨询群众提供专业法律意见341条，
 * 起草法律文书33件，开展法制讲座63场次，参与调解矛盾纠纷34件，参加诉讼活动18次，提供现场法律服务335次，为村（居）重大事项
 * 提供法律意见6条"), with the unit each is counted in and its metric key.
 */
export const WORK_KINDS = {
  opinion: { label: '法律意见', unit: '条', metric: 'legalAdvisers.opinions', title: '为咨询群众提供专业法律意见' },
  document: { label: '法律文书', unit: '件', metric: 'legalAdvisers.documents', title: '起草法律文书' },
  lecture: { label: '法制讲座', unit: '场次', metric: 'legalAdvisers.lectures', title: '开展法制讲座' },
  mediation: { label: '参与调解', unit: '件', metric: 'legalAdvisers.mediations', title: '参与调解矛盾纠纷' },
  litigation: { label: '诉讼活动', unit: '次', metric: 'legalAdvisers.litigation', title: '参加诉讼活动' },
  onSite: { label: '现场服务', unit: '次', metric: 'legalAdvisers.onSite', title: '提供现场法律服务' },
  majorMatter: { label: '重大事项意见', unit: '条', metric: 'legalAdvisers.majorMatters', title: '为村（居）重大事项提供法律意见' },
} as const;
export type WorkKind = keyof typeof WORK_KINDS;
export const WORK_KIND_KEYS = Object.keys(WORK_KINDS) as [WorkKind, ...WorkKind[]];
export const ADVISER_KINDS = ['律师', '基层法律服务工作者'] as const;
