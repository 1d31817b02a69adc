import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

const MOTHER_ID = '41120219920315001X';
const FATHER_ID = '411202199003155019';

/** The department opens its child of the bundle (its own 办件) and runs the given buttons in order. */
async function department(username: string, child: { id: string; refNo: string }, buttons: RegExp[]) {
  await login(e, username);
  await e.page.getByText('我的待办（按到期日排序）').waitFor();
  await e.page.goto(`${e.baseUrl}/cases/${child.id}`);
  await e.page.getByText(child.refNo).first().waitFor();
  for (const b of buttons) {
    const button = e.page.getByTestId('case-actions').getByRole('button', { name: b });
    await button.click();
    // an event with input opens a form; one without asks for confirmation
    const modal = e.page.locator('.ant-modal-content:visible');
    const confirm = e.page.locator('.ant-popover:visible').getByRole('button', { name: /确\s*认/ });
    await modal.or(confirm).first().waitFor();
    if (await modal.count()) {
      const select = modal.getByRole('combobox');
      if (await select.count()) { await select.first().click(); await e.page.locator('.ant-select-item-option').first().click(); }
      await modal.getByRole('button', { name: /确\s*定/ }).click();
    } else {
      await confirm.click();
    }
    await button.waitFor({ state: 'detached' });
  }
}

describe('高效办成一件事 in the browser', () => {
  it('a citizen files 新生儿出生 on a phone, two departments act, and the citizen follows both on one page', async () => {
    await e.page.setViewportSize({ width: 390, height: 844 });
    await e.page.goto(`${e.baseUrl}/public/bundles`);
    const reg = await e.page.evaluate(async (id) => (await fetch('/api/auth/register', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'person', name: '李晓梅', idNumber: id, phone: '13912340001', password: 'Citizen#2026' }) })).status, MOTHER_ID);
    expect(reg).toBe(200);
    await e.page.getByRole('link', { name: '新生儿出生“一件事”' }).click();
    await e.page.getByText('一次提交，6个事项同步办理').waitFor();
    await e.page.getByTestId('apply-login').getByLabel('身份证号或统一社会信用代码').fill(MOTHER_ID);
    await e.page.getByTestId('apply-login').getByLabel('密码').fill('Citizen#2026');
    await e.page.getByTestId('apply-login').getByRole('button', { name: /登\s*录/ }).click();
    const form = e.page.getByTestId('bundle-form');
    await form.waitFor();
    await form.getByLabel('新生儿姓名').fill('王小宝');
    await form.getByLabel('新生儿性别').click();
    await e.page.locator('.ant-select-item-option').filter({ hasText: '男' }).click();
    await form.getByLabel('出生日期').click();
    await e.page.keyboard.type('2026-11-18');
    await e.page.keyboard.press('Enter');
    await form.getByLabel('出生医院').fill('湖滨区妇幼保健院');
    await form.getByLabel('母亲姓名').fill('李晓梅');
    await form.getByLabel('母亲身份证号').fill(MOTHER_ID);
    await form.getByLabel('父亲姓名').fill('王建');
    await form.getByLabel('父亲身份证号').fill(FATHER_ID);
    await form.getByLabel('落户地址').fill('湖滨区湖滨街道黄河路1号');
    await form.getByLabel('联系电话').fill('13912340001');
    expect(await e.page.getByTestId('bundle-material').count()).toBeGreaterThan(3);
    await e.screenshot('bundle-form-phone');
    await e.page.getByTestId('bundle-submit').click();
    const refText = await e.page.getByTestId('bundle-refno').innerText().catch(async (err) => { await e.screenshot('bundle-submit-failed'); throw err; });
    const refNo = refText.replace('编号', '').trim();
    expect(refNo).toMatch(/^YJS411202\d{13}$/);
    await e.page.getByRole('button', { name: '查看办理进度' }).click();
    await e.page.getByTestId('bundle-progress').waitFor();
    expect(await e.page.getByTestId('bundle-child').count()).toBe(6);
    expect(await e.page.getByTestId('bundle-done').innerText()).toBe('0/6');
    const progressUrl = e.page.url();
    // the children's numbers, to find them in each department's 工作台
    const children = await e.page.evaluate(async (url) => {
      const id = url.split('/').pop();
      return (await (await fetch(`/api/bundles/${id}/progress`)).json()).children.map((c: { id: string; refNo: string; itemName: string }) => ({ id: c.id, refNo: c.refNo, itemName: c.itemName }));
    }, progressUrl);
    const social = children.find((c: { itemName: string }) => c.itemName === '社会保障卡申领（首次）');
    const fertility = children.find((c: { itemName: string }) => c.itemName === '生育登记');

    await e.page.setViewportSize({ width: 1400, height: 900 });
    await department('clerk_rsj', social, [/^受\s*理$/]);
    await department('clerk_wjw', fertility, [/^受\s*理$/, /准予许可/, /送\s*达/]);

    // back on the phone, the citizen sees both departments' progress on the one page
    await e.page.setViewportSize({ width: 390, height: 844 });
    await e.page.goto(`${e.baseUrl}/public/my`);
    await e.page.getByTestId('my-login').waitFor().catch(async (err) => { await e.screenshot('my-login-missing'); throw err; });
    await e.page.getByTestId('my-login').getByLabel('身份证号或统一社会信用代码').fill(MOTHER_ID);
    await e.page.getByTestId('my-login').getByLabel('密码').fill('Citizen#2026');
    await e.page.getByTestId('my-login').getByRole('button', { name: /登\s*录/ }).click();
    await e.page.getByRole('link', { name: '新生儿出生“一件事”' }).click();
    await e.page.getByTestId('bundle-progress').waitFor();
    expect(await e.page.getByTestId('bundle-done').innerText()).toBe('1/6');
    const text = await e.page.getByTestId('bundle-progress').innerText();
    expect(text).toContain('办理中');
    const socialRow = e.page.getByTestId('bundle-child').filter({ hasText: '社会保障卡申领（首次）' });
    expect(await socialRow.innerText()).toContain('审查中');
    expect(await socialRow.innerText()).toContain('湖滨区人力资源和社会保障局');
    const fertilityRow = e.page.getByTestId('bundle-child').filter({ hasText: '生育登记' });
    expect(await fertilityRow.innerText()).toContain('已办结');
    expect(await fertilityRow.innerText()).toContain('湖滨区卫生健康委员会');
    await e.screenshot('bundle-progress-phone');
  });

  it('the hall\'s 一件事 window lists bundles and a clerk opens one with its departments', async () => {
    await e.page.setViewportSize({ width: 1400, height: 900 });
    await login(e, 'clerk_zwzx');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(`${e.baseUrl}/bundles`);
    await e.page.locator('.ant-table-row').first().waitFor();
    await e.page.locator('.ant-table-row').first().click();
    await e.page.getByTestId('bundle-progress').waitFor();
    expect(await e.page.getByTestId('bundle-child').count()).toBeGreaterThan(1);
  });
});
