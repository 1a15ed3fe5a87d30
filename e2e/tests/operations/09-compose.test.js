// docker/docker-compose.yml is checked, not just written: every service's node command line runs
// against the built binary (temporary base paths, free loopback ports, the bootnode address
// pointed at the local Alice) until the network imports and finalizes blocks; the exposure rules
// (only the RPC node listens outside, with safe methods) are asserted; and `docker-compose config`
// validates the file where Debian's docker-compose is installed.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import YAML from 'yaml';
import {
  startNode, stopNode, freePort, tempDir, waitFor, rpc, bestNumber, finalizedNumber, metricsText,
} from 'allspark-harness/node.js';

const COMPOSE = resolve(new URL('../../../docker/docker-compose.yml', import.meta.url).pathname);
const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];

const which = (cmd) => {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};

describe('docker compose network', () => {
  const compose = YAML.parse(readFileSync(COMPOSE, 'utf8'), { merge: true });
  const nodes = {};

  after(async () => {
    await Promise.all(Object.values(nodes).map((n) => stopNode(n, 'SIGKILL')));
  });

  const nodeServices = Object.fromEntries(Object.entries(compose.services)
    .filter(([, svc]) => svc.image === 'allspark/node:latest'));

  it('declares four validators and one public RPC node, and only the RPC node listens outside', () => {
    assert.deepEqual(Object.keys(nodeServices).sort(), [...VALIDATORS, 'rpc'].sort());
    for (const [name, svc] of Object.entries(nodeServices)) {
      assert.ok(svc.image, `${name} has an image`);
      assert.ok(svc.volumes.some((v) => v.endsWith(':/data')), `${name} keeps its data in a volume`);
      assert.ok(svc.command.includes('--base-path=/data'), `${name} stores in /data`);
      assert.ok(!svc.command.includes('--unsafe-rpc-external'), `${name} never exposes unsafe RPC`);
    }
    for (const v of VALIDATORS) {
      const svc = compose.services[v];
      assert.ok(svc.command.includes('--validator'), `${v} validates`);
      assert.ok(svc.command.includes(`--${v}`), `${v} uses its dev keys`);
      assert.equal(svc.ports, undefined, `${v} publishes no port`);
      assert.ok(!svc.command.includes('--rpc-external'), `${v} keeps RPC local`);
    }
    const rpcSvc = compose.services.rpc;
    assert.deepEqual(rpcSvc.ports, ['9944:9944']);
    for (const flag of ['--rpc-external', '--rpc-methods=safe', '--rpc-cors=all']) {
      assert.ok(rpcSvc.command.includes(flag), `the rpc node has ${flag}`);
    }
    assert.ok(!rpcSvc.command.includes('--validator'));
    // The indexer reads the RPC node, which keeps the finalized chain's state.
    assert.ok(rpcSvc.command.includes('--state-pruning=archive-canonical'));
  });

  it('declares the indexer: PostgreSQL, the processor reading the RPC node, GraphQL on 4350', () => {
    assert.deepEqual(Object.keys(compose.services).filter((n) => !nodeServices[n]).sort(), ['graphql', 'indexer', 'postgres']);
    const { postgres, indexer, graphql } = compose.services;
    assert.equal(postgres.ports, undefined, 'PostgreSQL publishes no port');
    assert.ok(postgres.volumes.some((v) => v.endsWith(':/var/lib/postgresql/data')));
    assert.equal(indexer.environment.ALLSPARK_RPC, 'ws://rpc:9944');
    assert.equal(indexer.environment.DB_HOST, 'postgres');
    assert.equal(indexer.environment.DB_PASS, postgres.environment.POSTGRES_PASSWORD);
    assert.match(indexer.command.join(' '), /squid-typeorm-migration apply && exec node lib\/main\.js/);
    assert.deepEqual(graphql.ports, ['4350:4350']);
    assert.equal(graphql.environment.DB_HOST, 'postgres');
    assert.deepEqual(graphql.command, ['npx', 'squid-graphql-server']);
  });

  it('runs every service\'s command line until the network imports and finalizes blocks', async () => {
    const ports = {};
    for (const name of Object.keys(nodeServices)) {
      ports[name] = { p2p: await freePort(), rpc: await freePort(), prom: await freePort() };
    }
    const localArgs = (name) => {
      const basePath = tempDir();
      const args = compose.services[name].command.map((a) => {
        if (a === '--base-path=/data') return `--base-path=${basePath}`;
        if (a.startsWith('--listen-addr=')) return `--listen-addr=/ip4/127.0.0.1/tcp/${ports[name].p2p}`;
        if (a.startsWith('--rpc-port=')) return `--rpc-port=${ports[name].rpc}`;
        if (a.startsWith('--prometheus-port=')) return `--prometheus-port=${ports[name].prom}`;
        const boot = a.match(/^--bootnodes=\/dns\/([a-z]+)\/tcp\/30333\/(p2p\/.*)$/);
        if (boot) return `--bootnodes=/ip4/127.0.0.1/tcp/${ports[boot[1]].p2p}/${boot[2]}`;
        return a;
      });
      return { basePath, args };
    };
    for (const name of ['alice', 'bob', 'charlie', 'dave', 'rpc']) {
      const { basePath, args } = localArgs(name);
      nodes[name] = await startNode({
        name, exactArgs: args, basePath, rpcPort: ports[name].rpc, p2pPort: ports[name].p2p,
        prometheusPort: ports[name].prom,
      });
    }
    // Alice's fixed node key gives the peer id the bootnode addresses name.
    const bootId = compose.services.bob.command.find((a) => a.startsWith('--bootnodes=')).split('/p2p/')[1];
    assert.equal(nodes.alice.peerId, bootId);

    const all = Object.values(nodes);
    await waitFor('every node to import #3 and finalize #1', async () => {
      const best = await Promise.all(all.map(bestNumber));
      const fin = await Promise.all(all.map(finalizedNumber));
      return best.every((b) => b >= 3) && fin.every((f) => f >= 1);
    }, 300_000);
    // The public node serves safe methods and refuses unsafe ones.
    assert.equal((await rpc(nodes.rpc.rpcPort, 'system_chain')), 'AllSpark Local Testnet');
    await assert.rejects(rpc(nodes.rpc.rpcPort, 'author_rotateKeys'), /unsafe|not found|denied/i);
    // Prometheus answers on the mapped port.
    const metrics = await metricsText(nodes.alice);
    assert.match(metrics, /substrate_block_height/);
    // The node's own memory metric, which docs/validator.md tells operators to alert on (with
    // the registry's `chain` label, as every metric of the node).
    const rss = Number(metrics.match(/^process_resident_memory_bytes\{chain="allspark_local"\} (\d+)$/m)?.[1]);
    assert.ok(rss > 10 * 2 ** 20, `process_resident_memory_bytes ${rss}`);
  });

  it('passes `docker-compose config`', { skip: which('docker-compose') ? false : 'docker-compose is not installed (Debian package docker-compose)' }, () => {
    execFileSync('docker-compose', ['-f', COMPOSE, 'config', '-q'], { stdio: 'pipe' });
  });
});
