// Submitting extrinsics and reading their outcome the way a wallet does: the one implementation
// of "sign, submit, read the outcome" with @polkadot/api, shared by the end-to-end suites, the
// doc tools and the web DApp (dapp/web/src/chain.js re-exports it; it runs in a browser too).
// The typed client (dapp/src/flows.js) has its own, on polkadot-api.

/**
 * The named error of a failed dispatch, read from the metadata: `{ name: 'market.SelfTrade',
 * docs }` for a pallet's error, `Token.FundsUnavailable`, `Arithmetic.Overflow` and the like for
 * the others.
 */
export function describeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const e = api.registry.findMetaError(dispatchError.asModule);
    return { name: `${e.section}.${e.name}`, docs: e.docs.join(' ').trim() };
  }
  if (dispatchError.isToken) return { name: `Token.${dispatchError.asToken.type}`, docs: 'The balance operation failed.' };
  if (dispatchError.isArithmetic) return { name: `Arithmetic.${dispatchError.asArithmetic.type}`, docs: '' };
  return { name: dispatchError.type, docs: '' };
}

/** `section.Name` of a dispatch error ([`describeError`]'s name). */
export function errorName(api, dispatchError) {
  return describeError(api, dispatchError).name;
}

/**
 * Sign and send `tx` from `account` (`{ pair }`, or `{ address, signer }` for an injected
 * signer), reporting each step to `on(step, detail)`: `ready`, `broadcast`, `inBlock` (block
 * hash), `finalized` (block hash). Resolves at inclusion with `{ ok, error, events, records,
 * dispatchError, blockHash, finalized }`: `events` the extrinsic's events, `records` their
 * records, `finalized` a promise of the finalized block's hash (never settled when
 * `watchFinality` is false: the subscription ends at inclusion). Rejects when the transaction is
 * invalid, dropped or usurped, or its signing fails.
 */
export function signAndWatch(api, tx, account, on = () => {}, { watchFinality = true, ...options } = {}) {
  return new Promise((resolve, reject) => {
    let included = false;
    let ended = false;
    let resolveFinal;
    let rejectFinal;
    const finalized = new Promise((res, rej) => { resolveFinal = res; rejectFinal = rej; });
    finalized.catch(() => {});
    const signer = account.pair ?? account.address;
    const opts = account.pair ? options : { ...options, signer: account.signer };
    let unsub = null;
    const end = () => {
      ended = true;
      if (unsub) unsub();
    };
    const include = (blockHash, events, dispatchError) => {
      included = true;
      resolve({
        ok: !dispatchError,
        error: dispatchError ? describeError(api, dispatchError) : null,
        events: events.map(({ event }) => event),
        records: events,
        dispatchError,
        blockHash,
        finalized,
      });
    };
    tx.signAndSend(signer, opts, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isReady) on('ready');
      else if (status.isBroadcast) on('broadcast');
      else if (status.isInBlock && !included) {
        const blockHash = status.asInBlock.toHex();
        on('inBlock', blockHash);
        include(blockHash, events, dispatchError);
        if (!watchFinality) end();
      } else if (status.isFinalized) {
        const hash = status.asFinalized.toHex();
        if (!included) include(hash, events, dispatchError);
        on('finalized', hash);
        resolveFinal(hash);
        end();
      } else if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
        const err = new Error(`The transaction was ${status.type.toLowerCase()}.`);
        rejectFinal(err);
        if (!included) reject(err);
        end();
      }
    }).then((u) => {
      unsub = u;
      if (ended) u();
    }).catch(reject);
  });
}

/**
 * Sign and send `tx` from `signer` (a key pair, or an address with `options.signer`), resolve
 * once it is in a block with its event records, the block hash, its dispatch error and the
 * signed extrinsic's hex. Rejects if the pool refuses it or it is not in a block within 120 s.
 */
export async function sendAndWait(api, tx, signer, { signer: injected, ...options } = {}) {
  const account = injected ? { address: signer, signer: injected } : { pair: signer };
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('extrinsic not included within 120 s')), 120_000);
  });
  try {
    const r = await Promise.race([
      signAndWatch(api, tx, account, () => {}, { ...options, watchFinality: false }),
      timeout,
    ]);
    return { blockHash: r.blockHash, events: r.records, dispatchError: r.dispatchError, hex: tx.toHex() };
  } finally {
    clearTimeout(timer);
  }
}

/** The event records of one extrinsic, by its index in its block. */
export function recordsOf(records, extrinsicIndex) {
  return records.filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.eqn(extrinsicIndex));
}

/**
 * The event records of extrinsic `txHash` in block `blockHash`, decoded with the metadata of the
 * runtime that executed the block: its parent's. @polkadot/api decodes a block's events with the
 * runtime of the block's own state, which in the block that enacts a runtime upgrade is already
 * the new one; once the api has switched to the new metadata it misreads that block's events.
 */
export async function executedEvents(api, blockHash, txHash) {
  const { block } = await api.rpc.chain.getBlock(blockHash);
  const index = block.extrinsics.findIndex((x) => x.hash.eq(txHash));
  if (index < 0) throw new Error(`extrinsic ${txHash} is not in block ${blockHash}`);
  const parent = await api.at(block.header.parentHash);
  const entry = parent.query.system.events;
  const stored = await api.rpc.state.getStorage(entry.key(), blockHash);
  const raw = stored.isSome === undefined ? stored : stored.unwrap();
  const type = parent.registry.lookup.getTypeDef(entry.creator.meta.type.asPlain).type;
  return recordsOf(parent.registry.createType(type, raw.toU8a(true)), index);
}

/**
 * Dispatch `call` through `sudo` (`sudo.sudo`, or `sudo.sudoUncheckedWeight` with zero weight
 * when `uncheckedWeight`), signed by the sudo key `signer`. Resolves with the inclusion result
 * (its `events` read with the runtime that executed the block, so a `system.setCode` is read
 * right) and `result`, the inner call's `Result` from the `Sudid` event.
 */
export async function sudo(api, call, signer, { uncheckedWeight = false } = {}) {
  const tx = uncheckedWeight
    ? api.tx.sudo.sudoUncheckedWeight(call, { refTime: 0, proofSize: 0 })
    : api.tx.sudo.sudo(call);
  const included = await sendAndWait(api, tx, signer);
  const events = await executedEvents(api, included.blockHash, tx.hash);
  const sudid = events.find(({ event }) => api.events.sudo.Sudid.is(event));
  if (!sudid) throw new Error(`no Sudid event: ${included.dispatchError ? errorName(api, included.dispatchError) : 'not dispatched'}`);
  return { ...included, events, result: sudid.event.data.sudoResult };
}
