// The AllSpark indexer (indexer/, built by `npm run build` there) for tests and scripts: its
// migrations applied to a PostgreSQL database, the processor reading a node, and the GraphQL
// server, each a child process with its log in a temporary directory.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, tempDir, waitFor } from './node.js';

export const INDEXER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'indexer');
const bin = (name) => join(INDEXER_DIR, 'node_modules', '.bin', name);

function requireBuilt() {
  if (!existsSync(join(INDEXER_DIR, 'lib', 'main.js'))) {
    throw new Error('the indexer is not built: cd indexer && npm ci && npm run build');
  }
}

/** Apply the indexer's migrations to the database of `pg` (harness/postgres.js). */
export function migrate(pg) {
  requireBuilt();
  const r = spawnSync(bin('squid-typeorm-migration'), ['apply'],
    { cwd: INDEXER_DIR, env: { ...process.env, ...pg.env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`migrations failed: ${r.stdout}\n${r.stderr}`);
}

function run(name, cmd, args, env, dir) {
  const logPath = join(dir, `${name}-${Date.now()}.log`);
  const log = createWriteStream(logPath);
  const proc = spawn(cmd, args, { cwd: INDEXER_DIR, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout.pipe(log);
  proc.stderr.pipe(log);
  process.on('exit', () => proc.kill('SIGKILL'));
  const exited = new Promise((r) => proc.on('exit', (code, signal) => r({ code, signal })));
  return { proc, logPath, exited, log: () => readFileSync(logPath, 'utf8') };
}

/**
 * Start the processor against `rpc` (a node's ws:// address) and the GraphQL server, on a fresh
 * database of `pg`. Returns `{ url, query, height, stopProcessor, startProcessor, stop }`.
 */
export async function startIndexer({ pg, rpc, env = {} }) {
  migrate(pg);
  const dir = tempDir('allspark-indexer-');
  const gqlPort = await freePort();
  const promPort = await freePort();
  const base = { ...pg.env, ALLSPARK_RPC: rpc, PROMETHEUS_PORT: String(promPort), ...env };
  const indexer = {
    url: `http://127.0.0.1:${gqlPort}/graphql`,
    processor: null,
    server: run('graphql', bin('squid-graphql-server'), [], { ...base, GQL_PORT: String(gqlPort) }, dir),
    /** Run a GraphQL query; throws on errors. */
    async query(query, variables = {}) {
      const res = await fetch(indexer.url, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
        // An answer, or an error: Node's fetch waits forever on a socket closed without one.
        signal: AbortSignal.timeout(120_000),
      });
      const body = await res.json();
      if (body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    /** The last block the processor has written (finalized or not). */
    async height() {
      return (await indexer.query('{ squidStatus { height } }')).squidStatus.height ?? -1;
    },
    /** Wait until the processor has indexed block `n`. */
    async reach(n, timeoutMs = 300_000) {
      await waitFor(`indexer at #${n}`, async () => {
        if (indexer.processor?.proc.exitCode != null) throw new Error(`the processor exited: ${indexer.processor.log()}`);
        return (await indexer.height()) >= n;
      }, timeoutMs, 500);
    },
    startProcessor() {
      indexer.processor = run('processor', process.execPath, ['lib/main.js'], base, dir);
      return indexer.processor;
    },
    async stopProcessor(signal = 'SIGTERM') {
      const p = indexer.processor;
      if (!p || p.proc.exitCode !== null) return;
      p.proc.kill(signal);
      await p.exited;
    },
    async stop() {
      await indexer.stopProcessor();
      indexer.server.proc.kill('SIGTERM');
      await indexer.server.exited;
    },
  };
  indexer.startProcessor();
  await waitFor('the GraphQL server', async () => {
    if (indexer.server.proc.exitCode !== null) throw new Error(`the GraphQL server exited: ${indexer.server.log()}`);
    try {
      return (await indexer.height()) !== undefined;
    } catch {
      return false;
    }
  }, 120_000, 300);
  return indexer;
}
