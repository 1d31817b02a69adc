/**
 * The report that drafts itself: every data sentence is rendered from the metrics registry for the
 * report's subject and year, each number carrying its metric, definition, query and counts, so a reader
 * can open the records behind it. Narrative paragraphs start from templates and are edited by staff;
 * regenerating replaces only data paragraphs nobody edited.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/shared/errors';
import { diffDays } from '../../../core/shared/calendar';
import { type Actor, appendAudit, can, computeMetric, createCase, isoWithOffset, type Kernel, listCaseEvents, loadVisible, mergeCaseData, type MetricScope, requirePermission, tenancy, type Tx, visibleFilter } from '../../../core/server';
import type { MetricResult } from '../../../core/shared/schemas';
import { annualReportMachine } from '../shared/annual-report.machine';
import { PLACEHOLDER, REPORT_TEMPLATES, type SentenceTemplate } from '../shared/annual-report.templates';
import type { AnnualReportView, ReportContent, ReportParagraph, Segment } from '../shared/annual-report.schema';
import { formatCount, formatPerTenThousand, formatRate, formatWan } from '../shared/number-format';
import { formatRatioNumber } from '../../../core/shared/metric-units';
import * as repo from './annual-report.repository';
import { partThreeParagraphs } from '../../law-study/public';

type Subject = { kind: 'division' | 'org'; divisionCode: string; orgId: string | null; name: string; scopeWord: string };
type TemplateKey = keyof typeof REPORT_TEMPLATES;

const periodOf = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * Renders one sentence, or says why its lead clause has no data: the metric is not registered (its
 * domain is not in use here) or the year holds no records for it.
 */
async function renderSentence(tx: Tx, kernel: Kernel, s: SentenceTemplate, scope: MetricScope, vars: Record<string, string>, cache: Map<string, MetricResult | null>): Promise<Segment[] | { missing: 'unregistered' | 'noRecords' }> {
  const clauses: Segment[][] = [];
  for (let ci = 0; ci < s.clauses.length; ci++) {
    const clause = s.clauses[ci].replace(/\{(year|subject|subjectScope)\}/g, (_, k: string) => vars[k]);
    const segs: Segment[] = [];
    let last = 0;
    let ok = true;
    for (const m of clause.matchAll(PLACEHOLDER)) {
      const [whole, key, part, params] = m;
      const q: MetricScope = { ...scope };
      let wan = false;
      for (const [k, v] of new URLSearchParams(params ?? '')) { if (k === 'caseType') q.caseType = v; if (k === 'scale' && v === 'wan') wan = true; }
      const cacheKey = `${key}|${q.caseType ?? ''}`;
      if (!cache.has(cacheKey)) cache.set(cacheKey, kernel.metrics.has(key) ? await computeMetric(tx, kernel, key, q) : null);
      const r = cache.get(cacheKey);
      const text = r ? figure(r, part as 'num' | 'den' | undefined, wan) : null;
      if (!r || text === null) {
        if (ci === 0) return { missing: r ? 'noRecords' : 'unregistered' }; // the sentence's subject has no records
        ok = false;
        break;
      }
      segs.push({ text: clause.slice(last, m.index) });
      segs.push({ text, metric: { key: r.key, label: r.label, definition: r.definition, unit: r.unit, numerator: r.numerator, denominator: r.denominator, query: { ...q } } });
      last = m.index! + whole.length;
    }
    if (!ok) continue;
    segs.push({ text: clause.slice(last) });
    clauses.push(segs.filter((x) => x.text !== '' || x.metric));
  }
  const out: Segment[] = [];
  clauses.forEach((c, i) => { if (i > 0) out.push({ text: '，' }); out.push(...c); });
  out.push({ text: '。' });
  return mergeText(out);
}

/**
 * The text of one figure, or null when the records cannot support it (never a 0 by accident). `wan`
 * (`|scale=wan`) writes a count in 万 with up to two decimals ("兑现资金1286.5万元").
 */
function figure(r: MetricResult, part?: 'num' | 'den', wan = false): string | null {
  if (wan && r.unit === 'count' && !part) return r.numerator > 0 ? formatWan(r.numerator) : null;
  if (part === 'num') return r.denominator ? formatCount(r.numerator) : null;
  if (part === 'den') return r.denominator ? formatCount(r.denominator) : null;
  if (r.unit === 'count') return r.numerator > 0 ? formatCount(r.numerator) : null;
  if (!r.denominator) return null;
  if (r.unit === 'ratio') return formatRatioNumber(r.numerator, r.denominator);
  return r.unit === 'perTenThousand' ? formatPerTenThousand(r.numerator, r.denominator) : formatRate(r.numerator, r.denominator);
}

