// A node shuts down cleanly on SIGINT (exit code 0, no task reported failed) and restarts from
// its database at the same best block.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startNode, stopNode, restartNode, waitFor, rpc, bestNumber, finalizedNumber } from 'allspark-harness/node.js';

describe('shutdown and restart', () => {
  const started = [];
  after(async () => { await Promise.all(started.map((n) => stopNode(n, 'SIGKILL'))); });

  it('exits 0 on SIGINT and resumes from its database', async () => {
    const node = await startNode({ chain: 'dev', key: 'alice' });
    started.push(node);
    await waitFor('block #3 finalized', async () => (await finalizedNumber(node)) >= 3, 180_000);
    const best = await bestNumber(node);
    const bestHash = await rpc(node.rpcPort, 'chain_getBlockHash', [best]);
    const finalized = await finalizedNumber(node);

    const t0 = Date.now();
    const { code, signal } = await stopNode(node, 'SIGINT');
    assert.equal(signal, null, 'exited by itself, not killed');
    assert.equal(code, 0, 'clean exit code');
    assert.ok(Date.now() - t0 < 60_000, 'shut down within a minute');

    // Restart as a plain full node, so nothing is authored before we look.
    const again = await restartNode({ ...node, args: { ...node.args, key: undefined } });
    started.push(again);
    const bestAfter = await bestNumber(again);
    assert.ok(bestAfter >= best, `best #${bestAfter} after restart, #${best} before`);
    assert.ok(bestAfter <= best + 1, 'at most the block authored while shutting down is new');
    assert.equal(await rpc(again.rpcPort, 'chain_getBlockHash', [best]), bestHash, 'same chain');
    assert.ok((await finalizedNumber(again)) >= finalized, 'finality survives the restart');
    assert.equal(await rpc(again.rpcPort, 'system_chain'), 'AllSpark Development');
    // Its shutdown reported no task failed ("Essential task `txpool-background` failed. Shutting
    // down service." read as a crash after every Ctrl-C).
    assert.doesNotMatch(readFileSync(node.logPath, 'utf8'), /Essential task/);
  });
});
