/**
 * 电子证照 (e-licences) as data: statuses, renewal modes, the default licence types of the demo county's
 * licence-issuing items, the clamping of reminder offsets to the legal renewal window, and one zod schema
 * per shape the routes and pages share.
 */
import { z } from 'zod';

/** Display statuses. valid/renewed/revoked are stored; expiring/expired are derived from the dates. */
export const LICENCE_STATUSES = { valid: '有效', expiring: '即将到期', expired: '已过期', revoked: '已注销', renewed: '已续期' } as const;
export type LicenceStatus = keyof typeof LICENCE_STATUSES;
export const STATUS_KEYS = Object.keys(LICENCE_STATUSES) as [LicenceStatus, ...LicenceStatus[]];
export const STATUS_COLORS: Record<LicenceStatus, string> = { valid: 'success', expiring: 'warning', expired: 'error', revoked: 'default', renewed: 'processing' };

/** A licence is 即将到期 within this many days of its expiry (the longest default reminder). */
export const EXPIRING_WITHIN_DAYS = 90;

export const AUTO_RENEWAL = { none: '不续证（仅提醒）', prefilled: '无感续证：自动生成预填的续证申请', automatic: '自动续期（规则允许免申请的证照）' } as const;
export type AutoRenewal = keyof typeof AUTO_RENEWAL;
export const AUTO_RENEWAL_KEYS = Object.keys(AUTO_RENEWAL) as [AutoRenewal, ...AutoRenewal[]];

export const SOURCES = { application: '办件办结发证', renewal: '续证申请办结换发', automatic: '到期自动续期', import: '存量证照导入' } as const;

export const REMINDER_ACTIONS = { reminded: '到期提醒', renewalFiled: '提醒并生成预填续证申请', renewed: '提醒并自动续期' } as const;

export const DEFAULT_OFFSETS = [90, 60, 30, 7];

/** 行政许可法 第50条: apply for renewal 30 days before expiry unless a law, regulation or rule says otherwise. */
export const LAW_50 = '《中华人民共和国行政许可法》第五十条：被许可人需要延续依法取得的行政许可的有效期的，应当在该行政许可有效期届满三十日前向作出行政许可决定的行政机关提出申请';

export type LicenceTypeSeed = {
  code: string; name: string; itemCodes: string[]; validityMonths: number | null; renewalLeadDays: number | null; renewalBasis: string | null;
  autoRenewal: AutoRenewal; numberPrefix: string;
};

/**
 * The licence-issuing items of the demo catalog (service-items.json) and their validities as listed in
 * service-catalog.md §4 (`resultValidity`). Items whose result has no fixed validity, or one set per
 * holder (居民身份证, 驾驶证), are not e-licences with reminders here. The renewal modes are a demo
 * configuration: each county sets them on the 证照类型 page.
 */
