/**
 * 案卷评查 as its users walk it: the justice bureau's reviewer sets up a campaign, registers a paper file,
 * scores it with a veto item (不合格 whatever the score), issues the unit's problems; the department's head
 * rectifies and reports on the generic case page; the bureau accepts, and 评查问题整改 moves by one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, login, pick, stateIs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const logout = async () => { await e.page.context().clearCookies(); };
const UNIT = '湖滨区市场监督管理局';
const VETO = '违反法定程序（未告知陈述申辩、听证权利等）';
const figure = (key: string) => e.page.evaluate(async ([k, to]) => {
  const r = await fetch(`/api/metrics/${k}?divisionCode=411202&from=${to.slice(0, 4)}-01-01&to=${to}`);
  return (await r.json()).numerator as number;
}, [key, today()]);
const fixed = () => e.page.evaluate(async (to) => {
  const r = await fetch(`/api/metrics/caseFileReview.problemsFixed?divisionCode=411202&from=${to.slice(0, 4)}-01-01&to=${to}`);
  return (await r.json()).numerator as number;
}, today());

describe('案卷评查', () => {
  it('a veto item fails a paper file; its problem reaches the unit as a rectification case, the bureau accepts it, and the figure moves', async () => {
    const p = e.page;
    try {
      await login(e, 'legal_sfj');
      await p.getByText('我的待办').first().waitFor();
      await p.goto(`${e.baseUrl}/case-file-review`);
      await p.getByRole('button', { name: '新建评查活动' }).waitFor();
      const before = await fixed();
      await p.getByRole('button', { name: '新建评查活动' }).click();
      await p.getByLabel('评查活动名称').fill('E2E行政处罚案卷专项评查');
      await p.locator('.ant-select').filter({ has: p.locator('input#orgIds') }).click();
      await p.locator('input#orgIds').fill('市场监督');
      await p.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${UNIT}"]`).click();
      await p.keyboard.press('Escape');
      await p.getByRole('button', { name: '建立评查活动' }).click();
      await p.getByRole('button', { name: '登记纸质案卷' }).click();
      await p.locator('.ant-modal-wrap:visible').waitFor();
      await pick(e, 'orgId', UNIT);
      await p.getByLabel('案卷编号（决定书文号）').fill('湖市监罚〔2026〕E2E号');
      await p.getByLabel('案由', { exact: true }).fill('销售过期食品案');
      await p.locator('.ant-modal-wrap:visible').getByRole('button', { name: /确\s*定/ }).click();
      await p.getByRole('link', { name: '湖市监罚〔2026〕E2E号' }).click();
      await p.getByRole('switch', { name: `否决项：${VETO}` }).click();
      await p.getByLabel(`说明：${VETO}`).fill('未告知当事人听证权利');
      await p.getByRole('button', { name: '提交评分' }).click();
      const result = p.getByTestId('review-result');
      await result.waitFor();
      expect(await result.innerText()).toContain('不合格');
      expect(await result.innerText()).toContain('否决项成立');
      await p.getByRole('link', { name: 'E2E行政处罚案卷专项评查' }).click();
      await p.getByRole('button', { name: '下发整改通知' }).click();
      const link = p.locator('a[href^="/cases/"]').first();
      await link.waitFor();
      const caseId = (await link.getAttribute('href'))!.split('/').pop()!;

      await logout();
      await login(e, 'director_scj');
      await p.getByText('我的待办').first().waitFor();
      await p.goto(`${e.baseUrl}/cases/${caseId}`);
      await stateIs(e, '已下发整改通知');
      await act(e, '签收整改通知，开始整改');
      await stateIs(e, '整改中');
      await act(e, '报送整改情况', async () => { await p.getByLabel('整改措施和结果').fill('已组织执法人员学习行政处罚法第六十三条，补正告知程序'); });
      await stateIs(e, '已报送整改情况，待验收');
      expect(await p.getByTestId('case-actions').getByRole('button', { name: '验收通过' }).count()).toBe(0);

      await logout();
      await login(e, 'legal_sfj');
      await p.getByText('我的待办').first().waitFor();
      await p.goto(`${e.baseUrl}/cases/${caseId}`);
      await act(e, '验收通过', async () => { await p.getByLabel('验收意见').fill('经复核，整改到位'); });
      await stateIs(e, '整改验收通过');
      expect(await fixed()).toBe(before + 1);
    } catch (err) {
      await e.screenshot('case-file-review-failed').catch(() => undefined);
      throw err;
    }
  });

  it('执法监督: the bureau takes a complaint on a unit, issues a 监督意见书, the unit signs and replies, the bureau closes it; a 联席会议 is recorded; both figures move', async () => {
    const p = e.page;
    try {
      await logout();
      await login(e, 'legal_sfj');
      await p.getByText('我的待办').first().waitFor();
      await p.goto(`${e.baseUrl}/supervision/new`);
      await p.getByRole('button', { name: /^受\s*理$/ }).waitFor();
      const notices = await figure('supervision.notices');
      const meetings = await figure('enforcement.jointMeetings');
      await p.locator('.ant-select').filter({ has: p.locator('input#orgId') }).click();
      await p.locator('input#orgId').fill('市场监督');
      await p.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${UNIT}"]`).click();
      await p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
      await pick(e, 'source', '来信来访投诉');
      await p.getByLabel('投诉或监督事项').fill('来信反映执法人员入企检查未出示行政执法证');
      await p.getByRole('button', { name: /^受\s*理$/ }).click();
      await stateIs(e, '核查中');
      const caseId = p.url().split('/').pop()!;
      await act(e, '制发行政执法监督意见书', async () => {
        await p.getByLabel('发现的问题').fill('经调取执法记录仪，执法人员入企检查时未出示行政执法证');
        await p.getByLabel('监督意见和整改要求').fill('对涉事执法人员批评教育，并书面报告整改情况');
      });
      await stateIs(e, '已制发监督意见书，待单位签收');
      expect(await p.getByText('执法监督意见〔').count()).toBeGreaterThan(0);

      await logout();
      await login(e, 'director_scj');
      await p.getByText('我的待办').first().waitFor();
      await p.goto(`${e.baseUrl}/cases/${caseId}`);
      await act(e, '签收监督意见书');
      await stateIs(e, '单位整改中');
      await act(e, '书面答复整改情况', async () => { await p.getByLabel('整改情况', { exact: true }).fill('已对涉事执法人员批评教育，全员学习亮证执法规定'); });
      await stateIs(e, '单位已书面答复，待审查');
      expect(await p.getByTestId('case-actions').getByRole('button', { name: '审查通过，办结' }).count()).toBe(0);

      await logout();
      await login(e, 'legal_sfj');
      await p.getByText('我的待办').first().waitFor();
      await p.goto(`${e.baseUrl}/cases/${caseId}`);
      await act(e, '审查通过，办结', async () => { await p.getByLabel('审查意见').fill('整改到位'); });
      await stateIs(e, '整改到位，已办结');
      expect(await figure('supervision.notices')).toBe(notices + 1);

      await p.goto(`${e.baseUrl}/supervision/joint-meetings`);
      await p.getByRole('button', { name: '记录联席会议' }).click();
      await p.locator('.ant-modal-wrap:visible').waitFor();
      await p.getByLabel('会议议题').fill('E2E涉企检查统筹联席会议');
      await p.locator('.ant-select').filter({ has: p.locator('input#attendeeOrgIds') }).click();
      await p.locator('input#attendeeOrgIds').fill('市场监督');
      await p.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${UNIT}"]`).click();
      await p.keyboard.press('Escape');
      await p.getByLabel('协调事项（每行一项）').fill('同一企业的检查合并为综合查一次');
      await p.locator('.ant-modal-wrap:visible').getByRole('button', { name: /保\s*存/ }).click();
      await p.getByTestId('joint-meetings').getByText('E2E涉企检查统筹联席会议').waitFor();
      expect(await figure('enforcement.jointMeetings')).toBe(meetings + 1);
    } catch (err) {
      await e.screenshot('supervision-failed').catch(() => undefined);
      throw err;
    }
  });
});
