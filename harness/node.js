// Start and stop real `allspark-node` processes for the end-to-end tests.
//
// Every node gets free loopback ports and its own temporary base path. Tests wait on RPC answers,
// never on fixed sleeps, and every process started here is killed when the test process exits,
// pass or fail.

import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import {
  chmodSync, mkdtempSync, mkdirSync, rmSync, existsSync, createWriteStream, readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';

const REPO = resolve(new URL('..', import.meta.url).pathname);

/** The node binary: $ALLSPARK_NODE, or the debug build in $CARGO_TARGET_DIR. */
export function nodeBinary() {
  if (process.env.ALLSPARK_NODE) return process.env.ALLSPARK_NODE;
  const target = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'allspark-target');
  for (const p of [join(target, 'debug', 'allspark-node'), join(REPO, 'target', 'debug', 'allspark-node')]) {
    if (existsSync(p)) return p;
  }
  throw new Error('allspark-node binary not found: build it (scripts/test.sh does) or set ALLSPARK_NODE');
}

// Ports for nodes, databases and servers come from below the kernel's ephemeral range
// (ip_local_port_range, 32768-60999 by default), which every outgoing connection of every running
// node takes its local port from: a port handed out from inside that range could be taken by a
// connection in the seconds (minutes, on a loaded machine) before its node binds it, and the node
// would then serve RPC on a random port instead (substrate's fallback), or fail to listen. The
// suites run in several processes at once: a port is reserved across them by a file named after
// it in $TMPDIR/allspark-ports (holding the owner's pid, taken over when that process is gone)
// until the process that reserved it exits.
const PORTS_DIR = join(tmpdir(), 'allspark-ports');
const reservedPorts = new Set();

function ephemeralStart() {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Reserve `port` for this process across the test processes; false if another one holds it.
 * The directory is everyone's (sticky, as /tmp): the chaos tests run as root beside suites that
 * may not. Where it cannot be used at all, ports are only checked, not reserved.
 */
function reservePort(port) {
  const file = join(PORTS_DIR, String(port));
  const claim = () => {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return true;
    } catch (e) {
      if (e.code === 'EEXIST') return false;
      throw e;
    }
  };
  try {
    if (!existsSync(PORTS_DIR)) {
      mkdirSync(PORTS_DIR, { recursive: true });
      chmodSync(PORTS_DIR, 0o1777);
    }
    if (!claim()) {
      let owner = 0;
      try { owner = Number(readFileSync(file, 'utf8')); } catch { /* removed meanwhile */ }
      if (owner && processAlive(owner)) return false;
      rmSync(file, { force: true });
      if (!claim()) return false;
    }
  } catch {
    return true;
  }
  reservedPorts.add(file);
  return true;
}

/** Whether nothing listens on `port` (on any address, IPv4 or IPv6) right now. */
function bindable(port) {
  return new Promise((res) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', () => res(false));
    srv.listen(port, () => srv.close(() => res(true)));
  });
}

/**
 * A TCP port nobody listens on right now, below the ephemeral range and reserved for this process
 * (see above) until it exits.
 */
export async function freePort() {
  const top = ephemeralStart();
  const bottom = Math.max(1024, top - 12_000);
  for (let attempt = 0; attempt < 200 && top - bottom > 1000; attempt += 1) {
    const port = bottom + Math.floor(Math.random() * (top - bottom));
    if (reservedPorts.has(join(PORTS_DIR, String(port)))) continue;
    if (!reservePort(port)) continue;
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port found in ${bottom}-${top - 1}`);
}

const live = new Set();
const tmpDirs = new Set();
function killAll() {
  for (const n of live) {
    try { n.proc.kill('SIGKILL'); } catch { /* already gone */ }
  }
  for (const d of tmpDirs) {
    try { rmSync(d, { recursive: true, force: true }); } catch { /* best effort */ }
  }
  for (const f of reservedPorts) {
    try { rmSync(f, { force: true }); } catch { /* best effort */ }
  }
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => { killAll(); process.exit(130); });
}

/** A fresh temporary directory, removed when the test process exits. */
export function tempDir(prefix = 'allspark-e2e-') {
  const d = mkdtempSync(join(tmpdir(), prefix));
  tmpDirs.add(d);
  return d;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll `fn` until it returns a truthy value; throw with `what` after `timeoutMs`. */
export async function waitFor(what, fn, timeoutMs = 120_000, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      if (e.fatal) throw e;
      lastErr = e;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? `: ${lastErr.message}` : ''}`);
}

