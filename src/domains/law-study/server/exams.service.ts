/**
 * 学法考试: the bank (with xlsx import), exams drawn per taker from a blueprint, timed attempts graded on
 * every save, the best attempt kept, pass rates by unit and item statistics. The key never leaves the
 * server except to the bank's keepers (lawStudy.manage).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { can, issuesOf, readFirstSheet, requirePermission, scopeWhere, sheetTemplate, type Actor, type ImportRowError, type Kernel, type Tx } from '../../../core/server';
import { AppError } from '../../../core/shared/errors';
import { divisionPrefix } from '../../../core/shared/division';
import { QUESTION_TYPES, type QuestionType } from '../shared/law-study.labels';
import { QuestionInput, type ExamInput } from '../shared/law-study.schema';
import * as repo from './law-study.repository';
import { officialOf, settingsOf } from './law-study.service';
import { exams, officials, questions, type AttemptRow, type BlueprintLine, type ExamRow, type QuestionRow } from './law-study.tables';

function keeperDivision(actor: Actor) {
  requirePermission(actor, 'lawStudy.manage');
  const g = actor.grants.find((x) => x.permissions.has('lawStudy.manage') && x.divisionCode && x.orgId);
  if (!g) throw new AppError('FORBIDDEN');
  return { divisionCode: g.divisionCode!, orgId: g.orgId! };
}
const keeperWhere = (actor: Actor) => scopeWhere(actor, 'lawStudy.manage', { division: questions.divisionCode, org: questions.orgId });

// ---- read-through caches for the 9:00 stampede ----
// Questions and exams have no edit path (a wrong question is replaced, not changed), so their rows are
// immutable and safe to keep in each app process; the bank's index (what a paper is drawn from) is kept
// for a few seconds per division and dropped by this process's own imports. Several app processes may
// each hold one: a question added elsewhere becomes drawable here within BANK_INDEX_TTL_MS, and a paper
// the cached index cannot fill is drawn again from a fresh read before "题库试题不足" is answered.
// The caches belong to the kernel (its database), not to the module: two kernels in one process (the
// bench's PGlite and PostgreSQL peers, tests) share no rows.
const BANK_INDEX_TTL_MS = 15_000;
type BankIndex = { id: string; type: string; topic: string }[];
type Caches = { questions: Map<string, QuestionRow>; exams: Map<string, ExamRow>; index: Map<string, { at: number; rows: BankIndex }> };
const cachesByKernel = new WeakMap<Kernel, Caches>();
function caches(kernel: Kernel) {
  let c = cachesByKernel.get(kernel);
  if (!c) cachesByKernel.set(kernel, (c = { questions: new Map(), exams: new Map(), index: new Map() }));
  return c;
}
async function questionsOf(tx: Tx, kernel: Kernel, ids: string[]) {
  const cache = caches(kernel).questions;
  const missing = ids.filter((id) => !cache.has(id));
  if (missing.length) {
    if (cache.size > 50_000) cache.clear();
    for (const q of await repo.questionsByIds(tx, missing)) cache.set(q.id, q);
  }
  return new Map(ids.map((id) => [id, cache.get(id)!]));
}
async function examOf(tx: Tx, kernel: Kernel, id: string) {
  const cache = caches(kernel).exams;
  const hit = cache.get(id);
  if (hit) return hit;
  const e = await repo.getExam(tx, id);
  if (e) { if (cache.size > 1000) cache.clear(); cache.set(id, e); }
  return e;
}
/** The bank's index of a division, from this process's cache unless `fresh` or older than BANK_INDEX_TTL_MS. */
async function bankIndexOf(tx: Tx, kernel: Kernel, divisionCode: string, fresh = false): Promise<{ rows: BankIndex; cached: boolean }> {
  const cache = caches(kernel).index;
  const hit = cache.get(divisionCode);
  const now = Date.now();
  if (!fresh && hit && now - hit.at < BANK_INDEX_TTL_MS) return { rows: hit.rows, cached: true };
  const rows = await repo.bankIndex(tx, divisionCode);
  cache.set(divisionCode, { at: now, rows });
  return { rows, cached: false };
}
const bankChanged = (kernel: Kernel, divisionCode: string) => caches(kernel).index.delete(divisionCode);

