import { describe, expect, it } from 'vitest';
import { assessGuide, CHECKS, percent, promisedWithinLegal, type GuideForCheck } from './catalog.completeness';
import { GuideElements, type GuideElementsInput } from './catalog.schema';
import { completeLicence } from './catalog.fixtures';


const guide = (over: Partial<GuideElementsInput> = {}): GuideForCheck => ({ ...GuideElements.parse({ ...completeLicence, ...over }), code: '411202-SI-005', orgId: '00000000-0000-4000-8000-000000000001' });
const missingKeys = (over: Partial<GuideElementsInput>, extra: Partial<GuideForCheck> = {}) => assessGuide({ ...guide(over), ...extra }).missing.map((m) => m.key);

describe('guide completeness (service-catalog.md §2.2–§2.4)', () => {
  it('is 100% for a guide with every required and conditional element', () => {
    const c = assessGuide(guide());
    expect(c.missing).toEqual([]);
    expect(c).toMatchObject({ complete: true, score: 1 });
    expect(c.total).toBe(c.filled);
  });

  it('counts only the requirements that apply, and lists each missing one in Chinese', () => {
    const bare = assessGuide({ ...GuideElements.parse({ name: '某事项', type: '公共服务' }), code: null, orgId: null });
    expect(bare.complete).toBe(false);
    expect(bare.score).toBeGreaterThan(0); // the name and type are there
    const labels = bare.missing.map((m) => m.label);
    for (const l of ['基本编码', '实施编码', '设定依据', '受理条件', '办理流程', '法定办结时限', '承诺办结时限', '到办事现场次数', '咨询电话', '申请材料', '承诺办结时限说明']) expect(labels).toContain(l);
    expect(labels).not.toContain('常见问题'); // only 行政许可 must have an FAQ
    expect(labels).not.toContain('收费项目'); // only charged items list fees
    expect(bare.missing.every((m) => /^[\u4e00-\u9fa5（）]+：/.test(m.message))).toBe(true);
    expect(bare.filled + bare.missing.length).toBe(bare.total);
  });

  it('accepts "no statutory limit" only when the guide says so', () => {
    expect(missingKeys({ legalLimit: null, legalLimitUnit: null, legalLimitBasis: null })).toEqual(['legalLimit']);
    expect(missingKeys({ legalLimit: null, legalLimitUnit: null, legalLimitBasis: null, legalLimitNote: '法律、法规未规定办结时限' })).toEqual([]);
    expect(missingKeys({ legalLimitUnit: null })).toContain('legalLimit');
    expect(missingKeys({ legalLimitBasis: null })).toEqual(['legalLimitBasis']);
  });

  it('distinguishes 特别程序 not filled from 无', () => {
    expect(missingKeys({ specialProcedures: null })).toEqual(['specialProcedures']);
    expect(missingKeys({ specialProcedures: [] })).toEqual([]);
  });

  it('§2.3: 即办 ⇔ 即办件', () => {
    expect(missingKeys({ promisedLimit: 0 })).toEqual(['rule.handlingType']);
    expect(missingKeys({ promisedLimit: 0, handlingType: '即办件' })).toEqual([]);
    expect(missingKeys({ handlingType: '即办件' })).toEqual(['rule.handlingType']);
  });

  it('§3.2: the promised limit may not exceed the legal one, across units conservatively', () => {
    expect(missingKeys({ promisedLimit: 11 })).toEqual(['rule.promisedWithinLegal']);
    expect(promisedWithinLegal({ legalLimit: 60, legalLimitUnit: '自然日', promisedLimit: 42, promisedLimitUnit: '工作日' })).toBe(true);
    expect(promisedWithinLegal({ legalLimit: 60, legalLimitUnit: '自然日', promisedLimit: 43, promisedLimitUnit: '工作日' })).toBe(false);
    expect(promisedWithinLegal({ legalLimit: null, legalLimitUnit: null, promisedLimit: 99, promisedLimitUnit: '工作日' })).toBe(true);
  });

  it('§2.3: a visit needs its reason; zero visits without 网办 needs 快递申请; Ⅳ级 means zero visits', () => {
    expect(missingKeys({ visits: 1, onlineDepth: 'Ⅲ级' })).toEqual(['onSiteReason']);
    expect(missingKeys({ visits: 1, onlineDepth: 'Ⅲ级', onSiteReason: '须本人到场采集指纹' })).toEqual([]);
    expect(missingKeys({ visits: 1, onSiteReason: '须本人到场' })).toEqual(['rule.depthFour']);
    expect(missingKeys({ online: false, handleModes: ['窗口办理'], onlineDepth: 'Ⅰ级' })).toEqual(['rule.zeroVisitDelivery']);
    expect(missingKeys({ online: false, handleModes: ['窗口办理', '快递申请'], onlineDepth: 'Ⅰ级' })).toEqual([]);
  });

  it('§2.3: 网办 flag agrees with 办理形式', () => {
    expect(missingKeys({ online: false, onlineDepth: 'Ⅰ级' })).toEqual(['rule.onlineMode']);
    expect(missingKeys({ handleModes: ['窗口办理', '快递申请'] })).toEqual(['rule.onlineMode']);
  });

  it('§2.3: charged items need basis, fee rows and a payment answer; free items take no online payment', () => {
    expect(missingKeys({ charged: true, onlinePayment: true }).sort()).toEqual(['feeBasis', 'fees']);
    expect(missingKeys({ charged: true, onlinePayment: true, feeBasis: '发改价格〔2019〕914号', fees: [{ name: '工本费', standard: '20元/本' }] })).toEqual([]);
    expect(missingKeys({ charged: false, onlinePayment: true })).toEqual(['rule.freeNoPayment']);
    expect(missingKeys({ charged: null })).toEqual(['charged']);
  });

  it('§2.3: phones carry the area code and differ', () => {
    expect(missingKeys({ consultPhone: '2812345' })).toEqual(['rule.phones']);
    expect(missingKeys({ consultPhone: '0398-12345' })).toEqual(['rule.phones']);
    expect(missingKeys({ consultPhone: '0371-65512345' })).toEqual([]);
    expect(assessGuide(guide({ consultPhone: '2812345' })).missing[0].message).toContain('区号');
  });

  it('§2.3: 行政许可 needs an FAQ and the five statutory steps; others do not', () => {
    expect(missingKeys({ faqs: [] })).toEqual(['faqs']);
    expect(missingKeys({ process: [{ name: '申请' }, { name: '受理' }, { name: '审查' }, { name: '决定' }, { name: '办结' }] })).toEqual(['rule.licensingSteps']);
    const msg = assessGuide(guide({ process: [{ name: '受理' }, { name: '审核' }, { name: '审批' }, { name: '办结' }] })).missing[0].message;
    expect(msg).toContain('缺少：送达');
    expect(missingKeys({ type: '公共服务', faqs: [], process: [{ name: '申请与受理' }], promisedLimitNote: '即时办结' })).toEqual([]);
  });

  it('§2.4: a document result needs its name and sample; a data-record result needs only the name', () => {
    expect(missingKeys({ resultSample: null })).toEqual(['resultSample']);
    expect(missingKeys({ resultName: null })).toEqual(['resultName']);
    expect(missingKeys({ resultType: '其他', resultSample: null })).toEqual([]);
  });

  it('§2.3: topics agree with the service objects', () => {
    expect(missingKeys({ serviceObjects: ['企业法人'] })).toEqual(['rule.topics']);
    expect(missingKeys({ serviceObjects: ['自然人'] })).toEqual(['rule.topics']);
    expect(missingKeys({ serviceObjects: ['自然人'], topicsLegal: [] })).toEqual([]);
  });

  it('public service items must explain the promised limit', () => {
    expect(missingKeys({ type: '公共服务' })).toEqual(['promisedLimitNote']);
  });

  it('has one unique key per check and a Chinese label on each', () => {
    const keys = CHECKS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(CHECKS.every((c) => /[\u4e00-\u9fa5]/.test(c.label))).toBe(true);
  });

  it('never rounds an incomplete guide up to 100%', () => {
    expect(percent(0.9996)).toBe('99.9%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(2 / 3)).toBe('66.6%');
  });
});
