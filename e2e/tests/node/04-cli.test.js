// The operator's subcommands: chain specs, keys, export/import/check/revert blocks, purge.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { checkAddress, cryptoWaitReady } from '@polkadot/util-crypto';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  startNode, stopNode, waitFor, runNodeCommand, tempDir, finalizedNumber, rpc, nodeBinary,
} from 'allspark-harness/node.js';

/** Writes a node key file (hex) into `dir`; returns its path. */
function writeKey(dir, hex) {
  const path = join(dir, 'node-key');
  writeFileSync(path, hex);
  return path;
}

/**
 * Runs an offline subcommand that must succeed and stop cleanly: its log has no "Essential task
 * … failed. Shutting down service." (once printed by every such command; read as a crash).
 */
function runCleanly(args) {
  const r = spawnSync(nodeBinary(), args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  assert.equal(r.status, 0, `${args[0]} failed: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /Essential task/, `${args[0]} logged a task failure`);
  return r.stdout;
}

describe('node subcommands', () => {
  const started = [];
  after(async () => { await Promise.all(started.map((n) => stopNode(n, 'SIGKILL'))); });

  it('exports plain and raw chain specs with the token properties', () => {
    const dir = tempDir();
    const plainPath = join(dir, 'local.json');
    runNodeCommand(['export-chain-spec', '--chain', 'local', '--output', plainPath]);
    const plain = JSON.parse(readFileSync(plainPath, 'utf8'));
    assert.equal(plain.id, 'allspark_local');
    assert.deepEqual(plain.properties, { tokenSymbol: 'ASK', tokenDecimals: 12, ss58Format: 7307 });
    // The four validators and their session keys (Aura and GRANDPA take theirs from the session).
    const genesis = plain.genesis.runtimeGenesis.patch ?? plain.genesis.runtimeGenesis.config;
    assert.equal(genesis.session.keys.length, 4);
    assert.equal(genesis.validators.validators.length, 4);
    assert.equal(genesis.validators.minValidators, 4);
    // Its bootnode: Alice on port 30333 with the public test node key 0x00…01
    // (scripts/start-local.sh), so a node joining `local` needs no --bootnodes.
    assert.deepEqual(plain.bootNodes, ['/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp']);
    const alicePeer = runNodeCommand(['key', 'inspect-node-key', '--file', writeKey(dir, '0'.repeat(63) + '1')]).trim();
    assert.equal(alicePeer, '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp');

    const rawPath = join(dir, 'local-raw.json');
    runNodeCommand(['export-chain-spec', '--chain', 'local', '--raw', '--output', rawPath]);
    const raw = JSON.parse(readFileSync(rawPath, 'utf8'));
    assert.ok(raw.genesis.raw.top['0x3a636f6465'], 'raw spec carries the runtime code');

    const built = JSON.parse(runNodeCommand(['build-spec', '--chain', 'dev', '--raw', '--disable-default-bootnode']));
    assert.equal(built.id, 'allspark_dev');
  });

  it('refuses to run a live chain whose genesis names well-known development keys', async () => {
    const base = tempDir();
    let refused;
    try {
      runNodeCommand(['--chain', 'production', '--base-path', base, '--rpc-port', '0', '--no-telemetry']);
    } catch (e) {
      refused = e;
    }
    assert.ok(refused, 'the node must not start the production preset as it is');
    assert.match(refused.stderr, /well-known development keys in its genesis: Alice \(Aura\)/);
    assert.match(refused.stderr, /Alice \(GRANDPA\)/);
    assert.match(refused.stderr, /Dave \(GRANDPA\)/);
    assert.match(refused.stderr, /Alice \(technical committee\)/);
    assert.doesNotMatch(refused.stderr, /sudo/, 'the production preset has no sudo key');
    // The explicit override runs it (on a private machine).
    const node = await startNode({ chain: 'production', extraArgs: ['--allow-well-known-keys'] });
    started.push(node);
    const header = await rpc(node.rpcPort, 'chain_getHeader');
    assert.equal(parseInt(header.number, 16), 0);
    assert.equal((await rpc(node.rpcPort, 'system_chainType')), 'Live');
  });

  it('generates and inspects keys in the AllSpark address format', async () => {
    await cryptoWaitReady();
    const gen = JSON.parse(runNodeCommand(['key', 'generate', '--scheme', 'sr25519', '--output-type', 'json']));
    assert.ok(gen.secretPhrase.split(' ').length >= 12);
    assert.deepEqual(checkAddress(gen.ss58Address, 7307), [true, null], 'AllSpark ss58 format by default');
    const inspected = JSON.parse(runNodeCommand(['key', 'inspect', '--output-type', 'json', gen.secretPhrase]));
    assert.equal(inspected.ss58Address, gen.ss58Address);
    const dir = tempDir();
    const keyFile = join(dir, 'node-key');
    runNodeCommand(['key', 'generate-node-key', '--file', keyFile]);
    assert.ok(statSync(keyFile).size > 0);
    const peerId = runNodeCommand(['key', 'inspect-node-key', '--file', keyFile]).trim();
    assert.match(peerId, /^12D3KooW/);

    // `key insert` puts a session key into a node's keystore (file name: key type + public key).
    const base = tempDir();
    runNodeCommand(['key', 'insert', '--base-path', base, '--chain', 'dev', '--scheme', 'sr25519',
      '--key-type', 'aura', '--suri', gen.secretPhrase]);
    const publicHex = gen.publicKey.replace(/^0x/, '');
    const keystoreFile = join(base, 'chains', 'allspark_dev', 'keystore', `61757261${publicHex}`);
    assert.ok(existsSync(keystoreFile), `keystore entry ${keystoreFile}`);
  });

  it('exports, checks and imports blocks, reverts and purges a chain', async () => {
    const node = await startNode({ chain: 'dev', key: 'alice' });
    started.push(node);
    await waitFor('block #4 finalized', async () => (await finalizedNumber(node)) >= 4, 180_000);
    const hash3 = await rpc(node.rpcPort, 'chain_getBlockHash', [3]);
    await stopNode(node, 'SIGINT');

    const base = ['--chain', 'dev', '--base-path', node.basePath];
    const exportPath = join(tempDir(), 'blocks.bin');
    runCleanly(['export-blocks', ...base, '--from', '1', '--to', '3', '--binary', exportPath]);
    assert.ok(statSync(exportPath).size > 0);
    runCleanly(['check-block', ...base, '3']);

    const fresh = tempDir();
    runCleanly(['import-blocks', '--chain', 'dev', '--base-path', fresh, '--state-pruning', 'archive', '--binary', exportPath]);
    const imported = await startNode({ chain: 'dev', basePath: fresh });
    started.push(imported);
    assert.equal(await rpc(imported.rpcPort, 'chain_getBlockHash', [3]), hash3, 'imported chain is the same chain');
    await stopNode(imported, 'SIGINT');

    runCleanly(['revert', '--chain', 'dev', '--base-path', fresh, '--state-pruning', 'archive', '1']);
    runNodeCommand(['purge-chain', '--chain', 'dev', '--base-path', fresh, '-y']);
    assert.ok(!existsSync(join(fresh, 'chains', 'allspark_dev', 'paritydb', 'full', 'metadata')), 'database removed');
  });
});