// ---- bank ----
const normalize = (type: string, a: string) => (type === 'judge' ? ({ 对: 'T', 错: 'F', 正确: 'T', 错误: 'F', '√': 'T', '×': 'F' } as Record<string, string>)[a] ?? a.toUpperCase() : [...a.toUpperCase().replace(/[^A-H]/g, '')].sort().join(''));
const questionRow = (v: QuestionInput, k: { divisionCode: string; orgId: string }, at: Date): QuestionRow => ({
  id: randomUUID(), law: v.law, topic: v.topic, type: v.type, stem: v.stem, options: v.options, answer: normalize(v.type, v.answer), explanation: v.explanation || null, active: true, orgId: k.orgId, divisionCode: k.divisionCode, createdAt: at,
});
export async function addQuestion(tx: Tx, kernel: Kernel, actor: Actor, input: QuestionInput) {
  const k = keeperDivision(actor);
  const row = questionRow(input, k, kernel.now());
  await repo.insertQuestions(tx, [row]);
  bankChanged(kernel, k.divisionCode);
  return { id: row.id };
}
export async function listBank(tx: Tx, actor: Actor) {
  requirePermission(actor, 'lawStudy.manage');
  return (await repo.listQuestions(tx, keeperWhere(actor))).map((q) => ({ id: q.id, law: q.law, topic: q.topic, type: q.type, stem: q.stem, options: q.options, answer: q.answer, explanation: q.explanation, active: q.active }));
}

const TYPE_BY_NAME: Record<string, QuestionType> = { 单选题: 'single', 单选: 'single', 多选题: 'multiple', 多选: 'multiple', 判断题: 'judge', 判断: 'judge' };
const COLS = ['所属法律', '知识点', '题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析'];

/**
 * xlsx import: every row checked (schema, duplicates within the file and against the bank); any error
 * and nothing is imported, with each bad row's messages.
 */
export async function importBank(tx: Tx, kernel: Kernel, actor: Actor, buf: Buffer) {
  const k = keeperDivision(actor);
  const sheet = await readFirstSheet(buf, { what: '题库', columns: COLS, required: ['所属法律', '知识点', '题型', '题干', '答案'], maxRows: 5000 });
  const errors: ImportRowError[] = [];
  const rows: QuestionRow[] = [];
  const seen = new Map<string, number>();
  for (const { n, get } of sheet) {
    const typeName = get('题型');
    const type = TYPE_BY_NAME[typeName];
    const messages: string[] = [];
    if (!type) messages.push(`题型：应为单选题、多选题或判断题，实际为“${typeName}”`);
    const options = ['A', 'B', 'C', 'D', 'E', 'F'].map((l) => get(`选项${l}`)).filter(Boolean);
    const raw = { law: get('所属法律'), topic: get('知识点'), type: type ?? 'single', stem: get('题干'), options: type === 'judge' ? [] : options, answer: normalize(type ?? 'single', get('答案')), explanation: get('解析') || undefined };
    const r = QuestionInput.safeParse(raw);
    if (!r.success) messages.push(...issuesOf(QuestionInput, r.error).map((f) => f.message));
    else if (type) {
      const dup = seen.get(r.data.stem);
      if (dup) messages.push(`题干与第${dup}行重复`);
      else seen.set(r.data.stem, n);
      if (!messages.length) rows.push(questionRow(r.data, k, kernel.now()));
    }
    if (messages.length) errors.push({ row: n, messages });
  }
  const taken = await repo.stemsTaken(tx, k.divisionCode, rows.map((r) => r.stem));
  for (const r of rows) if (taken.has(r.stem)) errors.push({ row: seen.get(r.stem)!, messages: ['题库中已有相同题干的试题'] });
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError('VALIDATION', `导入文件有${errors.length}行存在错误，未导入任何试题，请修改后重新导入`, { rows: errors });
  }
  await repo.insertQuestions(tx, rows);
  bankChanged(kernel, k.divisionCode);
  return { imported: rows.length };
}
export const bankTemplate = () => sheetTemplate('题库', COLS, [
  ['中华人民共和国行政处罚法', '处罚程序', '单选题', '行政机关作出较大数额罚款决定前，应当告知当事人有要求举行什么的权利？', '听证', '复议', '诉讼', '申诉', '', '', 'A', '行政处罚法第63条'],
  ['中华人民共和国行政复议法', '申请期限', '判断题', '公民认为行政行为侵犯其合法权益的，可以自知道该行为之日起六十日内提出行政复议申请。', '', '', '', '', '', '', '对', '行政复议法第20条'],
]);

