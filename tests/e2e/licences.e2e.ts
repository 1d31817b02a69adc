import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, counterIntake, login, pick, startE2E, stateIs, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });


describe('电子证照 in the browser', () => {
  it('a walk-in taken in at the counter and taken to completion gets a licence that is in the registry and verifies on the public page', async () => {
    await counterIntake(e, { item: '食品经营许可', name: '欧阳证照', idNumber: '11010519491231002X', phone: '13912340001' });
    const caseUrl = e.page.url();

    await login(e, 'clerk_scj');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(caseUrl);
    await act(e, '受理');
    await stateIs(e, '审查中');
    await login(e, 'reviewer_scj');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(caseUrl);
    await act(e, '准予许可（办结）');
    await stateIs(e, '待送达');
    await login(e, 'clerk_scj');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(caseUrl);
    await act(e, '送达', () => pick(e, 'method', '电子证照'));
    await stateIs(e, '已办结');

    await e.page.goto(`${e.baseUrl}/licences`);
    await e.page.getByPlaceholder('证照编号或持证人').fill('欧阳证照');
    await e.page.getByPlaceholder('证照编号或持证人').press('Enter');
    const row = e.page.getByTestId('licence-table').locator('.ant-table-row').filter({ hasText: '欧阳证照' });
    await row.waitFor();
    expect(await row.innerText()).toContain('食品经营许可证');
    await row.click();
    await e.page.getByTestId('licence-detail').waitFor();
    expect(await e.page.getByTestId('licence-detail').innerText()).toContain('110105********002X');
    await e.page.getByTestId('licence-qr').waitFor();
    // the QR PNG is served and decodes as an image
    await e.page.waitForFunction(() => ((document.querySelector('[data-testid=licence-qr]') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0, undefined, { timeout: 10_000 });
    const verifyUrl = await e.page.getByTestId('verify-link').getAttribute('href');
    expect(verifyUrl).toMatch(/\/public\/licences\/verify\/[A-Za-z0-9_-]{32}$/);
    await e.screenshot('licence-detail');

    // the public page, on a phone, without a session
    const phone = await e.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await phone.goto(verifyUrl!);
    await phone.getByText('证照真实有效').waitFor();
    const text = await phone.getByTestId('verify-result').innerText();
    expect(text).toContain('欧**');
    expect(text).not.toContain('欧阳证照');
    expect(text).toContain('湖滨区市场监督管理局');
    await phone.screenshot({ path: 'test-results/licence-verify.png', fullPage: true });
    await phone.goto(`${e.baseUrl}/public/licences/verify/${'x'.repeat(32)}`);
    await phone.getByTestId('verify-failed').waitFor();
    await phone.close();
  });

  it('reminders fire for a licence near expiry when a reminder is added to its type, and show in its detail', async () => {
    await login(e, 'leader');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(`${e.baseUrl}/licences/types`);
    await e.page.getByRole('row', { name: /劳务派遣经营许可证/ }).getByRole('button', { name: /修\s*改/ }).click();
    // a reminder later than the 30-day legal window is refused with the reason
    await e.page.getByLabel('到期前提醒天数（用顿号分隔）').fill('150、90、7');
    await e.page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await e.page.getByText('到期前7天提醒晚于法定续期申请期限').first().waitFor();
    await e.page.getByLabel('到期前提醒天数（用顿号分隔）').fill('150、90、60、30');
    await e.page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await e.page.getByRole('row', { name: /劳务派遣经营许可证/ }).getByText('T-150').waitFor();

    // an imported licence 130 days from expiry: not yet reminded, now due at T-150
    const target = await e.page.evaluate(async () => {
      const types = await (await fetch('/api/licences/types')).json() as { id: string; code: string }[];
      const typeId = types.find((t) => t.code === 'LWPQ')!.id;
      const list = await (await fetch(`/api/licences?typeId=${typeId}&status=valid&pageSize=100`)).json() as { items: { id: string; daysLeft: number }[] };
      return list.items.find((l) => l.daysLeft > 90 && l.daysLeft <= 150) ?? null;
    });
    expect(target).not.toBeNull();
    await e.page.goto(`${e.baseUrl}/licences/${target!.id}`);
    await e.page.getByTestId('reminder-table').getByText('尚未发送到期提醒').waitFor();
    await e.page.goto(`${e.baseUrl}/licences`);
    await e.page.getByTestId('run-reminders').click();
    await e.page.getByText(/发送提醒\d+次/).waitFor();
    await e.page.goto(`${e.baseUrl}/licences/${target!.id}`);
    const table = e.page.getByTestId('reminder-table');
    await table.getByText('到期前150天').waitFor();
    expect(await table.innerText()).toContain('已发送');
    expect(await e.page.getByTestId('licence-detail').innerText()).toContain('到期前90天');
    await e.screenshot('licence-reminders');
    // running it again sends nothing twice
    await e.page.goto(`${e.baseUrl}/licences`);
    await e.page.getByTestId('run-reminders').click();
    await e.page.getByText(/发送提醒0次/).waitFor();
  });
});
