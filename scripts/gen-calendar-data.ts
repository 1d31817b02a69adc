/**
 * Regenerates src/core/shared/calendar-data.ts from the `chinese-days` package's data, which transcribes
 * the State Council's yearly 部分节假日安排 notices. Only the data is taken from the package: its
 * arithmetic is slow and it silently treats years it lacks as weekends-only (DESIGN §2).
 *
 * Run: npx tsx scripts/gen-calendar-data.ts   (then review the diff against the notices below)
 *
 * When a new notice is published (each autumn for the next year): update chinese-days, add the year to
 * NOTICES, raise LAST, regenerate, and check every date of the new year against the notice by hand.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };

const FIRST = 2019;
const LAST = 2026;

/**
 * The source of each year: the State Council General Office's notice, plus any later notice that changed
 * it. `issued` is the date the notice is signed (落款日期). Numbers and dates checked against copies of
 * the notices (gov.cn and local government sites that reprint them), 2026-11.
 */
const NOTICES: { year: number; docNo: string; issued: string; amendedBy?: string }[] = [
  { year: 2019, docNo: '国办发明电〔2018〕15号', issued: '2018-12-04', amendedBy: '国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号，2019-03-22）：5月1日至4日放假，4月28日、5月5日（周日）上班' },
  { year: 2020, docNo: '国办发明电〔2019〕16号', issued: '2019-11-21', amendedBy: '国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号，2020-01-27）：春节假期延长至2月2日，原定2月1日（周六）上班取消' },
  { year: 2021, docNo: '国办发明电〔2020〕27号', issued: '2020-11-25' },
  { year: 2022, docNo: '国办发明电〔2021〕11号', issued: '2021-10-25' },
  { year: 2023, docNo: '国办发明电〔2022〕16号', issued: '2022-12-08' },
  { year: 2024, docNo: '国办发明电〔2023〕7号', issued: '2023-10-25' },
  { year: 2025, docNo: '国办发明电〔2024〕12号', issued: '2024-11-12' },
  { year: 2026, docNo: '国办发明电〔2025〕7号', issued: '2025-11-04' },
];

type Row = { date: string; kind: 'holiday' | 'workday'; name: string };
const rows: Row[] = [];
for (const [kind, src] of [['holiday', data.holidays], ['workday', data.workdays]] as const) {
  for (const [date, v] of Object.entries(src)) {
    const y = Number(date.slice(0, 4));
    const name = v.split(',')[1]; // "Spring Festival,春节,3": the Chinese name
    if (!name) throw new Error(`unexpected value for ${date}: ${v}`);
    // A notice for year Y also sets the New Year (元旦) break that begins in late December of Y−1: the
    // 2019 notice makes 2018-12-29 (Saturday) a workday and 2018-12-30/31 holidays. Those days belong to
    // the first notice, so the bundled data (and the calendar's coverage) starts on the first of them.
    const newYearRunOfFirst = y === FIRST - 1 && date.slice(5, 7) === '12' && name === '元旦';
    if ((y < FIRST || y > LAST) && !newYearRunOfFirst) continue;
    rows.push({ date, kind, name });
  }
}
rows.sort((a, b) => a.date.localeCompare(b.date));
const FIRST_DATE = rows[0].date < `${FIRST}-01-01` ? rows[0].date : `${FIRST}-01-01`;
/** The notice a date belongs to: late-December days of a New Year break belong to the next year's notice. */
const noticeYear = (r: Row) => (r.date.slice(5, 7) === '12' && r.name === '元旦' && Number(r.date.slice(0, 4)) === FIRST - 1 ? FIRST : Number(r.date.slice(0, 4)));

// Sanity checks: a date is either a holiday or a make-up workday, and make-up workdays are weekends.
const dow = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
for (let i = 1; i < rows.length; i++) if (rows[i].date === rows[i - 1].date) throw new Error(`${rows[i].date} is listed twice`);
for (const r of rows) if (r.kind === 'workday' && dow(r.date) !== 0 && dow(r.date) !== 6) throw new Error(`make-up workday ${r.date} is not a weekend`);
for (const n of NOTICES) if (!rows.some((r) => noticeYear(r) === n.year)) throw new Error(`no data for ${n.year}`);
if (NOTICES.length !== LAST - FIRST + 1) throw new Error('NOTICES must list every year of the range');

const table = NOTICES.map((n) => {
  const h = rows.filter((r) => noticeYear(r) === n.year && r.kind === 'holiday');
  const weekdayOff = h.filter((r) => dow(r.date) !== 0 && dow(r.date) !== 6).length;
  const w = rows.filter((r) => noticeYear(r) === n.year && r.kind === 'workday').length;
  const line = ` * | ${n.year} | 国务院办公厅关于${n.year}年部分节假日安排的通知 | ${n.docNo} | ${n.issued} | ${String(h.length).padStart(2)} (${String(weekdayOff).padStart(2)}) | ${w} |`;
  return n.amendedBy ? `${line}\n * |      | 变更：${n.amendedBy} | | | | |` : line;
}).join('\n');

const body = rows.map((r) => `  { date: '${r.date}', kind: '${r.kind}', name: '${r.name}' },`).join('\n');
const sources = NOTICES.map((n) => `  { year: ${n.year}, title: '国务院办公厅关于${n.year}年部分节假日安排的通知', docNo: '${n.docNo}', issued: '${n.issued}'${n.amendedBy ? `, amendedBy: '${n.amendedBy}'` : ''} },`).join('\n');

writeFileSync('src/core/shared/calendar-data.ts', `/**
 * Official holidays and 调休 make-up working days, ${FIRST}–${LAST}, as set by the State Council's yearly
 * notices. GENERATED by scripts/gen-calendar-data.ts from the chinese-days package data: do not edit by
 * hand. In a running system administrators edit the calendar in the app and the database is the source
 * of truth; this file seeds it and serves tools that run without a database. Isomorphic: no node imports.
 *
 * Every official holiday date is kept (also those on a weekend, useful for display); only holidays on a
 * weekday and workdays on a weekend change the arithmetic.
 *
 * | year | notice | 文号 | signed (落款) | holiday dates (of which weekdays) | make-up workdays |
 * |------|--------|------|--------|-----------------------------------|------------------|
${table}
 *
 * A break that crosses New Year is listed by calendar date: 2022-12-31 (元旦) comes from the 2023 notice,
 * and the first notice's own New Year run (2018-12-29 worked, 2018-12-30/31 off, from the 2019 notice)
 * is included, so coverage starts on ${FIRST_DATE}, the first date a bundled notice sets, not on 1 January.
 * Local arrangements (e.g. a province extending the 2020 Spring Festival break further) are not national
 * rules and are not included: administrators add them per deployment.
 */
import type { CalendarOverride } from './calendar.types';

export const DEFAULT_CALENDAR_RANGE = { firstDate: '${FIRST_DATE}', lastDate: '${LAST}-12-31' } as const;

/** The notice behind each year of DEFAULT_CALENDAR_OVERRIDES, for display and for the calendar's \`source\`. */
export const DEFAULT_CALENDAR_SOURCES: { year: number; title: string; docNo: string; issued: string; amendedBy?: string }[] = [
${sources}
];

export const DEFAULT_CALENDAR_OVERRIDES: CalendarOverride[] = [
${body}
];
`);
console.log(`wrote src/core/shared/calendar-data.ts (${FIRST_DATE}–${LAST}-12-31): ${rows.length} days (${rows.filter((r) => r.kind === 'holiday').length} holidays, ${rows.filter((r) => r.kind === 'workday').length} make-up workdays), ${FIRST}–${LAST}`);