// ---- exams ----
function drawable(bank: { id: string; type: string; topic: string }[], blueprint: BlueprintLine[]) {
  const problems: string[] = [];
  for (const l of blueprint) {
    const n = bank.filter((q) => q.type === l.type && (!l.topic || q.topic === l.topic)).length;
    const need = blueprint.filter((x) => x.type === l.type && (!l.topic || !x.topic || x.topic === l.topic)).reduce((s, x) => s + x.count, 0);
    if (n < l.count || n < need) problems.push(`${QUESTION_TYPES[l.type]}${l.topic ? `（${l.topic}）` : ''}需要${need}题，题库中只有${n}题`);
  }
  return problems;
}
export async function createExam(tx: Tx, kernel: Kernel, actor: Actor, input: ExamInput) {
  const k = keeperDivision(actor);
  const s = settingsOf(kernel);
  const problems = drawable((await bankIndexOf(tx, kernel, k.divisionCode, true)).rows, input.blueprint);
  if (problems.length) throw new AppError('GUARD_FAILED', `题库试题不足：${problems.join('；')}`);
  const id = randomUUID();
  await repo.insertExam(tx, {
    id, title: input.title, opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt), limitSeconds: Math.round((input.minutes ?? s.LAW_EXAM_MINUTES) * 60),
    maxAttempts: input.maxAttempts ?? s.LAW_EXAM_MAX_ATTEMPTS, passMark: input.passMark ?? s.LAW_EXAM_PASS_MARK,
    totalPoints: input.blueprint.reduce((n, l) => n + l.count * l.points, 0), blueprint: input.blueprint.map((l) => ({ ...l, topic: l.topic || null })),
    orgId: k.orgId, divisionCode: k.divisionCode, createdBy: actor.id, createdAt: kernel.now(),
  });
  return { id };
}
const covers = (examDivision: string, divisionCode: string) => divisionCode.startsWith(divisionPrefix(examDivision));
const passed = (e: ExamRow, score: number) => score * 100 >= e.passMark * e.totalPoints;
const finished = (a: AttemptRow, now: Date) => a.submittedAt !== null || a.deadline <= now;
function examView(e: ExamRow, mine: ReturnType<typeof mineOf> | null) {
  return {
    id: e.id, title: e.title, opensAt: e.opensAt.toISOString(), closesAt: e.closesAt.toISOString(), minutes: e.limitSeconds / 60, maxAttempts: e.maxAttempts, passMark: e.passMark, totalPoints: e.totalPoints,
    questionCount: e.blueprint.reduce((n, l) => n + l.count, 0), blueprint: e.blueprint, mine,
  };
}
function mineOf(e: ExamRow, list: AttemptRow[], now: Date) {
  const done = list.filter((a) => finished(a, now));
  const best = done.length ? Math.max(...done.map((a) => a.score)) : null;
  return { attemptsUsed: list.length, best, passed: best !== null && passed(e, best), openAttemptId: list.find((a) => !finished(a, now))?.id ?? null };
}
/** Exams for the reader: a keeper's or reader's exams in scope, and the exams the reader may take with their own attempts. */
export async function listExams(tx: Tx, kernel: Kernel, actor: Actor) {
  const now = kernel.now();
  const scoped = can(actor, 'lawStudy.read') || can(actor, 'lawStudy.manage')
    ? await repo.listExams(tx, scopeWhere(actor, ['lawStudy.read', 'lawStudy.manage'], { division: exams.divisionCode, org: exams.orgId })) : [];
  const me = actor.kind === 'staff' && actor.id ? await officialOf(tx, kernel, actor) : null;
  const mineList = me ? (await repo.listExams(tx, sql`true`)).filter((e) => covers(e.divisionCode, me.divisionCode)) : [];
  const all = new Map([...scoped, ...mineList].map((e) => [e.id, e]));
  // The reader's attempts at every exam in one read, not one per exam.
  const myAttempts = new Map<string, AttemptRow[]>();
  if (me) for (const a of (await repo.attemptsOfOfficial(tx, me.id)).sort((x, y) => x.attemptNo - y.attemptNo)) myAttempts.set(a.examId, [...(myAttempts.get(a.examId) ?? []), a]);
  return [...all.values()].sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime())
    .map((e) => examView(e, me && covers(e.divisionCode, me.divisionCode) ? mineOf(e, myAttempts.get(e.id) ?? [], now) : null));
}

