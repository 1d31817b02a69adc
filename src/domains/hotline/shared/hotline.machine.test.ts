import { describe, expect, it } from 'vitest';
import { checkTransition, isTerminal, offeredEvents } from '../../../core/shared/machine';
import { CallerFeedback, excludedChannel, letterMachine as lm, ticketMachine as m, TicketInput } from './hotline.machine';

// The closed loop of 国办发〔2020〕53号, stated independently of the machine: what people may do in each state.
const EXPECTED: Record<string, string[]> = {
  registered: ['answer', 'dispatch', 'merge'],
  dispatched: ['accept', 'return'],
  returned: ['dispatch'],
  handling: ['extend', 'reply', 'supervise'],
  replied: ['confirm', 'reopen'],
  closed: [], merged: [],
};
const all = () => true;
const ctx = (state: string, data: Record<string, unknown> = {}, input: Record<string, unknown> = {}, kind: 'staff' | 'system' = 'staff') => ({ state, data, input, actor: { id: 'x', kind } });

describe('12345 工单 machine', () => {
  it('offers exactly the closed loop in every state', () => {
    for (const state of Object.keys(m.states)) expect(offeredEvents(m, state, all).sort(), state).toEqual(EXPECTED[state].sort());
  });

  it('refuses every other event in every state', () => {
    for (const state of Object.keys(m.states)) {
      for (const event of Object.keys(m.events)) {
        if (m.events[event as keyof typeof m.events].system) continue;
        const r = checkTransition(m, event, ctx(state, { kind: 'consult' }, { reached: false }), all);
        if (EXPECTED[state].includes(event)) expect(r, `${event}@${state}`).toBeNull();
        else expect(r, `${event}@${state}`).toEqual({ code: 'TRANSITION_NOT_ALLOWED' });
      }
    }
  });

  it('has two terminal states, closed and merged, which other domains can follow', () => {
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s)).sort()).toEqual(['closed', 'merged']);
  });

  it('lets only the system supervise an overdue ticket or close an unanswered callback', () => {
    expect(m.clocks.handle.onOverdue).toBe('overdueSupervise');
    expect(m.clocks.callback.onOverdue).toBe('autoClose');
    expect(checkTransition(m, 'overdueSupervise', ctx('handling'), all)).toEqual({ code: 'FORBIDDEN' });
    expect(checkTransition(m, 'overdueSupervise', ctx('handling', {}, {}, 'system'), all)).toBeNull();
    expect(checkTransition(m, 'autoClose', ctx('replied', {}, {}, 'system'), all)).toBeNull();
    expect(checkTransition(m, 'autoClose', ctx('handling', {}, {}, 'system'), all)).toEqual({ code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('answers on the call only consultations, extends once, and records satisfaction when the caller was reached', () => {
    expect(checkTransition(m, 'answer', ctx('registered', { kind: 'complaint' }), all)).toMatchObject({ code: 'GUARD_FAILED' });
    expect(checkTransition(m, 'extend', { ...ctx('handling'), extensions: { handle: 1 } }, all)).toEqual({ code: 'GUARD_FAILED', reason: '工单只能延期一次' });
    expect(checkTransition(m, 'confirm', ctx('replied', {}, { reached: true }), all)).toEqual({ code: 'GUARD_FAILED', reason: '联系上诉求人时请记录其满意度' });
    expect(checkTransition(m, 'confirm', ctx('replied', {}, { reached: false }), all)).toBeNull();
  });

  it('gives each kind its limit, restarts it on every dispatch and reopening, pauses it on return', () => {
    const limit = m.clocks.handle.limit as (d: Record<string, unknown>) => number;
    expect([limit({ handleDays: 1 }), limit({ handleDays: 2 }), limit({})]).toEqual([1, 2, 5]);
    expect(m.events.dispatch.clocks).toContainEqual({ op: 'restart', clock: 'handle' });
    expect(m.events.reopen.clocks).toContainEqual({ op: 'restart', clock: 'handle' });
    expect(m.events.return.clocks).toContainEqual({ op: 'pause', clock: 'handle', reason: '退单重派' });
    expect(m.events.reply.clocks).toEqual([{ op: 'stop', clock: 'handle' }, { op: 'restart', clock: 'callback' }]);
  });
});

describe('市长信箱 machine', () => {
  it('publishes a reply only with the writer’s consent', () => {
    expect(checkTransition(lm, 'reply', ctx('assigned', { consentToPublish: false }, { publish: true }), all)).toMatchObject({ code: 'GUARD_FAILED' });
    expect(checkTransition(lm, 'reply', ctx('assigned', { consentToPublish: true }, { publish: true }), all)).toBeNull();
    expect(checkTransition(lm, 'reply', ctx('assigned', { consentToPublish: false }, {}), all)).toBeNull();
    expect(lm.initialClocks).toEqual(['reply']);
  });
});

describe('intake rules', () => {
  it('points matters with a legal channel to it, and takes ordinary 诉求', () => {
    expect(excludedChannel('对处罚不服想申请行政复议')).toContain('行政复议');
    expect(excludedChannel('公司欠薪想申请劳动仲裁')).toContain('仲裁');
    expect(excludedChannel('我要向法院起诉开发商')).toContain('人民法院');
    expect(excludedChannel('我想提交政府信息公开申请')).toContain('依申请公开');
    expect(excludedChannel('这件事我已经去信访局上访过')).toContain('信访局');
    expect(excludedChannel('小区门口占道经营，请城管处理')).toBeNull();
    expect(excludedChannel('请市场监管局对无证作坊立案查处')).toBeNull();
  });

  it('validates intake and ratings with Chinese messages', () => {
    const r = TicketInput.safeParse({ kind: 'complaint', category: '城市管理', title: '噪音', description: '太吵', callerName: '', callerPhone: '12' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(['标题至少4个字', '诉求内容至少10个字，请说清时间、地点和事情', '请填写诉求人姓名', '联系电话应为11位手机号或带区号的固定电话']));
    expect(CallerFeedback.safeParse({ refNo: 'RX41120220261102', phone4: '12a4', resolved: true, satisfaction: '满意' }).error!.issues[0].message).toBe('请填写联系电话后4位');
  });
});
