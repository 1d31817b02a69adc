import { describe, expect, it } from 'vitest';
import { headNamesPerson } from '../public';

describe('出庭负责人 named on a hearing', () => {
  it('finds the person however the name and post are written', () => {
    for (const h of ['陈刚（局长）', '陈刚', '陈刚 局长', '陈刚局长', '副局长陈刚', '局长：陈刚', '陈刚(副局长)', '陈刚、刘洋']) expect(headNamesPerson(h, '陈刚'), h).toBe(true);
  });
  it('does not take a longer name, or a name inside another, for the person', () => {
    for (const h of ['陈刚强（局长）', '王陈刚', '李明华（副局长）']) expect(headNamesPerson(h, h.startsWith('李') ? '李明' : '陈刚'), h).toBe(false);
    expect(headNamesPerson('陈刚（局长）', '')).toBe(false);
  });
});
