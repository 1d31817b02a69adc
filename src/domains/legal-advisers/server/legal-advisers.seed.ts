/**
 * The demo district's 村（居）法律顾问 at the report's scale ("68名村（居）法律顾问为咨询群众提供专业法律意见341条，
 * 起草法律文书33件，开展法制讲座63场次，参与调解矛盾纠纷34件，参加诉讼活动18次，提供现场法律服务335次，为村（居）重大事项
 * 提供法律意见6条"): DEMO_LEGAL_ADVISERS advisers from local firms, each appointed to one village or 社区 for the
 * year; DEMO_ADVISER_WORK work-log entries over the last twelve months split among the seven kinds in the
 * report's proportions; entries older than a week confirmed by the village. Deterministic.
 *
 * Demo user: `guwen_hx` (the adviser of 会兴村; logs work on a phone).
 */
import { randomUUID } from 'node:crypto';
import { createStaff, type Kernel, SYSTEM_ACTOR, siteDivisionCode, tenancy } from '../../../core/server';
import { addDays, diffDays, twelveMonthsBefore } from '../../../core/shared/calendar';
import type { WorkKind } from '../shared/legal-advisers.labels';
import * as repo from './legal-advisers.repository';
import { settingsOf } from './legal-advisers.service';

export const DEMO_ADVISER = 'guwen_hx';
/** The report's seven counts: the proportions the demo log follows. */
const REPORT_COUNTS: [WorkKind, number][] = [['opinion', 341], ['document', 33], ['lecture', 63], ['mediation', 34], ['litigation', 18], ['onSite', 335], ['majorMatter', 6]];
const FIRMS = ['河南崤函律师事务所', '河南陕州律师事务所', '河南天鹅城律师事务所', '湖滨区会兴法律服务所', '湖滨区交口法律服务所', '河南明德律师事务所'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏'.split('');
const GIVEN = ['志远', '文博', '晓燕', '海涛', '丽萍', '建华', '思源', '雅琴', '卫东', '俊峰', '淑芬', '国栋'];
const SUBJECTS: Record<WorkKind, string[]> = {
  opinion: ['村民咨询土地承包经营权流转', '村民咨询继承纠纷处理', '村民咨询工伤赔偿', '村民咨询民间借贷', '村民咨询婚姻家庭财产分割'],
  document: ['代写起诉状', '审查土地流转合同', '起草赡养协议'],
  lecture: ['民法典进村入户专题讲座', '防范电信诈骗法治讲座', '农村土地承包法讲座'],
  mediation: ['参与调解邻里宅基地纠纷', '参与调解务工工资纠纷'],
  litigation: ['代理村民劳动争议诉讼出庭', '为困难群众提供诉讼代理'],
  onSite: ['法律顾问值班日现场接待群众', '入户走访提供法律服务'],
  majorMatter: ['村集体经济合作社章程合法性意见', '村集体土地发包方案法律意见'],
};

export async function seedLegalAdvisersDemo(kernel: Kernel) {
  const cfg = settingsOf(kernel);
  const county = siteDivisionCode(kernel);
  const today = kernel.today();
  const start = twelveMonthsBefore(today);
  await kernel.db.tx(async (tx) => {
    if (await repo.hasDemo(tx)) return;
    const sfj = await tenancy.getOrgByName(tx, '湖滨区司法局');
    if (!sfj) return;
    const villages = (await tenancy.listDivisions(tx)).filter((d) => d.level === 'village' && d.code.startsWith(county));
    if (!villages.length || !cfg.DEMO_LEGAL_ADVISERS) return;
    const huixing = villages.find((v) => v.name === '会兴村') ?? villages[0];
    let user = await tenancy.getUserByUsername(tx, DEMO_ADVISER);
    if (!user) user = await createStaff(tx, kernel, SYSTEM_ACTOR, { username: DEMO_ADVISER, displayName: '郭文博', password: 'Zt@2026demo', phone: '13903980373', roles: [{ role: 'villageAdviser', orgId: sfj.id }], mustChangePassword: false });
    const advisers = [];
    const apps = [];
    const served: { adviserId: string; village: string; userId: string | null }[] = [];
    const termStart = `${start.slice(0, 4)}-01-01`;
    const termEnd = `${Number(today.slice(0, 4)) + 1}-12-31`;
    for (let i = 0; i < cfg.DEMO_LEGAL_ADVISERS; i++) {
      const id = randomUUID();
      // The first adviser is 会兴村's and has the demo login; the others go round the villages.
      const village = i === 0 ? huixing : villages[i % villages.length];
      const lawyer = i % 4 !== 3;
      advisers.push({
        id, name: i === 0 ? '郭文博' : `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`, kind: lawyer ? '律师' : '基层法律服务工作者',
        firm: FIRMS[lawyer ? i % 3 + (i % 2 ? 0 : 3) % 6 : 3 + (i % 2)], licenceNo: `${lawyer ? '14112' : '24112'}${String(2010 + (i % 14))}${String(100000 + i * 37).slice(-6)}`,
        phone: null, userId: i === 0 ? user.id : null, orgId: sfj.id, divisionCode: county, isDemo: true, createdAt: kernel.now(),
      });
      apps.push({ id: randomUUID(), adviserId: id, divisionCode: village.code, startOn: termStart, endOn: termEnd, orgId: sfj.id, createdAt: kernel.now() });
      served.push({ adviserId: id, village: village.code, userId: i === 0 ? user.id : null });
    }
    await repo.insertAdvisers(tx, advisers);
    await repo.insertAppointments(tx, apps);
    // The kinds in the report's proportions, interleaved so every month sees every kind.
    const total = cfg.DEMO_ADVISER_WORK;
    const sum = REPORT_COUNTS.reduce((s, [, n]) => s + n, 0);
    const kinds: WorkKind[] = [];
    let acc = 0;
    for (const [kind, n] of REPORT_COUNTS) {
      const upto = Math.round(((acc + n) * total) / sum);
      for (let j = Math.round((acc * total) / sum); j < upto; j++) kinds.push(kind);
      acc += n;
    }
    const order = kinds.map((k, j) => ({ k, key: (j * 7919) % Math.max(1, kinds.length) })).sort((a, b) => a.key - b.key).map((x) => x.k);
    const span = Math.max(1, diffDays(start, today) - 1);
    const confirmBefore = addDays(today, -7);
    const logs = order.map((kind, j) => {
      const s = served[(j * 31 + Math.floor(j / served.length)) % served.length];
      const servedOn = addDays(start, Math.floor((j * span) / Math.max(1, order.length)));
      const confirmed = servedOn < confirmBefore;
      return {
        id: randomUUID(), adviserId: s.adviserId, divisionCode: s.village, kind, servedOn, subject: SUBJECTS[kind][j % SUBJECTS[kind].length],
        ownerId: s.userId, createdBy: s.userId, confirmedAt: confirmed ? new Date(`${addDays(servedOn, 3)}T17:00:00+08:00`) : null, confirmedBy: null,
        confirmedByName: confirmed ? '村（社区）调委会' : null, createdAt: new Date(`${servedOn}T18:00:00+08:00`),
      };
    });
    await repo.insertLogs(tx, logs);
  });
}

