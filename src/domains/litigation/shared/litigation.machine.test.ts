import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { checkTransition, isTerminal } from '../../../core/shared/machine';
import { hearingProblem, litigationMachine as m } from './litigation.machine';
import { judicialAdviceMachine as advice } from './judicial-advice.machine';

// 行政诉讼法, stated independently of the machine: what the defendant agency may record in each state.
const EXPECTED: Record<string, string[]> = {
  registered: ['answer', 'withdraw'],
  answered: ['hearFirst', 'judgment', 'mediate', 'ruling', 'withdraw'],
  firstDecided: ['acceptJudgment', 'appeal', 'opponentAppeal'],
  secondInstance: ['hearSecond', 'mediate', 'registerSecondCaseNo', 'remand', 'secondJudgment'],
  closed: [],
};
// Deciding to appeal or to accept the judgment is the agency's (its head's) call; the rest is the case handler's.
const PERMISSION: Record<string, string> = {
  answer: 'litigation.handle', hearFirst: 'litigation.handle', judgment: 'litigation.handle', ruling: 'litigation.handle',
  mediate: 'litigation.handle', withdraw: 'litigation.handle', opponentAppeal: 'litigation.handle',
  hearSecond: 'litigation.handle', registerSecondCaseNo: 'litigation.handle', secondJudgment: 'litigation.handle', remand: 'litigation.handle',
  appeal: 'litigation.appeal', acceptJudgment: 'litigation.appeal',
};
const all = () => true;
const passing = { appearance: '主要负责人', headName: '王局长（局长）', outcome: '驳回上诉，维持原判' };
const ctx = (state: string, input: Record<string, unknown> = passing, data: Record<string, unknown> = {}, kind: 'staff' | 'system' = 'staff') =>
  ({ state, data, input, actor: { id: 'x', kind } });

describe('行政应诉 machine', () => {
  it('matches its table: each state offers exactly its events, each event is allowed from exactly its states and asks its own permission', () => {
    expect(Object.keys(m.events).sort()).toEqual([...Object.keys(PERMISSION), 'lapse'].sort());
    expect(machineTableProblems(m, { offered: EXPECTED, permission: PERMISSION, ctx: (state) => ctx(state) })).toEqual([]);
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s))).toEqual(['closed']);
  });

  it('lets only the system close a decision whose appeal window ran out (第85条), from the window and nowhere else', () => {
    expect([m.clocks.appealJudgment.onOverdue, m.clocks.appealRuling.onOverdue]).toEqual(['lapse', 'lapse']);
    for (const state of Object.keys(m.states)) {
      expect(checkTransition(m, 'lapse', ctx(state), all), state).toEqual({ code: 'FORBIDDEN' });
      expect(checkTransition(m, 'lapse', ctx(state, {}, {}, 'system'), all), state).toEqual(state === 'firstDecided' ? null : { code: 'TRANSITION_NOT_ALLOWED' });
    }
  });

  it('counts 15 natural days to answer from the copy (第67条), 15 to appeal a judgment and 10 a ruling (第85条)', () => {
    expect(m.initialClocks).toEqual(['defence']);
    const d = m.clocks.defence;
    expect([d.unit, d.primary]).toEqual(['natural', true]);
    const limit = d.limit as (x: Record<string, unknown>) => number;
    expect([limit({}), limit({ lagDays: 2 })]).toEqual([15, 13]);
    expect([m.clocks.appealJudgment.limit, m.clocks.appealJudgment.unit, m.clocks.appealRuling.limit, m.clocks.appealRuling.unit]).toEqual([15, 'natural', 10, 'natural']);
    expect(m.events.answer.clocks).toEqual([{ op: 'stop', clock: 'defence' }]);
    // Counted from the 送达日期 the event records (第85条: 自判决书送达之日起), not the day it is registered.
    expect(m.events.judgment.clocks).toEqual([{ op: 'start', clock: 'appealJudgment', asOfInput: 'servedOn' }]);
    expect(m.events.ruling.clocks).toEqual([{ op: 'start', clock: 'appealRuling', asOfInput: 'servedOn' }]);
    for (const e of ['appeal', 'opponentAppeal', 'lapse'] as const) expect(m.events[e].clocks?.map((c) => c.clock).sort(), e).toEqual(['appealJudgment', 'appealRuling']);
  });

  it('asks who appeared for the agency: a head by name, or the reason and the staff sent (第3条; 法释〔2020〕3号)', () => {
    expect(hearingProblem({ appearance: '主要负责人', headName: '王局长' })).toBeNull();
    expect(hearingProblem({ appearance: '副职负责人' })).toContain('应当填写出庭负责人的姓名和职务');
    expect(hearingProblem({ appearance: '仅工作人员', staffNames: '李科长' })).toContain('负责人不能出庭的，应当说明理由');
    expect(hearingProblem({ appearance: '仅工作人员', absenceReason: '参加全市防汛会议' })).toContain('应当填写出庭工作人员');
    expect(hearingProblem({ appearance: '仅工作人员', absenceReason: '参加全市防汛会议', staffNames: '李科长' })).toBeNull();
    expect(hearingProblem({ appearance: '无人出庭' })).toContain('应当说明理由');
    const r = checkTransition(m, 'hearFirst', ctx('answered', { appearance: '仅工作人员', staffNames: '李科长' }), all);
    expect(r).toMatchObject({ code: 'GUARD_FAILED' });
  });

  it('asks for the revised outcome when the second instance revises (第89条), and records 服判 once', () => {
    expect(checkTransition(m, 'secondJudgment', ctx('secondInstance', { outcome: '改判' }), all)).toEqual({ code: 'GUARD_FAILED', reason: '二审改判的，应当选择改判后的裁判结果（行政诉讼法 第89条）' });
    expect(checkTransition(m, 'secondJudgment', ctx('secondInstance', { outcome: '改判', revisedOutcome: '撤销' }), all)).toBeNull();
    expect(checkTransition(m, 'acceptJudgment', ctx('firstDecided', {}, { accepted: true }), all)).toEqual({ code: 'GUARD_FAILED', reason: '已记录本机关服判不上诉' });
    // Both are preconditions (data only), so the case page stops offering them once done.
    expect(m.events.acceptJudgment.precondition?.({ state: 'firstDecided', data: { accepted: true }, actor: { id: 'x', kind: 'staff' } })).toBe('已记录本机关服判不上诉');
    expect(checkTransition(m, 'registerSecondCaseNo', ctx('secondInstance', {}, { secondCaseNo: '（2027）豫12行终8号' }), all)).toEqual({ code: 'GUARD_FAILED', reason: '已登记二审案号（2027）豫12行终8号' });
    expect(m.events.registerSecondCaseNo.input!.safeParse({ secondCaseNo: '8号' }).error!.issues[0].message).toBe('请填写二审案号，如（2027）豫12行终8号');
  });
});

describe('司法建议 machine', () => {
  it('is received and answered in writing within its reply period (a setting, 60 days by default)', () => {
    expect(machineTableProblems(advice, {
      offered: { received: ['reply'], replied: [] }, permission: { reply: 'judicialAdvice.handle' },
      ctx: (state) => ({ state, data: {}, input: {}, actor: { id: 'x', kind: 'staff' } }),
    })).toEqual([]);
    const limit = advice.clocks.reply.limit as (x: Record<string, unknown>) => number;
    expect([advice.clocks.reply.unit, limit({}), limit({ replyDays: 30 })]).toEqual(['natural', 60, 30]);
  });
});
