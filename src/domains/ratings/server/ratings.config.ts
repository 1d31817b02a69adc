/**
 * 好差评 settings (read with domainConfig(kernel, ratingsSettings)). Local rules (安阳市政务服务条例 第52条;
 * 泰顺 scheme): contact ≤1 working day, rectify ≤15, invite after 24 h.
 */
import { z } from 'zod';

const int = (dflt: number, max: number, what: string) => z.coerce.number().int().min(1).max(max).default(dflt).describe(what);

export const ratingsSettings = z.object({
  RATING_CONTACT_WORKDAYS: int(1, 30, '差评整改：联系评价人的时限（工作日）'),
  RATING_FIX_WORKDAYS: int(15, 90, '差评整改：整改反馈的时限（工作日）'),
  RATING_INVITE_HOURS: int(24, 24 * 30, '办结后多少小时发送“一事一评”短信邀评'),
  // Only cases closed in the last week are invited: an invitation months later is noise, not a channel.
  RATING_INVITE_WINDOW_DAYS: int(7, 90, '只邀请最近多少天内办结的办件评价'),
  RATING_INVITE_VALID_DAYS: int(30, 365, '邀评链接有效期（天）'),
  // A trailing slash is dropped so links join as `${base}/public/...`.
  PUBLIC_BASE_URL: z.union([z.literal(''), z.url()]).default('').transform((v) => v.replace(/\/$/, '')).describe('公众访问地址（短信和海报里的链接）；不设时用请求的来源地址'),
  DEMO_RATINGS: z.coerce.number().int().min(0).max(10_000_000).default(60_000).describe('演示数据：一年的好差评条数'),
});
