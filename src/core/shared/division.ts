/**
 * GB/T 2260 division codes: 6 digits down to county (44 03 05), extended to 9 for townships and 12 for
 * villages by appending digits. A subtree is therefore a code prefix once the trailing zero pairs of the
 * 6-digit part are dropped: 440000 → '44', 440300 → '4403', 440305 → '440305', 440305001 → '440305001'.
 */
export function divisionPrefix(code: string): string {
  if (code.length > 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export type DivisionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export function divisionLevel(code: string): DivisionLevel {
  if (code.length === 12) return 'village';
  if (code.length === 9) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The parent implied by the code itself; null for a province. */
export function impliedParent(code: string): string | null {
  if (code.length === 12) return code.slice(0, 9);
  if (code.length === 9) return code.slice(0, 6);
  const level = divisionLevel(code);
  if (level === 'province') return null;
  if (level === 'city') return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}