export const DEFAULT_TYPES: LicenceTypeSeed[] = [
  { code: 'YYZZ', name: '营业执照', itemCodes: ['SI-001', 'SI-002'], validityMonths: null, renewalLeadDays: null, renewalBasis: '《市场主体登记管理条例》：营业期限依章程，多为长期，无需续期', autoRenewal: 'none', numberPrefix: 'YYZZ' },
  { code: 'SPJY', name: '食品经营许可证', itemCodes: ['SI-005'], validityMonths: 60, renewalLeadDays: 30, renewalBasis: LAW_50, autoRenewal: 'prefilled', numberPrefix: 'JY' },
  { code: 'YPJY', name: '药品经营许可证', itemCodes: ['SI-009'], validityMonths: 60, renewalLeadDays: 30, renewalBasis: LAW_50, autoRenewal: 'prefilled', numberPrefix: 'YPJY' },
  { code: 'LWPQ', name: '劳务派遣经营许可证', itemCodes: ['SI-026'], validityMonths: 36, renewalLeadDays: 30, renewalBasis: LAW_50, autoRenewal: 'prefilled', numberPrefix: 'LWPQ' },
  { code: 'HSZY', name: '护士执业证书', itemCodes: ['SI-034'], validityMonths: 60, renewalLeadDays: 30, renewalBasis: '《护士执业注册管理办法》：护士执业注册有效期届满需要继续执业的，应当在有效期届满前30日申请延续注册', autoRenewal: 'prefilled', numberPrefix: 'HSZY' },
  { code: 'GGWS', name: '公共场所卫生许可证', itemCodes: ['SI-037'], validityMonths: 48, renewalLeadDays: 30, renewalBasis: LAW_50, autoRenewal: 'prefilled', numberPrefix: 'WSXK' },
  { code: 'PSXK', name: '城镇污水排入排水管网许可证', itemCodes: ['SI-055'], validityMonths: 60, renewalLeadDays: 30, renewalBasis: '《城镇污水排入排水管网许可管理办法》：排水许可证有效期满需要继续排放的，应当在有效期届满30日前申请延续', autoRenewal: 'prefilled', numberPrefix: 'PSXK' },
  { code: 'DLYS', name: '道路运输经营许可证', itemCodes: ['SI-066', 'SI-068'], validityMonths: 48, renewalLeadDays: 30, renewalBasis: LAW_50, autoRenewal: 'prefilled', numberPrefix: 'DLYS' },
  { code: 'CYZG', name: '道路运输从业人员从业资格证', itemCodes: ['SI-070'], validityMonths: 72, renewalLeadDays: 30, renewalBasis: '《道路运输从业人员管理规定》：从业资格证件有效期届满前由发证机关换发；诚信考核合格的，按规则自动换发', autoRenewal: 'automatic', numberPrefix: 'CYZG' },
  { code: 'JSZG', name: '教师资格证书', itemCodes: ['SI-071'], validityMonths: null, renewalLeadDays: null, renewalBasis: '《教师资格条例》：教师资格证书长期有效（在职教师另行定期注册）', autoRenewal: 'none', numberPrefix: 'JSZG' },
  { code: 'YSZY', name: '医师执业证书', itemCodes: ['SI-033'], validityMonths: null, renewalLeadDays: null, renewalBasis: '《医师执业注册管理办法》：执业证书长期有效，定期考核', autoRenewal: 'none', numberPrefix: 'YSZY' },
  { code: 'YDYS', name: '建设项目用地预审与选址意见书', itemCodes: ['SI-060'], validityMonths: 36, renewalLeadDays: null, renewalBasis: '有效期3年，期满未办理用地手续的须重新申请（不适用延续）', autoRenewal: 'none', numberPrefix: 'YDYS' },
];

export type OffsetAdjustment = { configured: number; effective: number | null; reason: string };

/**
 * The reminders actually used for a type: a reminder later than the legal renewal window would reach the
 * holder when it is already too late to apply in time, so it is moved to the window's last day (or
 * dropped if that day already has a reminder), with the reason recorded.
 */
export function effectiveOffsets(offsets: number[], renewalLeadDays: number | null): { offsets: number[]; adjustments: OffsetAdjustment[] } {
  const adjustments: OffsetAdjustment[] = [];
  const out = new Set<number>();
  for (const o of [...offsets].sort((a, b) => b - a)) {
    if (renewalLeadDays !== null && o < renewalLeadDays) {
      const dup = out.has(renewalLeadDays);
      adjustments.push({
        configured: o, effective: dup ? null : renewalLeadDays,
        reason: `到期前${o}天提醒晚于法定续期申请期限（有效期届满${renewalLeadDays}日前须提出申请），${dup ? `已有到期前${renewalLeadDays}天提醒，该提醒不再发送` : `已提前至到期前${renewalLeadDays}天`}`,
      });
      out.add(renewalLeadDays);
    } else out.add(o);
  }
  return { offsets: [...out].sort((a, b) => b - a), adjustments };
}

