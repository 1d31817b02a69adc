#!/usr/bin/env node
// Builds the web app only when dist/web is missing or older than a source the bundle can contain, so
// `npm start` on a built checkout serves within seconds and after `git pull` still serves fresh pages.
// bin/zhengtong.js calls it before `serve`; it runs as `prepare` too: `npm ci` on a fresh clone leaves a built web app behind.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(import.meta.dirname, '..');
const built = join(root, 'dist', 'web', 'index.html');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'server') t = Math.max(t, newest(p)); }
    else if (!/\.test\.tsx?$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** 0 when the web app is fresh or was rebuilt; the build's exit status otherwise. */
export function ensureWeb() {
  if (!existsSync(vite)) return 0; // an install without dev tools (production image): nothing to build with
  const sources = Math.max(newest(join(root, 'src')), ...['vite.config.ts', 'package-lock.json'].map((f) => statSync(join(root, f)).mtimeMs));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return 0;
  process.stdout.write(existsSync(built) ? '网页源码有更新，正在重新构建……\n' : '正在构建网页（仅首次，约一分钟）……\n');
  return spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' }).status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(ensureWeb());
