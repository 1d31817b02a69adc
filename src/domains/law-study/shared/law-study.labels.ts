/** 中文 labels of law-study's enums, used by the server's answers, the pages and exports. */
export const SESSION_KINDS = {
  centralGroup: '党委（党组）理论学习中心组专题学法',
  govExecutive: '政府常务会议学法',
  training: '专题培训班',
  caseExplain: '以案释法',
  lecture: '法治讲座',
  partyLesson: '法治党课',
  courtVisit: '旁听庭审',
} as const;
export type SessionKind = keyof typeof SESSION_KINDS;
export const SESSION_KIND_KEYS = Object.keys(SESSION_KINDS) as [SessionKind, ...SessionKind[]];

export const QUESTION_TYPES = { single: '单选题', multiple: '多选题', judge: '判断题' } as const;
export type QuestionType = keyof typeof QUESTION_TYPES;
export const QUESTION_TYPE_KEYS = Object.keys(QUESTION_TYPES) as [QuestionType, ...QuestionType[]];

export const MEETING_KINDS = {
  partyCommittee: '党委常委会会议',
  govExecutive: '政府常务会议',
  committee: '依法治区（县）委员会会议',
  shufaMeeting: '述法会',
  firstResponsibleAct: '第一责任人履职',
} as const;
export type MeetingKind = keyof typeof MEETING_KINDS;
export const MEETING_KIND_KEYS = Object.keys(MEETING_KINDS) as [MeetingKind, ...MeetingKind[]];
/** The kinds `ruleOfLawMeetings.count` counts: "区委常委会、政府常务会N次研究法治建设工作". */
export const COUNTED_MEETING_KINDS: MeetingKind[] = ['partyCommittee', 'govExecutive'];

export const SHUFA_FORMS = { written: '书面述法', onsite: '现场述法' } as const;
export type ShufaForm = keyof typeof SHUFA_FORMS;
export const SHUFA_RATINGS = ['好', '较好', '一般', '差'] as const;
