// The development chain as a user sees it: identity, block production and finality, a transfer
// and its fee, and bad input refused without changing anything.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex, hexToU8a } from '@polkadot/util';
import { startNode, stopNode, connect, waitFor, rpc, finalizedNumber } from 'allspark-harness/node.js';
import { sendAndWait, errorName } from 'allspark-harness/tx.js';

const ASK = 10n ** 12n;
const SS58 = 7307;

describe('development chain', () => {
  let node;
  let api;
  let keyring;
  let alice;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode({ chain: 'dev', key: 'alice' });
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: SS58 });
    alice = keyring.addFromUri('//Alice');
    // A fresh debug node may take a while to finalize its first block.
    await waitFor('first finalized block', async () => (await finalizedNumber(node)) >= 1, 180_000);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await stopNode(node);
  });

  it('reports ASK, 12 decimals and the AllSpark ss58 format', async () => {
    const props = await rpc(node.rpcPort, 'system_properties');
    assert.equal(props.tokenSymbol, 'ASK');
    assert.equal(props.tokenDecimals, 12);
    assert.equal(props.ss58Format, SS58);
    assert.deepEqual(api.registry.chainTokens, ['ASK']);
    assert.deepEqual(api.registry.chainDecimals, [12]);
    assert.equal(api.registry.chainSS58, SS58);
    assert.equal(api.consts.system.ss58Prefix.toNumber(), SS58);
    const version = await rpc(node.rpcPort, 'state_getRuntimeVersion');
    assert.equal(version.specName, 'allspark');
    assert.equal(await rpc(node.rpcPort, 'system_chain'), 'AllSpark Development');
  });

  it('serves metadata that decodes, at the newest version', async () => {
    const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
    assert.ok(versions.includes(15), `metadata versions ${versions}`);
    assert.ok(Math.max(...versions) >= 16, `metadata versions ${versions}`);
    const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    for (const p of ['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'TransactionPayment', 'Sudo', 'Utility']) {
      assert.ok(pallets.includes(p), `pallet ${p} in ${pallets}`);
    }
    const exts = api.runtimeMetadata.asLatest.extrinsic.transactionExtensions
      ?? api.runtimeMetadata.asLatest.extrinsic.signedExtensions;
    const ids = exts.map((e) => e.identifier.toString());
    assert.ok(ids.includes('CheckMetadataHash'), `extensions ${ids}`);
    assert.ok(ids.includes('ChargeTransactionPayment'), `extensions ${ids}`);
  });

  it('authors a block every ~6 s and GRANDPA finalizes them', async () => {
    const stamps = [];
    let unsub;
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fewer than 5 blocks in 90 s')), 90_000);
      api.rpc.chain.subscribeNewHeads(async (header) => {
        const at = await api.at(header.hash);
        const pre = header.digest.logs.find((l) => l.isPreRuntime).asPreRuntime;
        const slot = api.createType('u64', pre[1]).toNumber();
        stamps.push({ n: header.number.toNumber(), engine: pre[0].toString(), slot, t: (await at.query.timestamp.now()).toNumber() });
        if (stamps.length >= 5) { clearTimeout(timer); resolve(); }
      }).then((u) => { unsub = u; }).catch(reject);
    });
    unsub();
    assert.ok(stamps.every((s) => s.engine === 'aura'), 'blocks carry an Aura pre-runtime digest');
    const gaps = [];
    for (let i = 1; i < stamps.length; i += 1) {
      if (stamps[i].n !== stamps[i - 1].n + 1) continue;
      // The only validator authors every 6 s slot; timestamps follow the wall clock.
      assert.equal(stamps[i].slot, stamps[i - 1].slot + 1, `consecutive slots: ${JSON.stringify(stamps)}`);
      assert.equal(stamps[i].slot, Math.floor(stamps[i].t / 6000), 'slot = timestamp / 6 s');
      gaps.push(stamps[i].t - stamps[i - 1].t);
    }
    assert.ok(gaps.length >= 3, `consecutive blocks seen: ${JSON.stringify(stamps)}`);
    for (const g of gaps) assert.ok(Math.abs(g - 6000) < 1000, `block gap ${g} ms, expected ~6000`);
    const last = stamps[stamps.length - 1].n;
    await waitFor(`finality of #${last}`, async () => (await finalizedNumber(node)) >= last, 60_000);
  });

  it('includes a signed transfer, emits its events and charges the fee payment_queryInfo quoted', async () => {
    const dest = keyring.addFromUri(`//Transfer${Date.now()}`);
    const amount = 12n * ASK;

    const tx = api.tx.balances.transferKeepAlive(dest.address, amount);
    await tx.signAsync(alice);
    const { blockHash, events, dispatchError, hex } = await sendAndWait(api, tx, alice);
    assert.equal(dispatchError, undefined);

    const header = await api.rpc.chain.getHeader(blockHash);
    const quote = await rpc(node.rpcPort, 'payment_queryInfo', [hex, header.parentHash.toHex()]);
    const names = events.map(({ event }) => `${event.section}.${event.method}`);
    for (const e of ['balances.Withdraw', 'balances.Transfer', 'transactionPayment.TransactionFeePaid', 'system.ExtrinsicSuccess']) {
      assert.ok(names.includes(e), `${e} in ${names}`);
    }
    const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event)).event;
    assert.equal(transfer.data.from.toString(), alice.address);
    assert.equal(transfer.data.to.toString(), dest.address);
    assert.equal(transfer.data.amount.toBigInt(), amount);
    const feePaid = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event)).event;
    const fee = feePaid.data.actualFee.toBigInt();
    assert.equal(fee, BigInt(quote.partialFee), 'fee charged equals payment_queryInfo at the parent block');
    assert.ok(fee > 0n);

    const at = await api.at(blockHash);
    const before = (await (await api.at(header.parentHash)).query.system.account(alice.address)).data.free.toBigInt();
    // Alice authors every block of the dev chain: count her author reward in this block, if any.
    const blockEvents = await at.query.system.events();
    const reward = blockEvents
      .filter(({ event }) => event.section === 'token' && event.method === 'AuthorRewarded'
        && event.data[0].toString() === alice.address)
      .reduce((sum, { event }) => sum + event.data[1].toBigInt(), 0n);
    assert.equal((await at.query.system.account(dest.address)).data.free.toBigInt(), amount);
    assert.equal((await at.query.system.account(alice.address)).data.free.toBigInt(), before - amount - fee + reward);
  });

  it('fails a transfer above the balance with a named error and moves nothing but the fee', async () => {
    const poor = keyring.addFromUri(`//Poor${Date.now()}`);
    const dest = keyring.addFromUri(`//Dest${Date.now()}`);
    await sendAndWait(api, api.tx.balances.transferKeepAlive(poor.address, 1n * ASK), alice);
    const poorBefore = (await api.query.system.account(poor.address)).data.free.toBigInt();

    const { events, dispatchError } = await sendAndWait(
      api, api.tx.balances.transferAllowDeath(dest.address, 5n * ASK), poor,
    );
    assert.ok(dispatchError, 'the transfer must fail');
    assert.match(errorName(api, dispatchError), /^(Token\.FundsUnavailable|balances\.InsufficientBalance)$/);
    assert.ok(events.some(({ event }) => api.events.system.ExtrinsicFailed.is(event)));
    const fee = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event))
      .event.data.actualFee.toBigInt();
    assert.equal((await api.query.system.account(dest.address)).data.free.toBigInt(), 0n);
    assert.equal((await api.query.system.account(poor.address)).data.free.toBigInt(), poorBefore - fee);
  });

  it('refuses, without including it, a transfer from an account that cannot pay the fee', async () => {
    const empty = keyring.addFromUri(`//Empty${Date.now()}`);
    const tx = api.tx.balances.transferKeepAlive(alice.address, 1n);
    await tx.signAsync(empty, { nonce: 0 });
    await assert.rejects(
      rpc(node.rpcPort, 'author_submitExtrinsic', [tx.toHex()]),
      (e) => e.rpc?.code === 1010 && /Inability to pay some fees/.test(e.message),
    );
    assert.equal((await api.query.system.account(empty.address)).nonce.toNumber(), 0);
  });

  it('refuses a badly signed extrinsic and changes nothing', async () => {
    const dest = keyring.addFromUri(`//BadSig${Date.now()}`);
    const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const tx = api.tx.balances.transferKeepAlive(dest.address, 3n * ASK);
    await tx.signAsync(alice, { nonce });
    // Signed extrinsic layout: length, version, MultiAddress::Id (0x00 + 32-byte key),
    // MultiSignature::Sr25519 (0x01 + 64 bytes), extensions, call. Flip a signature byte.
    const tampered = hexToU8a(tx.toHex()).slice();
    const idStart = u8aIndexOf(tampered, alice.publicKey);
    assert.ok(idStart > 0);
    assert.equal(tampered[idStart + 32], 0x01, 'sr25519 signature follows the address');
    tampered[idStart + 33 + 5] ^= 0xff;
    await assert.rejects(
      rpc(node.rpcPort, 'author_submitExtrinsic', [u8aToHex(tampered)]),
      (e) => e.rpc?.code === 1010 && /bad signature/i.test(e.message),
    );
    assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), nonce);
    assert.equal((await api.query.system.account(dest.address)).data.free.toBigInt(), 0n);
  });

  it('refuses an extrinsic with a stale nonce and changes nothing', async () => {
    const dest = keyring.addFromUri(`//Stale${Date.now()}`);
    const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    assert.ok(nonce > 0, 'alice has sent transactions already');
    const tx = api.tx.balances.transferKeepAlive(dest.address, 2n * ASK);
    await tx.signAsync(alice, { nonce: nonce - 1 });
    await assert.rejects(
      rpc(node.rpcPort, 'author_submitExtrinsic', [tx.toHex()]),
      (e) => e.rpc?.code === 1010 && /outdated/i.test(e.message),
    );
    assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), nonce);
    assert.equal((await api.query.system.account(dest.address)).data.free.toBigInt(), 0n);
  });
});

function u8aIndexOf(hay, needle) {
  outer: for (let i = 0; i + needle.length <= hay.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