/**
 * The drafter's 待补充 marker: the sentence as the template would write it, its figures left as □, and
 * why the records cannot supply them.
 */
function pendingText(s: SentenceTemplate, vars: Record<string, string>, missing: 'unregistered' | 'noRecords'): string {
  const lead = s.clauses[0].replace(/\{(year|subject|subjectScope)\}/g, (_, k: string) => vars[k]).replace(PLACEHOLDER, '□');
  const why = missing === 'unregistered' ? '本系统尚未统计该项数据' : '本年度系统中没有该项记录（业务未在系统中办理或未录入）';
  return `待补充：${lead}。（${why}，请据实填写或删除本段。）`;
}

/** The report as it prints: without 待补充 markers (never in an exported or published file). */
export function printable(c: ReportContent): ReportContent {
  return {
    ...c,
    parts: c.parts.map((p) => ({ ...p, sections: p.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.filter((x) => x.kind !== 'pending') })).filter((s) => s.paragraphs.length > 0) })),
  };
}

const allParagraphs = (c: ReportContent) => c.parts.flatMap((p) => p.sections.flatMap((s) => s.paragraphs));
/** Figures typed by hand in the report: the leader acknowledges them before approving (see index.ts). */
export const manualCount = (c: ReportContent) => allParagraphs(c).filter((x) => x.manual).length;

function mergeText(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    const prev = out[out.length - 1];
    if (prev && !prev.metric && !s.metric) prev.text += s.text; else out.push({ ...s });
  }
  return out;
}

async function buildContent(tx: Tx, kernel: Kernel, subject: Subject, year: number, template: TemplateKey, previous: ReportContent | null): Promise<ReportContent> {
  const scope: MetricScope = { divisionCode: subject.divisionCode, ...(subject.orgId ? { orgId: subject.orgId } : {}), ...periodOf(year) };
  const vars = { year: String(year), subject: subject.name, subjectScope: subject.scopeWord, nextYear: String(year + 1) };
  const fill = (t: string) => t.replace(/\{(year|subject|subjectScope|nextYear)\}/g, (_, k: keyof typeof vars) => vars[k]);
  const prevParas = new Map<string, ReportParagraph>();
  const userParas = new Map<string, ReportParagraph[]>();
  for (const p of previous?.parts ?? []) for (const s of p.sections) for (const para of s.paragraphs) {
    if (para.source) prevParas.set(para.source, para);
    else userParas.set(s.key, [...(userParas.get(s.key) ?? []), para]);
  }
  const cache = new Map<string, MetricResult | null>();
  const parts = [];
  for (const part of REPORT_TEMPLATES[template]) {
    const sections = [];
    for (const sec of part.sections) {
      const paragraphs: ReportParagraph[] = [];
      for (const s of sec.sentences) {
        const prev = prevParas.get(s.key);
        if (prev?.edited) { paragraphs.push(prev); continue; }
        const segments = await renderSentence(tx, kernel, s, scope, vars, cache);
        paragraphs.push(Array.isArray(segments)
          ? { id: prev?.id ?? randomUUID(), kind: 'data', source: s.key, edited: false, segments }
          : { id: prev?.id ?? randomUUID(), kind: 'pending', source: s.key, edited: false, segments: [{ text: pendingText(s, vars, segments.missing) }] });
      }
      // Part 三 from the year's meetings, 第一责任人 acts and 述法 (a division's report; an org's has none of its
      // own): regenerated on refresh unless the drafter edited it; with records, the fixed paragraph is left out.
      const records = sec.records === 'ruleOfLaw' && !subject.orgId ? await partThreeParagraphs(tx, subject.divisionCode, year) : [];
      for (const [i, r] of records.entries()) {
        const source = `${sec.key}.records.${r.key}`;
        const prev = prevParas.get(source);
        const text = i === 0 ? `${year}年，${subject.name}党政主要负责人履行推进法治建设第一责任人职责：${r.text}` : r.text;
        paragraphs.push(prev?.edited ? prev : { id: prev?.id ?? randomUUID(), kind: 'narrative', source, edited: false, segments: [{ text }] });
      }
      sec.narrative.forEach((text, i) => {
        const source = `${sec.key}.narrative.${i}`;
        const prev = prevParas.get(source);
        // Where records wrote the section, the fixed paragraph goes — unless the drafter had edited it.
        if (records.length && !prev?.edited) return;
        paragraphs.push(prev ?? { id: randomUUID(), kind: 'narrative', source, edited: false, segments: [{ text: fill(text) }] });
      });
      paragraphs.push(...(userParas.get(sec.key) ?? []));
      if (paragraphs.length) sections.push({ key: sec.key, heading: sec.heading ? fill(sec.heading) : null, paragraphs });
    }
    if (!sections.some((sec) => sec.paragraphs.some((x) => x.kind !== 'pending'))) {
      // Say so rather than print an empty part: the drafter sees at once what the records cannot supply.
      const source = `${part.key}.empty`;
      sections.push({ key: part.key, heading: null, paragraphs: [prevParas.get(source) ?? { id: randomUUID(), kind: 'pending', source, edited: false, segments: [{ text: '待补充：系统中尚无本部分可引用的本年度业务记录，请起草人员据实撰写。' }] }] });
    }
    parts.push({ key: part.key, heading: fill(part.heading), sections });
  }
  return { title: `${subject.name}${year}年度法治政府建设情况报告`, parts };
}

