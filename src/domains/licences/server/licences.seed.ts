/**
 * Demo e-licences for 湖滨区: the county's licence types (DEFAULT_TYPES); one licence for every demo
 * application of a licence-issuing item delivered this year (set-based SQL, numbered per type and year);
 * and a deterministic batch of licences imported from before the platform (存量证照) whose expiry falls
 * around today, so the registry, the reminders and 无感续证 have something to show. The reminder scan
 * then runs once, as the hourly job would have.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Kernel, randomToken, type Tx } from '../../../core/server';
import { addDays } from '../../../core/shared/calendar';
import { creditCodeCheckChar, maskIdNumber, orgCodeCheckChar, residentIdCheckChar } from '../../../core/shared/ids';
import { DEFAULT_OFFSETS, DEFAULT_TYPES } from '../shared/licences.schema';
import * as repo from './licences.repository';
import { runReminders, validTo } from './licences.service';
import { tzSql } from '../../../core/server';
import { applicationFacts } from '../../applications/public';

const COUNTY = '411202';
const PERSON_TYPES = new Set(['HSZY', 'CYZG', 'JSZG', 'YSZY']);

/** The county's licence types, once. */
export async function ensureLicenceTypes(tx: Tx, kernel: Kernel, divisionCode = COUNTY) {
  await repo.insertTypes(tx, DEFAULT_TYPES.map((t) => ({
    id: randomUUID(), divisionCode, code: t.code, name: t.name, itemCodes: t.itemCodes, validityMonths: t.validityMonths,
    reminderOffsets: t.validityMonths === null ? [] : DEFAULT_OFFSETS, renewalLeadDays: t.renewalLeadDays, renewalBasis: t.renewalBasis,
    autoRenewal: t.autoRenewal, numberPrefix: t.numberPrefix, updatedBy: '系统初始化', updatedAt: kernel.now(),
  })));
}

/** Deterministic demo identities with valid check characters. */
export function demoResidentId(i: number) {
  const body = `411202${1960 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + (i * 37) % 900)}`;
  return body + residentIdCheckChar(body);
}
export function demoCreditCode(i: number) {
  const org8 = `MA${String(100000 + ((i * 7919) % 900000))}`;
  const org9 = org8 + orgCodeCheckChar(org8);
  const first17 = `91${COUNTY}${org9}`;
  return first17 + creditCodeCheckChar(first17);
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '秀兰', '海燕', '志强', '丽娟', '文博', '春梅', '永刚'];
const FIRMS = ['湖滨区{x}餐饮有限公司', '三门峡{x}大药房有限公司', '湖滨区{x}商贸有限公司', '三门峡{x}物流有限公司', '湖滨区{x}酒店管理有限公司', '三门峡{x}人力资源服务有限公司'];
const WORDS = ['惠民', '黄河', '天鹅', '陕州', '崤山', '宏达', '百姓', '福源', '金城'];
/** Days from today to the imported licences' expiry: some past, most within the reminder horizon. */
const EXPIRY_SPREAD = [-12, 3, 9, 20, 28, 41, 58, 75, 88, 130];

