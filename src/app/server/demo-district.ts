/**
 * The demo district: 湖滨区 (三门峡市, 河南省) as the seed reports describe it — 10 townships and streets,
 * villages and communities under them, ~28 government bodies, counters in the service hall and in every
 * township's 便民服务中心, and staff for every role. Codes follow GB/T 2260 / GB/T 10114 structure; the
 * village list is illustrative. Demo passwords are printed at start and must never reach production.
 */
import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../core/server/actor';
import { createStaff } from '../../core/server/auth.service';
import * as tenancy from '../../core/server/tenancy.repository';
import type { Kernel } from '../../core/server/kernel';
import type { Tx } from '../../core/server/db/db';

export const DEMO_PASSWORD = 'Zt@2026demo';
export const DEMO_COUNTY = '411202';

const TOWNSHIPS: [string, string, string[]][] = [
  ['411202001', '湖滨街道', ['黄河路社区', '建设路社区', '和平路社区', '六峰路社区', '上村社区']],
  ['411202002', '前进街道', ['前进社区', '崤山路社区', '大岭路社区', '向阳社区']],
  ['411202003', '车站街道', ['车站社区', '火车站社区', '七里堡社区', '后川社区']],
  ['411202004', '涧河街道', ['涧河社区', '甘棠社区', '文明社区', '华阳社区']],
  ['411202005', '大安街道', ['大安社区', '湖滨社区', '明珠社区']],
  ['411202006', '会兴街道', ['会兴村', '王官村', '东坡村', '湖滨村', '七里村']],
  ['411202007', '崖底街道', ['崖底村', '后川村', '陈家村', '阳店村']],
  ['411202200', '交口乡', ['交口村', '水源村', '南梁村', '柳林村', '清水村']],
  ['411202201', '磁钟乡', ['磁钟村', '杨家村', '三里桥村', '刘家村', '碑亭村']],
  ['411202202', '高庙乡', ['高庙村', '王家店村', '乔沟村', '寺河村', '西坡村']],
];

const DEPARTMENTS: [string, string, string][] = [
  ['湖滨区人民政府', '区政府', 'government'],
  ['湖滨区人民政府办公室', '区政府办', 'department'],
  ['湖滨区行政审批和政务信息管理局', '区政数局', 'department'],
  ['湖滨区政务服务中心', '政务服务中心', 'service_center'],
  ['湖滨区司法局', '区司法局', 'department'],
  ['湖滨区市场监督管理局', '区市场监管局', 'department'],
  ['湖滨区人力资源和社会保障局', '区人社局', 'department'],
  ['湖滨区民政局', '区民政局', 'department'],
  ['湖滨区卫生健康委员会', '区卫健委', 'department'],
  ['湖滨区医疗保障局', '区医保局', 'department'],
  ['湖滨区住房和城乡建设局', '区住建局', 'department'],
  ['湖滨区交通运输局', '区交通局', 'department'],
  ['湖滨区教育局', '区教育局', 'department'],
  ['湖滨区自然资源局', '区自然资源局', 'department'],
  ['三门峡市公安局湖滨分局', '湖滨公安分局', 'department'],
  ['湖滨区残疾人联合会', '区残联', 'department'],
  ['湖滨区不动产登记中心', '不动产登记中心', 'department'],
  ['湖滨区城市管理局', '区城管局', 'department'],
  ['湖滨区信访局', '区信访局', 'department'],
];

export type DemoStaff = { username: string; name: string; org: string; roles: string[]; note: string };

