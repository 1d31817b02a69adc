/**
 * Compiles the server once for production: the CLI and every domain's server entry into dist/server,
 * as ES modules with shared chunks (one copy of the kernel for all domains), npm packages left as
 * imports. The domain loader finds dist/server/domains/<name>/server/index.js the way it finds the
 * sources under tsx, so adding a domain still edits nothing here.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outdir = join(root, 'dist', 'server');
const domains = readdirSync(join(root, 'src', 'domains'))
  .map((d) => join('src', 'domains', d, 'server', 'index.ts'))
  .filter((f) => existsSync(join(root, f)));

rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/app/cli/main.ts', ...domains],
  outdir, outbase: 'src',
  bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
  packages: 'external', sourcemap: true, metafile: true, logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
process.stdout.write(`dist/server: ${domains.length} domains + CLI, ${(bytes / 1024 / 1024).toFixed(1)} MB with source maps, ${Math.round(performance.now() - started)} ms\n`);
