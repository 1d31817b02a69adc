/**
 * 预约: citizens book a place in a counter time slot of the service hall or a township 便民服务中心;
 * 延时服务 (outside regular hours) and 上门服务 (home visits for the elderly or disabled) are slots of their
 * own kind, so what was offered and used is on record. A slot's live count is raised by compare-and-set:
 * two people racing for the last place get one booking and one 409, never an overbooked slot.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../core/shared/errors';
import { checkIdNumber, maskIdNumber } from '../../../core/shared/ids';
import { type Actor, appendAudit, can, type Kernel, tenancy, type Tx, uniqueOr409 } from '../../../core/server';
import * as repo from './appointments.repository';
import { getItem } from '../../catalog/public';
import { APPOINTMENT_STATUS, SLOT_KINDS, type AppointmentBook, type SlotCreate, type SlotKind } from '../shared/appointments.schema';

const COUNTY_LEN = 6;
const slotView = (s: repo.SlotRow) => ({
  id: s.id, orgId: s.orgId, day: s.day, startTime: s.startTime, endTime: s.endTime, kind: s.kind as SlotKind,
  kindName: SLOT_KINDS[s.kind as SlotKind] ?? s.kind, capacity: s.capacity, remaining: Math.max(0, s.capacity - s.booked),
});
const maskPhone = (last4: string) => `*******${last4}`;

export async function sites(tx: Tx, divisionCode: string) {
  return repo.bookableOrgs(tx, divisionCode.slice(0, COUNTY_LEN));
}

/** Free and full slots of a day (or, without a day, the next days that still have room). */
export async function slots(tx: Tx, kernel: Kernel, q: { orgId: string; day?: string }) {
  const today = kernel.today();
  if (!q.day) return { days: await repo.daysWithRoom(tx, q.orgId, today), slots: [] };
  if (q.day < today) return { days: [], slots: [] };
  return { days: [q.day], slots: (await repo.slotsOf(tx, q.orgId, q.day)).map(slotView) };
}

export async function createSlot(tx: Tx, kernel: Kernel, actor: Actor, input: z.infer<typeof SlotCreate>) {
  const org = await tenancy.getOrg(tx, input.orgId);
  if (!org) throw new AppError('NOT_FOUND', '机构不存在');
  if (!can(actor, 'appointment.manage', { orgId: org.id, divisionCode: org.divisionCode, applicantId: null })) throw new AppError('FORBIDDEN', '您没有管理该机构预约时段的权限');
  if (input.endTime <= input.startTime) throw new AppError('VALIDATION', '结束时间应晚于开始时间', { fields: [{ path: 'endTime', message: '结束时间：应晚于开始时间' }] });
  if (input.day < kernel.today()) throw new AppError('VALIDATION', '不能为已过去的日期设置预约时段', { fields: [{ path: 'day', message: '日期：已过去' }] });
  const row = await repo.insertSlot(tx, { id: randomUUID(), orgId: org.id, divisionCode: org.divisionCode, day: input.day, startTime: input.startTime, endTime: input.endTime, kind: input.kind, capacity: input.capacity, createdAt: kernel.now() });
  if (!row) throw new AppError('DUPLICATE', '该日期该时间已有同类预约时段');
  return slotView(row);
}

