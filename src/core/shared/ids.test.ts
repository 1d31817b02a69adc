import { describe, expect, it } from 'vitest';
import {
  ID_KIND_NAMES, checkCreditCode, checkIdNumber, checkResidentId, creditCodeCheckChar, maskIdNumber, orgCodeCheckChar, orgCodeValid, residentIdCheckChar,
} from './ids';

const TODAY = '2026-11-23';
/** A 身份证号 with a correct check character, from its first 17 digits. */
const rid = (first17: string) => first17 + residentIdCheckChar(first17);
/** A 统一社会信用代码 with a correct check character, from its first 17 characters. */
const uscc = (first17: string) => first17 + creditCodeCheckChar(first17);
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('公民身份号码 (GB 11643-1999, MOD 11-2)', () => {
  it('accepts the domain-rules §12.2 vectors and reads birth date, sex and division', () => {
    expect(checkResidentId('11010519491231002X', TODAY)).toEqual({ kind: 'residentId', valid: true, birthDate: '1949-12-31', sex: 'female', divisionCode: '110105' });
    expect(checkResidentId('34052419800101001X', TODAY)).toMatchObject({ valid: true, birthDate: '1980-01-01', sex: 'male', divisionCode: '340524' });
    expect(checkResidentId('34052419800101001x', TODAY).valid).toBe(true); // lowercase x
    expect(checkResidentId(' １１０１０５１９４９１２３１００２Ｘ ', TODAY).valid).toBe(true); // full-width, as typed with a Chinese IME
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('refuses the 1880 vector: its check digit is right but births before 1900 are out of range', () => {
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(checkResidentId('440524188001010014', TODAY)).toEqual({ kind: 'residentId', valid: false, reason: '出生日期18800101早于1900年，不在合理范围内' });
    expect(checkResidentId(rid('44052419000101001'), TODAY).valid).toBe(true);
  });

  it('names the wrong check character', () => {
    expect(checkResidentId('110105194912310021', TODAY)).toEqual({ kind: 'residentId', valid: false, reason: '校验位应为X，实为1' });
    expect(checkResidentId('340524198001010013', TODAY).reason).toBe('校验位应为X，实为3');
  });

  it('detects every single-digit error and every adjacent transposition (MOD 11-2)', () => {
    const good = '11010519491231002X';
    for (let i = 0; i < 18; i++) {
      for (const c of '0123456789X') {
        if (c === good[i] || (i < 17 && c === 'X')) continue;
        const v = good.slice(0, i) + c + good.slice(i + 1);
        expect(checkResidentId(v, TODAY).valid, v).toBe(false);
      }
    }
    for (let i = 0; i < 17; i++) {
      if (good[i] === good[i + 1] || good[i + 1] === 'X') continue;
      const v = good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2);
      expect(checkResidentId(v, TODAY).valid, v).toBe(false);
    }
  });

  it('refuses impossible and future birth dates', () => {
    expect(checkResidentId('110105194913310021', TODAY).reason).toBe('出生日期19491331无效');
    expect(checkResidentId(rid('11010519490229001'), TODAY).reason).toBe('出生日期19490229无效'); // 1949 is not a leap year
    expect(checkResidentId(rid('11010520000229001'), TODAY).valid).toBe(true); // 2000 is
    expect(checkResidentId(rid('11010519800100001'), TODAY).reason).toBe('出生日期19800100无效');
    expect(checkResidentId('110105203012310018', TODAY).reason).toBe('出生日期20301231晚于今天（2026-11-23），不在合理范围内');
    expect(checkResidentId(rid('11010520261123001'), TODAY).valid).toBe(true); // born today
    expect(checkResidentId(rid('11010520261124001'), TODAY).valid).toBe(false);
  });

  it('says what is wrong with the shape', () => {
    expect(checkResidentId('11010519491231002', TODAY).reason).toBe('公民身份号码应为18位，实为17位');
    expect(checkResidentId('110105491231002', TODAY).reason).toMatch(/^公民身份号码应为18位，实为15位（15位为1999年以前签发的旧号码/);
    expect(checkResidentId('1101A519491231002X', TODAY).reason).toBe('第5位“A”不是数字：公民身份号码前17位应为数字');
    expect(checkResidentId('11010519491231002Y', TODAY).reason).toBe('第18位（校验位）“Y”无效，应为数字或X');
    expect(checkResidentId('000105194912310024', TODAY).reason).toBe('行政区划代码000105无效：前两位“00”不是省级行政区划代码');
  });

  it('accepts a 港澳台 居住证 number and flags a foreigner\'s permanent residence number', () => {
    expect(checkResidentId(rid('81000019800101001'), TODAY)).toMatchObject({ valid: true, divisionCode: '810000' });
    const foreigner = checkResidentId(rid('91115619800101001'), TODAY);
    expect(foreigner).toMatchObject({ valid: true, birthDate: '1980-01-01' });
    expect(foreigner.warning).toMatch(/外国人永久居留身份证/);
    expect(foreigner.divisionCode).toBeUndefined();
  });

  it('uses today in China by default', () => {
    expect(checkResidentId('11010519491231002X').valid).toBe(true);
  });
});

describe('统一社会信用代码 (GB 32100-2015) with its 组织机构代码 (GB 11714-1997)', () => {
  it('accepts the domain-rules §12.3 vectors, all-digit ones included', () => {
    expect(checkCreditCode('914403001922038216')).toEqual({ kind: 'creditCode', valid: true, divisionCode: '440300' });
    expect(checkCreditCode('91110000100006485K')).toEqual({ kind: 'creditCode', valid: true, divisionCode: '110000' });
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ kind: 'creditCode', valid: true, divisionCode: '350100' });
    expect(checkCreditCode('91110000100006485k').valid).toBe(true);
    expect(orgCodeValid('192203821')).toBe(true);
    expect(orgCodeValid('100006485')).toBe(true);
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });

  it('names the wrong check character', () => {
    expect(checkCreditCode('91110000100006485A')).toEqual({ kind: 'creditCode', valid: false, reason: '校验位应为K，实为A' });
    // An altered 主体标识码 breaks both checks.
    expect(checkCreditCode('91110000100006486K')).toMatchObject({ valid: false, reason: expect.stringMatching(/^校验位应为.，实为K$/) });
    expect(checkCreditCode('914403001922038217').reason).toBe('校验位应为6，实为7');
  });

  it('detects every single-character substitution (MOD 31) in a non-pilot code', () => {
    const good = '91110000100006485K';
    for (let i = 0; i < 18; i++) {
      for (const c of USCC_CHARS) {
        if (c === good[i] || (i >= 2 && i < 8 && !/\d/.test(c))) continue;
        const v = good.slice(0, i) + c + good.slice(i + 1);
        expect(checkCreditCode(v).valid, v).toBe(false);
      }
    }
  });

  it('accepts the documented Fujian pilot codes that fail the check, with a warning', () => {
    for (const [code, expected, actual] of [['91350100M0001TGQXM', '1', 'M'], ['91350211M0000XUF46', 'R', '6'], ['91350203M0001FUE2P', 'J', 'P']]) {
      const r = checkCreditCode(code);
      expect(r, code).toMatchObject({ kind: 'creditCode', valid: true, divisionCode: code.slice(2, 8) });
      expect(r.warning).toMatch(new RegExp(`^校验位应为${expected}，实为${actual}；该代码符合早期试点地区赋码特征`));
      expect(r.reason).toBeUndefined();
    }
    // The accepted cost of the rule: a typo outside positions 9–17 of a pilot-series code is only warned
    // about, since it cannot be told apart from a lawful pilot code by the digits alone.
    expect(checkCreditCode('51350100M0001TGQXM')).toMatchObject({ valid: true, warning: expect.stringMatching(/早期试点/) });
  });

  it('does not extend that tolerance to other failing codes', () => {
    // National 市场监管 codes ("MA…") are computed by the standard: a wrong check character is a typo.
    const ma = uscc('91110108MA01C8K7X');
    expect(ma).toBe('91110108MA01C8K7XG');
    expect(checkCreditCode(ma).valid).toBe(true);
    expect(checkCreditCode('91110108MA01C8K7XH')).toMatchObject({ valid: false, reason: '校验位应为G，实为H' });
    // A pilot-looking code whose 组织机构代码 is broken as well is refused.
    expect(checkCreditCode('91350100M0001TGQ0M').valid).toBe(false);
    // A 组织机构代码 that passes alone is not enough either (a typo in positions 1–8 keeps it valid).
    expect(checkCreditCode('91110001100006485K').valid).toBe(false);
  });

  it('warns when the code passes but its embedded 组织机构代码 does not', () => {
    const code = uscc('91110108MA01C8K70'); // 9th character of the 组织机构代码 should be X
    const r = checkCreditCode(code);
    expect(r.valid).toBe(true);
    expect(r.warning).toBe('第9至17位主体标识码（组织机构代码）MA01C8K70的校验位应为X，实为0；请核对营业执照原件');
  });

  it('says what is wrong with the shape', () => {
    expect(checkCreditCode('91110000100006485').reason).toBe('统一社会信用代码应为18位，实为17位');
    expect(checkCreditCode('9111000010000648IK').reason).toBe('第17位“I”不是统一社会信用代码允许的字符（不使用I、O、Z、S、V）');
    expect(checkCreditCode('91110000100006485-').reason).toMatch(/^第18位“-”不是统一社会信用代码允许的字符/);
    expect(checkCreditCode('91A10000100006485K').reason).toBe('第3至8位应为登记管理机关行政区划代码（6位数字），第3位为“A”');
  });
});

