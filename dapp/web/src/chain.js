// The connection to a node, the accounts that can sign, and submitting a signed call the way a
// wallet does: fee estimate first, then progress to inclusion and finality, then the outcome
// (the pallet's named error with its doc text when the call failed).

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

export const DEV_ACCOUNTS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

/** The node's endpoint: `?rpc=ws://…` in the page's URL, else the last one used, else the dev default. */
export function endpoint() {
  const fromUrl = new URLSearchParams(window.location.search).get('rpc');
  if (fromUrl) {
    localStorage.setItem('allspark.rpc', fromUrl);
    return fromUrl;
  }
  return localStorage.getItem('allspark.rpc') || 'ws://127.0.0.1:9944';
}

/** Connect; resolves with the API and what the page shows of the chain. */
export async function connect(url) {
  const provider = new WsProvider(url, 2500);
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  const [chain, chainType, props] = await Promise.all([
    api.rpc.system.chain(),
    api.rpc.system.chainType(),
    api.rpc.system.properties(),
  ]);
  await cryptoWaitReady();
  return {
    api,
    chain: chain.toString(),
    dev: chainType.isDevelopment || chainType.isLocal,
    decimals: props.tokenDecimals.isSome ? props.tokenDecimals.unwrap()[0].toNumber() : 12,
    symbol: props.tokenSymbol.isSome ? props.tokenSymbol.unwrap()[0].toString() : 'ASK',
    ss58: props.ss58Format.isSome ? props.ss58Format.unwrap().toNumber() : api.registry.chainSS58,
    blockMs: Number(api.consts.aura?.slotDuration?.toString() ?? 6000) || 6000,
  };
}

/** The well-known dev accounts (`//Alice` …), which sign in the page; only on a dev chain. */
export function devAccounts(ss58) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: ss58 });
  return DEV_ACCOUNTS.map((name) => {
    const pair = keyring.addFromUri(`//${name}`, { name });
    return { address: pair.address, name, source: 'dev', pair };
  });
}

/** The accounts of the polkadot.js browser extension (asks the user to allow this page). */
export async function extensionAccounts(ss58) {
  const { web3Enable, web3Accounts, web3FromSource } = await import('@polkadot/extension-dapp');
  const extensions = await web3Enable('AllSpark Market');
  if (extensions.length === 0) throw new Error('No polkadot.js extension found, or this page was not allowed to use it.');
  const accounts = await web3Accounts({ ss58Format: ss58 });
  return Promise.all(accounts.map(async (a) => {
    const injector = await web3FromSource(a.meta.source);
    return { address: a.address, name: a.meta.name ?? a.address, source: a.meta.source, signer: injector.signer };
  }));
}

// Signing and watching a call, and naming a failed call's error: the harness's implementation,
// shared with the end-to-end suites.
export { describeError, signAndWatch } from 'allspark-harness/tx.js';
// Registration claims: the commitment computed in the page (a node asked for it would learn the
// content hash), and waiting for a claim to be old enough.
export { claimCommitment, waitForClaim } from 'allspark-harness/content.js';