export async function book(tx: Tx, kernel: Kernel, actor: Actor | null, input: z.infer<typeof AppointmentBook>) {
  const check = checkIdNumber(input.idNumber, kernel.today());
  if (!check.valid) throw new AppError('INVALID_ID_NUMBER', check.reason!, { fields: [{ path: 'idNumber', message: `证件号码：${check.reason}` }] });
  const slot = await repo.getSlot(tx, input.slotId);
  if (!slot) throw new AppError('NOT_FOUND', '预约时段不存在');
  if (slot.day < kernel.today()) throw new AppError('VALIDATION', '该时段已过，请选择其他时段', { fields: [{ path: 'slotId', message: '预约时段：已过' }] });
  if (slot.kind === 'homeVisit' && !input.address) throw new AppError('VALIDATION', '上门服务须填写上门地址', { fields: [{ path: 'address', message: '上门服务地址：请填写' }] });
  if (input.itemId) {
    const item = await getItem(tx, input.itemId);
    if (!item || item.status !== 'published') throw new AppError('VALIDATION', '该事项不存在或未发布', { fields: [{ path: 'itemId', message: '办理事项：不存在或未发布' }] });
  }
  if (!(await repo.takePlace(tx, slot.id))) throw new AppError('CONFLICT', '该时段已约满，请选择其他时段');
  const at = kernel.now();
  const id = randomUUID();
  const code = `YY${slot.day.replace(/-/g, '').slice(2)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  // One booking per person and slot (unique index). The AppError rolls the transaction back, so the place
  // taken above is given back too.
  await uniqueOr409(() => repo.insertAppointment(tx, {
    id, code, slotId: slot.id, itemId: input.itemId ?? null, orgId: slot.orgId, divisionCode: slot.divisionCode, day: slot.day, kind: slot.kind,
    userId: actor?.kind === 'public' ? actor.id : null, personKey: kernel.cipher.index(input.idNumber), name: input.name,
    phoneEnc: kernel.cipher.encrypt(input.phone), phoneLast4: input.phone.slice(-4), address: input.address ?? null, note: input.note ?? null,
    status: 'booked', createdAt: at,
  }), '您已预约该时段，无需重复预约');
  return view(tx, id);
}

async function view(tx: Tx, id: string) {
  const a = await repo.getAppointment(tx, id);
  if (!a) throw new AppError('NOT_FOUND');
  const slot = (await repo.getSlot(tx, a.slotId))!;
  const org = await tenancy.getOrg(tx, a.orgId);
  const item = a.itemId ? await getItem(tx, a.itemId) : null;
  return {
    id: a.id, code: a.code, day: a.day, startTime: slot.startTime, endTime: slot.endTime, kind: a.kind, kindName: SLOT_KINDS[a.kind as SlotKind] ?? a.kind,
    orgName: org?.name ?? '', itemName: item?.name ?? null, name: a.name, phone: maskPhone(a.phoneLast4), address: a.address,
    status: a.status, statusName: APPOINTMENT_STATUS[a.status as keyof typeof APPOINTMENT_STATUS] ?? a.status,
  };
}

/** The booker cancels by the code and the last four digits of the phone; the place is given back. */
export async function cancel(tx: Tx, kernel: Kernel, code: string, phoneLast4: string) {
  const a = await repo.getAppointmentByCode(tx, code);
  if (!a || a.phoneLast4 !== phoneLast4) throw new AppError('NOT_FOUND', '未找到该预约，请核对预约号和手机号后4位');
  if (a.status !== 'booked') throw new AppError('STATE_CONFLICT', '该预约已取消或已办理，不能取消');
  if (!(await repo.setStatus(tx, a.id, 'booked', { status: 'cancelled', cancelledAt: kernel.now() }))) throw new AppError('STATE_CONFLICT');
  await repo.releasePlace(tx, a.slotId);
  return view(tx, a.id);
}

export async function lookup(tx: Tx, code: string, phoneLast4: string) {
  const a = await repo.getAppointmentByCode(tx, code);
  if (!a || a.phoneLast4 !== phoneLast4) throw new AppError('NOT_FOUND', '未找到该预约，请核对预约号和手机号后4位');
  return view(tx, a.id);
}

/** The counter's day: bookings of the actor's halls/sites. Phones are shown masked. */
export async function day(tx: Tx, kernel: Kernel, actor: Actor, q: { day?: string; orgId?: string }) {
  const orgIds = actor.grants.filter((g) => g.permissions.has('appointment.manage') && g.orgId).map((g) => g.orgId!);
  if (!orgIds.length) throw new AppError('FORBIDDEN', '您没有查看预约的权限');
  const chosen = q.orgId ? orgIds.filter((o) => o === q.orgId) : orgIds;
  const d = q.day ?? kernel.today();
  const rows = await repo.dayList(tx, chosen, d);
  return rows.map(({ a, slot, itemName, orgName }) => ({
    id: a.id, code: a.code, day: a.day, startTime: slot.startTime, endTime: slot.endTime, kind: a.kind, kindName: SLOT_KINDS[a.kind as SlotKind] ?? a.kind,
    orgName, itemName, name: a.name, phone: maskPhone(a.phoneLast4), address: a.address,
    status: a.status, statusName: APPOINTMENT_STATUS[a.status as keyof typeof APPOINTMENT_STATUS] ?? a.status,
  }));
}

/** The counter marks the person as arrived (the booking is then served at the counter). */
export async function arrive(tx: Tx, kernel: Kernel, actor: Actor, id: string) {
  const a = await repo.getAppointment(tx, id);
  if (!a || !can(actor, 'appointment.manage', { orgId: a.orgId, divisionCode: a.divisionCode, applicantId: null })) throw new AppError('NOT_FOUND');
  if (!(await repo.setStatus(tx, id, 'booked', { status: 'arrived', arrivedAt: kernel.now() }))) throw new AppError('STATE_CONFLICT', '该预约已取消或已登记到场');
  await appendAudit(tx, actor, { stream: `appointment:${a.orgId}`, action: 'appointment.arrive', entityType: 'appointment', entityId: id, detail: { code: a.code } }, kernel.now());
  return view(tx, id);
}

export const maskedId = maskIdNumber;
