import { describe, expect, it } from 'vitest';
import { deriveBundleState, derivationEvent } from './bundle.derive';
import { bundleMachine } from './bundle.machine';

describe('a bundle state follows its children', () => {
  it.each([
    [['submitted', 'submitted'], 'submitted'],
    [['accepted', 'submitted'], 'processing'],
    [['correcting', 'accepted'], 'correcting'],
    [['rejected', 'submitted'], 'processing'],
    [['delivered', 'delivered', 'delivered'], 'completed'],
    [['delivered', 'denied'], 'partial'],
    [['delivered', 'approved'], 'processing'],
    [['denied', 'rejected'], 'failed'],
    [['withdrawn', 'withdrawn'], 'withdrawn'],
    [['withdrawn', 'rejected'], 'failed'],
  ])('%j → %s', (children, expected) => {
    expect(deriveBundleState(children)).toBe(expected);
  });

  it('has a system event for every move the derivation can ask for, and none for standing still', () => {
    const open = ['submitted', 'correcting', 'processing'];
    const targets = Object.keys(bundleMachine.states);
    for (const from of open) {
      for (const to of targets) {
        // a started child never goes back to 待受理, so neither does a bundle in 办理中
        if (to === from || (from === 'processing' && to === 'submitted')) continue;
        const ev = derivationEvent(from, to);
        expect(ev, `${from} → ${to}`).not.toBeNull();
        expect(bundleMachine.events[ev as keyof typeof bundleMachine.events].to).toBe(to);
      }
    }
    expect(derivationEvent('completed', 'processing')).toBeNull();
  });
});