const shuffled = <T>(xs: T[]) => { const a = [...xs]; for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };
/** Draws a paper: for each blueprint line, `count` questions of its type (and topic) not drawn by an earlier line. */
export function drawPaper(bank: { id: string; type: string; topic: string }[], blueprint: BlueprintLine[]) {
  const used = new Set<string>();
  const ids: string[] = [];
  for (const l of blueprint) {
    const pool = shuffled(bank.filter((q) => q.type === l.type && (!l.topic || q.topic === l.topic) && !used.has(q.id))).slice(0, l.count);
    if (pool.length < l.count) throw new AppError('GUARD_FAILED', '题库试题不足，无法组卷，请联系考试管理员');
    for (const q of pool) { used.add(q.id); ids.push(q.id); }
  }
  return ids;
}
/** A paper for `e` from the cached index; a shortage there (a question imported in another process) is checked against a fresh read. */
async function drawFromBank(tx: Tx, kernel: Kernel, e: ExamRow) {
  const index = await bankIndexOf(tx, kernel, e.divisionCode);
  try {
    return drawPaper(index.rows, e.blueprint);
  } catch (err) {
    if (!index.cached) throw err;
    return drawPaper((await bankIndexOf(tx, kernel, e.divisionCode, true)).rows, e.blueprint);
  }
}
/** The points of each position of a paper (papers are drawn line by line in blueprint order). */
const pointsOf = (blueprint: BlueprintLine[]) => blueprint.flatMap((l) => Array.from({ length: l.count }, () => l.points));

/**
 * Starts (or resumes) the taker's attempt. The open attempt is returned again (a reload, a second tab),
 * so the 9:00 stampede's retries cost one read; a new attempt draws its paper from the bank's index in
 * one query and is one insert; a race for the same attempt number is settled by the unique index.
 */
export async function startAttempt(tx: Tx, kernel: Kernel, actor: Actor, examId: string) {
  const me = await officialOf(tx, kernel, actor);
  const e = await examOf(tx, kernel, examId);
  if (!e || !covers(e.divisionCode, me.divisionCode)) throw new AppError('NOT_FOUND', '考试不存在');
  const now = kernel.now();
  const list = await repo.attemptsOf(tx, e.id, me.id);
  const open = list.find((a) => !finished(a, now));
  if (open) return { attemptId: open.id };
  if (now < e.opensAt) throw new AppError('GUARD_FAILED', '考试尚未开始');
  if (now >= e.closesAt) throw new AppError('GUARD_FAILED', '考试已结束');
  if (list.length >= e.maxAttempts) throw new AppError('GUARD_FAILED', `可考次数（${e.maxAttempts}次）已用完`);
  const ids = await drawFromBank(tx, kernel, e);
  const deadline = new Date(Math.min(now.getTime() + e.limitSeconds * 1000, e.closesAt.getTime()));
  const row: AttemptRow = {
    id: randomUUID(), examId: e.id, officialId: me.id, attemptNo: list.length + 1, startedAt: now, deadline, submittedAt: null,
    questionIds: ids, answers: {}, correct: {}, score: 0, orgId: me.orgId, divisionCode: me.divisionCode,
  };
  await repo.insertAttempt(tx, row);
  return { attemptId: row.id };
}

