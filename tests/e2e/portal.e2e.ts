/**
 * The citizen's day on a phone: the portal at /, registration on the web, 生孩子 finds the birth items
 * and the 新生儿出生 一件事, an application with uploads, a 补正 notice ticked from the checklist with two
 * materials, the uploads against each line on the phone, and the reviewer opening each uploaded file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, login, openFromWorkbench, stateIs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.7\n%${name}\n` + ' '.repeat(200)) });
const ID = '110105199003070025';

describe('公众门户 on a phone', () => {
  it('registers, finds 生育登记 by typing 生孩子, applies, answers a two-line 补正 on the phone; the reviewer opens each file', async () => {
    const phone = await e.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
    try {
      // an anonymous visitor at / gets the portal, not the staff login
      await phone.goto(`${e.baseUrl}/`);
      await phone.getByTestId('portal').waitFor();
      expect(new URL(phone.url()).pathname).toBe('/');
      expect(await phone.getByLabel('用户名').count()).toBe(0);
      // registration on the web, then the citizen lands on 我的办件 (never the staff 工作台)
      await phone.getByTestId('portal-login').click();
      await phone.getByTestId('to-register').click();
      const reg = phone.getByTestId('register');
      await reg.getByLabel('姓名或企业名称').fill('刘晓燕');
      await reg.getByLabel('身份证号或统一社会信用代码').fill(ID);
      await reg.getByLabel('手机号码').fill('13903981234');
      await reg.getByLabel('设置密码').fill('Citizen#2026');
      await reg.getByRole('button', { name: /注册并登录/ }).click();
      await phone.getByText('暂无办件').waitFor();
      expect(phone.url()).toContain('/public/my');
      // 生孩子 → the birth items and the 新生儿出生 一件事
      await phone.goto(`${e.baseUrl}/`);
      const search = phone.getByPlaceholder('搜索办事指南，如：生孩子、开饭店、社保卡');
      await search.fill('生孩子');
      await search.press('Enter');
      await phone.getByTestId('portal-bundle').filter({ hasText: '新生儿出生“一件事”' }).waitFor();
      await phone.getByTestId('portal-item').filter({ hasText: '出生登记（户口登记）' }).waitFor();
      await phone.getByTestId('portal-item').getByRole('link', { name: '生育登记', exact: true }).click();
      // apply: both required materials uploaded
      const form = phone.getByTestId('apply-form');
      await form.waitFor();
      const row = (name: string) => form.getByTestId('apply-material').filter({ hasText: name });
      for (const [m, f] of [['夫妻双方居民身份证', '身份证.pdf'], ['结婚证', '结婚证.pdf']]) {
        await row(m).locator('input[type=file]').setInputFiles(pdf(f));
        await row(m).getByText(`已附 ${f}`).waitFor();
      }
      await form.getByTestId('apply-submit').click();
      const refNo = (await phone.getByTestId('apply-refno').innerText()).replace('办件编号 ', '').trim();
      expect(refNo).toMatch(/^BJ411202\d{13}$/);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      // the department ticks two materials from the guide's checklist
      await login(e, 'clerk_wjw');
      await openFromWorkbench(e, refNo);
      await act(e, '一次性告知补正', async () => {
        const layer = e.page.locator('.ant-modal-wrap:visible');
        await layer.getByText('夫妻双方居民身份证', { exact: true }).click();
        await layer.getByText('结婚证（共享）', { exact: true }).click();
        await layer.getByLabel('其他需补正的内容（一次告知）').fill('身份证正反面须在同一页');
      });
      await stateIs(e, '补正中');
      await e.page.getByText('1. 夫妻双方居民身份证；2. 结婚证（共享）；3. 身份证正反面须在同一页').waitFor();

      // the citizen sees the notice in 我的办件 and uploads a file against each line
      await phone.goto(`${e.baseUrl}/public/my`);
      await phone.getByRole('link', { name: '生育登记' }).click();
      const corr = phone.getByTestId('correction');
      await corr.waitFor();
      const line = (name: string) => corr.getByTestId('correction-line').filter({ hasText: name });
      await line('夫妻双方居民身份证').locator('input[type=file]').setInputFiles(pdf('身份证（同页）.pdf'));
      await line('夫妻双方居民身份证').getByText('已附 身份证（同页）.pdf').waitFor();
      await line('结婚证').locator('input[type=file]').setInputFiles(pdf('结婚证（清晰）.pdf'));
      await line('结婚证').getByText('已附 结婚证（清晰）.pdf').waitFor();
      await corr.getByTestId('correction-submit').click();
      await phone.getByText('补正材料已提交').waitFor();
      await phone.getByText('待受理').first().waitFor();

      // the reviewer opens each uploaded file from the case page (the browser shows the PDF)
      await e.page.reload();
      await stateIs(e, '待受理');
      const links = e.page.getByTestId('field-link');
      expect(await links.count()).toBe(2);
      for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!))) {
        const r = await e.page.evaluate(async (u) => { const x = await fetch(u); return { status: x.status, type: x.headers.get('content-type'), disposition: x.headers.get('content-disposition') }; }, href);
        expect(r).toMatchObject({ status: 200, type: 'application/pdf' });
        expect(r.disposition).toMatch(/^inline/);
      }
    } finally {
      await phone.close();
    }
  });
});