async function subjectOf(tx: Tx, row: Pick<repo.AnnualReportRow, 'subjectKind' | 'subjectDivisionCode' | 'subjectOrgId' | 'subjectName'>): Promise<Subject> {
  const div = await tenancy.getDivision(tx, row.subjectDivisionCode);
  const scopeWord = (div?.name ?? '区').slice(-1);
  return { kind: row.subjectKind as Subject['kind'], divisionCode: row.subjectDivisionCode, orgId: row.subjectOrgId, name: row.subjectName, scopeWord };
}

export async function createReport(tx: Tx, kernel: Kernel, actor: Actor, input: { year: number; subjectKind: 'division' | 'org'; divisionCode?: string; orgId?: string; template: TemplateKey }) {
  let subject: Subject;
  let caseOrg: { id: string; divisionCode: string };
  if (input.subjectKind === 'org') {
    const org = input.orgId ? await tenancy.getOrg(tx, input.orgId) : null;
    if (!org) throw new AppError('VALIDATION', '请选择报告主体机关', { fields: [{ path: 'orgId', message: '机关：请选择报告主体机关' }] });
    subject = await subjectOf(tx, { subjectKind: 'org', subjectDivisionCode: org.divisionCode, subjectOrgId: org.id, subjectName: org.name });
    caseOrg = org;
  } else {
    const div = input.divisionCode ? await tenancy.getDivision(tx, input.divisionCode) : null;
    if (!div) throw new AppError('VALIDATION', '请选择报告主体区划', { fields: [{ path: 'divisionCode', message: '区划代码：区划不存在' }] });
    // A government's report is drafted by the drafting body (usually the justice bureau's 法治办): the actor's org.
    const own = actor.grants.find((g) => g.permissions.has('annualReport.create'));
    const org = own?.orgId ? await tenancy.getOrg(tx, own.orgId)
      // The command line drafts as the system: file it with the government itself.
      : actor.kind === 'system' ? (await tenancy.listOrgs(tx, div.code)).map((o) => o.org).find((o) => o.divisionCode === div.code && o.kind === 'government') ?? null
        : null;
    if (!org) throw new AppError('FORBIDDEN', '您没有起草年度报告的权限');
    subject = await subjectOf(tx, { subjectKind: 'division', subjectDivisionCode: div.code, subjectOrgId: null, subjectName: `${div.name}人民政府` });
    caseOrg = org;
  }
  if (!can(actor, 'annualReport.create', { orgId: caseOrg.id, divisionCode: caseOrg.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '您没有为该主体起草年度报告的权限');
  if (await repo.findExisting(tx, subject.kind, subject.divisionCode, subject.orgId, input.year)) {
    throw new AppError('DUPLICATE', `${subject.name}${input.year}年度报告已存在`);
  }
  const deadline = `${input.year + 1}-04-01`;
  const { row } = await createCase(tx, kernel, actor, {
    type: 'annualReport', title: `${subject.name}${input.year}年度法治政府建设情况报告`, orgId: caseOrg.id, divisionCode: caseOrg.divisionCode,
    data: { year: input.year, deadline, daysToDeadline: Math.max(0, diffDays(kernel.today(), deadline)) },
  });
  const content = await buildContent(tx, kernel, subject, input.year, input.template, null);
  await repo.insert(tx, {
    caseId: row.id, year: input.year, subjectKind: subject.kind, subjectOrgId: subject.orgId, subjectDivisionCode: subject.divisionCode,
    subjectName: subject.name, template: input.template, content, contentVersion: 1, generatedAt: kernel.now(), divisionCode: caseOrg.divisionCode,
  });
  await repo.addVersion(tx, { caseId: row.id, version: 1, content, note: '生成初稿', createdBy: actor.name, createdAt: kernel.now(), divisionCode: caseOrg.divisionCode });
  return row.id;
}

async function loadForEdit(tx: Tx, actor: Actor, id: string) {
  const c = await loadVisible(tx, actor, id, 'annualReport');
  if (!can(actor, 'annualReport.edit', c)) throw new AppError('FORBIDDEN', '您没有修改该报告的权限');
  if (c.state !== 'draft') throw new AppError('TRANSITION_NOT_ALLOWED', `报告当前为「${annualReportMachine.states[c.state as 'draft'].label}」，只有起草中的报告可以修改`);
  const r = await repo.get(tx, id);
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

export async function regenerate(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const r = await loadForEdit(tx, actor, id);
  const content = await buildContent(tx, kernel, await subjectOf(tx, r), r.year, r.template as TemplateKey, r.content);
  const saved = await repo.saveContent(tx, id, r.contentVersion, content, { generatedAt: kernel.now() });
  if (!saved) throw new AppError('CONFLICT', '报告已被他人修改，请刷新后重试');
  await repo.addVersion(tx, { caseId: id, version: saved.contentVersion, content, note: '重新生成数据段落', createdBy: actor.name, createdAt: kernel.now(), divisionCode: r.divisionCode });
  await appendAudit(tx, actor, { stream: `case:${id}`, action: 'annualReport.regenerate', entityType: 'annualReport', entityId: id }, kernel.now());
}

export async function editParagraph(tx: Tx, kernel: Kernel, actor: Actor, id: string, paragraphId: string, edit: { text: string; reason?: string }, expectedVersion: number) {
  const r = await loadForEdit(tx, actor, id);
  if (r.contentVersion !== expectedVersion) throw new AppError('CONFLICT', '报告已被他人修改，请刷新后在最新版本上修改');
  const content: ReportContent = structuredClone(r.content);
  const para = allParagraphs(content).find((x) => x.id === paragraphId);
  if (!para) throw new AppError('NOT_FOUND', '段落不存在');
  const original = para.segments.map((x) => x.text).join('');
  // A data sentence (or a 待补充 one) typed by hand holds figures no record backs: 人工填报, with who and
  // why, audited, listed in the appendix and acknowledged by the approver (issue 15 §4).
  const figures = para.kind === 'data' || para.kind === 'pending' || !!para.manual;
  if (figures && !edit.reason) throw new AppError('VALIDATION', '修改数据段落须说明理由（将作为人工填报数据记录在案）', { fields: [{ path: 'reason', message: '人工填报理由：请说明数据来源或修改理由' }] });
  para.edited = true; // keeps its place but no longer updates from the records
  para.segments = [{ text: edit.text }];
  if (figures) {
    para.kind = 'data';
    para.manual = { by: actor.name, at: kernel.now().toISOString(), reason: edit.reason!, original: para.manual?.original ?? original };
  }
  const saved = await repo.saveContent(tx, id, expectedVersion, content);
  if (!saved) throw new AppError('CONFLICT', '报告已被他人修改，请刷新后在最新版本上修改');
  await repo.addVersion(tx, { caseId: id, version: saved.contentVersion, content, note: figures ? `人工填报数据：${edit.reason}` : '修改段落', createdBy: actor.name, createdAt: kernel.now(), divisionCode: r.divisionCode });
  if (figures) {
    await appendAudit(tx, actor, {
      stream: `case:${id}`, action: 'annualReport.manualFigure', entityType: 'annualReport', entityId: id,
      detail: { paragraphId, source: para.source, original, text: edit.text, reason: edit.reason },
    }, kernel.now());
  }
}

export async function view(tx: Tx, actor: Actor, id: string, publicOnly = false): Promise<AnnualReportView> {
  const c = publicOnly ? await publishedCase(tx, id) : await loadVisible(tx, actor, id, 'annualReport');
  const r = await repo.get(tx, id);
  if (!r) throw new AppError('NOT_FOUND');
  const preliminary = (c.data as { preliminary?: boolean }).preliminary === true;
  const content = preliminary ? { ...r.content, title: `${r.content.title}${PRELIMINARY_MARK}` } : r.content;
  return {
    id, refNo: c.refNo, year: r.year, subjectName: r.subjectName, state: c.state,
    stateName: annualReportMachine.states[c.state as 'draft'].label, contentVersion: r.contentVersion,
    generatedAt: r.generatedAt?.toISOString() ?? null,
    editable: !publicOnly && c.state === 'draft' && can(actor, 'annualReport.edit', c),
    preliminary,
    manualCount: manualCount(r.content),
    returned: publicOnly || c.state !== 'draft' ? null : await lastReturn(tx, id),
    content: publicOnly ? stripTrace(printable(content)) : content,
  };
}

/** How a report published before its year ends is titled (no full-year report before the year ends). */
export const PRELIMINARY_MARK = '（阶段性报告）';

/** The reviewer's reason the report came back, until the drafter submits it again. */
async function lastReturn(tx: Tx, id: string) {
  const events = await listCaseEvents(tx, id);
  const last = events[events.length - 1];
  if (!last || last.event !== 'returnToDraft') return null;
  const stage = annualReportMachine.states[last.fromState as 'draft']?.label ?? '';
  return { reason: String(last.input.reason ?? ''), by: last.actorName, stage, at: last.at.toISOString() };
}

/** Marks (or unmarks) a draft as a 阶段性报告, the only way a report is published before its year ends. */
export async function setPreliminary(tx: Tx, kernel: Kernel, actor: Actor, id: string, preliminary: boolean) {
  await loadForEdit(tx, actor, id);
  await mergeCaseData(tx, id, { preliminary });
  await appendAudit(tx, actor, { stream: `case:${id}`, action: 'annualReport.preliminary', entityType: 'annualReport', entityId: id, detail: { preliminary } }, kernel.now());
}

/**
 * The 成文日期 printed under the signature: the leader's approval, or today for a draft, written in
 * Arabic numerals with year, month and day (GB/T 9704-2012 7.3.5.1).
 */
export async function signedDate(tx: Tx, kernel: Kernel, id: string): Promise<string> {
  const approved = (await listCaseEvents(tx, id)).filter((e) => e.event === 'approveLeader').pop();
  const iso = approved ? isoWithOffset(kernel.tz, approved.at).slice(0, 10) : kernel.today();
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

async function publishedCase(tx: Tx, id: string) {
  const { getCase } = await import('../../../core/server');
  const c = /^[0-9a-f-]{36}$/.test(id) ? await getCase(tx, id) : null;
  if (!c || c.type !== 'annualReport' || c.state !== 'published') throw new AppError('NOT_FOUND');
  return c;
}

/** The public sees the text; the record trail (and who typed what by hand) stays with staff. */
const stripTrace = (c: ReportContent): ReportContent => ({
  ...c, parts: c.parts.map((p) => ({ ...p, sections: p.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.map(({ manual: _, ...para }) => ({ ...para, segments: para.segments.map(({ text }) => ({ text })) })) })) })),
});

export async function listPublished(tx: Tx) {
  return (await repo.listPublished(tx)).map(({ report, closedAt }) => ({ id: report.caseId, year: report.year, subjectName: report.subjectName, title: report.content.title, publishedAt: closedAt?.toISOString() ?? null }));
}

export async function listVersions(tx: Tx, actor: Actor, id: string) {
  await loadVisible(tx, actor, id, 'annualReport');
  return (await repo.versions(tx, id)).map((v) => ({ ...v, createdAt: v.createdAt.toISOString() }));
}

export function requireRead(actor: Actor) { requirePermission(actor, 'annualReport.read'); }

/** For the command line: the report of a subject and year, created or regenerated, ready to export. */
export async function ensureReport(tx: Tx, kernel: Kernel, actor: Actor, input: { year: number; subjectKind: 'division' | 'org'; divisionCode?: string; orgId?: string }) {
  let divisionCode = input.divisionCode;
  let orgId: string | null = null;
  if (input.subjectKind === 'org') {
    const org = input.orgId ? await tenancy.getOrg(tx, input.orgId) : null;
    if (!org) throw new AppError('NOT_FOUND', `机关${input.orgId ?? ''}不存在`);
    divisionCode = org.divisionCode;
    orgId = org.id;
  }
  const existing = await repo.findExisting(tx, input.subjectKind, divisionCode ?? '', orgId, input.year);
  if (!existing) return createReport(tx, kernel, actor, { ...input, template: 'standard' });
  const c = await loadVisible(tx, actor, existing.caseId, 'annualReport');
  if (c.state === 'draft') await regenerate(tx, kernel, actor, existing.caseId);
  return existing.caseId;
}

export async function listVisible(tx: Tx, actor: Actor) {
  return (await repo.listVisible(tx, visibleFilter(actor, 'annualReport'))).map(({ report, state, refNo, updatedAt }) => ({
    id: report.caseId, refNo, year: report.year, subjectName: report.subjectName, title: report.content.title,
    state, stateName: annualReportMachine.states[state as 'draft'].label, contentVersion: report.contentVersion, updatedAt: updatedAt.toISOString(),
  }));
}
