import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { startTestApp, type TestApp } from '../../../../tests/helpers/harness';
import { SYSTEM_ACTOR, tenancy, transition } from '../../../core/server';
import { fileReconsideration } from '../../reconsideration/public';
import { checkReport } from '../shared/report-check';

const REVIEWER_SFJ = { roles: ['reviewer'], org: '湖滨区司法局' };
const DIRECTOR_SFJ = { roles: ['director'], org: '湖滨区司法局' };
const LEADER = { roles: ['leader'], org: '湖滨区人民政府' };
const ADMIN = { roles: ['sysadmin'], org: '湖滨区行政审批和政务信息管理局' };
const SECADMIN = { roles: ['secadmin'], org: '湖滨区行政审批和政务信息管理局' };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => { await t.close(); });

/** `n` 行政复议 cases accepted and decided through the machine, `corrected` of them by 撤销 (纠错), the rest 维持. */
async function addCases(n: number, corrected: number) {
  const k = t.kernel;
  const org = await k.db.tx((tx) => tenancy.getOrgByName(tx, '湖滨区市场监督管理局'));
  for (let i = 0; i < n; i++) {
    await k.db.tx(async (tx) => {
      const { id } = await fileReconsideration(tx, k, SYSTEM_ACTOR, {
        applicantKind: 'person', applicantName: `申请人${i}`, phone: '13800001111', channel: 'counter', respondentOrgId: org!.id,
        actDescription: '罚款五千元的行政处罚决定', actKind: 'penalty', amountYuan: 5000, knewOn: k.today(), request: '请求撤销该行政处罚决定', factsAndReasons: '被申请人认定事实不清，证据不足。',
      });
      await transition(tx, k, SYSTEM_ACTOR, id, 'accept', {});
      await transition(tx, k, SYSTEM_ACTOR, id, 'decide', { decision: i < corrected ? '撤销或者部分撤销（第64条）' : '维持（第68条）', facts: '经审理查明的事实', reasoning: '本机关认为的理由', approval: '经区人民政府负责人同意' });
    });
  }
}

const paragraphs = (v: any) => v.content.parts.flatMap((p: any) => p.sections.flatMap((s: any) => s.paragraphs));
const textOf = (p: any) => p.segments.map((s: any) => s.text).join('');

