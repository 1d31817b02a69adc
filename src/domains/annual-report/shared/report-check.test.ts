import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { agrees, checkReport } from './report-check';

const SEEDS = join(import.meta.dirname, '../../../../tests/fixtures/reports');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(join(SEEDS, f), 'utf8')] as const);

describe('report checker', () => {
  it.each(seeds)('raises no false alarm on the published report %s', (_f, text) => {
    const { claims } = checkReport(text);
    expect(claims.filter((c) => c.status === 'mismatch')).toEqual([]);
  });

  it('verifies the shares, rates and sums the seeds state', () => {
    const all = seeds.flatMap(([, t]) => checkReport(t).claims);
    const ok = all.filter((c) => c.status === 'ok');
    expect(ok).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'share', stated: 97.27, computed: 97.2739 }),
      expect.objectContaining({ kind: 'rate', stated: 58.6, computed: 58.6207 }),
      expect.objectContaining({ kind: 'sum', stated: 31, computed: 31 }),
      expect.objectContaining({ kind: 'sum', stated: 33, computed: 33 }),
    ]));
    // a rate beside only its whole ("办件5243件，按时办结率达94.05%") cannot be recomputed
    expect(all.find((c) => c.stated === 94.05)?.status).toBe('unverifiable');
  });

  it('catches an altered share, rate and breakdown', () => {
    const text = '全区政务服务事项共2311项，其中不见面审批事项2248项，占比96.27%。全年受理行政复议案件29件，直接纠错案件17件，纠错率68.6%。对全区现行有效的31件规范性文件进行了全面清理，继续有效25件，废止5件，剔除目录2件。';
    const { claims } = checkReport(text);
    expect(claims.map((c) => [c.kind, c.status])).toEqual([['share', 'mismatch'], ['rate', 'mismatch'], ['sum', 'mismatch']]);
    expect(claims[2]).toMatchObject({ stated: 31, computed: 32 });
  });

  it('takes a per-10,000 figure for no count: a breakdown beside 万人调解率 still adds up', () => {
    const text = '全区共排查化解矛盾纠纷31件，万人调解率2.5件/万人，其中邻里纠纷25件，婚姻家庭纠纷4件，土地纠纷2件。';
    const { claims } = checkReport(text);
    expect(claims.map((c) => [c.kind, c.stated, c.status])).toEqual([['sum', 31, 'ok']]);
  });

  it('does not treat a plain list of counts as a breakdown, nor approximate figures as exact', () => {
    const text = '申领《行政执法证》201个、《行政执法监督证》20个，注销《行政执法证》84个。累计受理业务1.2万余件，办结1.1万件，办结率91.67%。';
    const { claims } = checkReport(text);
    expect(claims.filter((c) => c.status === 'mismatch')).toEqual([]);
    expect(claims.find((c) => c.stated === 91.67)?.status).toBe('unverifiable');
  });

  it('does not read 办结 as the numerator of 按时办结率, and finds a breakdown followed by other counts', () => {
    const text = '全年受理各类政务服务事项120000件，其中网上办理74444件，窗口办理45556件，办结115062件，按时办结率达96.81%。提供帮办代办服务3990件，总回访率达96%。';
    const { claims } = checkReport(text);
    expect(claims.filter((c) => c.status === 'mismatch')).toEqual([]);
    expect(claims.find((c) => c.kind === 'sum')).toMatchObject({ stated: 120000, computed: 120000, status: 'ok' });
    expect(claims.find((c) => c.stated === 96.81)?.status).toBe('unverifiable');
  });

  it('accepts rounding and truncation at the stated precision, nothing more', () => {
    expect(agrees(58.6207, '58.6')).toBe(true);
    expect(agrees(97.2739, '97.27')).toBe(true);
    expect(agrees(66.6667, '66.66')).toBe(true); // truncated
    expect(agrees(66.6667, '66.67')).toBe(true);
    expect(agrees(66.6667, '66.8')).toBe(false);
    expect(agrees(58.62, '59')).toBe(true);
    expect(agrees(58.62, '58')).toBe(true);
    expect(agrees(58.62, '60')).toBe(false);
  });
});
