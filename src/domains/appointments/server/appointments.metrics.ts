/** 预约 figures for the 驾驶舱 and the annual report; they count bookings, not cases, and open them as a record set. */
import { monthEnds } from '../../../core/shared/calendar';
import { defineMetric } from '../../../core/server';
import * as appts from './appointments.repository';

type Fig = { numerator: number; denominator: number | null };

/** 预约 counted by the day booked for, live bookings only (cancelled ones are not a service given). */
const bookings = (key: string, label: string, definition: string, kind?: string) => defineMetric({
  key, label, unit: 'count', definition,
  recordSet: appts.bookingsRecordSet(kind),
  compute: async (tx, _k, q) => ({ numerator: await appts.countBookings(tx, q, kind), denominator: null }),
  breakdown: async (tx, _k, q, by) => {
    const out = new Map<string, Fig>();
    if (by === 'org') for (const r of await appts.bookingsByOrg(tx, q, kind)) out.set(r.orgId, { numerator: r.n, denominator: null });
    else for (const [key, end] of monthEnds(q.from, q.to)) out.set(key, { numerator: await appts.countBookings(tx, { ...q, from: `${key}-01` < q.from ? q.from : `${key}-01`, to: end }, kind), denominator: null });
    return out;
  },
});

export const appointmentMetrics = [
  bookings('services.appointments', '预约服务件数', '预约办理日期在统计期内的有效预约数（窗口预约、延时服务、上门服务；不含已取消的）。'),
  bookings('services.extendedHours', '延时服务件数', '预约办理日期在统计期内、服务方式为延时服务的有效预约数（不含已取消的）。', 'extendedHours'),
  bookings('services.homeVisits', '上门服务件数', '预约办理日期在统计期内、服务方式为上门服务的有效预约数（不含已取消的）。', 'homeVisit'),
];
