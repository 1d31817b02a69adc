/** 政府信息公开 metrics (definitions in README.md). Request counts and 按时答复率 come from the kernel's
 *  generic case metrics with caseType=disclosureRequest. */
import { defineMetric } from '../../../core/server';
import * as repo from './disclosure.repository';

export const disclosureMetrics = [
  defineMetric({
    key: 'disclosure.published', label: '主动公开政府信息条数', unit: 'count',
    definition: '统计期内发布的主动公开政府信息条数（按发布日期）。',
    compute: async (tx, _k, q) => ({ numerator: (await repo.itemCounts(tx, q)).published, denominator: null }),
    recordSet: repo.itemRecordSet(false),
  }),
  defineMetric({
    key: 'disclosure.publishedOnTimeRate', label: '主动公开及时率', unit: 'rate',
    definition: '统计期内发布的主动公开信息中，在信息形成或变更之日起20个工作日内公开的条数 ÷ 发布条数（政府信息公开条例 第26条）。',
    compute: async (tx, _k, q) => { const c = await repo.itemCounts(tx, q); return { numerator: c.onTime, denominator: c.published }; },
    recordSet: repo.itemRecordSet(true),
  }),
  defineMetric({
    key: 'disclosure.replyRate', label: '依申请公开答复率', unit: 'rate',
    definition: '统计期内收到（按第31条确定的收到日期）的政府信息公开申请中已答复或已按规定终止处理的件数 ÷ 收到的申请件数。',
    compute: async (tx, _k, q) => { const c = await repo.requestCounts(tx, q); return { numerator: c.replied, denominator: c.received }; },
    recordsWhere: (q, which) => repo.requestCasesWhere(q, which === 'numerator' ? true : null),
  }),
];
