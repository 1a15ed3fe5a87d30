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

/** The events of one extrinsic (by index in its block), as `section.method` → event. */
export function eventsOf(records, extrinsicIndex) {
  return records
    .filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.eqn(extrinsicIndex))
    .map(({ event }) => event);
}
