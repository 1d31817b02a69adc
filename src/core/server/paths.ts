/**
 * Where the installation's files are, whether the server runs from TypeScript sources (tsx, tests) or
 * from the compiled bundle in dist/server (production). Bundled code cannot use its own
 * import.meta.dirname to find siblings — a chunk lives at dist/server/chunk-*.js — so every path is
 * taken from the project root, the nearest directory up with zhengtong's package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'zhengtong') return dir;
    if (dirname(dir) === dir) throw new Error(`zhengtong's package.json not found above ${start}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);
/** True when this code is the compiled bundle (npm run build), false under tsx/vitest. */
export const COMPILED = import.meta.url.endsWith('.js');
/** The domains' server entry points: src/domains/<name>/server/index.ts, or their compiled twins. */
export const DOMAINS_DIR = COMPILED ? join(PROJECT_ROOT, 'dist', 'server', 'domains') : join(PROJECT_ROOT, 'src', 'domains');
export const DOMAIN_ENTRY = COMPILED ? join('server', 'index.js') : join('server', 'index.ts');
export const WEB_DIST = join(PROJECT_ROOT, 'dist', 'web');
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'db', 'migrations');
