/** Regenerates README.md's settings table from the schemas: `npm run docs:settings` (tsx). */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDomains } from '../src/app/server/domains';
import { settingsTable, withSettingsTable } from '../src/app/server/settings-doc';

const path = resolve(import.meta.dirname, '../README.md');
const before = readFileSync(path, 'utf8');
const after = withSettingsTable(before, settingsTable(await loadDomains()));
if (after !== before) writeFileSync(path, after);
process.stdout.write(after !== before ? 'README.md: settings table updated\n' : 'README.md: settings table already up to date\n');
