import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { checkTransition, isTerminal } from '../../../core/shared/machine';
import { reconsiderationMachine as m } from './reconsideration.machine';
import { suggestProcedure } from './reconsideration.labels';

// 行政复议法 第30–74条, stated independently of the machine: what may be done in each state.
const EXPECTED: Record<string, string[]> = {
  received: ['accept', 'refuse', 'requestCorrection', 'setProcedure', 'withdraw'],
  correcting: ['supply', 'withdraw'],
  underReview: ['answer', 'decide', 'extend', 'hearParties', 'mediate', 'readFile', 'recordHearing', 'scheduleHearing', 'sendCopy', 'settle', 'suspend', 'terminate', 'toOrdinary', 'withdraw'],
  suspended: ['mediate', 'resume', 'settle', 'terminate', 'withdraw'],
  decided: [], mediated: [], terminated: [], refused: [], abandoned: [],
};
const H = 'reconsideration.handle';
const PERMISSION: Record<string, string> = {
  setProcedure: H, requestCorrection: H, refuse: H, accept: H, sendCopy: H, readFile: H, hearParties: H, scheduleHearing: H,
  recordHearing: H, suspend: H, resume: H, decide: H, mediate: H, settle: H, terminate: H,
  supply: 'reconsideration.correct', answer: 'reconsideration.answer', extend: 'reconsideration.extend', toOrdinary: 'reconsideration.extend', withdraw: 'reconsideration.withdraw',
};
// Data that satisfies every guard: an ordinary-procedure case whose copy went out, a hearing scheduled.
const okData = { procedure: 'ordinary', copySent: true, hearingOn: '2026-12-01' };
const okInput = { decision: '撤销或者部分撤销（第64条）', headAttended: true };
const ctx = (state: string, data: Record<string, unknown> = okData, kind: 'staff' | 'system' = 'staff', input: Record<string, unknown> = okInput) => ({ state, data, input, actor: { id: 'x', kind } });
const all = () => true;

