/**
 * Identifier checks, isomorphic: 公民身份号码 (GB 11643-1999, ISO 7064 MOD 11-2; domain-rules §12.2) and
 * 统一社会信用代码 (GB 32100-2015, with its embedded 组织机构代码 per GB 11714-1997; §12.3). Reasons and
 * warnings are Chinese sentences a counter clerk can read to the applicant; they name what is wrong.
 *
 * Input is normalised first (NFKC: full-width ０-９/Ｘ typed with a Chinese IME become ASCII; trimmed;
 * upper-cased, so a lowercase x is accepted).
 */
import { todayIso } from './calendar';
import { DEFAULT_TZ } from './tz';

export type IdCheck = {
  kind: 'residentId' | 'creditCode' | 'unknown';
  valid: boolean;
  reason?: string;
  warning?: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  divisionCode?: string;
};

const normalize = (v: string) => String(v ?? '').normalize('NFKC').trim().toUpperCase();

// ---------------------------------------------------------------- 公民身份号码 (GB 11643-1999)

/** Weights 2^(17−i) mod 11 for positions 1–17; check character by S mod 11 (domain-rules §12.2). */
const RID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RID_CHECK = '10X98765432';

/**
 * Province-level GB/T 2260 codes that have ever begun an address code: the 31 mainland provinces, 71
 * 台湾, and 81/82/83 used by 港澳台居民居住证 (810000/820000/830000). Codes of abolished counties stay
 * valid on numbers issued earlier, so only the province part can be checked without a historical list.
 */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83']);

