import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, login, pick, startE2E, stateIs, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });


describe('12345 in the browser', () => {
  it('an operator files a ticket; it is dispatched, returned, re-dispatched, replied, called back and rated', async () => {
    await login(e, 'operator_12345');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(`${e.baseUrl}/hotline/intake`);
    await pick(e, 'kind', '投诉');
    await e.page.getByLabel('标题').fill('网上办事系统无法登录');
    await e.page.getByLabel('诉求内容').fill('这两天在政务服务网办理营业执照变更，登录时一直提示系统繁忙，无法提交申请。');
    await e.page.getByLabel('诉求人').fill('赵先生');
    await e.page.getByLabel('联系电话').fill('13703981234');
    await e.page.getByRole('button', { name: /登记工单/ }).click();
    await e.page.getByText(/已登记工单 RX411202\d{13}/).waitFor();
    await e.page.getByRole('button', { name: '打开工单' }).click();
    await e.page.getByTestId('case-actions').waitFor();
    const caseUrl = e.page.url();
    expect(caseUrl).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    await act(e, '派单', async () => {
      await e.page.getByLabel('承办单位（留空按派单目录）').fill('湖滨区市场监督管理局');
    });
    await stateIs(e, '已派单待签收');

    await login(e, 'clerk_scj');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(caseUrl);
    await act(e, '退单', async () => {
      await e.page.getByLabel('退单理由（不属于本单位职责的依据）').fill('政务服务平台由区政数局运维，不属我局职责');
    });
    // The ticket is back with the centre: the bureau is told it was returned and can no longer open it.
    await e.page.getByText('已退单', { exact: true }).first().waitFor();

    await login(e, 'operator_12345');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(caseUrl);
    await act(e, '派单', async () => { /* 留空：按派单目录（政务服务 → 区政数局） */ });
    await e.page.getByText('湖滨区行政审批和政务信息管理局').first().waitFor();

    await login(e, 'director_spj');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(caseUrl);
    await act(e, '签收');
    await stateIs(e, '办理中');
    await act(e, '答复', async () => {
      await e.page.getByLabel('答复内容（办理结果）').fill('系平台证书更新导致，已于当日修复，已电话指导诉求人完成申请。');
    });
    await stateIs(e, '已答复待回访');

    await login(e, 'operator_12345');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(caseUrl);
    await act(e, '回访办结', async () => {
      await e.page.getByLabel('是否联系上诉求人').click();
      await e.page.getByLabel('诉求人认为已解决').click();
      await pick(e, 'satisfaction', '满意');
      await e.page.getByLabel('回访记录').fill('诉求人表示已办成，满意');
    });
    await e.page.getByTestId('case-timeline').getByText('回访办结').waitFor();
    await stateIs(e, '已办结');
    const timeline = await e.page.getByTestId('case-timeline').innerText();
    for (const step of ['派单', '退单', '签收', '答复', '回访办结']) expect(timeline).toContain(step);
    expect(await e.page.locator('body').innerText()).toContain('回访满意度');
    await e.screenshot('hotline-closed');
  });

  it('a citizen on a phone files a 诉求, follows it and rates the reply', async () => {
    const phone = await e.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
    await phone.goto(`${e.baseUrl}/public/12345`);
    await phone.getByLabel('标题').fill('小区路灯不亮');
    await phone.getByLabel('诉求内容（时间、地点、事情经过）').fill('湖滨街道建设路小区内三盏路灯已经一周不亮，晚上出行不安全。');
    await phone.getByLabel('事发地址').fill('建设路小区');
    await phone.getByLabel('姓名').fill('钱女士');
    await phone.getByLabel('手机号码').fill('13703987777');
    await phone.getByRole('button', { name: /提\s*交/ }).click();
    const done = await phone.getByText(/工单编号 RX\d+/).textContent();
    const refNo = /RX\d+/.exec(done ?? '')![0];

    // The centre dispatches by the catalog and the city administration bureau answers (through the API).
    const staff = async (username: string) => {
      const res = await fetch(`${e.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Zt@2026demo' }) });
      const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
      const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('zt_csrf='))!.slice('zt_csrf='.length));
      const call = async (method: string, path: string, body?: unknown) => {
        const r = await fetch(`${e.baseUrl}${path}`, { method, headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
        expect(r.status, path).toBe(200);
        return r.json();
      };
      return { get: (path: string) => call('GET', path), post: (path: string, body: unknown = {}) => call('POST', path, body) };
    };
    const op = await staff('operator_12345');
    const { items } = await op.get('/api/tickets?page=1&pageSize=20') as { items: { id: string; refNo: string }[] };
    const id = items.find((i) => i.refNo === refNo)!.id;
    await op.post(`/api/tickets/${id}/dispatch`);
    const cgj = await staff('clerk_cgj');
    await cgj.post(`/api/tickets/${id}/accept`);
    await cgj.post(`/api/tickets/${id}/reply`, { reply: '已更换灯具，三盏路灯恢复照明。' });

    await phone.getByRole('tab', { name: '进度查询和评价' }).click();
    await phone.getByPlaceholder('编号').fill(refNo);
    await phone.getByPlaceholder('联系电话后4位').fill('7777');
    await phone.getByRole('button', { name: /查\s*询/ }).click();
    await phone.getByTestId('track-result').getByText('已更换灯具，三盏路灯恢复照明。').waitFor();
    const rate = phone.getByTestId('rate-panel');
    await rate.getByText('已解决', { exact: true }).click();
    await rate.getByText('满意', { exact: true }).click();
    await rate.getByRole('button', { name: /提交评价/ }).click();
    await phone.getByText('感谢您的评价').waitFor();
    await phone.getByTestId('track-result').getByText('已办结').waitFor();
    await phone.screenshot({ path: 'test-results/hotline-phone-rated.png', fullPage: true });
    await phone.close();
  });

  it('an Open311 client creates a request and reads it back', async () => {
    const services = await (await fetch(`${e.baseUrl}/open311/v2/services.json`)).json() as { service_code: string }[];
    expect(services.map((s) => s.service_code)).toContain('city');
    const created = await fetch(`${e.baseUrl}/open311/v2/requests.json`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: 'zt311-demo-key-huibin', service_code: 'city', description: '崤山路人行道井盖缺失，夜间行人容易踩空', phone: '13703985678', address_string: '崤山路中段' }).toString(),
    });
    expect(created.status).toBe(200);
    const [{ service_request_id: id }] = await created.json() as { service_request_id: string }[];
    const read = await (await fetch(`${e.baseUrl}/open311/v2/requests/${id}.json`)).json() as { status: string; service_code: string; address: string }[];
    expect(read[0]).toMatchObject({ status: 'open', service_code: 'city', address: '崤山路中段' });
  });
});
