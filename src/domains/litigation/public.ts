/**
 * What other domains may use from litigation: the hearings a given official attended as the agency's
 * head (出庭应诉, 行政诉讼法 第3条; 法释〔2020〕3号 第2条 counts 副职负责人 as a head) — the law-study 述法
 * draft reads it.
 */
import type { Tx } from '../../core/server';
import * as repo from './server/litigation.repository';

export type HeadAppearance = { heldOn: string; instance: number; appearance: string; court: string; courtCaseNo: string; /** The hearing's 出庭负责人 entry as written (姓名及职务). */ headName: string };

// Posts a hearing's 出庭负责人 field is written with ("王强（副局长）", "副区长王强", "王强 局长").
const POST_AFTER = /^(?:[\s（(，,、:：·]|$|(?:常务)?副?(?:局长|区长|县长|市长|镇长|乡长|主任|书记|处长|科长|队长|所长|院长|主席|总经理|经理|负责人|部长|厅长|委员))/u;
const CJK_BEFORE = /[\u4e00-\u9fa5]$/u;
const POST_BEFORE = /(?:长|任|记|理|人|员|席)$/u;

/**
 * Whether the recorded head ("姓名及职务", free text) names this person: the name stands on its own — not
 * inside a longer name ("李明" is not "李明华"), followed by an end, a separator or a post, preceded by a
 * start, a separator or a post ("副局长王强").
 */
export function headNamesPerson(headName: string, name: string): boolean {
  const n = name.trim();
  if (!n) return false;
  for (let at = headName.indexOf(n); at >= 0; at = headName.indexOf(n, at + 1)) {
    const before = headName.slice(0, at);
    const after = headName.slice(at + n.length);
    if (CJK_BEFORE.test(before) && !POST_BEFORE.test(before)) continue;
    if (POST_AFTER.test(after)) return true;
  }
  return false;
}

/**
 * The hearings from `from` to `to` at which `name` appeared for `orgId` (the defendant agency they lead)
 * as 主要负责人 or 副职负责人, oldest first. The hearing records the head by name, not by account, so the
 * org and the name together identify the person.
 */
export async function headAppearancesOf(tx: Tx, q: { orgId: string; name: string; from: string; to: string }): Promise<HeadAppearance[]> {
  const rows = await repo.headHearingsNaming(tx, q.orgId, q.name.trim(), q.from, q.to);
  return rows.filter((r) => headNamesPerson(r.headName ?? '', q.name))
    .map((r) => ({ heldOn: r.heldOn, instance: r.instance, appearance: r.appearance, court: r.court, courtCaseNo: r.courtCaseNo, headName: r.headName ?? '' }));
}
/** How many hearings `name` attended for `orgId` as a head in the period. */
export const headAppearanceCount = async (tx: Tx, q: { orgId: string; name: string; from: string; to: string }) => (await headAppearancesOf(tx, q)).length;
