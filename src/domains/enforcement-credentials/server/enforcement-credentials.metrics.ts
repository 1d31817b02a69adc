/** Figures of the credential register (the annual report's 申领/注销/持证/年审/培训 sentences). */
import { defineMetric, domainConfig, type Kernel } from '../../../core/server';
import { credentialSettings } from './enforcement-credentials.config';
import * as repo from './enforcement-credentials.repository';
import { courtVisitDaysSql } from '../../law-study/public';

const hoursRule = (k: Kernel) => { const s = domainConfig(k, credentialSettings); return { required: s.CREDENTIAL_TRAINING_HOURS, trial: s.CREDENTIAL_TRIAL_COUNTS, visits: courtVisitDaysSql(k) }; };

export const credentialMetrics = [
  defineMetric({
    key: 'credentials.issued', label: '核发行政执法证', unit: 'count',
    definition: '统计期内核发（含到期换发）的《行政执法证》张数，按发证日期统计。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countCards(tx, repo.issuedWhere(q, 'enforcement')), denominator: null }),
    recordSet: repo.cardRecordSet((q) => repo.issuedWhere(q, 'enforcement')),
  }),
  defineMetric({
    key: 'credentials.supervisionIssued', label: '核发行政执法监督证', unit: 'count',
    definition: '统计期内核发（含到期换发）的《行政执法监督证》张数，按发证日期统计。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countCards(tx, repo.issuedWhere(q, 'supervision')), denominator: null }),
    recordSet: repo.cardRecordSet((q) => repo.issuedWhere(q, 'supervision')),
  }),
  defineMetric({
    key: 'credentials.cancelled', label: '注销行政执法证', unit: 'count',
    definition: '统计期内注销（含离岗注销）的《行政执法证》张数，按注销日期统计。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countCards(tx, repo.cancelledWhere(q, 'enforcement')), denominator: null }),
    recordSet: repo.cardRecordSet((q) => repo.cancelledWhere(q, 'enforcement')),
  }),
  defineMetric({
    key: 'credentials.held', label: '持有行政执法证', unit: 'count',
    definition: '统计期末日已核发、在有效期内且未注销的《行政执法证》张数（暂扣期间的证件仍计入持有）。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countCards(tx, repo.heldWhere(q, 'enforcement')), denominator: null }),
    recordSet: repo.cardRecordSet((q) => repo.heldWhere(q, 'enforcement')),
  }),
  defineMetric({
    key: 'credentials.reviewedRate', label: '执法证件年审通过率', unit: 'rate',
    definition: '统计期末持有、且在统计期开始前核发的执法证件（行政执法证和监督证）中，通过统计期所在年度年审的比例。',
    compute: async (tx, _k, q) => ({ numerator: await repo.countCards(tx, repo.reviewedWhere(q)), denominator: await repo.countCards(tx, repo.reviewDueWhere(q)) }),
    recordSet: repo.cardRecordSet((q, which) => (which === 'numerator' ? repo.reviewedWhere(q) : repo.reviewDueWhere(q))),
  }),
  defineMetric({
    key: 'training.hoursCompletionRate', label: '执法人员培训学时达标率', unit: 'rate',
    definition: '统计期末持有《行政执法证》的人员中，统计期内计入的培训学时达到规定学时（默认60学时；旁听庭审是否计入按设置，含学法用法登记的本人旁听庭审，同一天同一庭审只计一次）的人数比例。',
    compute: async (tx, k, q) => {
      const r = hoursRule(k);
      return { numerator: await repo.countHolders(tx, repo.hoursMetWhere(q, r.required, r.trial, r.visits)), denominator: await repo.countHolders(tx, repo.holdingWhere(q)) };
    },
    recordSet: (k) => { const r = hoursRule(k); return repo.holderRecordSet((q, which) => (which === 'numerator' ? repo.hoursMetWhere(q, r.required, r.trial, r.visits) : repo.holdingWhere(q))); },
  }),
];
