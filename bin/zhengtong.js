#!/usr/bin/env node
// `npx zhengtong …` from a source checkout: TypeScript loaded through tsx in THIS process (no child
// process), so SIGTERM and SIGINT reach the server itself and it drains before exiting. Production runs
// the compiled bundle instead: `node dist/server/app/cli/main.js` (see `npm run build`).
import { register } from 'tsx/esm/api';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// A source checkout's web app is rebuilt before serving when its sources changed (no-op when fresh).
if (process.argv[2] === 'serve') {
  const { ensureWeb } = await import('../scripts/ensure-web.mjs');
  const status = ensureWeb();
  if (status !== 0) process.exit(status);
}
register();
await import(pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'app', 'cli', 'main.ts')).href);
