import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { act, login, openFromWorkbench, pick, startE2E, stateIs, DEMO_PASSWORD, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

const CITIZEN = { kind: 'person', name: '郑晓峰', idNumber: '11010519491231002X', phone: '13600007777', password: 'Citizen#2026' };
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const daysAgo = (n: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - n * 86400_000));

/** Signs in and waits for the 工作台, so the next navigation cannot cut the sign-in short. */
async function signIn(username: string) {
  await login(e, username);
  await e.page.getByText('我的待办（按到期日排序）').waitFor();
}

async function correctionRate(leader: Page) {
  const q = new URLSearchParams({ from: `${today().slice(0, 4)}-01-01`, to: today() });
  const r = await leader.request.get(`${e.baseUrl}/api/metrics/reconsideration.correctionRate?${q}`);
  expect(r.ok()).toBe(true);
  return (await r.json()) as { numerator: number; denominator: number };
}

describe('行政复议 in the browser', () => {
  it('a citizen files on a phone and follows it; the bureau asks 补正, accepts, extends once; the respondent answers; the 决定书 downloads, a 意见书 goes to the respondent who reports its correction, and 纠错率 moves', async () => {
    // 409 on the retry of a journey: the account is there already.
    expect([200, 409]).toContain((await fetch(`${e.baseUrl}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(CITIZEN) })).status);
    const leader = await e.browser.newPage();
    await leader.goto(`${e.baseUrl}/login`);
    await leader.getByLabel('用户名').fill('leader');
    await leader.getByLabel('密码').fill(DEMO_PASSWORD);
    await leader.getByRole('button', { name: /登\s*录/ }).click();
    await leader.waitForURL((u) => !u.pathname.startsWith('/login'));
    const before = await correctionRate(leader);

    // The citizen, on a phone, signs in on the public page and files.
    const phone = await e.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await phone.goto(`${e.baseUrl}/public/reconsideration`);
    const card = phone.getByTestId('reconsideration-login');
    await card.getByLabel('身份证号或统一社会信用代码').fill(CITIZEN.idNumber);
    await card.getByLabel('密码').fill(CITIZEN.password);
    await card.getByRole('button', { name: /登\s*录/ }).click();
    const form = phone.getByTestId('reconsideration-form');
    await form.waitFor();
    await form.getByLabel('手机号码（查询进度用）').fill(CITIZEN.phone);
    await phone.locator('.ant-select').filter({ has: phone.locator('input#respondentOrgId') }).click();
    await phone.keyboard.type('市场监督');
    await phone.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="湖滨区市场监督管理局"]').click();
    await phone.locator('.ant-select').filter({ has: phone.locator('input#actKind') }).click();
    await phone.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="行政处罚（其他）"]').click();
    await form.getByLabel('被申请的行政行为（名称、文号或内容）').fill('湖滨区市场监督管理局作出的罚款五千元的行政处罚决定');
    await form.getByLabel('涉及金额（元，选填）').fill('5000');
    await phone.locator('input#knewOn').fill(daysAgo(10));
    await phone.locator('input#knewOn').press('Enter');
    await form.getByLabel('行政复议请求').fill('请求撤销该行政处罚决定');
    await form.getByLabel('主要事实和理由').fill('涉案食品系退货待处理商品，并未销售，被申请人认定事实错误。');
    await phone.getByText('建议适用普通程序').waitFor();
    await form.getByRole('button', { name: '提交申请' }).click();
    const title = await phone.getByText(/案件编号\s*FY\d+/).innerText().catch(async (err) => {
      await phone.screenshot({ path: 'test-results/reconsideration-apply-failed.png', fullPage: true });
      throw new Error(`${err}: ${(await phone.locator('.ant-alert, .ant-form-item-explain-error').allInnerTexts()).join(' | ')}`);
    });
    const refNo = title.match(/FY\d+/)![0];

    // The bureau asks for 补正, once, listing everything (第31条).
    await login(e, 'legal_sfj');
    await openFromWorkbench(e, refNo);
    await e.page.getByTestId('application').waitFor();
    const caseUrl = e.page.url();
    await act(e, '一次性告知补正', async () => { await e.page.getByLabel('需要补正的全部事项（一次性载明）').fill('请提交行政处罚决定书复印件和身份证复印件'); });
    await stateIs(e, '待申请人补正');

    // The citizen follows it by number and supplies on the phone.
    await phone.getByRole('tab', { name: '案件查询' }).click();
    await phone.getByTestId('track-refno').fill(refNo);
    await phone.getByTestId('track-phone4').fill(CITIZEN.phone.slice(-4));
    await phone.getByRole('button', { name: /查\s*询/ }).click();
    await phone.getByText('需补正：请提交行政处罚决定书复印件和身份证复印件').waitFor();
    await phone.getByTestId('supply-content').fill('已补充提交处罚决定书和身份证复印件');
    await phone.getByRole('button', { name: '提交补正' }).click();
    await phone.getByTestId('reconsideration-track').getByText('待审查受理').waitFor();

    // Accepted under 普通程序; the copy goes to the respondent (第48条).
    await e.page.reload();
    await act(e, '受理');
    await stateIs(e, '审理中');
    await act(e, '发送申请书副本（答复通知）');
    await e.page.getByText('申请书副本已于').waitFor();
    // Sent once: no longer offered (its refusal is a precondition the page evaluates).
    await e.page.getByTestId('case-actions').getByRole('button', { name: '发送申请书副本（答复通知）' }).waitFor({ state: 'detached', timeout: 10_000 });

    // The head of the 复议机构 extends once (第62条); the button is gone afterwards.
    await signIn('reviewer_sfj');
    await e.page.goto(caseUrl);
    await act(e, '延长审理期限', async () => {
      await e.page.getByLabel('延长天数').fill('30');
      await e.page.getByLabel('情况复杂的理由（书面告知当事人）').fill('案情复杂，需要调取补充证据');
    });
    await e.page.getByText('已延长审理期限').waitFor();
    await e.page.reload();
    await e.page.getByTestId('case-actions').waitFor();
    expect(await e.page.getByTestId('case-actions').getByRole('button', { name: '延长审理期限' }).count()).toBe(0);

    // The respondent, seeing its own case, answers with its evidence.
    await signIn('director_scj');
    await e.page.goto(caseUrl);
    await act(e, '提交书面答复和证据', async () => {
      await e.page.locator('textarea#answer').fill('被申请人认定事实清楚，证据确凿，请求维持。');
      await e.page.getByLabel('证据、依据和其他有关材料').fill('现场检查笔录、询问笔录、照片');
    });
    await e.page.getByTestId('answer').getByText('被申请人认定事实清楚，证据确凿，请求维持。').waitFor();

    // The bureau decides; the 决定书 downloads as .docx with its article.
    await signIn('legal_sfj');
    await e.page.goto(caseUrl);
    await act(e, '作出行政复议决定', async () => {
      await pick(e, 'decision', '撤销或者部分撤销（第64条）');
      await e.page.getByLabel('认定的事实').fill('经查，涉案食品系退货待处理商品，被申请人未查明是否用于销售。');
      await e.page.getByLabel('理由和适用的依据').fill('被申请人作出的处罚决定主要事实不清、证据不足。');
      await e.page.getByLabel('审批情况（机关负责人同意或者集体讨论通过）').fill('经区人民政府负责人同意');
    });
    await stateIs(e, '已作出复议决定');
    const [download] = await Promise.all([e.page.waitForEvent('download'), e.page.getByTestId('doc-decision').click()]);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('行政复议决定书');
    expect(text).toContain('本机关决定：撤销或者部分撤销。');
    expect(text).toContain('被申请人称：被申请人认定事实清楚，证据确凿，请求维持。');

    // 第76条: a 意见书 to the respondent about what the case found; it reports its correction on its own case.
    const opinions = e.page.getByTestId('opinions');
    await opinions.getByTestId('issue-opinion').click();
    await opinions.getByLabel('发现的违法或者不当行政行为').fill('被申请人作出处罚决定前未查明涉案商品是否用于销售');
    await opinions.getByLabel('纠正意见和建议').fill('规范抽检和案件调查程序，对同类案件开展自查');
    await opinions.getByRole('button', { name: /制\s*发/ }).click();
    await opinions.getByText('待报送纠正情况').waitFor();
    const [letter] = await Promise.all([e.page.waitForEvent('download'), opinions.getByRole('link', { name: '下载（.docx）' }).click()]);
    const letterText = (await (await JSZip.loadAsync(readFileSync((await letter.path())!))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(letterText).toContain('第七十六条');
    const letterNo = await opinions.getByRole('link', { name: /^FYJ\d+$/ }).innerText();
    // Its number opens the letter's own page: the letter, its addressee, the clock, the way back.
    await opinions.getByRole('link', { name: letterNo }).click();
    await e.page.waitForURL(/\/reconsideration\/opinions\/[0-9a-f-]+$/);
    const letterUrl = e.page.url();
    await e.page.getByTestId('opinion-letter').getByText('被申请人作出处罚决定前未查明涉案商品是否用于销售').waitFor();
    await e.page.getByTestId('opinion-report').getByText('等待湖滨区市场监督管理局报送纠正情况').waitFor();
    await e.page.getByTestId('opinion-report').getByText('报送纠正情况期限').waitFor();
    expect(await e.page.getByTestId('opinion-report').getByRole('button', { name: '报送纠正情况' }).count()).toBe(0);

    // The respondent's director finds it on the 工作台, which opens the same page, and downloads it there.
    await signIn('director_scj');
    await openFromWorkbench(e, letterNo);
    await e.page.waitForURL(letterUrl);
    expect(await e.page.getByTestId('opinion-case').innerText()).toBe(refNo);
    const [own] = await Promise.all([e.page.waitForEvent('download'), e.page.getByTestId('opinion-docx').click()]);
    const ownText = (await (await JSZip.loadAsync(readFileSync((await own.path())!))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(ownText).toContain('行政复议意见书');
    expect(ownText).toContain('规范抽检和案件调查程序');
    // An empty report is stopped on the form; a full one saves and closes the letter and its clock.
    const report = e.page.getByTestId('opinion-reply');
    await report.getByRole('button', { name: '报送纠正情况' }).click();
    await report.getByText('请填写纠正情况').waitFor();
    await report.getByLabel('纠正违法或者不当行政行为的情况').fill('已撤销原处罚决定，重新调查');
    await report.getByLabel('整改措施（制度、人员、程序）').fill('修订抽检工作规程，组织执法人员培训');
    const [saved] = await Promise.all([
      e.page.waitForResponse((res) => res.request().method() === 'POST' && res.url().endsWith('/reply')),
      report.getByRole('button', { name: '报送纠正情况' }).click(),
    ]);
    expect(saved.status()).toBe(200);
    await e.page.getByTestId('opinion-report').getByText('修订抽检工作规程，组织执法人员培训').waitFor();
    await e.page.reload();
    await stateIs(e, '已报送纠正情况');
    await e.page.getByTestId('opinion-report').getByText('已撤销原处罚决定，重新调查').waitFor();
    expect(await e.page.getByTestId('opinion-reply').count()).toBe(0);
    // The list of letters opens it too.
    await e.page.goto(`${e.baseUrl}/reconsideration/opinions`);
    await e.page.locator('tr.ant-table-row').filter({ hasText: letterNo }).click();
    await e.page.waitForURL(letterUrl);

    // The phone shows the outcome; 纠错率's numerator and denominator both moved by this case.
    await phone.getByRole('button', { name: /查\s*询/ }).click();
    await phone.getByTestId('reconsideration-track').getByText('撤销或者部分撤销（第64条）').waitFor();
    const after = await correctionRate(leader);
    expect([after.numerator - before.numerator, after.denominator - before.denominator]).toEqual([1, 1]);
    await phone.screenshot({ path: 'test-results/reconsideration-phone.png', fullPage: true });
    await phone.close();
    await leader.close();
  }, 300_000);
});
