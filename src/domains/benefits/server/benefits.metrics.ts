/**
 * 免申即享 figures (definitions in README.md). Policies and objections are cases (their records are
 * cases); firms, people and money are the payout ledger's (records: the subjects paid, the ledger rows);
 * 应享未享 is the results' (records: the unpaid eligible results).
 */
import { defineMetric, type Kernel } from '../../../core/server';
import * as repo from './benefits.repository';
import { settingsOf } from './benefits.service';

const days = (k: Kernel) => settingsOf(k).BENEFITS_UNCLAIMED_DAYS;

export const benefitsMetrics = [
  defineMetric({
    key: 'benefits.policies', label: '梳理惠企政策兑现事项', unit: 'count',
    definition: '统计截止日处于已发布状态（现行有效）的惠企政策兑现事项数，含免申即享、即申即享和快申快享。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countCases(tx, repo.policiesWhere(q)), denominator: null }),
    recordsWhere: (q) => repo.policiesWhere(q),
  }),
  defineMetric({
    key: 'benefits.policiesNoApplication', label: '免申即享政策占比', unit: 'rate',
    definition: '现行有效的兑现事项中，现行版本兑现方式为“免申即享”的事项数 ÷ 现行有效的兑现事项数。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countCases(tx, repo.policiesWhere(q, true)), denominator: await repo.countCases(tx, repo.policiesWhere(q)) }),
    recordsWhere: (q, which) => repo.policiesWhere(q, which === 'numerator'),
  }),
  defineMetric({
    key: 'benefits.firmsBenefited', label: '惠及企业', unit: 'count',
    definition: '统计期内获得拨付（拨付减冲回后金额大于0）的企业户数，按统一社会信用代码去重。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countPaidSubjects(tx, q, 'enterprise'), denominator: null }),
    recordSet: repo.paidSubjectsRecordSet('enterprise'),
  }),
  defineMetric({
    key: 'benefits.peopleBenefited', label: '惠及群众', unit: 'count',
    definition: '统计期内获得拨付（拨付减冲回后金额大于0）的个人人数（如高龄津贴），按公民身份号码去重。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countPaidSubjects(tx, q, 'person'), denominator: null }),
    recordSet: repo.paidSubjectsRecordSet('person'),
  }),
  defineMetric({
    key: 'benefits.amountPaid', label: '兑现资金（元）', unit: 'count',
    definition: '统计期内拨付日期在期内的兑现资金合计（元），为拨付台账中拨付金额减去银行退回冲回金额；年度报告以万元表述。',
    compute: async (tx, _k, q) => ({ numerator: (await repo.paidFen(tx, q)) / 100, denominator: null }),
    recordSet: repo.ledgerRecordSet,
  }),
  defineMetric({
    key: 'benefits.objections', label: '兑现结果异议', unit: 'count',
    definition: '统计期内企业或群众对比对结果所依据的数据提出的异议件数（按提出日期统计）。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countCases(tx, repo.objectionsWhere(q)), denominator: null }),
    recordsWhere: (q) => repo.objectionsWhere(q),
  }),
  defineMetric({
    key: 'benefits.unclaimed', label: '应享未享', unit: 'count',
    definition: '截至统计截止日，比对符合条件、公示期满后超过规定天数（BENEFITS_UNCLAIMED_DAYS）仍未拨付且未放弃的兑现事项数。',
    compute: async (tx, k, q) => ({ numerator: await repo.countUnclaimed(tx, repo.unclaimedWhere(q.divisionCode, q.to, days(k))), denominator: null }),
    recordSet: (k) => repo.unclaimedRecordSet(days(k)),
  }),
];
