/**
 * The demo district's case-file review at the seed report's proportions ("抽查13家单位130本行政处罚案卷，
 * 整改问题70个，约谈分管负责人5人，追责行政执法人员3人"): DEMO_CFR_UNITS departments × DEMO_CFR_FILES_PER_UNIT
 * files, drawn from enforcement's closed penalty cases with a recorded seed and filled up with paper files,
 * scored with problems at 70/130 per file, every problem issued and its rectification accepted, 约谈 and
 * 追责 at 5/13 and 3/13 per unit. Everything goes through the service and the machine, so the pre-checks,
 * grades, cases and figures are the real ones; deterministic, and a second run adds nothing.
 */
import { type Actor, type Kernel, SYSTEM_ACTOR, tenancy, transition } from '../../../core/server';
import { seededRandom } from '../shared/case-file-review.rules';
import * as svc from './case-file-review.service';

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
    const { id } = await svc.createCampaign(tx, kernel, bureau, {
      year, name: `${year}年度全区行政处罚案卷评查`, kind: '行政处罚', orgIds: depts.map((d) => d.id), filesPerOrg: s.DEMO_CFR_FILES_PER_UNIT,
      startOn: today, endOn: today, plan: '按照“一卷一表”的要求，对各执法单位本年度已结案的行政处罚案卷随机抽查，交叉评查，问题清单反馈整改。',
    });
    await svc.sample(tx, kernel, bureau, id, { seed: 20261207 });
    // Each unit's shortfall of closed files in the system is made up with paper files registered by hand.
    let detail = await svc.campaignDetail(tx, bureau, id);
    for (const u of detail.units) {
      for (let k = u.drawn ?? 0; k < s.DEMO_CFR_FILES_PER_UNIT; k++) {
        await svc.addManualFile(tx, kernel, bureau, id, { orgId: u.orgId, fileNo: `纸质卷${String(k + 1).padStart(3, '0')}`, title: '行政处罚案（纸质案卷）' });
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
      await svc.scoreFile(tx, kernel, bureau, f.id, { deductions, vetoes: veto ? [{ itemKey: veto[0], failed: true, note: veto[1] }] : [] });
    }
    for (const u of detail.units) {
      let r: Awaited<ReturnType<typeof svc.issueRectification>>;
      try { r = await svc.issueRectification(tx, kernel, bureau, id, u.orgId); } catch { continue; } // a unit without problems
      await transition(tx, kernel, SYSTEM_ACTOR, r.id, 'start', {});
      await transition(tx, kernel, SYSTEM_ACTOR, r.id, 'report', { note: '已逐项对照问题清单整改，补正文书，组织执法人员专题培训。' });
      await transition(tx, kernel, bureau, r.id, 'accept', { note: '经抽查复核，整改到位。' });
    }
    const interviews = Math.max(1, Math.round((depts.length * 5) / 13));
    const accountability = Math.max(1, Math.round((depts.length * 3) / 13));
    for (let k = 0; k < interviews + accountability; k++) {
      const [post, label] = k < interviews ? POSTS[0] : POSTS[1];
      const org = depts[k % depts.length];
      await svc.addMeasure(tx, kernel, bureau, id, {
        kind: label === '约谈' ? 'interview' : 'accountability', orgId: org.id, personName: `${SURNAMES[k % SURNAMES.length]}某某`, post, on: today,
        basis: label === '约谈' ? '案卷评查发现不合格案卷，约谈单位分管负责人' : '案卷评查发现执法人员违反法定程序办案', outcome: label === '追责' ? '批评教育，暂扣行政执法证三个月' : undefined,
      });
    }
  });
}