/** The check character for the first 17 digits of a 公民身份号码. */
export function residentIdCheckChar(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += (first17.charCodeAt(i) - 48) * RID_WEIGHTS[i];
  return RID_CHECK[s % 11];
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/**
 * GB 11643-1999: 6-digit address code + 8-digit birth date + 3-digit sequence (odd = male) + check
 * character (MOD 11-2). The birth date must exist, not lie in the future (China time) and not before
 * 1900. `today` (YYYY-MM-DD) is for tests.
 */
export function checkResidentId(raw: string, today: string = todayIso(DEFAULT_TZ)): IdCheck {
  const v = normalize(raw);
  const bad = (reason: string): IdCheck => ({ kind: 'residentId', valid: false, reason });
  if (v.length !== 18) {
    const legacy = /^\d{15}$/.test(v) ? '（15位为1999年以前签发的旧号码，请提供18位公民身份号码）' : '';
    return bad(`公民身份号码应为18位，实为${v.length}位${legacy}`);
  }
  for (let i = 0; i < 17; i++) {
    const c = v[i];
    if (c < '0' || c > '9') return bad(`第${i + 1}位“${c}”不是数字：公民身份号码前17位应为数字`);
  }
  if (!/[0-9X]/.test(v[17])) return bad(`第18位（校验位）“${v[17]}”无效，应为数字或X`);

  const province = v.slice(0, 2);
  const foreigner = v[0] === '9'; // 外国人永久居留身份证 (2023版): same length and check system, begins with 9
  if (!foreigner && !PROVINCES.has(province)) return bad(`行政区划代码${v.slice(0, 6)}无效：前两位“${province}”不是省级行政区划代码`);

  const birth = v.slice(6, 14);
  const y = Number(birth.slice(0, 4)), m = Number(birth.slice(4, 6)), d = Number(birth.slice(6, 8));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return bad(`出生日期${birth}无效`);
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (y < 1900) return bad(`出生日期${birth}早于1900年，不在合理范围内`);
  if (birthDate > today) return bad(`出生日期${birth}晚于今天（${today}），不在合理范围内`);

  const expected = residentIdCheckChar(v);
  if (expected !== v[17]) return bad(`校验位应为${expected}，实为${v[17]}`);

  const sex = (v.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
  if (foreigner) {
    return { kind: 'residentId', valid: true, birthDate, sex, warning: '号码以9开头，应为外国人永久居留身份证号码，不是公民身份号码，请核对证件' };
  }
  return { kind: 'residentId', valid: true, birthDate, sex, divisionCode: v.slice(0, 6) };
}

// ---------------------------------------------------------------- 统一社会信用代码 (GB 32100-2015)

/** 31 characters, no I, O, Z, S, V; value = index (domain-rules §12.3). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights 3^(i−1) mod 31 for positions 1–17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
/** GB 11714-1997 weights over the first 8 characters of the 组织机构代码. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCodeCheckChar(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const c = 31 - (s % 31);
  return USCC_CHARS[c === 31 ? 0 : c];
}

/** GB 11714-1997 check character of a 9-character 组织机构代码 (values 0-9A-Z = 0–35); null if malformed. */
export function orgCodeCheckChar(code: string): string | null {
  if (!/^[0-9A-Z]{8}/.test(code)) return null;
  let s = 0;
  for (let i = 0; i < 8; i++) s += parseInt(code[i], 36) * ORG_WEIGHTS[i];
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function orgCodeValid(code9: string): boolean {
  return code9.length === 9 && orgCodeCheckChar(code9) === code9[8];
}

/**
 * Pilot-era 主体标识码: the documented lawful codes that fail the GB 32100 check are Fujian codes issued
 * before the national rollout, and all of them have a 主体标识码 of "M" followed by a digit
 * (91350100M0001TGQXM, 91350211M0000XUF46, 91350203M0001FUE2P; source: aarioai/id-rule, cited in
 * domain-rules §12.3). The national 工商/市场监管 series, computed by the standard, starts "MA".
 */
const PILOT_SUBJECT = /^M\d/;

/**
 * GB 32100-2015: charset and shape, check character, and the embedded 组织机构代码 (GB 11714).
 *
 * Rule for a code whose check character is wrong (domain-rules §12.3 caveat: warn, do not hard-reject,
 * lawful pilot codes): it is accepted with a warning ONLY when all three hold
 *   1. it is structurally well-formed (charset, positions 3–8 digits),
 *   2. its embedded 组织机构代码 (positions 9–17) passes GB 11714, and
 *   3. its 主体标识码 has the pilot prefix "M" + digit.
 * Every documented pilot code meets all three. Either condition alone would be too lenient: (2) alone
 * holds for any typo in positions 1–8 or 18 (half of all single-character typos), and an "M" prefix
 * alone would cover every nationally issued MA… code. Everything else is refused with the expected and
 * actual check characters. A code whose own check passes but whose 组织机构代码 does not is accepted
 * with a warning (the GB 32100 check is authoritative; the mismatch is worth a look at the licence).
 */
export function checkCreditCode(raw: string): IdCheck {
  const v = normalize(raw);
  const bad = (reason: string): IdCheck => ({ kind: 'creditCode', valid: false, reason });
  if (v.length !== 18) return bad(`统一社会信用代码应为18位，实为${v.length}位`);
  for (let i = 0; i < 18; i++) {
    const c = v[i];
    if (USCC_CHARS.includes(c)) continue;
    return bad('IOZSV'.includes(c)
      ? `第${i + 1}位“${c}”不是统一社会信用代码允许的字符（不使用I、O、Z、S、V）`
      : `第${i + 1}位“${c}”不是统一社会信用代码允许的字符（只含数字和除I、O、Z、S、V以外的大写字母）`);
  }
  for (let i = 2; i < 8; i++) {
    if (v[i] < '0' || v[i] > '9') return bad(`第3至8位应为登记管理机关行政区划代码（6位数字），第${i + 1}位为“${v[i]}”`);
  }
  if (!USCC_RE.test(v)) return bad('统一社会信用代码格式不正确'); // unreachable after the checks above; kept as the spec's regex

  const divisionCode = v.slice(2, 8);
  const org = v.slice(8, 17);
  const orgExpected = orgCodeCheckChar(org);
  const orgOk = orgExpected === org[8];
  const expected = creditCodeCheckChar(v);
  if (expected === v[17]) {
    if (orgOk) return { kind: 'creditCode', valid: true, divisionCode };
    return {
      kind: 'creditCode', valid: true, divisionCode,
      warning: `第9至17位主体标识码（组织机构代码）${org}的校验位应为${orgExpected}，实为${org[8]}；请核对营业执照原件`,
    };
  }
  if (orgOk && PILOT_SUBJECT.test(org)) {
    return {
      kind: 'creditCode', valid: true, divisionCode,
      warning: `校验位应为${expected}，实为${v[17]}；该代码符合早期试点地区赋码特征（主体标识码以M加数字开头，组织机构代码校验通过），可能为合法的试点代码，请核对营业执照原件后受理`,
    };
  }
  return bad(`校验位应为${expected}，实为${v[17]}`);
}

// ---------------------------------------------------------------- detection and display

/** The standard a value was found valid under, as a clerk reads it (CLI output, API answers). */
export const ID_KIND_NAMES: Record<IdCheck['kind'], string> = {
  residentId: '公民身份号码（GB 11643）',
  creditCode: '统一社会信用代码（GB 32100）',
  unknown: '无法识别的证件号码',
};

/**
 * Detects the kind by shape: 18 characters of digits with a last digit or X could be either a 公民身份号码
 * or a 统一社会信用代码 (whose check character may be any of its 31 characters, X included, e.g.
 * 91340524610340547X; and an all-digit one such as 914403001922038216). Such a value is checked under
 * both standards, and it is valid when either standard accepts it; the answer's `kind` says which:
 *   - valid as a 身份证号 → residentId (a warning if it also passes as a credit code);
 *   - else valid as a credit code with no warning → creditCode;
 *   - else a credit code accepted with a warning → creditCode, but only when the value cannot be a
 *     身份证号 (its address code or birth date is impossible), so a 身份证号 typo is never waved through;
 *   - else invalid, with the 身份证号 reason (and the credit-code reason when it cannot be a 身份证号).
 * Other 18-character [0-9A-Z] values are credit codes.
 */
export function checkIdNumber(raw: string, today?: string): IdCheck {
  const v = normalize(raw);
  if (/^\d{17}[\dX]$/.test(v)) {
    const r = checkResidentId(v, today);
    const c = checkCreditCode(v);
    if (r.valid) {
      return c.valid && !c.warning
        ? { ...r, warning: [r.warning, '该号码同时符合统一社会信用代码的校验规则，已按公民身份号码识别，请核对证件类型'].filter(Boolean).join('；') }
        : r;
    }
    // An impossible date or address code: not a 身份证号 at all (a date before 1900 or in the future is
    // still a 身份证号 with a wrong date, and keeps its own reason).
    const notAResidentId = /^(出生日期\d{8}无效|行政区划代码)/.test(r.reason ?? '');
    if (c.valid && (!c.warning || notAResidentId)) return c;
    return notAResidentId ? { ...r, reason: `${r.reason}；按统一社会信用代码校验亦不通过：${c.reason}` } : r;
  }
  if (v.length === 18 && /^[0-9A-Z]+$/.test(v)) return checkCreditCode(v);
  const unknown = (why: string): IdCheck => ({ kind: 'unknown', valid: false, reason: `无法识别的证件号码格式：${why}` });
  if (v.length === 0) return unknown('证件号码为空');
  if (/^\d{15}$/.test(v)) return unknown('15位为1999年以前签发的旧身份证号码，已停止使用，请提供18位公民身份号码');
  const odd = /[^0-9A-Z]/.exec(v);
  if (v.length === 18 && odd) return unknown(`第${odd.index + 1}位“${odd[0]}”不是数字或字母；应为18位公民身份号码或18位统一社会信用代码`);
  return unknown(`应为18位公民身份号码或18位统一社会信用代码，当前为${v.length}位`);
}

/** For display and logs (个人信息保护法 第51条: de-identification): 110105********002X. */
export function maskIdNumber(v: string): string {
  const s = String(v ?? '').trim();
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}
