/**
 * 常住人口 import from xlsx (the statistics bureau's or 公安's table, one row per division and date). Every
 * row is checked before anything is written; one bad row refuses the whole file with a row-by-row report
 * (nothing half-imported), as the question-bank and training-hours imports do.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit, can, readFirstSheet, requirePermission, sheetTemplate, siteDivisionCode, type Actor, type ImportRowError, type Kernel, type Tx } from '../../../core/server';
import { AppError } from '../../../core/shared/errors';
import * as repo from './mediation.repository';

export const POPULATION_COLUMNS = ['区划代码', '区划名称', '统计日期', '常住人口', '数据来源'] as const;
const REQUIRED = ['区划代码', '统计日期', '常住人口', '数据来源'] as const;
const MAX_ROWS = 2000;

/** The template: header row and two example rows (a township and one of its villages). */
export async function populationTemplate(kernel: Kernel): Promise<Buffer> {
  const county = siteDivisionCode(kernel);
  const lastYearEnd = `${Number(kernel.today().slice(0, 4)) - 1}-12-31`;
  return sheetTemplate('常住人口', POPULATION_COLUMNS, [
    [`${county}001`, '（乡镇、街道名称）', lastYearEnd, 25000, '区统计局年报'],
    [`${county}001001`, '（村、社区名称）', lastYearEnd, 2300, '区统计局年报'],
  ], 20);
}

export async function importPopulations(tx: Tx, kernel: Kernel, actor: Actor, buf: Buffer) {
  requirePermission(actor, 'mediation.population');
  const raw = await readFirstSheet(buf, { what: '常住人口表', columns: POPULATION_COLUMNS, required: REQUIRED, maxRows: MAX_ROWS });

  // One read of the county's divisions and of the pairs already held, whatever the file's size.
  const county = new Map((await repo.divisionsUnder(tx, siteDivisionCode(kernel))).map((d) => [d.code, d]));
  const held = await repo.populationsHeld(tx, [...new Set(raw.map((r) => r.get('区划代码')))]);
  const today = kernel.today();
  const errors: ImportRowError[] = [];
  const rows: Parameters<typeof repo.insertPopulationsStrict>[1] = [];
  const seen = new Map<string, number>();
  for (const r of raw) {
    const messages: string[] = [];
    const code = r.get('区划代码');
    const d = county.get(code);
    if (!/^\d{6}(\d{3}){0,2}$/.test(code)) messages.push(`区划代码应为6、9或12位数字，实际为“${code}”`);
    else if (!d) messages.push(`区划${code}不在本区`);
    else if (!can(actor, 'mediation.population', { orgId: '', divisionCode: code, applicantId: null })) messages.push(`您无权登记${d.name}的人口`);
    else if (r.get('区划名称') && r.get('区划名称') !== d.name) messages.push(`区划名称“${r.get('区划名称')}”与区划代码${code}（${d.name}）不一致`);
    const asOf = r.get('统计日期');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) messages.push(`统计日期应为YYYY-MM-DD，实际为“${asOf}”`);
    else if (asOf > today) messages.push('统计日期不能晚于今天');
    const popText = r.get('常住人口').replace(/,/g, '');
    const population = Number(popText);
    if (!/^\d+$/.test(popText) || !(population >= 1 && population <= 50_000_000)) messages.push(`常住人口应为1至50000000之间的整数，实际为“${r.get('常住人口')}”`);
    const source = r.get('数据来源');
    if (source.length < 2 || source.length > 100) messages.push('数据来源应为2–100个字');
    const key = `${code}|${asOf}`;
    const dup = seen.get(key);
    if (dup) messages.push(`与第${dup}行重复（同一区划、同一统计日期）`);
    else seen.set(key, r.n);
    if (held.has(key)) messages.push(`${d?.name ?? code}${asOf}的常住人口已登记`);
    if (messages.length) { errors.push({ row: r.n, messages }); continue; }
    rows.push({ id: randomUUID(), divisionCode: code, asOf, population, source, createdBy: actor.id, createdAt: kernel.now() });
  }
  if (errors.length) throw new AppError('VALIDATION', `导入文件有${errors.length}行存在错误，未导入任何人口数据，请修改后重新导入`, { rows: errors });
  await repo.insertPopulationsStrict(tx, rows);
  await appendAudit(tx, actor, { stream: `mediation:population:${siteDivisionCode(kernel)}`, action: 'mediation.population.import', entityType: 'populationImport', entityId: randomUUID(), detail: { rows: rows.length } }, kernel.now());
  return { imported: rows.length };
}
