/**
 * The review's pure rules: the default score sheet (the common provincial pattern, rule-of-law-domains.md
 * §2.4: a 基本标准 tier of veto items — any one failed makes the file 不合格卷 — then 卷面 20 + 内容 80
 * points deducted per item, never below zero), grading, and the seeded draw of files (reproducible: the
 * same seed over the same candidates draws the same files).
 */
export type SheetItem = {
  key: string;
  /** veto (一票否决) | form (卷面) | content (内容) */
  tier: 'veto' | 'form' | 'content';
  label: string;
  /** Points the item carries (0 for veto items: they do not score, they fail the file). */
  points: number;
  /** The fact a veto item is pre-checked against in the case data (credentials, officers, review, time, basis). */
  auto?: 'credentials' | 'twoOfficers' | 'legalReview' | 'within90Days' | 'basisCited';
};

/** Veto items of the 基本标准 tier, then form and content items; points sum to 100. */
export const DEFAULT_SHEET: SheetItem[] = [
  { key: 'v-subject', tier: 'veto', label: '执法主体不合法或超越职权', points: 0 },
  { key: 'v-credentials', tier: 'veto', label: '执法人员未取得或未持有效行政执法证件', points: 0, auto: 'credentials' },
  { key: 'v-officers', tier: 'veto', label: '调查取证执法人员少于两人（行政处罚法第42条）', points: 0, auto: 'twoOfficers' },
  { key: 'v-review', tier: 'veto', label: '应当法制审核而未审核或审核未通过即作出决定（行政处罚法第58条）', points: 0, auto: 'legalReview' },
  { key: 'v-time', tier: 'veto', label: '超过办案期限作出决定（行政处罚法第60条，九十日，经批准延长的除外）', points: 0, auto: 'within90Days' },
  { key: 'v-basis', tier: 'veto', label: '未引用或错误引用法律依据', points: 0, auto: 'basisCited' },
  { key: 'v-evidence', tier: 'veto', label: '主要事实不清、证据不足', points: 0 },
  { key: 'v-procedure', tier: 'veto', label: '违反法定程序（未告知陈述申辩、听证权利等）', points: 0 },
  { key: 'f-cover', tier: 'form', label: '卷宗封面、目录、页码规范', points: 5 },
  { key: 'f-documents', tier: 'form', label: '文书格式规范、填写完整、字迹清楚', points: 10 },
  { key: 'f-archive', tier: 'form', label: '立卷归档及时，材料排列有序', points: 5 },
  { key: 'c-filing', tier: 'content', label: '立案审批及时、手续完备', points: 10 },
  { key: 'c-evidence', tier: 'content', label: '调查取证全面、客观，证据形式合法', points: 20 },
  { key: 'c-notice', tier: 'content', label: '告知陈述、申辩及听证权利规范', points: 10 },
  { key: 'c-decision', tier: 'content', label: '处罚决定事实、理由、依据表述清楚，裁量适当', points: 20 },
  { key: 'c-service', tier: 'content', label: '文书送达及时、方式合法', points: 10 },
  { key: 'c-execution', tier: 'content', label: '执行到位，结案报告完整', points: 10 },
];

export type Deduction = { itemKey: string; points: number; note: string };
export type VetoFinding = { itemKey: string; failed: boolean; note: string };
export type Grade = 'excellent' | 'pass' | 'fail';
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', pass: '合格', fail: '不合格' };

/**
 * A sheet's problems as Chinese messages (empty when it is usable): unique keys, points ≥ 0, the
 * scoring items summing to 100, veto items carrying no points.
 */
export function sheetProblems(sheet: SheetItem[]): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  for (const i of sheet) {
    if (keys.has(i.key)) out.push(`评查项目编号“${i.key}”重复`);
    keys.add(i.key);
    if (i.tier === 'veto' && i.points !== 0) out.push(`否决项“${i.label}”不计分值，分值应为0`);
    if (i.tier !== 'veto' && i.points <= 0) out.push(`评分项“${i.label}”的分值应大于0`);
  }
  const total = sheet.filter((i) => i.tier !== 'veto').reduce((s, i) => s + i.points, 0);
  if (total !== 100) out.push(`卷面和内容评分项的分值合计应为100分，当前为${total}分`);
  return out;
}

/**
 * Score and grade: 100 less the deductions (each item's deduction capped at its points; never below 0);
 * any failed veto item makes the file 不合格 whatever its score.
 */
export function gradeFile(sheet: SheetItem[], deductions: Deduction[], vetoes: VetoFinding[], t: { excellent: number; pass: number }) {
  const byKey = new Map(sheet.map((i) => [i.key, i]));
  let lost = 0;
  for (const d of deductions) lost += Math.min(d.points, byKey.get(d.itemKey)?.points ?? 0);
  const score = Math.max(0, 100 - lost);
  const vetoed = vetoes.some((v) => v.failed);
  const grade: Grade = vetoed || score < t.pass ? 'fail' : score >= t.excellent ? 'excellent' : 'pass';
  return { score, vetoed, grade };
}

/** mulberry32: a small seeded generator, enough for a reproducible draw (not for secrets). */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draw `n` of `candidates` (sorted first, so the draw depends on the seed and the set, not on query order). */
export function drawFiles<T extends string>(candidates: T[], n: number, seed: number): T[] {
  const pool = [...candidates].sort();
  const rnd = seededRandom(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}
