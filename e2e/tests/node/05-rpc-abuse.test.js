// RPC abuse (issue 23): a validator's RPC under hostile clients. Every AllSpark RPC method gets
// parameters of the wrong type, out of range, oversized, for unknown blocks, and pages asking
// for everything; the server gets malformed JSON, deep nesting, oversized bodies and batches,
// more connections and subscriptions than its limits, and a flood of calls on one connection
// past its rate limit. Each gets an error (or a capped answer), never a crash, and the node
// keeps authoring and finalizing throughout. The limits used are the ones docs/validator.md
// documents for a public RPC node. An account parameter longer than an address is refused
// before it is decoded.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, stopNode, waitFor, rpc, bestNumber, finalizedNumber } from 'allspark-harness/node.js';

const MAX_CONNECTIONS = 24;
const MAX_SUBSCRIPTIONS = 8;
const MAX_BATCH = 16;
const RATE_PER_MINUTE = 60;

/** POST `body` (a string) to the node's RPC port; the HTTP status and the parsed answer, if any. */
async function post(port, body) {
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, text };
}

/** A WebSocket to `port`, open; rejects when the server refuses it. */
function openWs(port) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

/** Send JSON-RPC requests on `ws` at once; resolves with their answers by id. */
function callAll(ws, requests, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const answers = new Map();
    const timer = setTimeout(() => reject(new Error(`${answers.size}/${requests.length} answers`)), timeoutMs);
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.id === undefined) return; // a subscription's notification
      answers.set(msg.id, msg);
      if (answers.size === requests.length) {
        clearTimeout(timer);
        resolve(answers);
      }
    });
    for (const r of requests) ws.send(JSON.stringify({ jsonrpc: '2.0', ...r }));
  });
}

