/** README's settings table is generated; CI fails when someone adds or changes a setting without regenerating it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDomains } from '../../src/app/server/domains';
import { envExample, settingsTable, withSettingsTable } from '../../src/app/server/settings-doc';
import { parseDomainConfigs } from '../../src/core/server/kernel';
import { EnvSchema } from '../../src/core/server/config';

describe('settings', () => {
  it('README lists every setting as the schemas declare it (run `npm run docs:settings` after changing one)', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const domains = await loadDomains();
    expect(withSettingsTable(readme, settingsTable(domains))).toBe(readme);
    // Every declared variable is in the table, each with a description.
    const names = [...Object.keys(EnvSchema.shape), ...domains.flatMap((d) => Object.keys(d.config?.shape ?? {}))];
    for (const n of names) expect(readme).toContain(`| \`${n}\` |`);
    expect(settingsTable(domains).split('\n').filter((l) => /\|\s*\|$/.test(l))).toEqual([]);
  });

  it('.env.example lists every setting and makes production set its secret (run `npm run docs:settings`)', async () => {
    const domains = await loadDomains();
    const example = readFileSync('.env.example', 'utf8');
    expect(envExample(domains)).toBe(example);
    const names = [...Object.keys(EnvSchema.shape), ...domains.flatMap((d) => Object.keys(d.config?.shape ?? {}))];
    for (const n of names) expect(example).toMatch(new RegExp(`^#? ?${n}=`, 'm'));
    // Copied unedited it does not start: APP_SECRET is empty, and empty is refused (min 16, 32 in production).
    expect(example).toMatch(/^APP_SECRET=$/m);
  });

  it('stops the boot with every bad domain setting named, in one message', async () => {
    const domains = await loadDomains();
    expect(() => parseDomainConfigs({ HOTLINE_WORKDAYS: '0', UPLOAD_MAX_MB: 'lots' }, domains)).toThrow(/配置错误 \(environment\):\n {2}UPLOAD_MAX_MB: .*（applications）\n {2}HOTLINE_WORKDAYS: .*（hotline）/);
    const ok = parseDomainConfigs({ HOTLINE_WORKDAYS: '3' }, domains);
    expect(ok.hotline).toMatchObject({ HOTLINE_WORKDAYS: 3, HOTLINE_CONSULT_WORKDAYS: 1 });
    expect(ok.applications).toMatchObject({ UPLOAD_MAX_MB: 20, DEMO_APPLICATIONS: 120_000 });
  });
});
