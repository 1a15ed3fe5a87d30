// The web DApp with the indexer (issue 25), in Debian's headless Chromium: PostgreSQL, an archive
// dev node, the indexer and the built page given both (`?rpc=…&indexer=…`). Trades made through
// @polkadot/api show on the listing's page as a price chart (candles whose volume is what was
// traded) and a trade history with paging; Bob's account page shows his history; the listings
// page searches through the indexer; the top listings rank by volume. Fails on any console
// error; screenshots in ALLSPARK_ARTIFACTS (default dapp/test-results/).

import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, stopNode, connect } from 'allspark-harness/node.js';
import { registerWork } from 'allspark-harness/content.js';
import { sendAndWait, errorName } from 'allspark-harness/tx.js';
import { startPostgres } from 'allspark-harness/postgres.js';
import { startIndexer } from 'allspark-harness/indexer.js';
import { serveStatic, launch, watchedPage, DAPP } from './lib/browser.js';

const SHOTS = process.env.ALLSPARK_ARTIFACTS ?? join(DAPP, 'test-results');
const ASK = 10n ** 12n;
const PERSONAL = { Licence: 'Personal' };

describe('AllSpark Market with the indexer, in Chromium', () => {
  let node; let api; let pg; let indexer; let server; let browser; let page;
  let alice; let bob;
  let listing;
  let traded = 0n;
  const problems = [];
  const tag = `charted-${Date.now().toString(36)}`;
  const shot = (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }).then(() => join(SHOTS, `${name}.png`));
  const open = (route) => page.goto(`${server.url}?rpc=${encodeURIComponent(node.ws)}&indexer=${encodeURIComponent(indexer.url)}${route}`);
  const send = async (tx, signer) => {
    const r = await sendAndWait(api, tx, signer);
    assert.equal(r.dispatchError, undefined, r.dispatchError && errorName(api, r.dispatchError));
    return r;
  };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await cryptoWaitReady();
    pg = await startPostgres();
    node = await startNode({ chain: 'dev', key: 'alice', name: 'dapp-indexer' });
    api = await connect(node);
    indexer = await startIndexer({ pg, rpc: node.ws });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 7307 });
    [alice, bob] = ['Alice', 'Bob'].map((n) => keyring.addFromUri(`//${n}`));
    server = await serveStatic();
    browser = await launch();
    page = await watchedPage(browser, problems);
  });

  afterEach(() => {
    assert.deepEqual(problems.splice(0), [], 'the page logged errors');
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (indexer) await indexer.stop();
    if (api) await api.disconnect();
    if (node) await stopNode(node);
    if (pg) await pg.stop();
  });

  it('draws the price chart and the trade history from the indexer', async (t) => {
    listing = await registerWork(api, alice, `A ${tag} work`, { personal: true });
    // Three trades at two prices: Alice's asks taken by Bob's buys.
    for (const [price, units] of [[5n, 2], [7n, 1], [6n, 1]]) {
      await send(api.tx.market.placeOrder(listing, PERSONAL, 'Sell', price * ASK, units, null, false, null), alice);
      const r = await send(api.tx.market.placeOrder(listing, PERSONAL, 'Buy', price * ASK, units, null, false, null), bob);
      traded += price * ASK * BigInt(units);
      await indexer.reach((await api.rpc.chain.getHeader(r.blockHash)).number.toNumber());
    }
    await open(`#/listing/${listing}`);
    await page.waitForFunction((v) => document.querySelector('#price-chart')?.dataset.volume === v, traded.toString(), { timeout: 60_000 });
    assert.equal(await page.getAttribute('#price-chart', 'data-candles'), '1');
    assert.ok(await page.locator('#price-chart canvas').count() > 0, 'the chart is drawn');
    assert.match(await page.textContent('#chart-section .chart-info'), /3 trades · 23 ASK traded/);
    const rows = page.locator('#trade-history tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    assert.equal(await rows.count(), 3);
    assert.match(await rows.first().textContent(), /Order.*Licence \(Personal\).*6 ASK/);
    t.diagnostic(`screenshot: ${await shot('indexer-01-chart')}`);
  });

  it("shows an account's history, a page at a time", async (t) => {
    // Bob's account in the page: the dev accounts are offered on a dev chain.
    await open('#/account');
    await page.selectOption('#account', { label: 'Bob (dev)' });
    const rows = page.locator('#account-history tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    const names = await page.locator('#account-history td.event').allTextContents();
    assert.ok(names.includes('Market.RightGranted'), names.join(','));
    // Bob is named in more events than a page holds: the pager moves to older ones and back.
    const total = Number(/\((\d+)\)/.exec(await page.textContent('.pager .pages'))?.[1]);
    assert.ok(total > 0);
    if (total > 20) {
      const first = await rows.first().getAttribute('data-event');
      await page.click('.pager button.older');
      await page.waitForFunction((f) => document.querySelector('#account-history tbody tr')?.dataset.event !== f, first);
      await page.click('.pager button.newer');
      await page.waitForFunction((f) => document.querySelector('#account-history tbody tr')?.dataset.event === f, first);
    }
    t.diagnostic(`${total} events; screenshot: ${await shot('indexer-02-history')}`);
  });

  it('searches through the indexer and ranks the top listings', async (t) => {
    await open('#/listings');
    await page.locator('.filters .source').waitFor({ timeout: 30_000 });
    await page.fill('input[name="search"]', tag);
    const row = page.locator(`#listings tr[data-listing="${listing}"]`);
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('#listings tbody tr').count(), 1);
    assert.match(await row.textContent(), /Active.*6 ASK.*23 ASK/);
    await page.click('nav a[href="#/top"]');
    const top = page.locator(`#top-volume tr[data-listing="${listing}"]`);
    await top.waitFor({ timeout: 30_000 });
    assert.equal(await top.locator('.volume').textContent(), '23 ASK');
    t.diagnostic(`screenshot: ${await shot('indexer-03-top')}`);
  });
});
