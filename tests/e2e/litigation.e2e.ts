import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, login, pick, stateIs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const date = async (field: string, iso: string, scope = e.page.locator('body')) => {
  const input = scope.locator(`input#${field}`);
  await input.click();
  await input.fill(iso);
  await e.page.keyboard.press('Enter');
};

describe('行政应诉 in the browser', () => {
  it('a suit is registered, answered within its clock, heard with the head present, decided and appealed; 出庭率 shows on the figures page', async () => {
    const p = e.page;
    try {
      await login(e, 'director_scj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(`${e.baseUrl}/litigation/new`);
      await p.getByLabel('受理法院').fill('三门峡市湖滨区人民法院');
      await p.getByLabel('案号').fill('（2026）豫1202行初901号');
      await p.getByLabel('原告').fill('三门峡鲜达农产品配送有限公司（E2E）');
      await p.getByLabel('案由').fill('行政处罚');
      await p.getByLabel('诉讼请求').fill('请求撤销被告作出的行政处罚决定');
      await date('servedOn', today());
      await p.getByLabel('被诉行政行为', { exact: true }).fill('湖市监罚〔2026〕99号行政处罚决定书');
      await p.getByRole('button', { name: /登\s*记/ }).click();
      await stateIs(e, '待答辩');
      // 第67条: 15 natural days from the copy.
      expect(await p.getByTestId('clock-defence').innerText()).toContain('15日（自然日）');

      const answer = p.getByTestId('answer-form');
      await answer.getByLabel('证据和所依据的规范性文件').fill('行政处罚决定书、现场检查笔录、抽检报告');
      await answer.getByLabel('答辩要点').fill('事实清楚，证据确凿，程序合法');
      await answer.getByRole('button', { name: '提交答辩' }).click();
      await stateIs(e, '一审审理中');
      expect(await p.getByTestId('clock-defence').innerText()).toContain('已办结'); // answered within the clock

      const hearing = p.getByTestId('hearing-form');
      await date('heldOn', today(), hearing);
      await hearing.getByLabel('出庭负责人姓名及职务').fill('陈刚（局长）');
      await hearing.getByRole('button', { name: '记录开庭' }).click();
      await p.getByTestId('hearings').getByText('陈刚（局长）（发表意见）').waitFor();
      expect(await p.getByTestId('hearings').innerText()).toContain('主要负责人');

      await act(e, '登记一审判决', async () => {
        await pick(e, 'outcome', '撤销');
        await date('decidedOn', today(), p.locator('.ant-modal-wrap:visible'));
        await date('servedOn', today(), p.locator('.ant-modal-wrap:visible'));
      });
      await stateIs(e, '一审已裁判（上诉期内）');
      expect(await p.getByTestId('clock-appealJudgment').innerText()).toContain('15日（自然日）');
      expect(await p.getByTestId('decisions').innerText()).toContain('撤销');
      expect(await p.getByTestId('decisions').innerText()).toContain(today()); // 送达日期, the window's start

      await act(e, '提起上诉', async () => {
        await p.locator('.ant-modal-wrap:visible').getByLabel('上诉理由').fill('一审认定事实错误，抽检程序符合规定');
      });
      await stateIs(e, '二审审理中');
      expect(await p.getByTestId('suit-facts').innerText()).toContain('本机关提起上诉');
      // The appellate court's 案号, once it is assigned, shows on the suit; the action is then gone.
      await act(e, '登记二审案号', async () => {
        const modal = p.locator('.ant-modal-wrap:visible');
        await modal.locator('input#secondCourt').fill('漯河市中级人民法院');
        await modal.locator('input#secondCaseNo').fill('（2026）豫11行终88号');
      });
      await p.getByTestId('suit-facts').getByText('（2026）豫11行终88号（漯河市中级人民法院）').waitFor();
      await p.getByRole('button', { name: '登记二审案号' }).waitFor({ state: 'detached', timeout: 10_000 });
      await e.screenshot('litigation-suit');

      await p.goto(`${e.baseUrl}/litigation/figures`);
      const rate = p.getByTestId('figure-litigation.headAppearanceRate');
      await rate.getByText('行政机关负责人出庭应诉率').waitFor();
      await rate.getByText(/\d+(\.\d)?%/).waitFor();
      expect(await rate.innerText()).toMatch(/\d+\/\d+/);
      await e.screenshot('litigation-figures');
    } catch (err) {
      await e.screenshot('litigation-failed').catch(() => undefined);
      throw err;
    }
  });
});
