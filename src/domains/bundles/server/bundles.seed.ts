/**
 * Demo 一件事 for 湖滨区: the seed report counts "累计为企业、群众办理各类‘一件事’400余件" in a year
 * (DEMO_BUNDLES changes the default 450). Each demo bundle groups demo applications of its component
 * items filed the same day — one per item — under a parent whose state is derived by the same rule as
 * live bundles (bundle.derive.ts), with its promised clock and timeline. Set-based: a second or two.
 */
import { randomUUID } from 'node:crypto';
import { attachChildren, bulkLoadCases, type BulkStep, createStaff, domainConfig, type Kernel, SYSTEM_ACTOR, tenancy } from '../../../core/server';
import { bundlesSettings } from './bundles.config';
import { listPublishedItems } from '../../catalog/public';
import { BUNDLE_DEFINITIONS, type BundleDefinition } from '../shared/bundle.definitions';
import { bundleMachine } from '../shared/bundle.machine';
import { deriveBundleState } from '../shared/bundle.derive';
import * as repo from './bundles.repository';

/** 区卫健委's window: two of the 新生儿出生 items are its own, and the demo had no login there. */
async function ensureHealthClerk(kernel: Kernel) {
  await kernel.db.tx(async (tx) => {
    if (await tenancy.getUserByUsername(tx, 'clerk_wjw')) return;
    const org = await tenancy.getOrgByName(tx, '湖滨区卫生健康委员会');
    if (!org) return;
    await createStaff(tx, kernel, SYSTEM_ACTOR, {
      username: 'clerk_wjw', displayName: '宋佳', password: 'Zt@2026demo', phone: '13903980911',
      roles: [{ role: 'clerk', orgId: org.id }, { role: 'reviewer', orgId: org.id }], mustChangePassword: false,
    });
  });
}