export const DEMO_STAFF: DemoStaff[] = [
  { username: 'admin', name: '周建国', org: '湖滨区行政审批和政务信息管理局', roles: ['sysadmin'], note: '系统管理员' },
  { username: 'secadmin', name: '孙丽', org: '湖滨区行政审批和政务信息管理局', roles: ['secadmin'], note: '安全管理员' },
  { username: 'auditor', name: '吴敏', org: '湖滨区行政审批和政务信息管理局', roles: ['auditadmin'], note: '审计管理员' },
  { username: 'leader', name: '郑志强', org: '湖滨区人民政府', roles: ['leader'], note: '区领导（驾驶舱、审批延期）' },
  { username: 'director_spj', name: '王海涛', org: '湖滨区行政审批和政务信息管理局', roles: ['director'], note: '区政数局局长' },
  { username: 'clerk_zwzx', name: '李娜', org: '湖滨区政务服务中心', roles: ['clerk'], note: '政务服务中心综合窗口' },
  { username: 'clerk_scj', name: '张伟', org: '湖滨区市场监督管理局', roles: ['clerk'], note: '区市场监管局窗口' },
  { username: 'reviewer_scj', name: '刘洋', org: '湖滨区市场监督管理局', roles: ['reviewer'], note: '区市场监管局审核' },
  { username: 'director_scj', name: '陈刚', org: '湖滨区市场监督管理局', roles: ['director'], note: '区市场监管局负责人' },
  { username: 'clerk_rsj', name: '杨静', org: '湖滨区人力资源和社会保障局', roles: ['clerk', 'reviewer'], note: '区人社局窗口和审核' },
  { username: 'clerk_mzj', name: '赵磊', org: '湖滨区民政局', roles: ['clerk', 'reviewer'], note: '区民政局窗口和审核' },
  { username: 'reviewer_sfj', name: '黄晓东', org: '湖滨区司法局', roles: ['reviewer'], note: '区司法局法制审核' },
  { username: 'director_sfj', name: '林建华', org: '湖滨区司法局', roles: ['director'], note: '区司法局局长（年度报告内部审核）' },
  { username: 'clerk_hbjd', name: '马红', org: '湖滨街道便民服务中心', roles: ['clerk'], note: '湖滨街道便民服务中心' },
];

/** Accounts domains add with their demo data (listed at start so people can find them). */
export const DOMAIN_DEMO_LOGINS = [
  { username: 'catalog_spj', name: '钱敏', note: '区政数局事项目录管理员（办事指南、要素完整度、发布、实施清单台账）' },
  { username: 'secrecy', name: '何静', note: '区政府办公室保密审查员（年度报告公开前审查）' },
  { username: 'operator_12345', name: '郭敏', note: '12345热线话务员（登记、派单、回访，市长信箱转办）' },
  { username: 'clerk_cgj', name: '孟强', note: '区城管局（承办12345工单）' },
  { username: 'callback_zwzx', name: '韩雪', note: '政务服务中心回访员（办件和12345工单抽样回访，热线代录评价）' },
  { username: 'clerk_wjw', name: '宋佳', note: '区卫健委窗口和审核（出生医学证明、生育登记；新生儿出生“一件事”的部门）' },
  { username: 'benefits_spj', name: '冯晓', note: '区政数局惠企政策兑现专员（登记库数据归集、全县比对、公示、拨付和对账）' },
  { username: 'tiaojie_hx', name: '贾秀梅', note: '会兴村人民调解委员会调解员（登记纠纷、调解、协议书、司法确认提醒；手机可用）' },
  { username: 'jcgk_sfj', name: '冯建伟', note: '区司法局基层科（人口底数、法律顾问名册、万人调解率）' },
  { username: 'guwen_hx', name: '郭文博', note: '会兴村法律顾问（手机填报工作日志）' },
  { username: 'lawstudy_sfj', name: '冯晓燕', note: '区司法局学法用法管理员（学法活动、题库、考试、述法）' },
];

async function addDivision(tx: Tx, code: string, name: string, level: string, parent: { code: string; path: string } | null, sort = 0) {
  const path = parent ? `${parent.path}/${code}` : code;
  await tenancy.insertDivision(tx, { code, name, level, parentCode: parent?.code ?? null, path, sort });
  return { code, path };
}

