/**
 * Demo 预约 for 湖滨区: counter time slots in the service hall and every township 便民服务中心 for each
 * working day of the year up to two weeks ahead — regular hours, 延时服务 at lunch time (and after
 * hours in the hall) and 上门服务 afternoons — and a deterministic share of them booked: past bookings
 * arrived, missed or cancelled, future ones still booked. Set-based SQL, like the applications.
 * Demo bookings carry no phone number (only made-up last four digits), so nothing personal is stored.
 */
import { sql } from 'drizzle-orm';
import { type Kernel, tzLiteral } from '../../../core/server';
import { addDays, twelveMonthsBefore, workdaysIn } from '../../../core/shared/calendar';

const COUNTY = '411202';
// start, end, kind, capacity in the hall, capacity at a township site (0 = not offered there)
const TEMPLATE: [string, string, string, number, number][] = [
  ['09:00', '10:00', 'regular', 8, 3], ['10:00', '11:00', 'regular', 8, 3], ['11:00', '12:00', 'regular', 8, 3],
  ['13:00', '14:00', 'regular', 8, 3], ['14:00', '15:00', 'regular', 8, 3], ['15:00', '16:00', 'regular', 8, 3], ['16:00', '17:00', 'regular', 8, 3],
  ['12:00', '13:00', 'extendedHours', 4, 1], ['17:00', '18:30', 'extendedHours', 4, 0],
  ['14:00', '17:00', 'homeVisit', 2, 1],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '桂英', '建国'];

export async function seedAppointmentsDemo(kernel: Kernel) {
  // The configured zone as an SQL literal: these bulk statements are built as text (sql.raw).
  const tz = tzLiteral(kernel.tz);
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM appointments WHERE is_demo`);
  if (Number(n) > 0) return;
  const today = kernel.today();
  await kernel.db.tx(async (tx) => {
    const cal = await kernel.calendar.get(tx);
    // The last twelve months (a January start still shows a full year) and two weeks ahead; days past
    // the published calendar on weekends alone.
    const all = workdaysIn(cal, twelveMonthsBefore(today), addDays(today, 31));
    const days = [...all.filter((d) => d < today), ...all.filter((d) => d >= today).slice(0, 11)];
    if (!days.length) return;
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_days ON COMMIT DROP AS SELECT d::date AS d FROM (VALUES ${days.map((d) => `('${d}')`).join(',')}) v(d)`));
    await tx.execute(sql.raw(`CREATE TEMP TABLE zt_tpl ON COMMIT DROP AS SELECT * FROM (VALUES ${TEMPLATE.map((t) => `('${t[0]}', '${t[1]}', '${t[2]}', ${t[3]}, ${t[4]})`).join(',')}) v(st, en, kind, hall, site)`));
    await tx.execute(sql.raw(`INSERT INTO appointment_slots (id, org_id, counter_id, division_code, day, start_time, end_time, kind, capacity, booked, created_at)
      SELECT gen_random_uuid(), o.id, NULL, o.division_code, d.d, t.st, t.en, t.kind, CASE WHEN o.kind = 'service_center' THEN t.hall ELSE t.site END, 0, now()
      FROM orgs o CROSS JOIN zt_days d CROSS JOIN zt_tpl t
      WHERE o.kind IN ('service_center', 'service_site') AND o.division_code LIKE '${COUNTY}%' AND (CASE WHEN o.kind = 'service_center' THEN t.hall ELSE t.site END) > 0
      ON CONFLICT DO NOTHING`));
    const names = `(ARRAY[${SURNAMES.map((s) => `'${s}'`).join(',')}])[1 + abs(hashtext(s.id::text || g::text || 's')) % ${SURNAMES.length}] || (ARRAY[${GIVEN.map((s) => `'${s}'`).join(',')}])[1 + abs(hashtext(s.id::text || g::text || 'g')) % ${GIVEN.length}]`;
    // Regular slots are booked 0–24 % full, extended and home-visit slots 0–59 % (rounded); deterministic per slot.
    await tx.execute(sql.raw(`INSERT INTO appointments (id, code, slot_id, item_id, org_id, division_code, day, kind, user_id, person_key, name, phone_enc, phone_last4, address, note, status, created_at, cancelled_at, arrived_at, is_demo)
      SELECT gen_random_uuid(), 'YY' || to_char(s.day, 'YYMMDD') || 'D' || upper(substr(md5(s.id::text || g::text), 1, 7)),
        s.id, NULL, s.org_id, s.division_code, s.day, s.kind, NULL, md5(s.id::text || g::text), ${names}, 'demo',
        lpad((abs(hashtext(s.id::text || g::text || 'p')) % 10000)::text, 4, '0'),
        CASE WHEN s.kind = 'homeVisit' THEN '湖滨区' || (1 + abs(hashtext(s.id::text || g::text)) % 60)::text || '号院' END, NULL,
        CASE WHEN s.day >= '${today}' THEN 'booked'
             WHEN abs(hashtext(s.id::text || g::text || 'x')) % 100 < 7 THEN 'cancelled'
             WHEN abs(hashtext(s.id::text || g::text || 'x')) % 100 < 15 THEN 'missed' ELSE 'arrived' END,
        (s.day - 3 + time '20:00') AT TIME ZONE ${tz},
        CASE WHEN s.day < '${today}' AND abs(hashtext(s.id::text || g::text || 'x')) % 100 < 7 THEN (s.day - 1 + time '18:00') AT TIME ZONE ${tz} END,
        CASE WHEN s.day < '${today}' AND abs(hashtext(s.id::text || g::text || 'x')) % 100 >= 15 THEN (s.day + s.start_time::time + interval '5 minutes') AT TIME ZONE ${tz} END,
        true
      FROM appointment_slots s
      CROSS JOIN LATERAL generate_series(1, (s.capacity * (abs(hashtext(s.id::text)) % CASE WHEN s.kind = 'regular' THEN 25 ELSE 60 END) + 50) / 100) g
      WHERE s.division_code LIKE '${COUNTY}%' AND s.day <= (SELECT max(d) FROM zt_days)`));
    await tx.execute(sql.raw(`UPDATE appointment_slots s SET booked = x.n FROM (SELECT slot_id, count(*)::int AS n FROM appointments WHERE is_demo AND status <> 'cancelled' GROUP BY slot_id) x WHERE x.slot_id = s.id`));
  });
}