export const LicenceTypeInput = z.object({
  validityMonths: z.number().int().min(1, '有效期应为1至600个月').max(600, '有效期应为1至600个月').nullable().meta({ title: '有效期（月，空为长期）' }),
  reminderOffsets: z.array(z.number().int().min(0, '提醒天数应为0至365天').max(365, '提醒天数应为0至365天')).min(1, '至少设置一次到期提醒').max(8, '最多设置8次到期提醒').meta({ title: '到期前提醒天数' }),
  renewalLeadDays: z.number().int().min(0).max(365, '续期申请期限应为0至365天').nullable().meta({ title: '法定续期申请期限（届满前天数）' }),
  renewalBasis: z.string().trim().max(500).nullable().meta({ title: '续期依据' }),
  autoRenewal: z.enum(AUTO_RENEWAL_KEYS).meta({ title: '续证方式' }),
}).superRefine((v, ctx) => {
  // A reminder after the last day to apply is useless to the holder: refuse it with the reason.
  if (v.renewalLeadDays !== null) {
    for (const [i, o] of v.reminderOffsets.entries()) {
      if (o < v.renewalLeadDays) ctx.addIssue({ code: 'custom', path: ['reminderOffsets', i], message: `到期前${o}天提醒晚于法定续期申请期限（有效期届满${v.renewalLeadDays}日前须提出申请），请改为不少于${v.renewalLeadDays}天` });
    }
  }
  if (v.validityMonths === null && v.autoRenewal !== 'none') ctx.addIssue({ code: 'custom', path: ['autoRenewal'], message: '长期有效的证照无需续证' });
});

export const LicenceListQuery = z.object({
  q: z.string().trim().max(50).optional().meta({ title: '证照编号或持证人' }),
  status: z.enum(STATUS_KEYS).optional().meta({ title: '状态' }),
  typeId: z.uuid().optional().meta({ title: '证照类型' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const Licence = z.object({
  id: z.string(), licenceNo: z.string(), typeId: z.string(), typeName: z.string(), holderKind: z.string(), holderName: z.string(), holderIdMasked: z.string(),
  orgName: z.string(), validFrom: z.string(), validTo: z.string().nullable(), status: z.enum(STATUS_KEYS), statusName: z.string(),
  daysLeft: z.number().nullable(), source: z.string(), sourceName: z.string(), sourceRefNo: z.string().nullable(), issuedAt: z.string(),
});
export const LicenceReminder = z.object({
  offsetDays: z.number(), configuredOffset: z.number().nullable(), dueDate: z.string(), sentAt: z.string(), smsSent: z.boolean(), orgNotified: z.number(),
  action: z.string(), actionName: z.string(), renewalRefNo: z.string().nullable(), note: z.string().nullable(),
});
export const LicenceDetail = Licence.extend({
  verifyUrl: z.string(), qrPath: z.string(), renewalRefNo: z.string().nullable(), renewalState: z.string().nullable(),
  previousLicenceNo: z.string().nullable(), nextLicenceNo: z.string().nullable(), reminders: z.array(LicenceReminder),
  nextReminder: z.object({ offsetDays: z.number(), date: z.string() }).nullable(),
});
export const LicenceTypeView = z.object({
  id: z.string(), code: z.string(), name: z.string(), itemCodes: z.array(z.string()), validityMonths: z.number().nullable(), validityText: z.string(),
  reminderOffsets: z.array(z.number()), effectiveOffsets: z.array(z.number()), adjustments: z.array(z.object({ configured: z.number(), effective: z.number().nullable(), reason: z.string() })),
  renewalLeadDays: z.number().nullable(), renewalBasis: z.string().nullable(), autoRenewal: z.enum(AUTO_RENEWAL_KEYS), autoRenewalName: z.string(), numberPrefix: z.string(),
});
export const Verification = z.object({
  genuine: z.boolean(), valid: z.boolean(), status: z.enum(STATUS_KEYS), statusName: z.string(), licenceNo: z.string(), typeName: z.string(), holderName: z.string(),
  holderIdMasked: z.string(), orgName: z.string(), validFrom: z.string(), validTo: z.string().nullable(), checkedAt: z.string(),
});
export const LicenceLookup = z.object({
  licenceNo: z.string().trim().min(6, '请输入证照编号').max(40).meta({ title: '证照编号' }),
  idLast4: z.string().trim().regex(/^[0-9A-Za-z]{4}$/, '请输入证件号码后4位').meta({ title: '证件号码后4位' }),
});
export const ReminderRun = z.object({ scanned: z.number(), reminded: z.number(), renewalsFiled: z.number(), renewed: z.number() });

/** 张三 → 张*; 湖滨区某某餐饮有限公司 keeps its name (a legal person's name is public in the register). */
export function maskHolderName(kind: string, name: string) {
  if (kind === 'enterprise') return name;
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

export function validityText(months: number | null) {
  if (months === null) return '长期';
  return months % 12 === 0 ? `${months / 12}年` : `${months}个月`;
}
