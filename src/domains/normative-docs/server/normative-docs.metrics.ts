/** 规范性文件 metrics, exact keys the annual report prints (definitions in README.md). */
import { defineMetric } from '../../../core/server';
import * as repo from './normative-docs.repository';

const rate = (key: string, label: string, definition: string, num: repo.Filter, den: repo.Filter) => defineMetric({
  key, label, unit: 'rate', definition,
  compute: async (tx, _k, q) => ({ numerator: await repo.count(tx, q, num), denominator: await repo.count(tx, q, den) }),
  recordsWhere: (q, which) => repo.recordsWhere(q, which === 'numerator' ? num : den),
});
const count = (key: string, label: string, definition: string, f: repo.Filter) => defineMetric({
  key, label, unit: 'count', definition,
  compute: async (tx, _k, q) => ({ numerator: await repo.count(tx, q, f), denominator: null }),
  recordsWhere: (q) => repo.recordsWhere(q, f),
});

export const normativeDocMetrics = [
  rate('normativeDoc.passRate', '规范性文件合法性审核通过率', '统计期内司法局作出合法性审核结论的规范性文件中，最近一次审核通过的件数 ÷ 作出审核结论的件数。', 'passed', 'reviewed'),
  count('normativeDoc.filed', '报备规范性文件件数', '统计期内向上级政府和同级人大常委会报送备案的规范性文件件数。', 'filed'),
  rate('normativeDoc.filedOnTimeRate', '按时报备率', '统计期内报备的规范性文件中，自公布之日起在规定期限内报备的件数 ÷ 报备件数。', 'filedOnTime', 'filed'),
  count('normativeDoc.inForce', '现行有效规范性文件件数', '当前状态为现行有效的规范性文件件数（不按统计期筛选）。', 'inForce'),
  defineMetric({
    key: 'normativeDoc.evaluated', label: '开展后评估的规范性文件件数', unit: 'count',
    definition: '统计期内完成后评估（登记评估主体、方式、发现和结论）的规范性文件件数；同一文件评估多次的计一件。',
    compute: async (tx, _k, q) => ({ numerator: await repo.evaluatedCount(tx, q), denominator: null }),
    recordsWhere: (q) => repo.evaluatedRecordsWhere(q),
  }),
  count('normativeDoc.cleanedUp', '清理规范性文件件数', '统计期内在清理活动中作出继续有效、修改、废止、宣布失效或剔除目录决定的规范性文件件数。', 'cleanedUp'),
];