/** Divisions and orgs. Idempotent: re-running adds nothing twice. */
export async function seedDistrict(tx: Tx) {
  const province = await addDivision(tx, '410000', '河南省', 'province', null);
  const city = await addDivision(tx, '411200', '三门峡市', 'city', province);
  const county = await addDivision(tx, DEMO_COUNTY, '湖滨区', 'county', city);
  let sort = 0;
  for (const [name, shortName, kind] of DEPARTMENTS) {
    await tenancy.insertOrg(tx, { id: randomUUID(), name, shortName, kind, divisionCode: county.code, sort: sort++ });
  }
  for (const [code, name, villages] of TOWNSHIPS) {
    const t = await addDivision(tx, code, name, 'township', county, sort++);
    for (let i = 0; i < villages.length; i++) await addDivision(tx, `${code}${String(i + 1).padStart(3, '0')}`, villages[i], 'village', t, i);
    await tenancy.insertOrg(tx, { id: randomUUID(), name: `${name}办事处`.replace('乡办事处', '乡人民政府'), shortName: name, kind: 'township', divisionCode: code, sort: sort++ });
    await tenancy.insertOrg(tx, { id: randomUUID(), name: `${name}便民服务中心`, shortName: `${name}便民中心`, kind: 'service_site', divisionCode: code, sort: sort++ });
  }
  const hall = await tenancy.getOrgByName(tx, '湖滨区政务服务中心');
  if (hall && (await tenancy.listCounters(tx, [hall.id])).length === 0) {
    for (let i = 1; i <= 6; i++) await tenancy.insertCounter(tx, { id: randomUUID(), orgId: hall.id, name: `综合受理${i}号窗口`, generalist: true, divisionCode: county.code });
    for (const n of ['企业开办专区', '“高效办成一件事”综合窗口', '帮办代办窗口', '“办不成事”反映窗口']) {
      await tenancy.insertCounter(tx, { id: randomUUID(), orgId: hall.id, name: n, generalist: n.includes('一件事'), divisionCode: county.code });
    }
    for (const [, name] of TOWNSHIPS) {
      const site = await tenancy.getOrgByName(tx, `${name}便民服务中心`);
      if (site) await tenancy.insertCounter(tx, { id: randomUUID(), orgId: site.id, name: '综合窗口', generalist: true, divisionCode: site.divisionCode });
    }
  }
}

export async function seedDemoStaff(tx: Tx, kernel: Kernel) {
  for (const s of DEMO_STAFF) {
    if (await tenancy.getUserByUsername(tx, s.username)) continue;
    const org = await tenancy.getOrgByName(tx, s.org);
    if (!org) throw new Error(`demo org missing: ${s.org}`);
    await createStaff(tx, kernel, SYSTEM_ACTOR, {
      username: s.username, displayName: s.name, password: DEMO_PASSWORD, phone: `1390398${String(DEMO_STAFF.indexOf(s)).padStart(4, '0')}`,
      roles: s.roles.map((role) => ({ role, orgId: org.id })), mustChangePassword: false,
    });
  }
}

/** Whole demo: district, staff, then each domain's demo year. */
export async function seedDemo(kernel: Kernel, log: (msg: string) => void = () => {}, progress: (done: number, total: number, step: string) => void = () => {}) {
  // The demo's accounts share a published password: a production database must never hold them.
  if (kernel.config.NODE_ENV === 'production') throw new Error('生产环境（NODE_ENV=production）不生成演示数据和演示账号');
  const total = kernel.domains.filter((d) => d.seedDemo).length + 2;
  progress(0, total, '区划、机构和工作人员');
  await kernel.db.tx(async (tx) => {
    await seedDistrict(tx);
    await seedDemoStaff(tx, kernel);
  });
  log('演示区划、机构、窗口和工作人员已创建');
  progress(1, total, '各业务的演示年度数据');
  const done = new Set<string>();
  const pending = kernel.domains.filter((d) => d.seedDemo);
  while (pending.length) {
    const i = pending.findIndex((d) => (d.seedAfter ?? []).every((x) => done.has(x) || !pending.some((p) => p.name === x)));
    if (i < 0) throw new Error(`demo seeds depend on each other in a circle: ${pending.map((d) => d.name).join(', ')}`);
    const [d] = pending.splice(i, 1);
    await d.seedDemo!(kernel);
    done.add(d.name);
    log(`演示数据已生成：${d.name}`);
    progress(done.size + 1, total, `已生成：${d.name}`);
  }
  // Seeds generate due dates from working-day tables that run past the published calendar on weekends
  // alone (a demo started late in the year, or in January before the notice is entered): those due dates
  // are provisional (预计) exactly as the kernel's would be, and re-derived when the year is published.
  const cal = await kernel.db.tx((tx) => kernel.calendar.get(tx));
  await kernel.db.exec(`UPDATE case_clocks SET provisional = true WHERE due_date > '${cal.lastDate}' AND NOT provisional`);
  // Bulk-loaded tables have no planner statistics until autovacuum gets to them; without them a
  // one-case look-up can be planned as a parallel scan.
  await kernel.db.exec('ANALYZE');
}

export async function hasDemo(kernel: Kernel) {
  return kernel.db.tx(async (tx) => (await tenancy.getUserByUsername(tx, 'admin')) !== null);
}
