// SIGTERM while 40 requests are in hand: every one must be answered (none reset) and the server must
// exit 0. Usage: node deploy/drain-check.mjs <port> <server pid>. Used by deploy/smoke.sh.
const [port, pid] = process.argv.slice(2).map(Number);
const N = 40;
let signalled = false;
const answers = await Promise.all([
  ...Array.from({ length: N }, (_, i) => fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `nobody${i}`, password: 'Wrong@pass1' }),
  }).then((r) => ({ status: r.status, after: signalled }), (e) => ({ status: 0, after: signalled, error: String(e.cause?.message ?? e.message) }))),
  new Promise((r) => setTimeout(r, 150)).then(() => { signalled = true; process.kill(pid, 'SIGTERM'); return null; }),
]);
const got = answers.filter(Boolean);
const reset = got.filter((a) => a.status === 0);
const after = got.filter((a) => a.after).length;
process.stdout.write(`drain: ${got.length - reset.length}/${N} answered (${after} after SIGTERM), ${reset.length} reset\n`);
if (reset.length || got.some((a) => a.status !== 401)) { console.error(got); process.exit(1); }
