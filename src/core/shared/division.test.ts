import { describe, expect, it } from 'vitest';
import { divisionLevel, divisionPrefix, impliedParent } from './division';

describe('GB/T 2260 division codes', () => {
  it('derives level, parent and subtree prefix from the code', () => {
    expect([divisionLevel('410000'), divisionLevel('411200'), divisionLevel('411202'), divisionLevel('411202001'), divisionLevel('411202001001')])
      .toEqual(['province', 'city', 'county', 'township', 'village']);
    expect([impliedParent('411202001001'), impliedParent('411202001'), impliedParent('411202'), impliedParent('411200'), impliedParent('410000')])
      .toEqual(['411202001', '411202', '411200', '410000', null]);
    expect([divisionPrefix('410000'), divisionPrefix('411200'), divisionPrefix('411202'), divisionPrefix('411202001')])
      .toEqual(['41', '4112', '411202', '411202001']);
  });
});