/**
 * JSON-RPC over HTTP to a node: `where` is its RPC port on loopback, or a node (its `rpcAddr`,
 * which names a node in a network namespace too, else its `rpcPort` on loopback). A call that gets
 * no answer in `timeoutMs` fails (Node's fetch would otherwise wait forever on a socket that was
 * closed without an answer).
 */
export async function rpc(where, method, params = [], timeoutMs = 120_000) {
  const addr = typeof where !== 'object' ? `127.0.0.1:${where}` : where.rpcAddr ?? `127.0.0.1:${where.rpcPort}`;
  const res = await fetch(`http://${addr}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await res.json();
  if (body.error) {
    const err = new Error(`${method}: ${body.error.message}${body.error.data ? ` (${JSON.stringify(body.error.data)})` : ''}`);
    err.rpc = body.error;
    throw err;
  }
  return body.result;
}

/**
 * Start a node.
 * @param {object} o
 * @param {string} o.chain  `dev`, `local` or a chain spec path
 * @param {string} [o.key]  dev key to author/vote with (`alice`, `bob`, ...); omit for a plain full node
 * @param {string} [o.basePath] reuse a base path (restart from its database)
 * @param {string} [o.nodeKey] hex libp2p key; one is generated for validators when omitted
 * @param {string[]} [o.bootnodes]
 * @param {string[]} [o.extraArgs]
 * @param {string[]} [o.exactArgs] run with exactly these arguments (they must use `o.basePath`,
 *   `o.rpcPort` and `o.p2pPort`); nothing is added
 * @param {string} [o.name] the node's name in messages
 * @param {string} [o.netns] run the node in this network namespace (`ip netns exec`; the caller
 *   is root and made the namespace), listening on `o.host` for RPC, peers and metrics
 * @param {string} [o.host] the node's address in its namespace (with `o.netns`)
 */
export async function startNode(o) {
  const basePath = o.basePath || tempDir();
  const rpcPort = o.rpcPort || await freePort();
  const p2pPort = o.p2pPort || await freePort();
  const promPort = o.prometheusPort || await freePort();
  const nodeKey = o.nodeKey || randomBytes(32).toString('hex');
  const host = o.host || '127.0.0.1';
  const args = [
    '--chain', o.chain,
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/${host}/tcp/${p2pPort}`,
    '--prometheus-port', String(promPort),
    '--rpc-cors', 'all',
    '--no-telemetry',
    '--no-mdns',
    '--node-key', nodeKey,
    '--state-pruning', 'archive',
  ];
  // In its own namespace the node is reached from the test's namespace: RPC and metrics listen
  // on every interface of that namespace, which is only its own address and loopback.
  if (o.netns) args.push('--unsafe-rpc-external', '--rpc-methods', 'unsafe', '--prometheus-external');
  if (o.key) args.push(`--${o.key}`, '--validator');
  if (o.chain === 'dev' && o.key) args.push('--force-authoring');
  for (const b of o.bootnodes || []) args.push('--bootnodes', b);
  args.push(...(o.extraArgs || []));
  if (o.exactArgs) args.splice(0, args.length, ...o.exactArgs);

  const logPath = join(basePath, `node-${Date.now()}.log`);
  const log = createWriteStream(logPath);
  // `ip netns exec` enters the namespace and execs the node: the process is the node's own.
  const proc = o.netns
    ? spawn('ip', ['netns', 'exec', o.netns, nodeBinary(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(nodeBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout.pipe(log);
  proc.stderr.pipe(log);
  const node = {
    name: o.name || o.key || 'full',
    proc, basePath, rpcPort, p2pPort, promPort, nodeKey, logPath, args: o, host, ns: o.netns,
    rpcAddr: `${host}:${rpcPort}`,
    exited: new Promise((r) => proc.on('exit', (code, signal) => { live.delete(node); r({ code, signal }); })),
    ws: `ws://${host}:${rpcPort}`,
  };
  live.add(node);
  // A debug node builds its genesis state in the runtime before it serves RPC: seconds on an idle
  // machine, minutes on a loaded one (2.5 were seen beside the chaos tests and three other suites).
  let rpcPortKnown = false;
  try {
    await waitFor(`${node.name} RPC on ${rpcPort}`, async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) {
        const err = new Error(`${node.name} exited (${proc.exitCode ?? proc.signalCode}): ${tail(logPath)}`);
        err.fatal = true;
        throw err;
      }
      rpcPortKnown ||= adoptRpcPort(node);
      return (await rpc(node, 'system_health', [], 10_000)) !== undefined;
    }, 300_000, 300);
  } catch (e) {
    // The caller never gets the node to stop: stop it here, or the test process cannot exit.
    proc.kill('SIGKILL');
    if (e.fatal) throw e;
    throw new Error(`${e.message}; its log ends:\n${tail(logPath)}`);
  }
  node.peerId = await rpc(node, 'system_localPeerId');
  node.multiaddr = `/ip4/${host}/tcp/${p2pPort}/p2p/${node.peerId}`;
  return node;
}

/**
 * Where the node really serves RPC: substrate binds a random port, and only says so in its log
 * (`Running JSON-RPC server: addr=127.0.0.1:PORT,...`), when the one it was given is taken. A port
 * taken anyway (by a process outside the harness) moves the node, which is then still reached.
 * Returns whether the log has said where yet.
 */
function adoptRpcPort(node) {
  let log = '';
  try { log = readFileSync(node.logPath, 'utf8'); } catch { return false; }
  const m = log.match(/Running JSON-RPC server: addr=(?:\[[^\]]*\]|[^:,\s]+):(\d+)/);
  if (!m) return false;
  const port = Number(m[1]);
  if (port === node.rpcPort) return true;
  process.stderr.write(`${node.name}: RPC port ${node.rpcPort} was taken; the node serves on ${port}\n`);
  node.rpcPort = port;
  node.rpcAddr = `${node.host}:${port}`;
  node.ws = `ws://${node.host}:${port}`;
  return true;
}

/** A node's Prometheus page, in the text exposition format. */
export async function metricsText(node) {
  const res = await fetch(`http://${node.host}:${node.promPort}/metrics`, { signal: AbortSignal.timeout(60_000) });
  return res.text();
}

function tail(path, lines = 15) {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Stop a node with `signal` and wait for it to exit; returns `{ code, signal }`. */
export async function stopNode(node, signal = 'SIGINT', timeoutMs = 90_000) {
  if (node.proc.exitCode !== null || node.proc.signalCode !== null) return node.exited;
  node.proc.kill(signal);
  const t = setTimeout(() => node.proc.kill('SIGKILL'), timeoutMs);
  const res = await node.exited;
  clearTimeout(t);
  return res;
}

/** Restart a stopped node on the same ports, keys and database. */
export function restartNode(node) {
  return startNode({
    ...node.args,
    basePath: node.basePath,
    rpcPort: node.rpcPort,
    p2pPort: node.p2pPort,
    prometheusPort: node.promPort,
    nodeKey: node.nodeKey,
  });
}

/** An `ApiPromise` connected to a node. */
export async function connect(node) {
  const provider = new WsProvider(node.ws, 1000);
  const api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
  return api;
}

/** A well-known dev account's key pair (`devAccount('Alice')` is `//Alice`), for callers outside e2e/. */
export function devAccount(name) {
  return new Keyring({ type: 'sr25519' }).addFromUri(`//${name}`);
}

export async function bestNumber(node) {
  const h = await rpc(node, 'chain_getHeader');
  return parseInt(h.number, 16);
}

export async function finalizedNumber(node) {
  const hash = await rpc(node, 'chain_getFinalizedHead');
  const h = await rpc(node, 'chain_getHeader', [hash]);
  return parseInt(h.number, 16);
}

/** Run the node binary with `args` (a subcommand) and return its stdout. */
export function runNodeCommand(args) {
  return execFileSync(nodeBinary(), args, {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024,
  });
}

/** The validators of the `local` chain spec. */
export const LOCAL_VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];

/** Start the four-validator `local` network, Alice first as everyone's bootnode. */
export async function startLocalNetwork() {
  const nodes = { alice: await startNode({ chain: 'local', key: 'alice' }) };
  for (const v of LOCAL_VALIDATORS.slice(1)) {
    nodes[v] = await startNode({ chain: 'local', key: v, bootnodes: [nodes.alice.multiaddr] });
  }
  return nodes;
}

/** The nodes of `nodes` (an object of nodes) whose process is still running. */
export function runningNodes(nodes) {
  return Object.values(nodes).filter((n) => n.proc.exitCode === null && n.proc.signalCode === null);
}

/** The lowest finalized block number among `ns`. */
export async function minFinalized(ns) {
  return Math.min(...await Promise.all(ns.map(finalizedNumber)));
}