describe('checkIdNumber: detection by shape', () => {
  it('takes 18 digits (last may be X) as a 身份证号', () => {
    expect(checkIdNumber('11010519491231002X')).toMatchObject({ kind: 'residentId', valid: true });
    expect(checkIdNumber('110105194912310021')).toEqual({ kind: 'residentId', valid: false, reason: '校验位应为X，实为1' });
  });

  it('recognises an all-digit credit code that cannot be a 身份证号', () => {
    expect(checkIdNumber('914403001922038216')).toEqual({ kind: 'creditCode', valid: true, divisionCode: '440300' });
    expect(checkIdNumber('914403001922038217')).toMatchObject({ kind: 'residentId', valid: false });
  });

  it('accepts a credit code whose check character is X although it has the shape of a 身份证号', () => {
    // 91340524610340547X: GB 32100 check character X (value 28); as a 身份证号 its "birth date" 24610340 is impossible.
    expect(checkCreditCode('91340524610340547X')).toEqual({ kind: 'creditCode', valid: true, divisionCode: '340524' });
    expect(checkIdNumber('91340524610340547X')).toEqual({ kind: 'creditCode', valid: true, divisionCode: '340524' });
    expect(checkIdNumber('91340524610340547x')).toMatchObject({ kind: 'creditCode', valid: true });
    // One character off fails both standards, and the reason gives both.
    expect(checkIdNumber('91340524610340548X')).toEqual({
      kind: 'residentId', valid: false,
      reason: `出生日期24610340无效；按统一社会信用代码校验亦不通过：${checkCreditCode('91340524610340548X').reason}`,
    });
    expect(checkCreditCode('91340524610340548X').reason).toMatch(/^校验位应为.，实为X$/);
  });

  it('keeps a 身份证号 typo a 身份证号 typo, never a credit code accepted with a warning', () => {
    // A valid 身份证号 with its check digit changed: the 身份证号 reason, no credit-code fallback.
    expect(checkIdNumber('34052419800101001X')).toMatchObject({ kind: 'residentId', valid: true, sex: 'male' });
    expect(checkIdNumber('340524198001010011')).toEqual({ kind: 'residentId', valid: false, reason: '校验位应为X，实为1' });
  });

  it('names the standard that accepted the value', () => {
    expect(ID_KIND_NAMES[checkIdNumber('91340524610340547X').kind]).toBe('统一社会信用代码（GB 32100）');
    expect(ID_KIND_NAMES[checkIdNumber('11010519491231002X').kind]).toBe('公民身份号码（GB 11643）');
  });

  it('takes other 18-character codes as credit codes', () => {
    expect(checkIdNumber('91110000100006485K')).toMatchObject({ kind: 'creditCode', valid: true });
    expect(checkIdNumber('91350100M0001TGQXM')).toMatchObject({ kind: 'creditCode', valid: true, warning: expect.any(String) });
    expect(checkIdNumber('9111000010000648IK')).toMatchObject({ kind: 'creditCode', valid: false });
  });

  it('explains anything else', () => {
    expect(checkIdNumber('abc')).toEqual({ kind: 'unknown', valid: false, reason: '无法识别的证件号码格式：应为18位公民身份号码或18位统一社会信用代码，当前为3位' });
    expect(checkIdNumber('')).toMatchObject({ kind: 'unknown', reason: '无法识别的证件号码格式：证件号码为空' });
    expect(checkIdNumber('110105491231002').reason).toMatch(/^无法识别的证件号码格式：15位为1999年以前签发的旧身份证号码/);
    expect(checkIdNumber('110105-9491231002X').reason).toBe('无法识别的证件号码格式：第7位“-”不是数字或字母；应为18位公民身份号码或18位统一社会信用代码');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('91110000100006485K')).toBe('911100********485K');
    expect(maskIdNumber('12345')).toBe('*****');
  });
});