async function ownAttempt(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const me = await officialOf(tx, kernel, actor);
  const a = await repo.getAttempt(tx, id);
  // Only the taker opens an attempt: anyone else's is "not found".
  if (!a || a.officialId !== me.id) throw new AppError('NOT_FOUND');
  const e = (await examOf(tx, kernel, a.examId))!;
  return { a, e };
}
export async function paper(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const { a, e } = await ownAttempt(tx, kernel, actor, id);
  const now = kernel.now();
  const qs = await questionsOf(tx, kernel, a.questionIds);
  const points = pointsOf(e.blueprint);
  const done = finished(a, now);
  return {
    attemptId: a.id, examTitle: e.title, attemptNo: a.attemptNo, deadline: a.deadline.toISOString(), serverNow: now.toISOString(), finished: done,
    score: done ? a.score : null, passMark: e.passMark, totalPoints: e.totalPoints,
    // The key and the explanation stay here.
    questions: a.questionIds.map((qid, i) => { const q = qs.get(qid)!; return { id: q.id, no: i + 1, type: q.type, stem: q.stem, options: q.options, points: points[i] ?? 0 }; }),
    answers: a.answers,
  };
}
async function grade(tx: Tx, kernel: Kernel, a: AttemptRow, e: ExamRow, answers: Record<string, string>) {
  const keys = await questionsOf(tx, kernel, a.questionIds);
  const points = pointsOf(e.blueprint);
  const kept: Record<string, string> = {};
  const correct: Record<string, boolean> = {};
  let score = 0;
  a.questionIds.forEach((qid, i) => {
    const given = answers[qid];
    if (given === undefined || given === '') return;
    const k = keys.get(qid)!;
    kept[qid] = normalize(k.type, given);
    correct[qid] = kept[qid] === k.answer;
    if (correct[qid]) score += points[i] ?? 0;
  });
  return { answers: kept, correct, score };
}
/** Saves answers while time remains; after the deadline nothing is counted (409) and the saved answers stand. */
export async function saveAnswers(tx: Tx, kernel: Kernel, actor: Actor, id: string, answers: Record<string, string>) {
  const { a, e } = await ownAttempt(tx, kernel, actor, id);
  const unknown = Object.keys(answers).filter((q) => !a.questionIds.includes(q));
  if (unknown.length) throw new AppError('VALIDATION', '作答包含不在本试卷中的试题');
  const now = kernel.now();
  const g = await grade(tx, kernel, a, e, { ...a.answers, ...answers });
  if (!(await repo.saveAnswers(tx, a.id, now, g))) throw new AppError('STATE_CONFLICT', a.submittedAt ? '本次考试已交卷' : '考试时间已到，本次作答未计入');
  return { saved: Object.keys(g.answers).length };
}
/** Hands in: the last answers count if given before the deadline; after it, the attempt closes on what was saved. */
export async function submit(tx: Tx, kernel: Kernel, actor: Actor, id: string, answers: Record<string, string> | undefined) {
  const { a, e } = await ownAttempt(tx, kernel, actor, id);
  const now = kernel.now();
  let late = false;
  if (!a.submittedAt) {
    const g = await grade(tx, kernel, a, e, { ...a.answers, ...(answers ?? {}) });
    if (!(await repo.saveAnswers(tx, a.id, now, { ...g, submittedAt: now }))) { late = true; await repo.closeAttempt(tx, a.id, a.deadline); }
  }
  const after = (await repo.getAttempt(tx, a.id))!;
  return { score: after.score, totalPoints: e.totalPoints, passed: passed(e, after.score), late };
}

// ---- figures for leaders and keepers ----
async function readableExam(tx: Tx, actor: Actor, id: string, permission: string) {
  requirePermission(actor, permission);
  const e = await repo.getExam(tx, id);
  if (!e || !can(actor, permission, { orgId: e.orgId, divisionCode: e.divisionCode, applicantId: null })
    && !actor.grants.some((g) => g.permissions.has(permission) && g.divisionCode && covers(e.divisionCode, g.divisionCode))) throw new AppError('NOT_FOUND');
  return e;
}
/** 参考率 and 合格率 per unit (参考率 = takers ÷ officials on the register; 合格率 = passed ÷ takers). */
export async function unitRates(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const e = await readableExam(tx, actor, id, 'lawStudy.read');
  const rows = await repo.unitRates(tx, e, e.divisionCode, kernel.now(), scopeWhere(actor, 'lawStudy.read', { division: officials.divisionCode, org: officials.orgId }));
  const rate = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : null);
  return { examTitle: e.title, passMark: e.passMark, units: rows.map((r) => ({ ...r, participationRate: rate(r.takers, r.registered), passRate: rate(r.passed, r.takers) })) };
}
/**
 * Item statistics over each taker's best finished attempt: facility (share correct), and discrimination
 * as the upper-minus-lower 27% groups' facility and as the point-biserial correlation with the score.
 */
