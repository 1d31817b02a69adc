import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, pick, startE2E, type E2E } from './harness';
import ExcelJS from 'exceljs';
import { completeLicence } from '../../src/domains/catalog/shared/catalog.fixtures';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

describe('事项目录 and 预约 in the browser', () => {
  it('an official edits a guide, sees what is missing, cannot publish below 100%, then publishes', async () => {
    await login(e, 'director_scj');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    // A department's draft with every element but the consultation phone (typed in below, as an official would).
    const created = await e.page.evaluate(async (elements) => {
      const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('zt_csrf='))?.slice(8) ?? '');
      const opts = await (await fetch('/api/catalog/options')).json();
      const org = opts.orgs.find((o: { name: string }) => o.name === '湖滨区市场监督管理局');
      const r = await fetch('/api/catalog/items', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ orgId: org.id, elements }) });
      return r.json();
    }, { ...completeLicence, name: '食品经营许可（E2E修订）', consultPhone: null });
    expect(created.id).toBeTruthy();
    await e.page.goto(`${e.baseUrl}/catalog/items/${created.id}`);
    const checklist = e.page.getByTestId('checklist');
    await checklist.getByText('咨询电话：未填写').waitFor();
    await checklist.getByText('还缺1项，达到100%方可发布').waitFor();
    // publishing is refused with the missing elements named
    await e.page.getByTestId('publish').click();
    await e.page.locator('.ant-popconfirm').getByRole('button', { name: /发\s*布/ }).click();
    await e.page.getByText(/办事指南要素不完整.*不能发布：咨询电话/).waitFor();
    expect(await e.page.locator('.ant-page-header-heading-tags').innerText()).toContain('未发布');
    // fill it in: the checklist turns complete, and publishing goes through
    await e.page.getByLabel('咨询电话').fill('0398-2812345');
    await checklist.getByText('要素齐全，可以发布').waitFor();
    await e.page.getByTestId('publish').click();
    await e.page.locator('.ant-popconfirm').getByRole('button', { name: /发\s*布/ }).click();
    await e.page.getByText('第1版已发布').waitFor();
    await e.page.locator('.ant-page-header-heading-tags').getByText('已发布').waitFor();
    // the 台账: export downloads the workbook; a file with a bad row is refused row by row, nothing imported
    await e.page.goto(`${e.baseUrl}/catalog`);
    await e.page.locator('.ant-table-row').first().waitFor();
    const exportHref = await e.page.getByRole('link', { name: /导出台账/ }).getAttribute('href');
    const exported = await e.page.evaluate(async (href) => { const r = await fetch(href!); return { status: r.status, disposition: decodeURIComponent(r.headers.get('content-disposition') ?? ''), size: (await r.arrayBuffer()).byteLength }; }, exportHref);
    expect(exported.status).toBe(200);
    expect(exported.disposition).toMatch(/政务服务事项实施清单_.*\.xlsx/);
    expect(exported.size).toBeGreaterThan(10_000);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('事项清单');
    ws.addRow(['实施编码', '事项名称', '实施主体', '事项类型', '到办事现场次数']);
    ws.addRow(['E2E-BAD-1', '写错类型的事项', '湖滨区市场监督管理局', '行政许可证', '一次']);
    await e.page.locator('.ant-pro-table input[type=file]').setInputFiles({ name: '台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    const report = e.page.locator('.ant-modal', { hasText: '导入未完成' });
    await report.getByText(/未导入任何事项/).waitFor();
    await report.getByText('第2行').waitFor();
    await report.getByText(/到办事现场次数：应为整数/).waitFor();
    await report.getByRole('button', { name: /知道了/ }).click();
    // the public reads it
    await e.page.goto(`${e.baseUrl}/public/catalog/${created.id}`);
    await e.page.getByText('食品经营许可（E2E修订）').first().waitFor();
    await e.page.getByText('办理地点和时间').click();
    await e.page.getByText('0398-2812345').first().waitFor();
  });

  it('the catalog administrator creates an item from nothing in the browser, every 是/否 saves, and publishes it', async () => {
    await login(e, 'catalog_spj');
    await e.page.getByText('我的待办（按到期日排序）').waitFor();
    await e.page.goto(`${e.baseUrl}/catalog/new`);
    await pick(e, 'orgId', '湖滨区民政局');
    await e.page.getByLabel('事项名称').fill('困难群众临时救助（E2E新建）');
    await pick(e, 'type', '公共服务');
    await e.page.getByRole('button', { name: /创建草稿/ }).click();
    await e.page.getByText('已创建第1版草稿').waitFor();
    const checklist = e.page.getByTestId('checklist');
    await checklist.getByText(/还缺\d+项/).waitFor();
    const field = (label: string) => e.page.locator('.ant-form-item').filter({ has: e.page.locator(`label[title="${label}"]`) });
    const choose = (label: string, option: string) => field(label).locator('label.ant-radio-wrapper, label.ant-checkbox-wrapper').filter({ hasText: new RegExp(`^${option}$`) }).click();
    await e.page.getByLabel('基本编码').fill('E2E-0001');
    await pick(e, 'powerSource', '法定本级行使');
    await pick(e, 'exerciseLevel', '县级');
    await pick(e, 'bodyNature', '法定机关');
    await choose('服务对象', '自然人');
    await e.page.getByLabel('设定依据').fill('《社会救助暂行办法》第四十七条');
    await e.page.getByLabel('受理条件').fill('因意外事件导致基本生活暂时出现严重困难的家庭或个人。');
    await e.page.getByLabel('法定办结时限说明').fill('法律法规未规定办理时限');
    await e.page.getByLabel('承诺办结时限', { exact: true }).fill('5');
    await pick(e, 'promisedLimitUnit', '工作日');
    await choose('办件类型', '承诺件');
    await e.page.getByLabel('承诺办结时限说明').fill('自受理之日起5个工作日内办结');
    await choose('特别程序', '无');
    await choose('办理形式', '窗口办理');
    await e.page.getByLabel('到办事现场次数').fill('1');
    await e.page.getByLabel('必须现场办理原因说明').fill('需核实申请人身份和家庭困难情况');
    await e.page.getByLabel('办理地点').fill('湖滨区政务服务中心一楼民政窗口');
    await e.page.getByLabel('办理时间').fill('工作日9:00—17:00');
    await e.page.getByLabel('咨询电话').fill('0398-2816000');
    await e.page.getByLabel('监督投诉电话').fill('0398-12345');
    // the eight 是/否 elements: each one is a required element of the guide
    for (const [label, v] of [['对接单点登录', '否'], ['进驻政务大厅', '是'], ['是否网办', '否'], ['物流快递', '否'], ['支持预约', '是'], ['自助终端', '否'], ['是否收费', '否'], ['网上支付', '否']] as const) await choose(label, v);
    await e.page.getByRole('button', { name: /添加材料/ }).click();
    await e.page.getByPlaceholder('材料名称').fill('临时救助申请书');
    await e.page.getByRole('button', { name: /添加环节/ }).click();
    await e.page.getByPlaceholder('环节，如 受理').fill('受理');
    await pick(e, 'resultType', '其他');
    await e.page.getByLabel('审批结果名称').fill('临时救助金发放');
    await checklist.getByText('要素齐全，可以发布').waitFor();
    await e.page.getByRole('button', { name: /保存草稿/ }).click();
    await e.page.getByText('草稿已保存').waitFor();
    // what was saved is what was chosen: after a reload the radios still hold their values and the item is complete
    await e.page.reload();
    await checklist.getByText('要素齐全，可以发布').waitFor();
    expect(await field('进驻政务大厅').locator('.ant-radio-wrapper-checked').innerText()).toBe('是');
    expect(await field('是否网办').locator('.ant-radio-wrapper-checked').innerText()).toBe('否');
    await e.page.getByTestId('publish').click();
    await e.page.locator('.ant-popconfirm').getByRole('button', { name: /发\s*布/ }).click();
    await e.page.getByText('第1版已发布').waitFor();
    await e.page.locator('.ant-page-header-heading-tags').getByText('已发布').waitFor();
    // and the public finds it
    const found = await e.page.evaluate(async () => (await (await fetch(`/api/public/service-items?q=${encodeURIComponent('临时救助')}`)).json()) as { name: string }[]);
    expect(found.map((i) => i.name)).toContain('困难群众临时救助（E2E新建）');
  });

  it('a citizen books a counter slot on a phone, applies online with an upload, and the counter sees the booking', async () => {
    const phone = await e.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
    try {
      await phone.goto(`${e.baseUrl}/public/appointments`);
      await phone.getByTestId('appt-site').click();
      await phone.locator('.ant-select-item-option', { hasText: '湖滨区政务服务中心' }).click();
      const day = phone.getByTestId('appt-day').first();
      await day.waitFor();
      const dayText = await day.innerText();
      await day.click();
      const free = phone.locator('[data-testid="appt-slot"]:not(.ant-radio-wrapper-disabled)').first();
      await free.waitFor();
      await free.click();
      await phone.getByLabel('姓名').fill('赵预约');
      await phone.getByLabel('身份证号').fill('11010519491231002X');
      await phone.getByLabel('手机号码').fill('13912340000');
      await phone.getByRole('button', { name: /确认预约/ }).click();
      await phone.getByText('预约成功').waitFor().catch(async (err) => { await phone.screenshot({ path: 'test-results/catalog-booking.png', fullPage: true }); throw err; });
      expect(await phone.getByTestId('appointment-code').innerText()).toMatch(/预约号 YY\d{12}/);
      // nothing overflows the phone's width
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // the same citizen applies online from the guide: signs in, uploads the form, defers the licence
      const foodId = await phone.evaluate(async () => {
        await fetch('/api/auth/register', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'person', name: '赵预约', idNumber: '11010519491231002X', phone: '13912340000', password: 'Citizen#2026' }) });
        const items = await (await fetch(`/api/public/service-items?q=${encodeURIComponent('食品经营许可')}`)).json();
        return items.find((i: { name: string }) => i.name === '食品经营许可（新办）').id as string;
      });
      await phone.goto(`${e.baseUrl}/public/catalog/${foodId}`);
      const signIn = phone.getByTestId('apply-login');
      await signIn.getByLabel('身份证号或统一社会信用代码').fill('11010519491231002X');
      await signIn.getByLabel('密码').fill('Citizen#2026');
      await signIn.getByRole('button', { name: /登\s*录/ }).click();
      const form = phone.getByTestId('apply-form');
      await form.waitFor();
      const row = (name: string) => form.getByTestId('apply-material').filter({ hasText: name });
      await row('食品经营许可申请书').locator('input[type=file]').setInputFiles({ name: '申请书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n' + ' '.repeat(200)) });
      await row('食品经营许可申请书').getByText('已附 申请书.pdf').waitFor();
      await row('营业执照').getByRole('checkbox').check();
      // the other required materials: a required one cannot be left out
      for (const [name, file] of [['主要设备设施', '布局.pdf'], ['规章制度目录', '制度.pdf']]) {
        await row(name).locator('input[type=file]').setInputFiles({ name: file, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n' + ' '.repeat(200)) });
        await row(name).getByText(`已附 ${file}`).waitFor();
      }
      await form.getByTestId('apply-submit').click();
      expect(await phone.getByTestId('apply-refno').innerText()).toMatch(/办件编号 BJ411202\d{13}/);
      // the hall's counter sees the booking on that day
      await login(e, 'clerk_zwzx');
      await e.page.getByText('我的待办（按到期日排序）').waitFor();
      const [m, d] = dayText.match(/(\d+)月(\d+)日/)!.slice(1).map(Number);
      const year = new Date().getFullYear();
      const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      await e.page.goto(`${e.baseUrl}/services/appointments`);
      await e.page.locator('.ant-picker input').click();
      await e.page.locator('.ant-picker input').fill(iso);
      await e.page.keyboard.press('Enter');
      await e.page.getByTestId('appointment-day').getByText('赵预约').waitFor();
    } finally {
      await phone.close();
    }
  });
});
