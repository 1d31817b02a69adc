/**
 * Every figure the report template names is a registered metric (and every case type it counts by is a
 * registered case type), or is listed as planned — and nothing planned is registered already. A renamed
 * metric would otherwise drop its sentence from every county's report without anyone noticing.
 */
import { describe, expect, it } from 'vitest';
import { loadDomains } from '../../../app/server/domains';
import { PLACEHOLDER, PLANNED_CASE_TYPES, PLANNED_METRICS, REPORT_TEMPLATES } from '../shared/annual-report.templates';

describe('annual report template placeholders', () => {
  it('name registered metrics and case types, or planned ones that are not registered yet', async () => {
    const domains = await loadDomains();
    const metrics = new Set(domains.flatMap((d) => (d.metrics ?? []).map((m) => m.key)));
    const types = new Set(domains.flatMap((d) => (d.caseTypes ?? []).map((c) => c.machine.type)));
    const named: { key: string; caseType: string | null; where: string }[] = [];
    for (const [template, parts] of Object.entries(REPORT_TEMPLATES)) {
      for (const part of parts) for (const section of part.sections) for (const s of section.sentences) for (const clause of s.clauses) {
        for (const m of clause.matchAll(PLACEHOLDER)) {
          const caseType = /caseType=([a-zA-Z]+)/.exec(m[3] ?? '')?.[1] ?? null;
          named.push({ key: m[1], caseType, where: `${template}/${s.key}` });
        }
      }
    }
    expect(named.length).toBeGreaterThan(40);
    const unknown = named.filter((n) => !metrics.has(n.key) && !(n.key in PLANNED_METRICS)).map((n) => `${n.where}: ${n.key}`);
    expect(unknown, 'placeholders naming no registered or planned metric').toEqual([]);
    const unknownTypes = named.filter((n) => n.caseType && !types.has(n.caseType) && !(n.caseType in PLANNED_CASE_TYPES)).map((n) => `${n.where}: caseType=${n.caseType}`);
    expect(unknownTypes, 'placeholders counting a case type nobody registers').toEqual([]);
    const landed = [...Object.keys(PLANNED_METRICS).filter((k) => metrics.has(k)), ...Object.keys(PLANNED_CASE_TYPES).filter((k) => types.has(k))];
    expect(landed, 'registered now: remove from PLANNED_METRICS / PLANNED_CASE_TYPES').toEqual([]);
    // Every planned entry is still named by the template (no stale plan).
    const stale = [...Object.keys(PLANNED_METRICS).filter((k) => !named.some((n) => n.key === k)), ...Object.keys(PLANNED_CASE_TYPES).filter((k) => !named.some((n) => n.caseType === k))];
    expect(stale).toEqual([]);
  });
});
