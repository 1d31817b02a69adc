/** Regenerates README.md's settings table and .env.example from the schemas: `npm run docs:settings` (tsx). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDomains } from '../src/app/server/domains';
import { envExample, settingsTable, withSettingsTable } from '../src/app/server/settings-doc';

const path = resolve(import.meta.dirname, '../README.md');
const before = readFileSync(path, 'utf8');
const domains = await loadDomains();
const after = withSettingsTable(before, settingsTable(domains));
if (after !== before) writeFileSync(path, after);
process.stdout.write(after !== before ? 'README.md: settings table updated\n' : 'README.md: settings table already up to date\n');
const envPath = resolve(import.meta.dirname, '../.env.example');
const env = envExample(domains);
if (!existsSync(envPath) || readFileSync(envPath, 'utf8') !== env) { writeFileSync(envPath, env); process.stdout.write('.env.example updated\n'); }
