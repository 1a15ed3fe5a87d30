// Connecting to an AllSpark node with polkadot-api and the descriptors generated from the runtime
// (`npm run descriptors`), in Node.js (the `ws` package's WebSocket) or in a browser.

import { createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { allspark } from '@polkadot-api/descriptors';

export { allspark };

/**
 * A client for the node at `url` (`ws://…`) and its typed API.
 * @param {string} url
 * @param {{ WebSocket?: typeof globalThis.WebSocket }} [o]  the WebSocket class (Node 20 has none)
 */
export async function connect(url, o = {}) {
  const WebSocketClass = o.WebSocket ?? globalThis.WebSocket ?? (await import('ws')).WebSocket;
  const client = createClient(getWsProvider(url, { websocketClass: WebSocketClass }));
  const api = client.getTypedApi(allspark);
  return { client, api };
}
