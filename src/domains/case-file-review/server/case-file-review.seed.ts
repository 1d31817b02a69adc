/**
 * The demo district's case-file review at the seed report's proportions ("抽查13家单位130本行政处罚案卷，
 * 整改问题70个，约谈分管负责人5人，追责行政执法人员3人"): DEMO_CFR_UNITS departments × DEMO_CFR_FILES_PER_UNIT
 * files, drawn from enforcement's closed penalty cases with a recorded seed and filled up with paper files,
 * scored with problems at 70/130 per file, every problem issued and its rectification accepted, 约谈 and
 * 追责 at 5/13 and 3/13 per unit. Everything goes through the service and the machine, so the pre-checks,
 * grades, cases and figures are the real ones; deterministic, and a second run adds nothing. The campaign
 * is dated as it would run: drawn about three months before the seed day (not before mid-January of the
 * year), files scored over the following month, problems issued after the last score and accepted about
 * four weeks later, 约谈 / 追责 on acceptance — each day capped at the seed day.
 *
 * The bureau's supervision work of the last twelve months too: DEMO_SUPERVISIONS matters (every third a
 * 12345 complaint linked to a ticket of the demo hotline, a sixth found unfounded, the rest answered with a
 * 监督意见书 the unit replies to) and DEMO_JOINT_MEETINGS 联席会议 spread over the year.
 */
import { type Actor, type Kernel, SYSTEM_ACTOR, tenancy, transition } from '../../../core/server';
import { addDays } from '../../../core/shared/calendar';
import { seededRandom } from '../shared/case-file-review.rules';
import * as repo from './case-file-review.repository';
import * as svc from './case-file-review.service';
import * as sup from './supervision.service';

/** The kernel as of one day of the demo year: the services date what they write by it. */
const on = (kernel: Kernel, iso: string): Kernel => ({ ...kernel, now: () => new Date(`${iso}T10:00:00+08:00`), today: () => iso });
/** The day itself, or the Monday after when it falls on a weekend (the demo's clerks work weekdays). */
const weekday = (iso: string) => { const d = new Date(`${iso}T12:00:00Z`).getUTCDay(); return d === 6 ? addDays(iso, 2) : d === 0 ? addDays(iso, 1) : iso; };
const notAfter = (iso: string, today: string) => (iso > today ? today : iso);

const NOTES: Record<string, string[]> = {
  'f-cover': ['卷宗目录与实际材料不符', '页码编写不连续'],
  'f-documents': ['询问笔录未由当事人逐页签名', '文书日期填写不全', '文书涂改处未捺印确认'],
  'f-archive': ['结案后未及时归档', '证据材料排列顺序混乱'],
  'c-filing': ['立案审批表无负责人签批日期', '发现违法行为后超过15日立案'],
  'c-evidence': ['现场照片未注明拍摄时间地点', '证据清单与卷内证据不一致', '抽样取证无抽样记录'],
  'c-notice': ['告知书未载明听证权利', '告知陈述申辩期限表述不准确'],
  'c-decision': ['决定书未写明裁量理由', '违法事实表述与证据不一致'],
  'c-service': ['送达回证无受送达人签名', '超过七日送达'],
  'c-execution': ['罚没款缴纳凭证未入卷', '无结案报告'],
};
const VETOES: [string, string][] = [['v-evidence', '主要违法事实仅有当事人陈述，无其他证据印证'], ['v-procedure', '作出较大数额罚款决定前未告知听证权利']];
const POSTS: [string, string][] = [['分管副局长', '约谈'], ['执法大队大队长', '追责']];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马'];

