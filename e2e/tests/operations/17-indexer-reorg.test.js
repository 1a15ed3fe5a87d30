// The indexer through a reorg (issue 25): the four validators of the `local` chain and an archive
// full node run split, every node `--reserved-only`: Alice, Bob and Charlie (three of four
// GRANDPA voters) build and finalize the chain; Dave and the full node the indexer reads from
// build a fork of Dave's slots that cannot finalize, with a transaction of Ferdie's in it, and
// the indexer indexes that fork's blocks before they are final. Joined, the full node takes the
// finalized chain and drops the fork: the indexer rolls back every row of the fork's blocks and
// indexes the finalized ones instead.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, stopNode, connect, waitFor, rpc, finalizedNumber } from 'allspark-harness/node.js';
import { sendAndWait } from 'allspark-harness/tx.js';
import { startPostgres } from 'allspark-harness/postgres.js';
import { startIndexer } from 'allspark-harness/indexer.js';

const link = async (from, to) => rpc(from, 'system_addReservedPeer', [to.multiaddr]);

describe('the indexer through a reorg', () => {
  const nodes = {};
  let pg; let indexer; let api;

  before(async () => {
    await cryptoWaitReady();
    pg = await startPostgres();
    for (const key of ['alice', 'bob', 'charlie', 'dave']) {
      nodes[key] = await startNode({ chain: 'local', key, extraArgs: ['--reserved-only'] });
    }
    nodes.full = await startNode({ chain: 'local', extraArgs: ['--reserved-only'] });
    // Two groups: Alice, Bob and Charlie; Dave and the full node.
    for (const [a, b] of [['alice', 'bob'], ['alice', 'charlie'], ['bob', 'charlie'], ['dave', 'full']]) {
      await link(nodes[a], nodes[b]);
      await link(nodes[b], nodes[a]);
    }
    indexer = await startIndexer({ pg, rpc: nodes.full.ws });
    api = await connect(nodes.full);
  });

  after(async () => {
    if (indexer) await indexer.stop();
    if (api) await api.disconnect();
    await Promise.all(Object.values(nodes).map((n) => stopNode(n)));
    if (pg) await pg.stop();
  });

  it('indexes a fork that cannot finalize, and rolls it back when the chains join', async () => {
    // The majority finalizes; the minority's fork has blocks of Dave's, none final.
    await waitFor('the majority finalizing', async () => (await finalizedNumber(nodes.alice)) >= 3, 300_000);
    assert.equal(await finalizedNumber(nodes.full), 0);
    const [ferdie, eve] = ['Ferdie', 'Eve'].map((n) => new Keyring({ type: 'sr25519', ss58Format: 7307 }).addFromUri(`//${n}`));
    // Only Dave authors on this side: the transfer lands in a block of his fork.
    const { blockHash: included, dispatchError } =
      await sendAndWait(api, api.tx.balances.transferKeepAlive(eve.address, 10n ** 12n), ferdie);
    assert.equal(dispatchError, undefined);
    const forkHeight = (await api.rpc.chain.getHeader(included)).number.toNumber();
    await indexer.reach(forkHeight);
    const forkRows = pg.psql(`SELECT DISTINCT block_hash FROM chain_event WHERE block_number >= 1`).map(([h]) => h);
    assert.ok(forkRows.includes(included), 'the fork block with the transfer is indexed');
    const [[fee]] = pg.psql(`SELECT count(*) FROM chain_event WHERE block_hash = '${included}' AND name = 'Token.ChargeSplit'`);
    assert.ok(Number(fee) >= 1, 'its fee event is indexed');

    // Join the groups (both ends of a link reserve each other): the full node takes the
    // finalized chain.
    for (const other of ['dave', 'full']) {
      await link(nodes[other], nodes.alice);
      await link(nodes.alice, nodes[other]);
    }
    const target = (await finalizedNumber(nodes.alice)) + 1;
    await waitFor('the full node finalizing past the fork', async () =>
      (await finalizedNumber(nodes.full)) >= Math.max(target, forkHeight + 1), 300_000);
    const head = await finalizedNumber(nodes.full);
    await indexer.reach(head);
    // A processor that has caught up has written only the chain's blocks: every row's block is
    // the canonical block at its height.
    await waitFor('the fork rolled back', async () => {
      const rows = pg.psql(`SELECT DISTINCT block_number, block_hash FROM chain_event WHERE block_number <= ${head}`);
      for (const [n, hash] of rows) {
        if ((await rpc(nodes.full, 'chain_getBlockHash', [Number(n)])) !== hash) return false;
      }
      return true;
    }, 120_000, 1000);
    const dropped = [];
    for (const h of forkRows) {
      // A dropped block may be pruned already (no header); else it is not the block at its height.
      const header = await rpc(nodes.full, 'chain_getHeader', [h]);
      if (!header || (await rpc(nodes.full, 'chain_getBlockHash', [Number(header.number)])) !== h) dropped.push(h);
    }
    assert.ok(dropped.includes(included), 'the fork block was dropped by the chain');
    const [[stale]] = pg.psql(`SELECT count(*) FROM chain_event WHERE block_hash IN (${dropped.map((h) => `'${h}'`).join(',')})`);
    assert.equal(stale, '0', 'rows of dropped blocks remain');
    // The tables derived from events went with them: every account-history row has its event.
    const [[orphaned]] = pg.psql('SELECT count(*) FROM account_event a LEFT JOIN chain_event e ON e.id = a.event_id WHERE e.id IS NULL');
    assert.equal(orphaned, '0');
  });
});
