import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, login, pick, stateIs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.stop(); });

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('行政执法证件 in the browser', () => {
  it('an org registers an officer and applies; the justice bureau issues; the public verifies by QR on a phone; short of hours, the annual review fails', async () => {
    const p = e.page;
    try {
      await login(e, 'director_scj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      // Auxiliary staff are refused with the reason.
      await p.goto(`${e.baseUrl}/credentials/new`);
      await p.getByLabel('姓名').fill('协管员甲');
      await p.getByLabel('职务（岗位）').fill('协管员');
      await pick(e, 'employment', '辅助人员（协管、工勤）');
      await p.getByLabel('执法范围（本单位权责清单中的职权）').fill('食品安全监督检查');
      await p.getByRole('button', { name: /登\s*记/ }).click();
      await p.getByTestId('register-error').getByText(/须为在编在职人员/).waitFor();

      await pick(e, 'employment', '在编在职');
      await p.getByLabel('姓名').fill('聂执法');
      await p.getByLabel('职务（岗位）').fill('执法大队队员');
      await p.getByRole('button', { name: /登\s*记/ }).click();
      await p.getByTestId('exam-form').waitFor();
      const holderUrl = p.url();
      const exam = p.getByTestId('exam-form');
      for (const subject of ['公共法律知识考试', '专业法律知识考试']) {
        await pick(e, 'subject', subject);
        await exam.locator('input#score').fill('86');
        await exam.locator('input#takenOn').click();
        await exam.locator('input#takenOn').fill(today());
        await p.keyboard.press('Enter');
        await exam.getByRole('button', { name: '登记成绩' }).click();
        await p.getByRole('cell', { name: subject }).waitFor();
      }
      await p.getByRole('button', { name: '申领行政执法证' }).click();
      await stateIs(e, '待司法局审核');
      const caseUrl = p.url();

      await login(e, 'legal_sfj');
      await p.getByText('我的待办（按到期日排序）').waitFor();
      await p.goto(caseUrl);
      await act(e, '审核通过并发证');
      await stateIs(e, '已发证');
      await p.goto(holderUrl);
      const link = p.getByTestId('verify-link');
      await link.waitFor();
      const verifyUrl = (await link.getAttribute('href'))!;
      expect(verifyUrl).toMatch(/\/public\/credentials\/verify\/[A-Za-z0-9_-]{16,}$/);
      // The QR image on the card encodes exactly that URL (drawn with the same encoder and options).
      const qrSrc = (await p.getByAltText('核验二维码').getAttribute('src'))!;
      const png = Buffer.from(await (await p.request.get(`${e.baseUrl}${qrSrc}`)).body());
      expect(png.equals(await QRCode.toBuffer(verifyUrl, { type: 'png', width: 480, margin: 2, errorCorrectionLevel: 'M' }))).toBe(true);
      const number = (await p.getByTestId('cards').innerText()).match(/行政执法证 (\d{12})/)![1];
      await e.screenshot('credentials-holder');

      // The public, on a phone, opens the URL the QR encodes.
      const phone = await e.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await phone.goto(verifyUrl);
      const result = phone.getByTestId('verify-result');
      await result.getByText('证件有效，可依法执法').waitFor();
      const shown = await result.innerText();
      expect(shown).toContain('聂执法');
      expect(shown).toContain(number);
      expect(shown).toContain('湖滨区市场监督管理局');
      expect(shown).toContain('食品安全监督检查');
      await phone.screenshot({ path: 'test-results/credentials-verify-phone.png', fullPage: true });

      // No training recorded this year: the annual review fails with the reason, and the card is suspended.
      await p.getByRole('button', { name: `${today().slice(0, 4)}年度年审` }).click();
      const review = p.getByTestId('review-result');
      await review.getByText('年审未通过').first().waitFor();
      expect(await review.innerText()).toContain(`${today().slice(0, 4)}年度培训0学时，不足规定的60学时（差60学时）`);
      await p.getByTestId('cards').getByText('暂扣').first().waitFor();
      await phone.reload();
      await phone.getByTestId('verify-result').getByText('证件暂扣，不得从事行政执法').waitFor();
      await phone.close();

      // The training ledger from xlsx: a file with a bad row is refused whole, each bad row listed.
      await p.goto(`${e.baseUrl}/credentials/training`);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('培训学时');
      ws.addRow(['证号', '姓名', '培训名称', '培训类别', '培训日期', '学时']);
      ws.addRow([number, '不是此人', '行政处罚法专题培训', '没有这个类别', '2026-13-01', -1]);
      await p.locator('input[type=file]').setInputFiles({ name: '培训学时.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
      const refused = p.getByTestId('import-errors');
      await refused.getByText(/整个文件未导入/).waitFor();
      const listed = await refused.innerText();
      expect(listed).toContain('第2行：');
      expect(listed).toContain('培训类别应为');
      expect(listed).toContain('培训日期应为YYYY-MM-DD');
    } catch (err) {
      await e.screenshot('credentials-failed').catch(() => undefined);
      throw err;
    }
  });
});
