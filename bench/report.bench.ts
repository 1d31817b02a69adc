/**
 * The district report: generate the demo district's full-year report (every registered metric, the
 * .docx) on the configured database, seeding the demo year first if it is missing (not timed). Peer:
 * the same metrics computed one by one with no grouping, as a hand-written query per sentence would.
 * Run: npm run bench:report   (DATA_DIR / DATABASE_URL as for the app)
 */
import { prepareKernel } from '../src/app/server/app';
import { hasDemo, seedDemo, DEMO_COUNTY } from '../src/app/server/demo-district';
import { SYSTEM_ACTOR } from '../src/core/server/actor';
import { computeMetric } from '../src/core/server/metrics';
import { ensureReport, viewReport, renderReportFile } from '../src/domains/annual-report/public';

const kernel = await prepareKernel();
if (!(await hasDemo(kernel)) || (await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE type = 'application'`))[0].n === 0) {
  console.log('seeding the demo year (not timed)…');
  await seedDemo(kernel);
}
const year = Number(process.env.REPORT_YEAR ?? kernel.today().slice(0, 4));
const [{ n: records }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`);
const runs: number[] = [];
let paragraphs = 0;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const id = await kernel.db.tx((tx) => ensureReport(tx, kernel, SYSTEM_ACTOR, { year, subjectKind: 'division', divisionCode: DEMO_COUNTY }));
  const view = await kernel.db.tx((tx) => viewReport(tx, SYSTEM_ACTOR, id));
  const docx = await renderReportFile(kernel, view, 'docx', true);
  runs.push(performance.now() - t0);
  paragraphs = view.content.parts.flatMap((p) => p.sections.flatMap((s) => s.paragraphs)).filter((p) => p.kind === 'data').length;
  if (i === 0) console.log(`report: ${view.content.title}, ${paragraphs} data paragraphs, docx ${docx.length} bytes`);
}
// Peer: every metric of the registry over the same scope, one query each.
const t1 = performance.now();
for (const key of kernel.metrics.keys()) {
  for (const caseType of [undefined, 'application']) await kernel.db.tx((tx) => computeMetric(tx, kernel, key, { divisionCode: DEMO_COUNTY, from: `${year}-01-01`, to: `${year}-12-31`, caseType }));
}
const peer = performance.now() - t1;
const best = Math.min(...runs);
console.log(`district report (metrics + docx): best ${best.toFixed(0)} ms of ${runs.map((r) => r.toFixed(0)).join('/')} ms; goal < 2000 ms`);
console.log(`peer: all ${kernel.metrics.size} registry metrics × 2 scopes one by one: ${peer.toFixed(0)} ms`);
console.log(`engine: ${kernel.db.engine}; records: ${records}; ratio report/peer: ${(best / peer).toFixed(2)}`);
console.log('province scale (10,000,000 applications on PostgreSQL): not measured yet — needs per-day rollups; see bench/README.md');
await kernel.db.close();