describe('annual report that drafts itself', () => {
  let id: string;

  it('leaves out every sentence whose records do not exist, never writing 0', async () => {
    const sfj = await t.staff(REVIEWER_SFJ);
    const r = await sfj.post('/api/annual-reports', { year: 2026, subjectKind: 'division', divisionCode: '411202' });
    expect(r.status).toBe(200);
    id = r.body.id;
    expect(r.body.content.title).toBe('湖滨区人民政府2026年度法治政府建设情况报告');
    expect(r.body.content.parts.map((p: any) => p.heading)).toEqual(['主要举措和成效', '存在的不足和原因', '党政主要负责人履行推进法治建设第一责任人职责情况', '2027年度推进法治政府建设的主要安排', '其他需要报告的情况']);
    const all = paragraphs(r.body).map(textOf).join('\n');
    expect(all).not.toMatch(/(^|[^\d.])0(件|项|条|%)/);
    expect(paragraphs(r.body).filter((p: any) => p.kind === 'data')).toEqual([]);
    // What the records cannot supply is shown to the drafter as 待补充, with why, and never printed.
    const pending = paragraphs(r.body).filter((p: any) => p.kind === 'pending');
    const recon = pending.find((p: any) => p.source === 'disputes.reconsideration');
    expect(textOf(recon)).toBe('待补充：全年受理行政复议案件□件。（本年度系统中没有该项记录（业务未在系统中办理或未录入），请据实填写或删除本段。）');
    const docx = await t.app.inject({ method: 'GET', url: `/api/annual-reports/${id}/export.docx?appendix=1`, headers: { cookie: (sfj as any).cookieHeader() } });
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).not.toContain('待补充');
    expect(xml).toContain('二、存在的不足和原因');
    const dup = await sfj.post('/api/annual-reports', { year: 2026, subjectKind: 'division', divisionCode: '411202' });
    expect(dup.status).toBe(409);
  });

  it('writes data sentences from the metrics registry with every number traceable, and keeps edits on regeneration', async () => {
    await addCases(3, 2);
    const sfj = await t.staff(REVIEWER_SFJ);
    let v = (await sfj.post(`/api/annual-reports/${id}/regenerate`)).body;
    const data = paragraphs(v).find((p: any) => p.source === 'disputes.reconsideration');
    expect(textOf(data)).toBe('全年受理行政复议案件3件，直接纠错2件，纠错率66.67%。');
    const figures = data.segments.filter((s: any) => s.metric);
    expect(figures.map((s: any) => s.text)).toEqual(['3', '2', '66.67%']);
    expect(figures[2].metric).toMatchObject({ key: 'reconsideration.correctionRate', numerator: 2, denominator: 3, query: { divisionCode: '411202', from: '2026-01-01', to: '2026-12-31' } });
    // the checker agrees with what the generator wrote
    expect(checkReport(textOf(data)).claims.every((c) => c.status === 'ok')).toBe(true);
    const narrative = paragraphs(v).find((p: any) => p.kind === 'narrative');
    const edited = await sfj.put(`/api/annual-reports/${id}/paragraphs/${narrative.id}`, { text: '区政府主要负责人全年主持召开法治建设专题会议3次。', expectedVersion: v.contentVersion });
    expect(edited.status).toBe(200);
    const stale = await sfj.put(`/api/annual-reports/${id}/paragraphs/${narrative.id}`, { text: '旧版本上的修改', expectedVersion: v.contentVersion });
    expect(stale.status).toBe(409);
    await addCases(1, 1);
    v = (await sfj.post(`/api/annual-reports/${id}/regenerate`)).body;
    expect(textOf(paragraphs(v).find((p: any) => p.source === 'disputes.reconsideration'))).toBe('全年受理行政复议案件4件，直接纠错3件，纠错率75%。');
    expect(textOf(paragraphs(v).find((p: any) => p.id === narrative.id))).toBe('区政府主要负责人全年主持召开法治建设专题会议3次。');
    expect((await sfj.get(`/api/annual-reports/${id}/versions`)).body.length).toBe(4);
  });

  it('writes part 三 from the year’s rule-of-law meetings, 第一责任人 acts and 述法 instead of the fixed paragraph', async () => {
    const sfj = await t.staff(REVIEWER_SFJ);
    const fixed = '主要负责人认真履行推进法治建设第一责任人职责，将法治政府建设纳入全年工作重点';
    let v = (await sfj.post(`/api/annual-reports/${id}/regenerate`)).body;
    const part3 = (x: any) => x.content.parts.find((p: any) => p.key === 'leadership').sections.flatMap((s: any) => s.paragraphs).map(textOf).join('\n');
    // No records of the year yet: the fixed paragraph stays for the drafter.
    expect(part3(v)).toContain(fixed);
    const keeper = await t.staff({ roles: ['lawStudyAdmin'], org: '湖滨区司法局' });
    const ok = async (path: string, body: unknown) => { const r = await keeper.post(path, body); expect(r.status, JSON.stringify(r.body)).toBe(200); return r.body; };
    await ok('/api/law-study/meetings', { kind: 'partyCommittee', title: '区委常委会第8次会议', heldOn: '2026-03-10', chair: '区委书记', topics: '听取2025年度法治政府建设情况汇报', decisions: '审议通过年度报告' });
    await ok('/api/law-study/meetings', { kind: 'govExecutive', title: '区政府第15次常务会议', heldOn: '2026-05-20', topics: '研究重大行政决策程序规定实施办法' });
    await ok('/api/law-study/meetings', { kind: 'firstResponsibleAct', title: '区长带头讲法治课', heldOn: '2026-06-18', topics: '区政府主要负责人讲授法治专题党课' });
    await ok('/api/law-study/officials/sync', {});
    const official = ((await keeper.get('/api/law-study/officials')).body as { id: string }[])[0];
    const sf = await ok('/api/law-study/shufa', { officialId: official.id, year: 2026, form: 'onsite', reportedOn: '2026-12-01', content: '述法内容' });
    await ok(`/api/law-study/shufa/${sf.id}/rate`, { rating: '好' });
    v = (await sfj.post(`/api/annual-reports/${id}/regenerate`)).body;
    const text = part3(v);
    expect(text).toContain('2026年，湖滨区人民政府党政主要负责人履行推进法治建设第一责任人职责：2026年共召开党委常委会会议1次、政府常务会议1次研究法治建设工作：3月10日区委常委会第8次会议（区委书记主持）听取2025年度法治政府建设情况汇报，审议通过年度报告；5月20日区政府第15次常务会议研究重大行政决策程序规定实施办法。');
    expect(text).toContain('主要负责人履行推进法治建设第一责任人职责1项：6月18日区长带头讲法治课区政府主要负责人讲授法治专题党课。');
    expect(text).toContain('组织1名党政干部述法履职，其中现场述法1人、书面述法0人；经评议，“好”1人。');
    expect(text).not.toContain(fixed);
  });

  it('exports .docx in 公文 format that LibreOffice opens and paginates', async () => {
    const sfj = await t.staff(REVIEWER_SFJ);
    const res = await t.app.inject({ method: 'GET', url: `/api/annual-reports/${id}/export.docx?appendix=1`, headers: { cookie: (sfj as any).cookieHeader() } });
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('报告数据来源说明');
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /word\/footer\d+\.xml/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.some((f) => f.includes('— ') && f.includes('PAGE'))).toBe(true);
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
    if (!soffice) throw new Error('LibreOffice is required for this test: apt-get install libreoffice-writer-nogui');
    const dir = mkdtempSync(join(tmpdir(), 'zt-docx-'));
    writeFileSync(join(dir, 'report.docx'), res.rawPayload);
    spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { timeout: 120_000 });
    expect(readdirSync(dir)).toContain('report.pdf');
    const info = execFileSync('pdfinfo', [join(dir, 'report.pdf')], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2); // body + the data appendix on its own page
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  }, 180_000);

  it('makes a hand-typed figure 人工填报: a reason is required, it is audited, listed in the appendix and dated', async () => {
    const sfj = await t.staff(REVIEWER_SFJ);
    let v = (await sfj.get(`/api/annual-reports/${id}`)).body;
    // a sentence the records cannot supply in this test's data (the 12345 hotline is unused here)
    const hotline = paragraphs(v).find((p: any) => p.source === 'services.hotline');
    expect(hotline.kind).toBe('pending');
    const text = '受理12345热线工单19000件，办结率97.23%。';
    const noReason = await sfj.put(`/api/annual-reports/${id}/paragraphs/${hotline.id}`, { text, expectedVersion: v.contentVersion });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('修改数据段落须说明理由');
    expect((await sfj.get(`/api/annual-reports/${id}`)).body.contentVersion).toBe(v.contentVersion);
    const ok = await sfj.put(`/api/annual-reports/${id}/paragraphs/${hotline.id}`, { text, reason: '据市12345平台年度统计', expectedVersion: v.contentVersion });
    expect(ok.status).toBe(200);
    v = ok.body;
    const typed = paragraphs(v).find((p: any) => p.id === hotline.id);
    expect(typed).toMatchObject({ kind: 'data', edited: true, manual: { reason: '据市12345平台年度统计', by: (await t.staffUser(REVIEWER_SFJ)).displayName } });
    expect(v.manualCount).toBe(1);
    const audit = await t.kernel.db.query<{ action: string; detail: any }>(`SELECT action, detail FROM audit_log WHERE stream = $1 AND action = 'annualReport.manualFigure'`, [`case:${id}`]);
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ text, reason: '据市12345平台年度统计' });
    // regeneration keeps it, and the appendix names who typed it and why
    v = (await sfj.post(`/api/annual-reports/${id}/regenerate`)).body;
    expect(textOf(paragraphs(v).find((p: any) => p.id === hotline.id))).toBe(text);
    const docx = await t.app.inject({ method: 'GET', url: `/api/annual-reports/${id}/export.docx?appendix=1`, headers: { cookie: (sfj as any).cookieHeader() } });
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('人工填报');
    expect(xml).toContain('理由：据市12345平台年度统计');
    // 成文日期 in full (GB/T 9704-2012 7.3.5.1): a draft is dated today
    expect(xml).toContain('2026年11月2日');
  });

  it('walks draft → review → leader → confidentiality → public with four different people, and only drafts are editable', async () => {
    const sec = await t.staff(SECADMIN);
    const orgs = (await (await t.staff(ADMIN)).get('/api/admin/orgs')).body as { id: string; name: string }[];
    const gov = orgs.find((o) => o.name === '湖滨区人民政府办公室')!;
    expect((await sec.post('/api/admin/users', { username: 'secrecy', displayName: '保密员', password: 'Secret#2026x', roles: [{ role: 'secrecyReviewer', orgId: gov.id }] })).status).toBe(200);
    const sfj = await t.staff(REVIEWER_SFJ);
    expect((await sfj.post(`/api/annual-reports/${id}/submit`)).status).toBe(200);
    const v = (await sfj.get(`/api/annual-reports/${id}`)).body;
    expect(v.editable).toBe(false);
    const para = paragraphs(v)[0];
    expect((await sfj.put(`/api/annual-reports/${id}/paragraphs/${para.id}`, { text: 'x', expectedVersion: v.contentVersion })).status).toBe(409);
    const leader = await t.staff(LEADER);
    // The leader holds both 审核 and 审批 permissions, but one person clears one step only.
    expect((await leader.post(`/api/annual-reports/${id}/approveInternal`)).status).toBe(200);
    const twice = await leader.post(`/api/annual-reports/${id}/approveLeader`, { acknowledgeManual: true });
    expect(twice.status).toBe(422);
    expect(twice.body.message).toContain('不能再审批');
    expect((await leader.get(`/api/annual-reports/${id}`)).body.state).toBe('leaderApproval');
    // Sent back: the drafter reads why, resubmits; the justice bureau's head reviews this round.
    expect((await leader.post(`/api/annual-reports/${id}/returnToDraft`, { reason: '第三部分会议次数请核对' })).status).toBe(200);
    expect((await sfj.get(`/api/annual-reports/${id}`)).body.returned).toMatchObject({ reason: '第三部分会议次数请核对', stage: '领导审批', by: (await t.staffUser(LEADER)).displayName });
    expect((await sfj.post(`/api/annual-reports/${id}/submit`)).status).toBe(200);
    expect((await sfj.get(`/api/annual-reports/${id}`)).body.returned).toBeNull();
    expect((await sfj.post(`/api/annual-reports/${id}/approveInternal`)).status).toBe(403); // no 审核 permission at all
    const director = await t.staff(DIRECTOR_SFJ);
    expect((await director.post(`/api/annual-reports/${id}/approveInternal`)).status).toBe(200);
    // A hand-typed figure is acknowledged by the approver.
    const unack = await leader.post(`/api/annual-reports/${id}/approveLeader`, {});
    expect(unack.status).toBe(422);
    expect(unack.body.message).toContain('1处人工填报数据');
    expect((await leader.post(`/api/annual-reports/${id}/approveLeader`, { acknowledgeManual: true })).status).toBe(200);
    expect((await leader.post(`/api/annual-reports/${id}/passConfidentiality`)).status).toBe(403);
    const secrecy = await t.anon().login('secrecy', 'Secret#2026x');
    // A new account acts only after changing its first password (等保, enforced by the API).
    expect((await secrecy.post('/api/auth/password', { oldPassword: 'Secret#2026x', newPassword: 'Secret#2026y' })).status).toBe(200);
    // A full-year report is not published before its year ends (the clock reads 2026-11-02).
    const early = await secrecy.post(`/api/annual-reports/${id}/passConfidentiality`);
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('2026年度尚未结束');
    t.clock.set('2027-01-06T09:00:00+08:00');
    const secrecyNextYear = await t.anon().login('secrecy', 'Secret#2026y'); // the session of November has expired
    expect((await secrecyNextYear.post(`/api/annual-reports/${id}/passConfidentiality`)).status).toBe(200);
    const pub = await t.anon().get('/api/public/annual-reports');
    expect(pub.body.map((r: any) => r.id)).toContain(id);
    const pv = (await t.anon().get(`/api/public/annual-reports/${id}`)).body;
    expect(JSON.stringify(pv)).not.toContain('"metric"');
    expect(JSON.stringify(pv)).not.toContain('待补充');
    expect(pv.content.parts[0].heading).toBe('主要举措和成效');
  });
});
