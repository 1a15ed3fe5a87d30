// A network of validators in network namespaces of their own, and the faults scripts/chaos.sh
// throws at it: partitions, latency and loss, isolation.
//
// scripts/chaos.sh (as root) makes a control namespace with a bridge and runs the chaos tests in
// it; this module gives every node a namespace of its own, joined to that bridge by a veth pair,
// with an address of the script's own subnet. Nothing outside the script's namespaces is
// touched. Faults are rules in the nodes' namespaces, on peer-to-peer traffic only (the tests'
// RPC traffic from the control namespace passes untouched, so measurements see the network the
// nodes see):
//   - a partition drops every packet between two groups (iptables, both directions);
//   - latency holds every outgoing peer-to-peer packet for a fixed time (an NFQUEUE queue served
//     by scripts/chaos/nfq-delay.c: this machine's kernel has no netem qdisc), loss drops a share
//     of them (iptables' `statistic` match, the kernel's own random drop).

import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startNode, LOCAL_VALIDATORS, sleep } from './node.js';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the chaos tests through scripts/chaos.sh`);
  return v;
};

/** The control namespace the tests run in (scripts/chaos.sh made it). */
export const controlNs = () => env('ALLSPARK_CHAOS_NS');
/** The first three octets of the script's subnet; the control namespace is `.254`. */
const subnet = () => env('ALLSPARK_CHAOS_SUBNET');
const delayBinary = () => env('ALLSPARK_CHAOS_DELAY_BIN');
/** `short` in CI, `full` for the figures. */
export const chaosMode = () => process.env.ALLSPARK_CHAOS_MODE || 'short';

/** The port every node listens on for peers, in its own namespace. */
export const P2P_PORT = 30333;
const RPC_PORT = 9944;
const PROMETHEUS_PORT = 9615;
const DELAY_QUEUE = 0;

function ip(...args) {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}
function inNs(ns, ...cmd) {
  return execFileSync('ip', ['netns', 'exec', ns, ...cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
const iptables = (ns, ...args) => inNs(ns, 'iptables', '-w', ...args);

const made = [];
const delayers = new Map();
function removeAll() {
  for (const p of delayers.values()) {
    try { p.kill('SIGKILL'); } catch { /* gone */ }
  }
  for (const ns of made.splice(0)) {
    try { ip('netns', 'del', ns); } catch { /* gone */ }
  }
}
process.on('exit', removeAll);

/**
 * A namespace for node `name` (the `index`th: address `.index + 1`), joined to the control
 * namespace's bridge, with the chains the faults go in: CHAOS_PART (partitions, both directions)
 * and CHAOS_NET (latency and loss, outgoing peer-to-peer packets).
 */
export function makeNodeNamespace(name, index) {
  const ns = `${controlNs()}-${name}${index}`;
  const host = `${subnet()}.${index + 1}`;
  const hostSide = `vc${index}`;
  ip('netns', 'add', ns);
  made.push(ns);
  // The test runs in the control namespace: the veth's near end stays here, on the bridge.
  ip('link', 'add', hostSide, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
  ip('link', 'set', hostSide, 'master', 'br0', 'up');
  ip('-n', ns, 'addr', 'add', `${host}/24`, 'dev', 'eth0');
  ip('-n', ns, 'link', 'set', 'eth0', 'up');
  ip('-n', ns, 'link', 'set', 'lo', 'up');
  iptables(ns, '-N', 'CHAOS_PART');
  iptables(ns, '-A', 'INPUT', '-j', 'CHAOS_PART');
  iptables(ns, '-A', 'OUTPUT', '-j', 'CHAOS_PART');
  iptables(ns, '-N', 'CHAOS_NET');
  // Peer-to-peer packets only: to or from a peer port, never the control namespace's RPC calls.
  const control = `${subnet()}.254`;
  iptables(ns, '-A', 'OUTPUT', '!', '-d', control, '-p', 'tcp', '--dport', String(P2P_PORT), '-j', 'CHAOS_NET');
  iptables(ns, '-A', 'OUTPUT', '!', '-d', control, '-p', 'tcp', '--sport', String(P2P_PORT), '-j', 'CHAOS_NET');
  return { ns, host };
}

/** Start `chain`'s validator `key` in namespace `where` (from {@link makeNodeNamespace}). */
export function startNodeIn(where, o) {
  return startNode({
    ...o,
    netns: where.ns,
    host: where.host,
    rpcPort: RPC_PORT,
    p2pPort: P2P_PORT,
    prometheusPort: PROMETHEUS_PORT,
  });
}

/**
 * The four-validator `local` network, each validator in its namespace, Alice everyone's
 * bootnode. `first`: the first node's index (two networks on one bridge use different ones).
 * Resolves with `{ alice, bob, charlie, dave }`.
 */
export async function startChaosNetwork({ first = 0, extra = {} } = {}) {
  const nodes = {};
  for (const [i, v] of LOCAL_VALIDATORS.entries()) {
    const where = makeNodeNamespace(v, first + i);
    const bootnodes = nodes.alice ? [nodes.alice.multiaddr] : [];
    nodes[v] = await startNodeIn(where, { chain: 'local', key: v, bootnodes, ...extra[v] });
  }
  return nodes;
}

/** Drop every packet between the nodes of `a` and those of `b` (arrays of nodes), both ways. */
export function partition(a, b) {
  for (const [side, other] of [[a, b], [b, a]]) {
    for (const n of side) {
      for (const o of other) {
        iptables(n.ns, '-A', 'CHAOS_PART', '-s', o.host, '-j', 'DROP');
        iptables(n.ns, '-A', 'CHAOS_PART', '-d', o.host, '-j', 'DROP');
      }
    }
  }
}

/** Remove every partition rule of `nodes`. */
export function healPartitions(nodes) {
  for (const n of nodes) iptables(n.ns, '-F', 'CHAOS_PART');
}

/**
 * Every outgoing peer-to-peer packet of each of `nodes` held `delayMs` and a share `loss`
 * (0–1) of them dropped: each link's packets cross one sender's rules, so every link, each way,
 * gets `delayMs` of latency and `loss` of loss.
 */
export async function degrade(nodes, { delayMs, loss }) {
  for (const n of nodes) {
    if (loss > 0) {
      iptables(n.ns, '-A', 'CHAOS_NET', '-m', 'statistic', '--mode', 'random', '--probability', String(loss), '-j', 'DROP');
    }
    if (delayMs > 0) {
      const p = spawn('ip', ['netns', 'exec', n.ns, delayBinary(), String(DELAY_QUEUE), String(delayMs)],
        { stdio: ['ignore', 'ignore', 'inherit'] });
      delayers.set(n.ns, p);
      iptables(n.ns, '-A', 'CHAOS_NET', '-j', 'NFQUEUE', '--queue-num', String(DELAY_QUEUE), '--queue-bypass');
    }
  }
  // The delayers bind their queues as they start; a packet queued before passes (bypass).
  await sleep(500);
}

/** Undo {@link degrade}: no latency, no loss. */
export async function restoreNetwork(nodes) {
  for (const n of nodes) {
    iptables(n.ns, '-F', 'CHAOS_NET');
    const p = delayers.get(n.ns);
    if (p) {
      delayers.delete(n.ns);
      p.kill('SIGTERM');
      await new Promise((r) => p.on('exit', r));
    }
  }
}

/** How many packets a node's CHAOS_NET rules dropped and delayed so far: `{ dropped, queued }`. */
export function netCounters(n) {
  const out = iptables(n.ns, '-L', 'CHAOS_NET', '-v', '-n', '-x');
  const counters = { dropped: 0, queued: 0 };
  for (const line of out.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[2] === 'DROP') counters.dropped += Number(f[0]);
    if (f[2] === 'NFQUEUE') counters.queued += Number(f[0]);
  }
  return counters;
}

/** The resident memory of a node's process, in MiB (its /proc status). */
export function rssMiB(n) {
  const status = readFileSync(`/proc/${n.proc.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  return kb / 1024;
}

/** The `q` quantile (0–1) of `xs` (nearest rank). */
export function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/**
 * Follow `api`'s node: when each block number first became its best, and when it was first
 * finalized. `lags(from, to)` are the finality lags (ms) of the blocks imported in that window.
 */
export async function trackFinality(api) {
  const seen = new Map(); // number -> { best, final }
  let finalizedUpTo = 0;
  const unsubBest = await api.rpc.chain.subscribeNewHeads((h) => {
    const n = h.number.toNumber();
    if (!seen.has(n)) seen.set(n, { best: Date.now(), final: null });
  });
  const unsubFinal = await api.rpc.chain.subscribeFinalizedHeads((h) => {
    const n = h.number.toNumber();
    const now = Date.now();
    for (let k = finalizedUpTo + 1; k <= n; k++) {
      const s = seen.get(k);
      if (s && s.final === null) s.final = now;
    }
    finalizedUpTo = Math.max(finalizedUpTo, n);
  });
  return {
    lags(fromMs = 0, toMs = Infinity) {
      return [...seen.values()]
        .filter((s) => s.best >= fromMs && s.best <= toMs && s.final !== null)
        .map((s) => s.final - s.best);
    },
    stop() { unsubBest(); unsubFinal(); },
  };
}
