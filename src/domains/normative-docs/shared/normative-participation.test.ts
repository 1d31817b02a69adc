import { describe, expect, it } from 'vitest';
import { splitPassages } from './normative-participation';

describe('splitPassages', () => {
  it('makes each article one passage with its items, and headings and loose paragraphs passages of their own', () => {
    const p = splitPassages('某某办法（征求意见稿）\n第一章 总则\n第一条 为了规范。\n\n第二条 申请人应当提交：\n（一）申请书；\n（二）承诺书。\n第二章 附则\n第三条 自发布之日起施行。');
    expect(p.map((x) => x.label)).toEqual(['第1段', '第一章', '第一条', '第二条', '第二章', '第三条']);
    expect(p[3].text).toBe('第二条 申请人应当提交：\n（一）申请书；\n（二）承诺书。');
    expect(p.map((x) => x.no)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('numbers paragraphs when the text has no articles', () => {
    expect(splitPassages('一、总体要求。\n二、主要任务。').map((x) => x.label)).toEqual(['第1段', '第2段']);
  });
});
