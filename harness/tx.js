// Submitting extrinsics and reading their outcome the way a wallet does.

/**
 * Sign and send `tx` from `signer`, resolve once it is in a block with its events, the block
 * hash, the parent hash and the signed extrinsic's hex. Rejects if the pool refuses it.
 */
export function sendAndWait(api, tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub;
    const timer = setTimeout(() => {
      if (unsub) unsub();
      reject(new Error('extrinsic not included within 120 s'));
    }, 120_000);
    tx.signAndSend(signer, options, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInBlock) {
        clearTimeout(timer);
        if (unsub) unsub();
        resolve({ blockHash: status.asInBlock.toHex(), events, dispatchError, hex: tx.toHex() });
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        clearTimeout(timer);
        if (unsub) unsub();
        reject(new Error(`extrinsic ${status.type}`));
      }
    }).then((u) => { unsub = u; }).catch((e) => { clearTimeout(timer); reject(e); });
  });
}

/** `section.Name` of a dispatch error, read from the metadata. */
export function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    return `${meta.section}.${meta.name}`;
  }
  if (dispatchError.isToken) return `Token.${dispatchError.asToken.type}`;
  return dispatchError.type;
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