describe('the RPC under hostile clients', () => {
  let node;
  let limited;
  let alice;
  let start;

  before(async () => {
    await cryptoWaitReady();
    alice = new Keyring({ type: 'sr25519', ss58Format: 7307 }).addFromUri('//Alice').address;
    node = await startNode({
      chain: 'dev',
      key: 'alice',
      extraArgs: [
        '--rpc-max-connections', String(MAX_CONNECTIONS),
        '--rpc-max-subscriptions-per-connection', String(MAX_SUBSCRIPTIONS),
        '--rpc-max-request-size', '1',
        '--rpc-max-response-size', '16',
        '--rpc-max-batch-request-len', String(MAX_BATCH),
      ],
    });
    // A follower serving RPC with a rate limit per connection.
    limited = await startNode({
      chain: 'dev', name: 'rate-limited', bootnodes: [node.multiaddr],
      extraArgs: ['--rpc-rate-limit', String(RATE_PER_MINUTE)],
    });
    await waitFor('first finalized block', async () => (await finalizedNumber(node)) >= 1, 180_000);
    start = { best: await bestNumber(node), finalized: await finalizedNumber(node) };
  });

  after(async () => {
    if (limited) await stopNode(limited);
    if (node) await stopNode(node);
  });

  it('answers every AllSpark method\'s hostile parameters with an error', async () => {
    const unknownBlock = `0x${'ab'.repeat(32)}`;
    const huge = 'x'.repeat(200_000);
    const right = { Licence: 'Personal' };
    const bad = {
      content_claimsOf: [[], [7], ['not an address'], [`0x${'ff'.repeat(33)}`], [alice, unknownBlock], [huge]],
      content_listing: [[], [-1], ['zero'], [2 ** 70], [{}], [0, unknownBlock], [0, 'not a hash']],
      content_listingByHash: [['0x12'], [`0x${'zz'.repeat(32)}`], [7], [`0x${'00'.repeat(32)}`, unknownBlock]],
      content_listingsOf: [[alice], [alice, 'first', 10], [alice, null, -1], [alice, null, 2 ** 40], [alice, null, 10, unknownBlock]],
      content_listingState: [[null], [-5], [0, unknownBlock]],
      evaluation_commitment: [[101.5, `0x${'00'.repeat(32)}`, alice], [300, `0x${'00'.repeat(32)}`, alice], [50, '0x00', alice], [50, `0x${'00'.repeat(32)}`, 'nobody']],
      evaluation_eraRewards: [['all'], [-1], [null, unknownBlock]],
      evaluation_record: [[7], [''], [alice, unknownBlock]],
      evaluation_round: [[2 ** 33], ['r'], [0, unknownBlock]],
      evaluation_score: [[[]], [0, unknownBlock]],
      market_book: [[0], [0, 'Personal', 10], [0, { Licence: 'Pirated' }, 10], [0, right, -1], [0, right, 10, unknownBlock], [2 ** 64, right, 10]],
      market_licence: [[alice, 0], [alice, 0, { Copyright: 1 }], [alice, 0, right, unknownBlock]],
      market_licencesOf: [[0], [alice, unknownBlock]],
      market_offer: [[-1], [0, unknownBlock]],
      market_offersOfListing: [['x'], [0, unknownBlock]],
      market_openRequests: [['Poetry', null, 10], ['Audio', null, -1], ['Audio', 'next', 10], ['Audio', null, 10, unknownBlock]],
      market_ordersOf: [[alice, null], [alice, null, 'ten'], [alice, null, 10, unknownBlock]],
      token_economics: [[unknownBlock], [7]],
      validators_set: [[unknownBlock], [{}]],
    };
    let count = 0;
    for (const [method, cases] of Object.entries(bad)) {
      for (const params of cases) {
        const { status, json, text } = await post(node.rpcPort, JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }));
        assert.equal(status, 200, `${method}(${JSON.stringify(params).slice(0, 80)}): HTTP ${status} ${text.slice(0, 200)}`);
        assert.ok(json && json.error, `${method}(${JSON.stringify(params).slice(0, 80)}) answered ${text.slice(0, 200)}`);
        assert.equal(typeof json.error.code, 'number');
        count += 1;
      }
    }
    assert.ok(count >= 60, `${count} hostile calls`);
    // An overlong "address" is refused before it is decoded (SS58 decoding is quadratic: 200 kB
    // once held the RPC for minutes), by every method taking an account.
    for (const [method, params] of [['content_claimsOf', [huge]], ['content_listingsOf', [huge, null, 10]],
      ['evaluation_record', [huge]], ['evaluation_commitment', [50, `0x${'00'.repeat(32)}`, huge]],
      ['market_licence', [huge, 0, right]], ['market_licencesOf', [huge]], ['market_ordersOf', [huge, null, 10]],
      ['system_accountNextIndex', [huge]], ['account_nextIndex', [huge]]]) {
      const { json } = await post(node.rpcPort, JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }));
      assert.match(JSON.stringify(json.error), /at most 64 characters/, method);
    }
    // The nonce method, wrapped for that, still answers wallets under both names.
    assert.equal(await rpc(node.rpcPort, 'system_accountNextIndex', [alice]), 0);
    assert.equal(await rpc(node.rpcPort, 'account_nextIndex', [alice]), 0);
    // Pages asking for everything are answered, capped by the runtime.
    assert.ok(Array.isArray(await rpc(node.rpcPort, 'content_listingsOf', [alice, null, 4294967295])));
    assert.ok(Array.isArray(await rpc(node.rpcPort, 'market_openRequests', ['Audio', null, 4294967295])));
    assert.ok(Array.isArray(await rpc(node.rpcPort, 'market_ordersOf', [alice, null, 4294967295])));
    const book = await rpc(node.rpcPort, 'market_book', [0, right, 4294967295]);
    assert.deepEqual(book.bids, []);
  });

  it('refuses malformed, deeply nested, oversized and overlong batch requests', async () => {
    const port = node.rpcPort;
    for (const body of ['not json', '{"jsonrpc":"2.0"', '{}', '[]', '42', '{"jsonrpc":"1.0","id":1,"method":"system_health"}',
      '{"jsonrpc":"2.0","id":1,"method":"no_such_method","params":[]}']) {
      const { status, json, text } = await post(port, body);
      const refusedAll = status >= 400 || json?.error !== undefined ||
        (Array.isArray(json) && json.length > 0 && json.every((r) => r.error));
      assert.ok(refusedAll, `${body}: ${status} ${text.slice(0, 200)}`);
    }
    const deep = `{"jsonrpc":"2.0","id":1,"method":"content_listing","params":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const d = await post(port, deep);
    assert.ok(d.status >= 400 || d.json?.error, `deep nesting: ${d.status} ${d.text.slice(0, 200)}`);
    // Over the 1 MB request limit.
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'content_listing', params: ['x'.repeat(2 * 1024 * 1024)] });
    const b = await post(port, big);
    assert.equal(b.status, 413, `oversized: ${b.status} ${b.text.slice(0, 200)}`);
    // A batch over the limit is refused whole; one at the limit is answered.
    const batch = (n) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'system_health', params: [] })));
    const over = await post(port, batch(MAX_BATCH + 1));
    assert.ok(over.json?.error || over.status >= 400, `batch of ${MAX_BATCH + 1}: ${over.text.slice(0, 200)}`);
    const at = await post(port, batch(MAX_BATCH));
    assert.equal(at.json.length, MAX_BATCH);
    assert.ok(at.json.every((r) => r.result));
  });

  it('holds its connection and subscription limits, and serves again once they are released', async () => {
    const sockets = [];
    let refused = 0;
    for (let i = 0; i < MAX_CONNECTIONS + 8; i++) {
      try { sockets.push(await openWs(node.rpcPort)); } catch { refused += 1; }
    }
    assert.ok(sockets.length <= MAX_CONNECTIONS, `${sockets.length} connections open`);
    assert.ok(refused >= 8, `${refused} refused`);
    // One connection subscribes past its limit: the extra subscriptions are refused.
    const subs = Array.from({ length: MAX_SUBSCRIPTIONS + 4 }, (_, i) => ({ id: i, method: 'chain_subscribeNewHeads', params: [] }));
    const answers = await callAll(sockets[0], subs);
    const ok = [...answers.values()].filter((a) => a.result !== undefined).length;
    const errors = [...answers.values()].filter((a) => a.error).length;
    assert.equal(ok, MAX_SUBSCRIPTIONS);
    assert.equal(errors, 4);
    for (const ws of sockets) ws.terminate();
    await waitFor('a connection accepted again', async () => {
      const ws = await openWs(node.rpcPort).catch(() => null);
      if (!ws) return false;
      ws.terminate();
      return true;
    }, 60_000);
  });

  it('rate-limits a flood of calls on one connection, and serves other connections', async () => {
    const ws = await openWs(limited.rpcPort);
    const flood = Array.from({ length: 4 * RATE_PER_MINUTE }, (_, i) => ({ id: i, method: 'system_health', params: [] }));
    const answers = await callAll(ws, flood, 120_000);
    const limitedCalls = [...answers.values()].filter((a) => a.error?.code === -32999).length;
    const served = [...answers.values()].filter((a) => a.result).length;
    ws.terminate();
    assert.ok(limitedCalls > 0, `${served} served, none rate-limited`);
    assert.ok(served >= RATE_PER_MINUTE / 2, `${served} served`);
    // Another connection is served at once.
    const other = await openWs(limited.rpcPort);
    const one = await callAll(other, [{ id: 1, method: 'system_health', params: [] }]);
    other.terminate();
    assert.ok(one.get(1).result);
  });

  it('kept authoring and finalizing through all of it', async () => {
    await waitFor('blocks authored and finalized after the abuse', async () =>
      (await bestNumber(node)) >= start.best + 3 && (await finalizedNumber(node)) >= start.finalized + 2, 180_000);
    assert.ok((await finalizedNumber(limited)) >= start.finalized, 'the follower follows');
  });
});
