import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { OpinionInput, reconsiderationOpinionMachine as m } from './opinion.machine';

describe('行政复议意见书 machine (行政复议法 第76条)', () => {
  it('is issued and answered once, by the addressee, with the correction it made', () => {
    expect(machineTableProblems(m, {
      offered: { issued: ['reply'], replied: [] }, permission: { reply: 'reconsiderationOpinion.reply' },
      ctx: (state) => ({ state, data: {}, input: { rectification: '已撤销原处罚决定', measures: '建立重大执法决定法制审核台账' }, actor: { id: 'x', kind: 'staff' } }),
    })).toEqual([]);
  });
  it('gives sixty natural days from receipt to report the correction, and stops that clock on the reply', () => {
    // 第76条 says 60 days; 第88条 makes only the 3/5/7/10-day limits working days, so these are natural days.
    expect([m.clocks.reply.unit, m.clocks.reply.limit, m.initialClocks]).toEqual(['natural', 60, ['reply']]);
    expect(m.events.reply.clocks).toEqual([{ op: 'stop', clock: 'reply' }]);
  });
  it('refuses an empty reply or letter in Chinese', () => {
    const reply = m.events.reply.input!.safeParse({ rectification: ' ', measures: '' });
    expect(reply.error!.issues.map((i) => i.message)).toEqual(['请填写纠正违法或者不当行政行为的情况', '请填写采取的整改措施（制度、人员、程序）']);
    expect(OpinionInput.safeParse({ problems: '未履行告知义务', suggestions: '依法重新作出' }).data?.kind).toBe('意见书');
    expect(OpinionInput.safeParse({ kind: '通知书', problems: '未履行告知义务', suggestions: '依法重新作出' }).success).toBe(false);
  });
});
