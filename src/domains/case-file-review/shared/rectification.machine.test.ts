import { describe, expect, it } from 'vitest';
import { machineTableProblems } from '../../../core/shared/machine.testing';
import { checkTransition, isTerminal } from '../../../core/shared/machine';
import { rectificationMachine as m } from './rectification.machine';
import { DEFAULT_SHEET, drawFiles, gradeFile, sheetProblems } from './case-file-review.rules';

// The rectification cycle stated independently of the machine: the unit rectifies and reports, the bureau accepts or sends back.
const EXPECTED: Record<string, string[]> = { issued: ['start'], rectifying: ['report'], reported: ['accept', 'returnFix'], accepted: [] };
const PERMISSION = { start: 'rectification.handle', report: 'rectification.handle', accept: 'rectification.accept', returnFix: 'rectification.accept' };
const ctx = (state: string) => ({ state, data: {}, input: {}, actor: { id: 'x', kind: 'staff' as const } });

describe('评查整改 machine', () => {
  it('matches its table: the unit starts and reports, only the bureau accepts or returns; accepted is the only end', () => {
    expect(machineTableProblems(m, { offered: EXPECTED, permission: PERMISSION, ctx })).toEqual([]);
    expect(Object.keys(m.states).filter((s) => isTerminal(m, s))).toEqual(['accepted']);
    // A unit holding only rectification.handle cannot accept its own rectification.
    expect(checkTransition(m, 'accept', ctx('reported'), (p) => p === 'rectification.handle')).toEqual({ code: 'FORBIDDEN' });
  });
  it('runs one working-day clock from issue, its length the case data’s days (the setting), paused while the bureau checks', () => {
    expect(m.initialClocks).toEqual(['rectify']);
    expect(m.clocks.rectify.unit).toBe('workday');
    const limit = m.clocks.rectify.limit as (d: Record<string, unknown>) => number;
    expect(limit({ days: 15 })).toBe(15);
    expect(m.events.report.clocks).toEqual([{ op: 'pause', clock: 'rectify', reason: '待司法局验收' }]);
    expect(m.events.returnFix.clocks).toEqual([{ op: 'resume', clock: 'rectify' }]);
    expect(m.events.accept.clocks).toEqual([{ op: 'stop', clock: 'rectify' }]);
  });
});

describe('评查表 rules', () => {
  const T = { excellent: 90, pass: 70 };
  it('ships a default sheet whose form and content items sum to 100 with point-less veto items', () => {
    expect(sheetProblems(DEFAULT_SHEET)).toEqual([]);
    expect(DEFAULT_SHEET.filter((i) => i.tier === 'veto').length).toBeGreaterThanOrEqual(5);
    expect(sheetProblems([...DEFAULT_SHEET, { key: 'x', tier: 'form', label: '多余', points: 5 }])).toEqual(['卷面和内容评分项的分值合计应为100分，当前为105分']);
    expect(sheetProblems([...DEFAULT_SHEET, { key: 'v-subject', tier: 'veto', label: '重复', points: 0 }])[0]).toContain('重复');
  });
  it('grades by score, caps each deduction at its item, and fails any file with a veto item whatever its score', () => {
    expect(gradeFile(DEFAULT_SHEET, [], [], T)).toEqual({ score: 100, vetoed: false, grade: 'excellent' });
    expect(gradeFile(DEFAULT_SHEET, [{ itemKey: 'c-evidence', points: 15, note: '' }], [], T)).toMatchObject({ score: 85, grade: 'pass' });
    expect(gradeFile(DEFAULT_SHEET, [{ itemKey: 'f-cover', points: 50, note: '' }], [], T)).toMatchObject({ score: 95 });
    expect(gradeFile(DEFAULT_SHEET, [{ itemKey: 'c-evidence', points: 20, note: '' }, { itemKey: 'c-decision', points: 15, note: '' }], [], T)).toMatchObject({ score: 65, grade: 'fail' });
    expect(gradeFile(DEFAULT_SHEET, [], [{ itemKey: 'v-officers', failed: true, note: '一人取证' }], T)).toEqual({ score: 100, vetoed: true, grade: 'fail' });
  });
  it('draws reproducibly: the same seed over the same files (in any order) draws the same, another seed differs', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `case-${String(i).padStart(2, '0')}`);
    const a = drawFiles(ids, 10, 20261207);
    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
    expect(drawFiles([...ids].reverse(), 10, 20261207)).toEqual(a);
    expect(drawFiles(ids, 10, 7)).not.toEqual(a);
    expect(drawFiles(ids.slice(0, 3), 10, 1).sort()).toEqual(ids.slice(0, 3));
  });
});