export async function seedCaseFileReviewDemo(kernel: Kernel) {
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cfr_campaigns`);
  if (Number(n) > 0) return;
  const s = svc.settingsOf(kernel);
  if (s.DEMO_CFR_UNITS === 0) return;
  await kernel.db.tx(async (tx) => {
    const bureauOrg = await tenancy.getOrgByName(tx, '湖滨区司法局');
    if (!bureauOrg) return;
    const depts = (await tenancy.listOrgs(tx, bureauOrg.divisionCode)).map((r) => r.org).filter((o) => o.kind === 'department' && o.id !== bureauOrg.id).slice(0, s.DEMO_CFR_UNITS);
    if (!depts.length) return;
    // The bureau as the seed acts: a division grant to run the campaign (the demo's reviewer is legal_sfj's office).
    const bureau: Actor = {
      ...SYSTEM_ACTOR, name: '湖滨区司法局评查组',
      grants: [{ role: 'legalReviewer', roleName: '司法局', scope: 'division', orgId: bureauOrg.id, orgName: bureauOrg.name, divisionCode: bureauOrg.divisionCode, permissions: new Set(['caseReview.manage', 'caseReview.read']) }],
    };
    const today = kernel.today();
    const year = Number(today.slice(0, 4));
    const start = notAfter(weekday([`${year}-01-15`, addDays(today, -90)].sort()[1]), today);
    const scoreFrom = notAfter(addDays(start, 7), today);
    const kStart = on(kernel, start);
    const { id } = await svc.createCampaign(tx, kStart, bureau, {
      year, name: `${year}年度全区行政处罚案卷评查`, kind: '行政处罚', orgIds: depts.map((d) => d.id), filesPerOrg: s.DEMO_CFR_FILES_PER_UNIT,
      startOn: start, endOn: notAfter(addDays(start, 45), addDays(today, 30)), plan: '按照“一卷一表”的要求，对各执法单位本年度已结案的行政处罚案卷随机抽查，交叉评查，问题清单反馈整改。',
    });
    await svc.sample(tx, kStart, bureau, id, { seed: 20261207 });
    // Each unit's shortfall of closed files in the system is made up with paper files registered by hand.
    let detail = await svc.campaignDetail(tx, bureau, id);
    for (const u of detail.units) {
      for (let k = u.drawn ?? 0; k < s.DEMO_CFR_FILES_PER_UNIT; k++) {
        await svc.addManualFile(tx, kStart, bureau, id, { orgId: u.orgId, fileNo: `纸质卷${String(k + 1).padStart(3, '0')}`, title: '行政处罚案（纸质案卷）' });
      }
    }
    detail = await svc.campaignDetail(tx, bureau, id);
    const rand = seededRandom(20261207);
    const files = detail.files;
    // Problems at the report's 70 per 130 files, spread at random (at most three per file).
    const target = Math.round((files.length * 70) / 130);
    const count = files.map(() => 0);
    for (let k = 0, guard = 0; k < target && guard < target * 20; guard++) {
      const i = Math.floor(rand() * files.length);
      if (count[i] < 3) { count[i]++; k++; }
    }
    const scoring = Object.keys(NOTES);
    for (const [i, f] of files.entries()) {
      const view = await svc.fileView(tx, kernel, bureau, f.id);
      const preFailed = view.precheck.filter((v) => v.failed).length;
      // A file whose pre-check failed keeps its veto problems; its remaining share are deductions.
      const deductions: { itemKey: string; points: number; note: string }[] = [];
      const used = new Set<string>();
      // About one file in twenty with problems has a veto item the reviewer finds in the paper (not pre-checkable).
      const veto = count[i] > preFailed && rand() < 0.1 ? VETOES[Math.floor(rand() * VETOES.length)] : null;
      for (let k = preFailed + (veto ? 1 : 0); k < count[i]; k++) {
        let key = scoring[Math.floor(rand() * scoring.length)];
        while (used.has(key)) key = scoring[(scoring.indexOf(key) + 1) % scoring.length];
        used.add(key);
        const notes = NOTES[key];
        const max = view.sheet.find((x) => x.key === key)?.points ?? 1;
        deductions.push({ itemKey: key, points: 1 + Math.floor(rand() * Math.min(max, 8)), note: notes[Math.floor(rand() * notes.length)] });
      }
      // The files are scored over a month from a week after the draw, in order.
      const scoredOn = notAfter(weekday(addDays(scoreFrom, Math.floor((i * 30) / Math.max(1, files.length)))), today);
      await svc.scoreFile(tx, on(kernel, scoredOn), bureau, f.id, { deductions, vetoes: veto ? [{ itemKey: veto[0], failed: true, note: veto[1] }] : [] });
    }
    const issueOn = notAfter(weekday(addDays(scoreFrom, 33)), today);
    const acceptOn = notAfter(weekday(addDays(issueOn, 26)), today);
    for (const u of detail.units) {
      let r: Awaited<ReturnType<typeof svc.issueRectification>>;
      try { r = await svc.issueRectification(tx, on(kernel, issueOn), bureau, id, u.orgId); } catch { continue; } // a unit without problems
      await transition(tx, on(kernel, notAfter(weekday(addDays(issueOn, 2)), today)), SYSTEM_ACTOR, r.id, 'start', {});
      await transition(tx, on(kernel, notAfter(weekday(addDays(issueOn, 21)), today)), SYSTEM_ACTOR, r.id, 'report', { note: '已逐项对照问题清单整改，补正文书，组织执法人员专题培训。' });
      await transition(tx, on(kernel, acceptOn), bureau, r.id, 'accept', { note: '经抽查复核，整改到位。' });
    }
    const interviews = Math.max(1, Math.round((depts.length * 5) / 13));
    const accountability = Math.max(1, Math.round((depts.length * 3) / 13));
    for (let k = 0; k < interviews + accountability; k++) {
      const [post, label] = k < interviews ? POSTS[0] : POSTS[1];
      const org = depts[k % depts.length];
      await svc.addMeasure(tx, on(kernel, acceptOn), bureau, id, {
        kind: label === '约谈' ? 'interview' : 'accountability', orgId: org.id, personName: `${SURNAMES[k % SURNAMES.length]}某某`, post, on: acceptOn,
        basis: label === '约谈' ? '案卷评查发现不合格案卷，约谈单位分管负责人' : '案卷评查发现执法人员违反法定程序办案', outcome: label === '追责' ? '批评教育，暂扣行政执法证三个月' : undefined,
      });
    }
  });
}

const COMPLAINTS = [
  '投诉执法人员入企检查未出示行政执法证', '反映同一企业一个月内被多个部门重复检查', '投诉罚款决定未告知陈述申辩权利',
  '反映执法人员扣押物品未开具清单', '投诉对轻微违法行为顶格处罚', '反映行政处罚决定书送达超期',
];
const MEETINGS: [string, string[]][] = [
  ['年度行政执法协调监督工作部署', ['部署年度行政执法监督重点任务', '明确涉企检查计划报备时限']],
  ['涉企行政检查统筹', ['市场监管、城管、应急对同一企业的检查合并为“综合查一次”', '统一扫码入企登记口径']],
  ['12345执法类投诉转办衔接', ['执法类投诉由司法局统一受理、转办和督办', '明确各单位答复时限和回访要求']],
  ['行政执法案卷评查问题整改推进', ['通报评查发现的共性问题', '督促逾期未整改单位限期整改']],
];

/** The bureau's supervision year: matters (some from 12345 tickets) and 联席会议, dated over the last twelve months. */
export async function seedSupervisionDemo(kernel: Kernel) {
  const [{ n }] = await kernel.db.query<{ n: number }>(`SELECT (SELECT count(*) FROM sup_matters) + (SELECT count(*) FROM sup_joint_meetings) AS n`);
  if (Number(n) > 0) return;
  const s = svc.settingsOf(kernel);
  if (s.DEMO_SUPERVISIONS === 0 && s.DEMO_JOINT_MEETINGS === 0) return;
  await kernel.db.tx(async (tx) => {
    const bureauOrg = await tenancy.getOrgByName(tx, '湖滨区司法局');
    if (!bureauOrg) return;
    const depts = (await tenancy.listOrgs(tx, bureauOrg.divisionCode)).map((r) => r.org).filter((o) => o.kind === 'department' && o.id !== bureauOrg.id);
    if (!depts.length) return;
    const bureau: Actor = {
      ...SYSTEM_ACTOR, name: '湖滨区司法局行政执法协调监督科',
      grants: [{ role: 'legalReviewer', roleName: '司法局', scope: 'division', orgId: bureauOrg.id, orgName: bureauOrg.name, divisionCode: bureauOrg.divisionCode, permissions: new Set(['supervision.manage', 'supervision.read']) }],
    };
    const today = kernel.today();
    const rand = seededRandom(20260201);
    const tickets = await repo.demoTickets(tx, bureauOrg.divisionCode, Math.ceil(s.DEMO_SUPERVISIONS / 3));
    for (let k = 0; k < s.DEMO_SUPERVISIONS; k++) {
      // Spread over the last twelve months, oldest first; the later steps stop at the seed day.
      const opened = weekday(addDays(today, -360 + Math.floor((k * 350) / Math.max(1, s.DEMO_SUPERVISIONS))));
      if (opened > today) break;
      const unit = depts[Math.floor(rand() * depts.length)];
      const ticket = k % 3 === 0 ? tickets[k / 3] : undefined;
      const summary = COMPLAINTS[k % COMPLAINTS.length];
      const { id } = await sup.openMatter(tx, on(kernel, opened), bureau, {
        orgId: unit.id, source: ticket ? '12345投诉' : k % 3 === 1 ? '来信来访投诉' : '日常监督', ...(ticket ? { ticketRef: ticket.refNo } : {}), summary,
      });
      const step = async (days: number, actor: Actor, event: string, input: Record<string, unknown>) => {
        const d = weekday(addDays(opened, days));
        if (d > today) return false;
        await transition(tx, on(kernel, d), actor, id, event, input);
        return true;
      };
      if (k % 6 === 5) { await step(10, bureau, 'dismiss', { note: '经调取执法记录和案卷核实，执法程序合法，投诉不属实' }); continue; }
      if (!(await step(7, bureau, 'issue', { problems: `经核查，${summary}的情况属实`, requirement: '限期整改，对相关执法人员批评教育，并书面报告整改情况' }))) continue;
      if (!(await step(9, SYSTEM_ACTOR, 'receive', {}))) continue;
      if (!(await step(9 + 14 + Math.floor(rand() * 30), SYSTEM_ACTOR, 'reply', { note: '已对相关执法人员批评教育，组织专题学习，完善执法文书' }))) continue;
      await step(9 + 50, bureau, 'accept', { note: '经审查，整改到位' });
    }
    for (let k = 0; k < s.DEMO_JOINT_MEETINGS; k++) {
      const heldOn = weekday(addDays(today, -330 + Math.floor((k * 330) / Math.max(1, s.DEMO_JOINT_MEETINGS))));
      const [topic, items] = MEETINGS[k % MEETINGS.length];
      await sup.recordJointMeeting(tx, on(kernel, notAfter(heldOn, today)), bureau, {
        heldOn: notAfter(heldOn, today), topic: k < MEETINGS.length ? topic : `${topic}（第${Math.floor(k / MEETINGS.length) + 1}次）`,
        attendeeOrgIds: depts.slice(0, 8).map((d) => d.id), items,
      });
    }
  });
}