export async function itemStats(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const e = await readableExam(tx, actor, id, 'lawStudy.manage');
  const best = await repo.bestAttempts(tx, e.id, kernel.now());
  const ranked = [...best].sort((x, y) => y.score - x.score);
  const g = Math.max(1, Math.round(ranked.length * 0.27));
  const upper = new Set(ranked.slice(0, g).map((a) => a.id));
  const lower = new Set(ranked.slice(-g).map((a) => a.id));
  const per = new Map<string, { n: number; right: number; up: [number, number]; low: [number, number]; scoresRight: number[]; scoresWrong: number[] }>();
  for (const a of best) {
    for (const q of a.questionIds) {
      const s = per.get(q) ?? { n: 0, right: 0, up: [0, 0], low: [0, 0], scoresRight: [], scoresWrong: [] };
      const ok = a.correct[q] === true;
      s.n++; if (ok) s.right++;
      (ok ? s.scoresRight : s.scoresWrong).push(a.score);
      if (upper.has(a.id)) { s.up[1]++; if (ok) s.up[0]++; }
      if (lower.has(a.id)) { s.low[1]++; if (ok) s.low[0]++; }
      per.set(q, s);
    }
  }
  const all = best.map((a) => a.score);
  const mean = (xs: number[]) => xs.reduce((n, x) => n + x, 0) / (xs.length || 1);
  const sd = Math.sqrt(mean(all.map((x) => (x - mean(all)) ** 2)));
  const qs = new Map((await repo.questionsByIds(tx, [...per.keys()])).map((q) => [q.id, q]));
  const r2 = (x: number | null) => (x === null || Number.isNaN(x) ? null : Math.round(x * 100) / 100);
  const method = settingsOf(kernel).LAW_EXAM_DISCRIMINATION;
  const items = [...per.entries()].map(([qid, s]) => {
    const q = qs.get(qid)!;
    const p = s.right / s.n;
    const d27 = s.up[1] && s.low[1] ? s.up[0] / s.up[1] - s.low[0] / s.low[1] : null;
    const pbis = sd > 0 && s.scoresRight.length && s.scoresWrong.length ? ((mean(s.scoresRight) - mean(s.scoresWrong)) / sd) * Math.sqrt(p * (1 - p)) : null;
    const d = method === 'groups27' ? d27 : pbis;
    return {
      id: qid, stem: q.stem, law: q.law, topic: q.topic, type: q.type, typeName: QUESTION_TYPES[q.type as QuestionType], answer: q.answer,
      n: s.n, facility: r2(p), discrimination: r2(d), upperLower: r2(d27), pointBiserial: r2(pbis),
      // Moodle's rule of thumb: too easy, too hard, or not telling good takers from weak ones.
      flag: p > 0.95 ? '过易' : p < 0.2 ? '过难' : d !== null && d < 0.2 ? '区分度低' : null,
    };
  }).sort((x, y) => (x.discrimination ?? 9) - (y.discrimination ?? 9));
  return { examTitle: e.title, takers: best.length, method, items };
}

/** An official's best score per exam of a year (the 述法 draft and the enforcement review read it). */
export async function resultsOf(tx: Tx, kernel: Kernel, officialId: string, year: number) {
  const now = kernel.now();
  const list = (await repo.attemptsOfOfficial(tx, officialId)).filter((a) => finished(a, now));
  const out: { examId: string; title: string; best: number; totalPoints: number; passed: boolean }[] = [];
  for (const examId of new Set(list.map((a) => a.examId))) {
    const e = (await examOf(tx, kernel, examId))!;
    if (Number(new Intl.DateTimeFormat('en', { timeZone: kernel.tz, year: 'numeric' }).format(e.opensAt)) !== year) continue;
    const best = Math.max(...list.filter((a) => a.examId === examId).map((a) => a.score));
    out.push({ examId, title: e.title, best, totalPoints: e.totalPoints, passed: passed(e, best) });
  }
  return out;
}