describe('行政复议 machine', () => {
  it('matches its table: each state offers exactly its events, each asks its own permission (the bureau handles, the respondent answers, the head extends, the applicant supplies and withdraws)', () => {
    expect(Object.keys(m.events).sort()).toEqual([...Object.keys(PERMISSION), 'abandon', 'deemAccept'].sort());
    // sendCopy and answer read the same fact (the copy went out) from opposite sides: sendCopy is checked
    // on a case whose copy has not gone out yet.
    // toOrdinary (第55条) is checked on a 简易程序 case, the only kind it applies to.
    const { sendCopy: _, toOrdinary: __, ...rest } = PERMISSION;
    expect(machineTableProblems(m, { offered: EXPECTED, permission: rest, ctx: (s) => ctx(s) })).toEqual([]);
    const fresh = { procedure: 'ordinary' };
    expect(machineTableProblems(m, { offered: EXPECTED, permission: { sendCopy: H }, ctx: (s) => ctx(s, fresh) })).toEqual([]);
    expect(machineTableProblems(m, { offered: EXPECTED, permission: { toOrdinary: 'reconsideration.extend' }, ctx: (s) => ctx(s, { ...okData, procedure: 'simple' }) })).toEqual([]);
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s)).sort()).toEqual(['abandoned', 'decided', 'mediated', 'refused', 'terminated']);
  });

  it('lets only the system deem a case accepted after 5 working days (第30条) or abandoned after 10 without correction (第31条)', () => {
    expect(m.clocks.review).toMatchObject({ unit: 'workday', limit: 5, onOverdue: 'deemAccept' });
    expect(m.clocks.correction.onOverdue).toBe('abandon');
    expect(m.clocks.correction.unit).toBe('workday');
    for (const state of Object.keys(m.states)) {
      for (const [event, from] of [['deemAccept', 'received'], ['abandon', 'correcting']]) {
        expect(checkTransition(m, event, ctx(state), all), `${event}@${state}`).toEqual({ code: 'FORBIDDEN' });
        expect(checkTransition(m, event, ctx(state, okData, 'system'), all), `${event}@${state}`).toEqual(state === from ? null : { code: 'TRANSITION_NOT_ALLOWED' });
      }
    }
    // The same clocks as an acceptance, counted from the review period's last day (the deemed date), not the scan.
    expect(m.events.deemAccept.clocks).toEqual(m.events.accept.clocks!.map((op) => (op.op === 'start' ? { ...op, asOfDueOf: 'review' } : op)));
  });

  it('asks for correction once (第31条), extends once by at most 30 days under 普通程序 only (第62条), and says why in Chinese', () => {
    expect(checkTransition(m, 'requestCorrection', ctx('received', { corrected: true }), all)).toEqual({ code: 'GUARD_FAILED', reason: '已经补正过一次，不能再次要求补正（第31条：补正通知应一次性载明需要补正的事项）' });
    expect(checkTransition(m, 'extend', { ...ctx('underReview'), extensions: { decide: 1 } }, all)).toEqual({ code: 'GUARD_FAILED', reason: '审理期限只能延长一次，且延长期限最多不得超过30日（行政复议法 第62条）' });
    expect(checkTransition(m, 'extend', { ...ctx('underReview'), extensions: { decide: 0 } }, all)).toBeNull();
    expect(checkTransition(m, 'extend', ctx('underReview', { procedure: 'simple' }), all)).toMatchObject({ code: 'GUARD_FAILED', reason: expect.stringContaining('简易程序案件不能延长审理期限') });
    // 第55条: only a 简易程序 case moves to 普通程序; the decide clock is re-limited, not restarted.
    expect(checkTransition(m, 'toOrdinary', ctx('underReview'), all)).toEqual({ code: 'GUARD_FAILED', reason: '本案已适用普通程序' });
    expect(m.events.toOrdinary.clocks).toEqual([{ op: 'relimit', clock: 'decide', with: { procedure: 'ordinary' } }]);
    expect(m.events.extend.input!.safeParse({ days: 31, reason: '案情复杂需要鉴定' }).error!.issues[0].message).toBe('延长期限最多不得超过30日（第62条）');
  });

  it('lets the respondent answer only after the copy went out, and once; a 责令履行 names its period; an absent head is explained (第48、51、66条)', () => {
    expect(checkTransition(m, 'answer', ctx('underReview', { procedure: 'ordinary' }), all)).toMatchObject({ code: 'GUARD_FAILED', reason: expect.stringContaining('第48条') });
    expect(checkTransition(m, 'answer', ctx('underReview', { ...okData, answered: true }), all)).toEqual({ code: 'GUARD_FAILED', reason: '已经提交过书面答复' });
    expect(checkTransition(m, 'sendCopy', ctx('underReview', { copySent: true }), all)).toEqual({ code: 'GUARD_FAILED', reason: '申请书副本已经发送' });
    expect(checkTransition(m, 'decide', ctx('underReview', okData, 'staff', { decision: '责令履行（第66条）' }), all)).toEqual({ code: 'GUARD_FAILED', reason: '责令履行的，应当规定履行期限（第66条）' });
    expect(checkTransition(m, 'decide', ctx('underReview', okData, 'staff', { decision: '责令履行（第66条）', performWithinDays: 30 }), all)).toBeNull();
    expect(checkTransition(m, 'recordHearing', ctx('underReview', okData, 'staff', { headAttended: false }), all)).toMatchObject({ code: 'GUARD_FAILED', reason: expect.stringContaining('第51条') });
    expect(checkTransition(m, 'recordHearing', ctx('underReview', { procedure: 'ordinary' }), all)).toEqual({ code: 'GUARD_FAILED', reason: '尚未安排听证' });
  });

  it('counts 3/5/7/10-day limits in working days and the 30/60-day decision limits in natural days (第88条), by procedure', () => {
    const lim = (clock: string, data: Record<string, unknown>) => { const l = m.clocks[clock].limit; return typeof l === 'function' ? l(data) : l; };
    expect([lim('decide', { procedure: 'ordinary' }), lim('decide', { procedure: 'simple' })]).toEqual([60, 30]);
    expect([lim('copy', { procedure: 'ordinary' }), lim('copy', { procedure: 'simple' })]).toEqual([7, 3]);
    expect([lim('answer', { procedure: 'ordinary' }), lim('answer', { procedure: 'simple' })]).toEqual([10, 5]);
    expect(m.clocks.decide.unit).toBe('natural');
    for (const c of ['review', 'correctionNotice', 'correction', 'copy', 'answer']) expect(m.clocks[c].unit, c).toBe('workday');
    expect(m.events.suspend.clocks).toEqual([{ op: 'pause', clock: 'decide', reason: expect.stringContaining('第39条') }]);
    expect(m.events.supply.clocks).toContainEqual({ op: 'restart', clock: 'review' });
  });

  it('suggests 简易程序 by the 第53条 test', () => {
    expect(suggestProcedure({ actKind: 'disclosure' }).procedure).toBe('simple');
    expect(suggestProcedure({ actKind: 'penalty', amountYuan: 3000 }).procedure).toBe('simple');
    expect(suggestProcedure({ actKind: 'penalty', amountYuan: 3001 }).procedure).toBe('ordinary');
    expect(suggestProcedure({ actKind: 'licence', partiesAgreeSimple: true })).toMatchObject({ procedure: 'simple', reason: expect.stringContaining('第53条第二款') });
    expect(suggestProcedure({ actKind: 'inaction' }).procedure).toBe('ordinary');
  });
});
