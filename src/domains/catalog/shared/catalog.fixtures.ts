/** Guides for tests: a complete 行政许可 (every required and conditional element met). */
import type { GuideElementsInput } from './catalog.schema';

/** A complete 行政许可 guide (every required element and every conditional one met). */
export const completeLicence: GuideElementsInput = {
  name: '食品经营许可（新办）', type: '行政许可', basicCode: 'SI-005', legalBasis: '《中华人民共和国食品安全法》第三十五条',
  powerSource: '法定本级行使', exerciseLevel: '县级', bodyNature: '法定机关', serviceObjects: ['自然人', '企业法人'],
  acceptanceConditions: '申请事项属于本机关职权范围，申请材料齐全、符合法定形式。',
  process: [{ name: '申请' }, { name: '受理' }, { name: '审查' }, { name: '决定' }, { name: '办结（制证）' }, { name: '送达' }],
  legalLimit: 10, legalLimitUnit: '工作日', legalLimitBasis: '《食品经营许可和备案管理办法》', promisedLimit: 5, promisedLimitUnit: '工作日',
  handlingType: '承诺件', specialProcedures: [{ name: '现场核查', limit: 5, unit: '工作日' }], charged: false,
  handleModes: ['窗口办理', '网上办理', '快递申请'], visits: 0, handlingLocation: '湖滨区政务服务中心二楼市场监管窗口', handlingHours: '工作日9:00—17:00',
  consultPhone: '0398-2812345', complaintPhone: '0398-12345', ssoIntegrated: true, inHall: true, online: true, onlinePayment: false, logistics: true,
  resultType: '证件执照', resultName: '食品经营许可证', resultSample: '食品经营许可证（样本）.pdf', onlineDepth: 'Ⅳ级',
  materials: [{ name: '食品经营许可申请书', necessity: 'required' }, { name: '营业执照', necessity: 'deferrable' }],
  faqs: [{ question: '需要到现场吗？', answer: '不需要，全程网办。' }],
  topicsPerson: ['准营准办'], topicsLegal: ['准营准办'],
};
