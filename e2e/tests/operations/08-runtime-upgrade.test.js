// A forkless runtime upgrade on the running four-validator `local` network: governance (sudo, the
// stand-in) submits `system.setCode` with a second build of the runtime whose `spec_version` is one
// higher; the network goes on authoring and finalizing under the new version.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import {
  startLocalNetwork, minFinalized, stopNode, connect, waitFor, rpc, bestNumber, finalizedNumber,
} from 'allspark-harness/node.js';
import { sendAndWait, errorName, sudo } from 'allspark-harness/tx.js';
const targetDir = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'allspark-target');
const UPGRADE_WASM = process.env.ALLSPARK_UPGRADE_WASM_PATH
  || join(targetDir, 'debug', 'wbuild', 'allspark-runtime', 'allspark_runtime_upgrade.compressed.wasm');

describe('forkless runtime upgrade', () => {
  let nodes = {};
  let api;

  before(async () => {
    assert.ok(existsSync(UPGRADE_WASM), `the upgrade blob is built (ALLSPARK_UPGRADE_WASM=1): ${UPGRADE_WASM}`);
    await cryptoWaitReady();
    nodes = await startLocalNetwork();
    api = await connect(nodes.alice);
    await waitFor('finalized #2 on alice', async () => (await finalizedNumber(nodes.alice)) >= 2, 240_000);
  });

  after(async () => {
    if (api) await api.disconnect();
    await Promise.all(Object.values(nodes).map((n) => stopNode(n, 'SIGKILL')));
  });

  it('upgrades through governance; blocks and finality go on under the new spec_version', async () => {
    const before = await rpc(nodes.alice.rpcPort, 'state_getRuntimeVersion', []);
    const wasm = readFileSync(UPGRADE_WASM);
    const alice = new Keyring({ type: 'sr25519', ss58Format: 7307 }).addFromUri('//Alice');

    const t0 = Date.now();
    const { events, blockHash, result } = await sudo(
      api, api.tx.system.setCode(u8aToHex(wasm)), alice, { uncheckedWeight: true },
    );
    assert.ok(result.isOk, result.isErr ? errorName(api, result.asErr) : '');
    assert.ok(events.some(({ event }) => api.events.system.CodeUpdated.is(event)), 'CodeUpdated');
    const upgradedIn = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();

    let firstNew;
    await waitFor(`spec_version ${before.specVersion + 1} on every node`, async () => {
      const versions = await Promise.all(Object.values(nodes).map((n) => rpc(n.rpcPort, 'state_getRuntimeVersion', [])));
      if (!firstNew && versions[0].specVersion === before.specVersion + 1) firstNew = Date.now();
      return versions.every((v) => v.specVersion === before.specVersion + 1);
    }, 180_000, 250);
    console.log(`# upgrade: submission to spec_version ${before.specVersion + 1} in ${Math.round((firstNew - t0) / 100) / 10} s (enacted in #${upgradedIn})`);
    assert.equal((await rpc(nodes.alice.rpcPort, 'state_getRuntimeVersion', [])).specName, 'allspark');

    // New blocks are authored and finalized under the new runtime on every node.
    const best = await bestNumber(nodes.alice);
    await waitFor(`every node finalizes past #${best + 2}`, async () => (
      (await minFinalized(Object.values(nodes))) >= best + 2
    ), 240_000);
    const finalized = await rpc(nodes.bob.rpcPort, 'chain_getFinalizedHead', []);
    const atFinalized = await rpc(nodes.bob.rpcPort, 'state_getRuntimeVersion', [finalized]);
    assert.equal(atFinalized.specVersion, before.specVersion + 1);
    // The chain still takes ordinary transactions under the new runtime.
    const bob = new Keyring({ type: 'sr25519' }).addFromUri('//Bob');
    const t = await sendAndWait(api, api.tx.balances.transferKeepAlive(alice.address, 10n ** 12n), bob);
    assert.equal(t.dispatchError, undefined);
  });
});
