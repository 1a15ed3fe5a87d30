// The typed client against the real development node: the descriptors match the runtime it
// serves, the evaluation commitment the helpers compute is the runtime's for the same inputs, and
// the registration claim's commitment is the harness's.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startNode, stopNode, rpc } from 'allspark-harness/node.js';
import { connect } from '../src/chain.js';
import { claimCommitment, commitment, randomSalt } from '../src/commitment.js';
import { claimCommitment as harnessClaimCommitment } from 'allspark-harness/content.js';
import { Enum } from 'polkadot-api';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const hex = (u8) => `0x${Buffer.from(u8).toString('hex')}`;

describe('typed client', () => {
  let node;
  let client;
  let api;

  before(async () => {
    node = await startNode({ chain: 'dev', name: 'dapp' });
    ({ client, api } = await connect(node.ws));
  });

  after(async () => {
    if (client) client.destroy();
    if (node) await stopNode(node);
  });

  it('was generated from the runtime the node serves', async () => {
    assert.equal(await api.constants.Market.MaxPriceLevels(), 64);
    assert.equal(await api.constants.Market.MaxOrdersPerLevel(), 128);
    const book = await api.apis.MarketApi.book(0n, Enum('Licence', Enum('Personal')), 10);
    assert.deepEqual(book, { bids: [], asks: [] });
  });

  it('computes the evaluation commitment exactly as the runtime does', async () => {
    const address = ALICE;
    for (const score of [0, 1, 57, 100, 255]) {
      const salt = randomSalt();
      const mine = hex(commitment(score, salt, address));
      assert.equal(await rpc(node.rpcPort, 'evaluation_commitment', [score, hex(salt), address]), mine);
      assert.equal(await api.apis.EvaluationApi.commitment(score, hex(salt), address), mine);
    }
    assert.throws(() => commitment(256, randomSalt(), ALICE), RangeError);
    assert.throws(() => commitment(1, new Uint8Array(31), ALICE), TypeError);
  });

  it('computes the registration claim as the pages and suites do', () => {
    // The runtime has no API for it (asking a node would tell it the hash): the guide's papi
    // program registers through `claimContent`, which proves this one on chain, and the
    // e2e content suite proves the harness's; here the two agree.
    for (let i = 0; i < 5; i += 1) {
      const hash = hex(randomSalt());
      assert.equal(hex(claimCommitment(hash, ALICE)), harnessClaimCommitment(hash, ALICE));
    }
    assert.throws(() => claimCommitment('0x1234', ALICE), TypeError);
  });
});
