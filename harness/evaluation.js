// What a DApp computes for the evaluation pallet, shared by the suites, the fee table and the soak.

import { blake2AsHex, decodeAddress } from '@polkadot/util-crypto';
import { u8aConcat } from '@polkadot/util';

/**
 * The commitment an evaluator signs at `commit`: blake2-256 of the SCALE encoding of
 * (score: u8, salt: [u8; 32], account), as the runtime recomputes it at `reveal`.
 */
export const commitmentOf = (score, salt, address) =>
  blake2AsHex(u8aConcat(new Uint8Array([score]), salt, decodeAddress(address)), 256);
