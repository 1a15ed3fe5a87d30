// Governance as a user drives it with @polkadot/api: a technical-committee motion (propose,
// the other members vote, close), and a referendum from submission to enactment (submit on the
// track of the origin it asks for, place the decision deposit, vote, wait for the enactment).
// Used by e2e/tests/operations/15-governance.test.js and the validator tests.

import assert from 'node:assert/strict';
import { u8aConcat } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { sendAndWait, errorName } from './tx.js';
import { waitFor, bestNumber } from './node.js';

/** The events of `section.method` among an inclusion's records. */
const eventsOf = (api, records, section, method) => records
  .map(({ event }) => event)
  .filter((e) => e.section === section && e.method === method);

/**
 * A committee motion of `call`, proposed by `members[0]` with the threshold `members.length`,
 * every one of `members` voting aye (the proposer's proposal is not its vote), then closed.
 * Resolves with the `Executed` event's result (`{ ok, error }`). A threshold of one executes at
 * once, as the proposal.
 */
export async function committeeMotion(api, call, members) {
  const threshold = members.length;
  const length = call.method.encodedLength;
  const proposed = await sendAndWait(api, api.tx.technicalCommittee.propose(threshold, call, length), members[0]);
  if (proposed.dispatchError) throw new Error(`propose: ${errorName(api, proposed.dispatchError)}`);
  const executedAtOnce = eventsOf(api, proposed.events, 'technicalCommittee', 'Executed')[0];
  if (executedAtOnce) return executedResult(api, executedAtOnce);
  const [event] = eventsOf(api, proposed.events, 'technicalCommittee', 'Proposed');
  const { proposalIndex, proposalHash } = event.data;
  for (const member of members) {
    const voted = await sendAndWait(api, api.tx.technicalCommittee.vote(proposalHash, proposalIndex, true), member);
    if (voted.dispatchError) throw new Error(`vote: ${errorName(api, voted.dispatchError)}`);
  }
  const weight = { refTime: 10n ** 12n, proofSize: 10n ** 6n };
  const closed = await sendAndWait(api, api.tx.technicalCommittee.close(proposalHash, proposalIndex, weight, length), members[0]);
  if (closed.dispatchError) throw new Error(`close: ${errorName(api, closed.dispatchError)}`);
  const [executed] = eventsOf(api, closed.events, 'technicalCommittee', 'Executed');
  assert.ok(executed, 'the motion was executed');
  return executedResult(api, executed);
}

function executedResult(api, event) {
  const result = event.data.result;
  return result.isOk ? { ok: true } : { ok: false, error: errorName(api, result.asErr) };
}

/**
 * A referendum asking for `origin` (`{ system: 'Root' }`, `{ Origins: 'EconomicAdmin' }`, …) to
 * dispatch `call`: submitted by `submitter` (inline when the call is 128 bytes or less, else as
 * a noted preimage), its decision deposit placed, `voters` voting aye with half their free
 * balance locked once; resolves when the scheduler has dispatched it, with the referendum's
 * index, the dispatch result and the blocks and seconds from submission to enactment.
 */
export async function passReferendum(api, { origin, call, submitter, voters, rpcNode }) {
  const started = Date.now();
  const fromBlock = await bestNumber(rpcNode);
  const encoded = call.method.toHex();
  let proposal;
  if (call.method.encodedLength <= 128) {
    proposal = { Inline: encoded };
  } else {
    const noted = await sendAndWait(api, api.tx.preimage.notePreimage(encoded), submitter);
    if (noted.dispatchError) throw new Error(`note_preimage: ${errorName(api, noted.dispatchError)}`);
    proposal = { Lookup: { hash: call.method.hash, len: call.method.encodedLength } };
  }
  const submitted = await sendAndWait(api, api.tx.referenda.submit(origin, proposal, { After: 0 }), submitter);
  if (submitted.dispatchError) throw new Error(`submit: ${errorName(api, submitted.dispatchError)}`);
  const index = eventsOf(api, submitted.events, 'referenda', 'Submitted')[0].data.index.toNumber();
  const deposit = await sendAndWait(api, api.tx.referenda.placeDecisionDeposit(index), submitter);
  if (deposit.dispatchError) throw new Error(`place_decision_deposit: ${errorName(api, deposit.dispatchError)}`);
  await Promise.all(voters.map(async (voter) => {
    const { data } = await api.query.system.account(voter.address);
    const balance = data.free.toBigInt() / 2n;
    const vote = api.tx.convictionVoting.vote(index, {
      Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance },
    });
    const voted = await sendAndWait(api, vote, voter);
    if (voted.dispatchError) throw new Error(`vote: ${errorName(api, voted.dispatchError)}`);
  }));
  // Approved, then dispatched by the scheduler: the referendum's info turns `Approved`, and
  // the `Dispatched` event of its enactment names the referendum's task.
  const dispatched = await waitFor(`referendum ${index} enacted`, async () => {
    const info = await api.query.referenda.referendumInfoFor(index);
    if (info.isNone) return false;
    const v = info.unwrap();
    if (v.isRejected || v.isCancelled || v.isTimedOut || v.isKilled) throw new Error(`referendum ${index}: ${v.type}`);
    if (!v.isApproved) return false;
    const agenda = await api.query.scheduler.lookup(referendumTask(api, index));
    return agenda.isNone ? true : false;
  }, 600_000, 1000);
  assert.ok(dispatched);
  const toBlock = await bestNumber(rpcNode);
  return { index, blocks: toBlock - fromBlock, seconds: (Date.now() - started) / 1000 };
}

/**
 * The scheduler task name of a referendum's enactment: `blake2_256` of the SCALE encoding of
 * `(*b"assembly", "enactment", index)` (a byte array, a string with its compact length, a u32).
 */
function referendumTask(api, index) {
  const text = (s) => new TextEncoder().encode(s);
  const le = new Uint8Array(4);
  new DataView(le.buffer).setUint32(0, index, true);
  const bytes = u8aConcat(text('assembly'), new Uint8Array([9 << 2]), text('enactment'), le);
  return blake2AsU8a(bytes, 256);
}
