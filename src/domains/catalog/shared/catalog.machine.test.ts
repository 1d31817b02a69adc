import { describe, expect, it } from 'vitest';
import { checkTransition, offeredEvents } from '../../../core/shared/machine';
import { catalogVersionMachine as m } from './catalog.machine';
import { GuideElements } from './catalog.schema';
import { completeLicence } from './catalog.fixtures';

// Stated independently of the table: a draft is edited and published; a published version is withdrawn
// (by a person) or superseded (by the system, when a newer version is published); withdrawn is final.
const EXPECTED: Record<string, string[]> = { draft: ['edit', 'publish'], published: ['withdraw'], withdrawn: [] };
const all = () => true;
const complete = { ...GuideElements.parse(completeLicence), code: '411202-SI-005', orgId: '00000000-0000-4000-8000-000000000001' };
const ctx = (state: string, data: Record<string, unknown> = complete, kind: 'staff' | 'system' = 'staff') => ({ state, data, input: {}, actor: { id: 'x', kind } });

describe('catalog version machine', () => {
  it('offers exactly the expected events in every state', () => {
    for (const state of Object.keys(m.states)) expect(offeredEvents(m, state, all).sort(), state).toEqual(EXPECTED[state].sort());
  });

  it('refuses every other event in every state', () => {
    for (const state of Object.keys(m.states)) {
      for (const event of Object.keys(m.events)) {
        if (event === 'supersede') continue;
        const r = checkTransition(m, event, ctx(state), all);
        if (EXPECTED[state].includes(event)) expect(r, `${event}@${state}`).toBeNull();
        else expect(r, `${event}@${state}`).toEqual({ code: 'TRANSITION_NOT_ALLOWED' });
      }
    }
  });

  it('supersedes only by the system and only a published version', () => {
    expect(checkTransition(m, 'supersede', ctx('published'), all)).toEqual({ code: 'FORBIDDEN' });
    expect(checkTransition(m, 'supersede', ctx('published', complete, 'system'), all)).toBeNull();
    expect(checkTransition(m, 'supersede', ctx('draft', complete, 'system'), all)).toEqual({ code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('publishes only a 100% complete guide, naming what is missing', () => {
    const r = checkTransition(m, 'publish', ctx('draft', { ...complete, consultPhone: null, faqs: [] }), all);
    expect(r?.code).toBe('GUARD_FAILED');
    expect(r && 'reason' in r ? r.reason : '').toMatch(/不能发布：咨询电话、常见问题$/);
  });

  it('asks for the right permission: manage to edit, publish to publish or withdraw', () => {
    const only = (p: string) => (x: string) => x === p;
    expect(checkTransition(m, 'edit', ctx('draft'), only('catalog.manage'))).toBeNull();
    expect(checkTransition(m, 'publish', ctx('draft'), only('catalog.manage'))).toEqual({ code: 'FORBIDDEN' });
    expect(checkTransition(m, 'publish', ctx('draft'), only('catalog.publish'))).toBeNull();
    expect(checkTransition(m, 'withdraw', ctx('published'), only('catalog.manage'))).toEqual({ code: 'FORBIDDEN' });
    expect(m.states.withdrawn.terminal).toBe(true);
  });
});
