// A PostgreSQL cluster of a test's own: Debian's server binaries (scripts/setup.sh installs the
// `postgresql` package), a fresh data directory in a temporary directory, a free loopback port,
// trust authentication for the `postgres` user. As root the server runs as the `postgres` system
// user (PostgreSQL refuses to run as root).
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, tempDir, waitFor } from './node.js';

/** The directory of Debian's PostgreSQL server binaries (the newest installed major version). */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => b - a)
    : [];
  if (!versions.length) throw new Error('PostgreSQL server binaries not found: run scripts/setup.sh');
  return join(root, versions[0], 'bin');
}

function asUser() {
  if (process.getuid() !== 0) return {};
  const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gr = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (pw.status !== 0) throw new Error('running as root needs the postgres system user (package postgresql)');
  return { uid: Number(pw.stdout), gid: Number(gr.stdout) };
}

/**
 * Start a cluster; returns `{ port, env, url, psql(sql), stop() }`. `env` holds the DB_* variables
 * Subsquid's tools read; `psql` runs a query and returns its rows as arrays of strings.
 */
export async function startPostgres() {
  const bin = postgresBin();
  const dir = tempDir('allspark-pg-');
  const user = asUser();
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
    { ...user, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const proc = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir,
    '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
  { ...user, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr.on('data', (d) => { log += d; });
  process.on('exit', () => proc.kill('SIGKILL'));
  const env = { DB_HOST: '127.0.0.1', DB_PORT: String(port), DB_USER: 'postgres', DB_PASS: 'postgres', DB_NAME: 'postgres' };
  const psql = (sql) => {
    const r = spawnSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres',
      '-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
    return r.stdout.split('\n').filter((l) => l.length > 0).map((l) => l.split('\t'));
  };
  await waitFor(`PostgreSQL on ${port}`, () => {
    if (proc.exitCode !== null) throw new Error(`postgres exited: ${log}`);
    try {
      return psql('select 1')[0][0] === '1';
    } catch {
      return false;
    }
  }, 60_000, 200);
  return {
    port, env, dir, psql,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    log: () => log + (existsSync(join(data, 'log')) ? readFileSync(join(data, 'log'), 'utf8') : ''),
    stop: () => new Promise((r) => {
      if (proc.exitCode !== null) return r();
      proc.on('exit', r);
      proc.kill('SIGINT');
    }),
  };
}