/** Share of the year's bundles per definition (births and retirements dominate at county level). */
const WEIGHT: Record<string, number> = { newborn: 35, retirement: 20, restaurant: 15, hiring: 12, disability: 10, transport: 8 };

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['子涵', '一诺', '浩然', '欣怡', '宇轩', '梓萱', '俊杰', '雨桐'];
const name = (i: number, k: number) => SURNAMES[(i * 7 + k) % SURNAMES.length] + GIVEN[(i * 3 + k) % GIVEN.length];
/** A valid resident id (GB 11643 check digit) from the district's code. */
function residentId(i: number, year: number) {
  const body = `411202${year}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + (i % 900)).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[[...body].reduce((s, d, j) => s + Number(d) * w[j], 0) % 11];
}

function demoForm(def: BundleDefinition, i: number, day: string): Record<string, string> {
  const v: Record<string, string> = {};
  for (const f of def.fields) {
    v[f.key] = f.kind === 'idNumber' ? residentId(i + f.key.length, 1988 + (i % 10))
      : f.kind === 'phone' ? `139${String(3980000 + i).padStart(8, '0')}`
        : f.kind === 'date' ? day
          : f.kind === 'select' ? f.options![i % f.options!.length]
            : /姓名|人|驾驶员|员工/.test(f.label) ? name(i, f.key.length) : `${f.label.replace(/（.*）/, '')}${i + 1}`;
  }
  return v;
}

export async function seedBundlesDemo(kernel: Kernel) {
  await ensureHealthClerk(kernel);
  await kernel.db.tx(async (tx) => {
    if (await repo.hasDemoBundles(tx)) return;
    const target = domainConfig(kernel, bundlesSettings).DEMO_BUNDLES;
    const { items } = await listPublishedItems(tx, { pageSize: 500 });
    const byCode = new Map(items.map((i) => [i.code, i]));
    const hall = await repo.hallFor(tx, items[0]?.code ? (await repo.orgsByIds(tx, [items[0].orgId]))[0].divisionCode : '');
    if (!hall) return;
    const sites = await repo.sitesIn(tx, hall.divisionCode);
    const out: repo.DemoBundle[] = [];
    let n = 0;
    for (const def of BUNDLE_DEFINITIONS) {
      const comps = def.items.map((c) => byCode.get(c));
      if (!WEIGHT[def.code] || comps.some((c) => !c)) continue;
      const quota = Math.round((target * WEIGHT[def.code]) / 100);
      const rows = await repo.demoCandidates(tx, kernel.tz, comps.map((c) => c!.itemId));
      // Filing days on which every component item has a demo application: one bundle per such day,
      // spread evenly over the year until the quota is reached.
      const byDay = new Map<string, Map<string, typeof rows>>();
      for (const r of rows) {
        const d = byDay.get(r.day) ?? new Map();
        byDay.set(r.day, d);
        d.set(r.item_id, [...(d.get(r.item_id) ?? []), r]);
      }
      const days = [...byDay.entries()].filter(([, m]) => m.size === comps.length).map(([d]) => d).sort();
      const step = Math.max(1, days.length / Math.max(1, quota));
      for (let k = 0; k < quota && Math.floor(k * step) < days.length; k++) {
        const day = days[Math.floor(k * step)];
        const kids = comps.map((c) => byDay.get(day)!.get(c!.itemId)!.shift()!);
        const state = deriveBundleState(kids.map((c) => c.state));
        const terminal = !!bundleMachine.states[state].terminal;
        const createdAt = new Date(Math.min(...kids.map((c) => Date.parse(c.created_at))));
        const closedAt = terminal ? new Date(Math.max(...kids.map((c) => Date.parse(c.closed_at!)))) : null;
        const div = kids[0].division_code;
        const id = randomUUID();
        const form = demoForm(def, n, day);
        const applicantName = def.applicantKind === 'person' ? (form.motherName ?? form.name ?? name(n, 1)) : `湖滨区${['鑫源', '华誉', '百味', '通达', '恒泰'][n % 5]}${def.code === 'restaurant' ? '餐饮店' : '有限公司'}`;
        // 58% online; of the rest, a quarter of the bundles that may be taken at township sites were.
        const online = n % 100 < 58;
        const site = !online && def.atSites && sites.length && n % 4 === 0 ? sites[n % sites.length] : null;
        const channel = online ? 'online' : site ? 'site' : 'hall';
        const orgId = site?.id ?? hall.id;
        const accepted = kids.map((c) => c.accepted_at).filter((x): x is string => !!x).sort()[0];
        // The bundle follows its applications (system events): 部门受理 at the first acceptance, then its outcome.
        const path: BulkStep[] = [];
        if (accepted && state !== 'submitted') path.push({ event: 'progress', at: new Date(accepted), comment: '部门受理' });
        if (terminal) path.push({ event: state === 'completed' ? 'complete' : state === 'partial' ? 'completePartly' : state === 'failed' ? 'fail' : 'allWithdrawn', at: closedAt! });
        out.push({
          parent: {
            id, title: def.name, divisionCode: site?.divisionCode ?? div, orgId, applicantName, data: { definitionCode: def.code, promisedDays: def.promisedDays, channel },
            createdAt, createdBy: { name: online ? applicantName : '“一件事”窗口' }, createComment: `一次提交，分送${kids.length}个部门办理`, path,
          },
          bundle: {
            caseId: id, definitionCode: def.code, channel, siteOrgId: online ? null : orgId, counterId: null, assistedBy: null,
            applicantKind: def.applicantKind, applicantIdLast4: residentId(n, 1990).slice(-4), formEnc: kernel.cipher.encrypt(JSON.stringify(form)),
            materials: [], divisionCode: site?.divisionCode ?? div, createdAt, isDemo: true,
          },
          children: kids.map((c) => c.id),
        });
        n++;
      }
    }
    if (!out.length) return;
    await bulkLoadCases(tx, kernel, 'bundle', out.map((o) => o.parent), { audit: false });
    for (const o of out) await attachChildren(tx, o.parent.id!, o.children, { applicantName: o.parent.applicantName ?? null });
    await repo.insertDemoBundles(tx, out);
  });
}