export async function seedLicencesDemo(kernel: Kernel) {
  await kernel.db.tx((tx) => ensureLicenceTypes(tx, kernel));
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM licences WHERE is_demo`);
  if (Number(n) > 0) return;
  const today = kernel.today();
  await kernel.db.tx(async (tx) => {
    // One licence per delivered demo application of a licence-issuing item, valid from its delivery day.
    await tx.execute(sql`INSERT INTO licences (id, type_id, licence_no, division_code, org_id, holder_kind, holder_name, holder_id_masked, valid_from, valid_to, status, source, source_case_id, verify_token, issued_at, is_demo)
      SELECT gen_random_uuid(), x.type_id, x.prefix || left(x.division_code, 6) || x.yr || lpad((row_number() OVER (PARTITION BY x.prefix, left(x.division_code, 6), x.yr ORDER BY x.closed_at, x.id))::text, 6, '0'),
        x.division_code, x.org_id, x.kind, x.applicant_name, repeat('*', 14) || x.last4, x.d,
        CASE WHEN x.months IS NULL THEN NULL ELSE (x.d + make_interval(months => x.months) - interval '1 day')::date END,
        'valid', 'application', x.id, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), x.closed_at, true
      FROM (SELECT c.id, c.division_code, c.org_id, c.applicant_name, c.closed_at, a.applicant_kind AS kind, a.applicant_id_last4 AS last4, t.id AS type_id, t.number_prefix AS prefix,
              t.validity_months AS months, (c.closed_at AT TIME ZONE ${tzSql(kernel.tz)})::date AS d, to_char(c.closed_at AT TIME ZONE ${tzSql(kernel.tz)}, 'YYYY') AS yr
            FROM cases c JOIN ${applicationFacts()} a ON a.case_id = c.id
            JOIN licence_types t ON t.item_codes ? a.item_code AND c.division_code LIKE t.division_code || '%'
            WHERE c.type = 'application' AND c.state = 'delivered' AND a.is_demo) x
      ON CONFLICT DO NOTHING`);
    await tx.execute(sql`INSERT INTO sequences (key, value)
      SELECT 'licence:' || left(licence_no, length(licence_no) - 16) || ':' || left(division_code, 6) || ':' || substr(licence_no, length(licence_no) - 9, 4), count(*)
      FROM licences WHERE is_demo GROUP BY 1
      ON CONFLICT (key) DO UPDATE SET value = greatest(sequences.value, excluded.value)`);
    await seedImported(tx, kernel, today);
  });
  await runReminders(kernel);
}

/** 存量证照: issued before the platform by the type's issuing org, expiring around today. */
async function seedImported(tx: Tx, kernel: Kernel, today: string) {
  const types = (await repo.typesFor(tx, COUNTY)).filter((t) => t.validityMonths !== null);
  let i = 0;
  for (const t of types) {
    const item = await repo.itemByCode(tx, COUNTY, t.itemCodes[0]);
    const orgId = item?.orgId;
    if (!orgId) continue;
    for (const [k, days] of EXPIRY_SPREAD.entries()) {
      i++;
      const person = PERSON_TYPES.has(t.code);
      const idNumber = person ? demoResidentId(i) : demoCreditCode(i);
      const name = person ? SURNAMES[i % SURNAMES.length] + GIVEN[(i * 3) % GIVEN.length] : FIRMS[(i + k) % FIRMS.length].replace('{x}', WORDS[i % WORDS.length] + WORDS[(i * 5 + 2) % WORDS.length]);
      const expiry = addDays(today, days);
      // valid_from is the validity before the expiry: the day after the same date N months earlier.
      const [y, m, d] = addDays(expiry, 1).split('-').map(Number);
      const from = new Date(Date.UTC(y, m - 1 - t.validityMonths!, d)).toISOString().slice(0, 10);
      const to = validTo(from, t.validityMonths)!;
      const year = from.slice(0, 4);
      await repo.insertLicence(tx, {
        id: randomUUID(), typeId: t.id, licenceNo: `${t.numberPrefix}${COUNTY}${year}${String(900000 + i).padStart(6, '0')}`, divisionCode: COUNTY, orgId,
        holderKind: person ? 'person' : 'enterprise', holderName: name, holderIdEnc: kernel.cipher.encrypt(idNumber), holderIdHash: kernel.cipher.index(idNumber), holderIdMasked: maskIdNumber(idNumber),
        holderPhoneEnc: kernel.cipher.encrypt(`139${String(39800000 + i * 131).slice(-8)}`), holderUserId: null,
        validFrom: from, validTo: to, status: 'valid', source: 'import', sourceCaseId: null, verifyToken: randomToken(24),
        issuedAt: new Date(`${from}T09:00:00+08:00`), isDemo: true,
      });
    }
  }
}
