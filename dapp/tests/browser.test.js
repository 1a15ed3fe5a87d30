// The AllSpark Market in a real browser (Debian's headless Chromium, driven by playwright-core)
// against the real dev node: the page loads and follows new blocks; a listing registered by the
// test outside the page appears in it; a work is registered through the page; as the dev
// accounts, Alice's resting sell order is crossed by Bob's buy order and the page shows the book
// and Bob's licence change; Bob cancels a resting bid from his account page; Alice offers an
// English auction and Bob's bid shows with its countdown; an order is signed through a wallet
// injected as the polkadot.js extension injects itself; a refused action shows the pallet's named error with its doc text;
// an evaluator commits (the salt kept by the page) and reveals. Every test fails on a console
// error or an uncaught page error; screenshots are saved (ALLSPARK_ARTIFACTS, default
// dapp/test-results/).

import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { startNode, stopNode, connect, devAccount } from 'allspark-harness/node.js';
import { claimContent } from 'allspark-harness/content.js';
import { sendAndWait } from 'allspark-harness/tx.js';
import { serveStatic, launch, watchedPage, DAPP } from './lib/browser.js';

const SHOTS = process.env.ALLSPARK_ARTIFACTS ?? join(DAPP, 'test-results');
const TX_TIMEOUT = 90_000;

describe('AllSpark Market in Chromium', () => {
  let node;
  let api;
  let server;
  let browser;
  let page;
  let alice;
  let bob;
  const problems = [];
  let listing;
  const tag = Date.now().toString(36);

  const shot = async (name) => {
    const path = join(SHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  };
  const chooseAccount = async (name) => {
    await page.selectOption('#account', { label: `${name} (dev)` });
  };
  /** Confirm the newest action in the activity panel; resolve with its card once it is decided. */
  const confirmAndWait = async () => {
    const card = page.locator('#activity .tx').first();
    await card.locator('button.confirm').click({ timeout: 30_000 });
    await page.waitForFunction(() => ['included', 'finalized', 'failed', 'error']
      .includes(document.querySelector('#activity .tx')?.getAttribute('data-state')), null, { timeout: TX_TIMEOUT });
    return card;
  };
  const submitForm = async (form, values) => {
    const f = page.locator(`form[data-form="${form}"]`);
    for (const [name, value] of Object.entries(values)) {
      const el = f.locator(`[name="${name}"]`);
      if (await el.evaluate((e) => e.tagName) === 'SELECT') await el.selectOption(value);
      else if (await el.getAttribute('type') === 'checkbox') await el.setChecked(value);
      else await el.fill(value);
    }
    await f.locator('button[type="submit"]').click();
    return confirmAndWait();
  };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    node = await startNode({ chain: 'dev', key: 'alice', name: 'dapp-browser' });
    api = await connect(node);
    alice = devAccount('Alice');
    bob = devAccount('Bob');
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
    if (api) await api.disconnect();
    if (node) await stopNode(node);
  });

  it('loads and follows new blocks', async (t) => {
    const started = Date.now();
    await page.goto(`${server.url}?rpc=${encodeURIComponent(node.ws)}#/listings`);
    await page.waitForSelector('#best[data-number]', { timeout: 60_000 });
    const firstBlockMs = Date.now() - started;
    const first = Number(await page.getAttribute('#best', 'data-number'));
    t.diagnostic(`time from page load to first rendered block: ${firstBlockMs} ms (block #${first})`);
    assert.equal(await page.textContent('#chain-name'), 'AllSpark Development');
    await page.waitForFunction((n) => Number(document.querySelector('#best').dataset.number) > n, first, { timeout: 60_000 });
    assert.match(await page.textContent('#finalized'), /^\d/);
    t.diagnostic(`screenshot: ${await shot('01-loaded')}`);
  });

  it('shows a listing registered outside the page, live', async (t) => {
    const title = `Outside work ${tag}`;
    const outside = `0x${createHash('sha256').update(title).digest('hex')}`;
    await claimContent(api, bob, outside);
    const r = await sendAndWait(api, api.tx.content.register(outside, title, 'Audio', {
      personal: true, commercial: false, republication: false, licenceDuration: 14_400, distributorCommission: 0,
    }, []), bob);
    assert.equal(r.dispatchError, undefined);
    const row = page.locator('#listings tr', { hasText: title });
    await row.waitFor({ timeout: 60_000 });
    assert.match(await row.textContent(), /Audio.*Active/);
    await page.fill('input[name="search"]', tag);
    await page.waitForFunction(() => document.querySelector('#listings .count')?.textContent.startsWith('1 of'));
    t.diagnostic(`screenshot: ${await shot('02-listing-appeared')}`);
    await page.fill('input[name="search"]', '');
  });

  it('registers a work as Alice, showing the fee before signing', async (t) => {
    await chooseAccount('Alice');
    await page.goto(`${server.url}?rpc=${encodeURIComponent(node.ws)}#/register`);
    const f = page.locator('form[data-form="register"]');
    await f.locator('[name="metadata"]').fill(`Browser work ${tag}`);
    await f.locator('[name="content"]').fill(`the text of a work ${tag}`);
    await f.locator('[name="category"]').selectOption('Text');
    await f.locator('[name="commercial"]').setChecked(true);
    await f.locator('[name="duration"]').fill('14400');
    await f.locator('button[type="submit"]').click();
    // Two signatures: the blind claim first, then the registration once the claim is old enough.
    const txCard = (title) => page.locator('#activity .tx', { has: page.locator('h3', { hasText: title }) });
    const claim = txCard('Claim the work (step 1 of 2)');
    const fee = claim.locator('.fee');
    await fee.waitFor({ timeout: 30_000 });
    assert.match(await fee.textContent(), /^0\.\d+ ASK$|^\d[\d,]*(\.\d+)? ASK$/);
    await claim.locator('button.confirm').click({ timeout: 30_000 });
    await claim.and(page.locator('[data-state="included"], [data-state="finalized"]')).waitFor({ timeout: TX_TIMEOUT });
    assert.match(await claim.textContent(), /content\.ContentClaimed/);
    const card = txCard('Register a work (step 2 of 2)');
    await card.locator('.fee').waitFor({ timeout: 60_000 });
    await card.locator('button.confirm').click({ timeout: 30_000 });
    await card.and(page.locator('[data-state="included"], [data-state="finalized"], [data-state="failed"], [data-state="error"]')).waitFor({ timeout: TX_TIMEOUT });
    assert.equal(await card.getAttribute('data-state').then((s) => ['included', 'finalized'].includes(s)), true, await card.textContent());
    listing = await card.locator('.registered').getAttribute('data-listing');
    assert.match(listing, /^\d+$/);
    assert.match(await card.textContent(), /content\.ListingRegistered/);
    const onChain = (await api.call.contentApi.listing(listing)).unwrap();
    assert.equal(onChain.metadata.toUtf8(), `Browser work ${tag}`);
    assert.equal(onChain.owner.toHex(), `0x${Buffer.from(alice.publicKey).toString('hex')}`);
    await page.waitForFunction(() => document.querySelector('#activity .tx')?.getAttribute('data-state') === 'finalized', null, { timeout: TX_TIMEOUT });
    t.diagnostic(`listing #${listing}; screenshot: ${await shot('03-registered')}`);
  });

  it('crosses Alice\'s resting sell with Bob\'s buy: the book and the licence update', async (t) => {
    await page.click(`#activity .registered a`);
    await page.locator('#details .title').waitFor();
    await submitForm('order', { side: 'Sell', price: '5', quantity: '3' });
    const ask = page.locator('#book .book-side.ask tr[data-price]');
    await page.waitForFunction(() => document.querySelector('#book .book-side.ask tr[data-price] .qty')?.textContent === '3', null, { timeout: 30_000 });
    assert.equal(await ask.count(), 1);
    assert.equal(await ask.getAttribute('data-price'), (5n * 10n ** 12n).toString());
    t.diagnostic(`screenshot: ${await shot('04-ask-resting')}`);

    await chooseAccount('Bob');
    const card = await submitForm('order', { side: 'Buy', price: '5', quantity: '2' });
    assert.equal(await card.getAttribute('data-state').then((s) => ['included', 'finalized'].includes(s)), true, await card.textContent());
    assert.match(await card.textContent(), /market\.OrderFilled/);
    await page.waitForFunction(() => document.querySelector('#book .book-side.ask tr[data-price] .qty')?.textContent === '1', null, { timeout: 30_000 });
    await page.locator('#trades tr', { hasText: '5 ASK' }).first().waitFor({ timeout: 30_000 });
    t.diagnostic(`screenshot: ${await shot('05-crossed')}`);

    await page.click('nav a[href="#/account"]');
    const licence = page.locator(`#licences tr[data-licence="${listing}-Licence (Personal)"]`);
    await licence.waitFor({ timeout: 30_000 });
    assert.equal(await licence.locator('.units').textContent(), '2');
    assert.equal(await licence.locator('.validity').textContent(), 'valid');
    const l = (await api.call.marketApi.licence(bob.address, listing, { Licence: 'Personal' })).unwrap();
    assert.equal(l.units.toNumber(), 2);
    t.diagnostic(`screenshot: ${await shot('06-bob-licence')}`);
  });

  it('cancels Bob\'s resting bid from his account page, releasing its hold', async (t) => {
    await page.goto(`${server.url}?rpc=${encodeURIComponent(node.ws)}#/listing/${listing}`);
    await page.locator('#details .title').waitFor();
    await submitForm('order', { side: 'Buy', price: '3', quantity: '1' });
    await page.locator('#book .book-side.bid tr[data-price]').first().waitFor({ timeout: 30_000 });
    const heldBefore = (await api.query.system.account(bob.address)).data.reserved.toBigInt();
    await page.click('nav a[href="#/account"]');
    const row = page.locator('#orders tr[data-order]');
    await row.first().waitFor({ timeout: 30_000 });
    assert.equal(await row.count(), 1);
    await row.first().locator('button.cancel-order').click();
    const card = await confirmAndWait();
    assert.match(await card.textContent(), /market\.OrderRemoved/, await card.textContent());
    await page.locator('#orders', { hasText: 'No open orders.' }).waitFor({ timeout: 30_000 });
    const heldAfter = (await api.query.system.account(bob.address)).data.reserved.toBigInt();
    assert.equal(heldBefore - heldAfter, 3n * 10n ** 12n, 'the bid\'s 3 ASK are released');
    t.diagnostic(`screenshot: ${await shot('07-cancelled')}`);
  });

  it('runs an English auction: Alice offers, Bob bids, the offer shows the bid and its countdown', async (t) => {
    await chooseAccount('Alice');
    await page.goto(`${server.url}?rpc=${encodeURIComponent(node.ws)}#/listing/${listing}`);
    await page.locator('#details .title').waitFor();
    let card = await submitForm('offer', { right: 'commercial', mode: 'English', price: '2', second: '1', end: '200', quantity: '1' });
    assert.match(await card.textContent(), /market\.OfferCreated/, await card.textContent());
    const offerRow = page.locator('#offers tr[data-offer]').first();
    await offerRow.waitFor({ timeout: 30_000 });
    const offer = await offerRow.getAttribute('data-offer');
    assert.match(await offerRow.textContent(), /English auction.*reserve 2 ASK, no bids/);
    await chooseAccount('Bob');
    card = await submitForm('bid', { offer, amount: '3' });
    assert.match(await card.textContent(), /market\.AuctionBidPlaced/, await card.textContent());
    await page.locator('#offers tr[data-offer]', { hasText: 'highest bid 3 ASK by Bob' }).waitFor({ timeout: 30_000 });
    const left = Number(await page.locator('#offers .countdown').getAttribute('data-blocks'));
    assert.ok(left > 0 && left <= 200, `blocks left: ${left}`);
    const view = (await api.call.marketApi.offer(offer)).unwrap();
    assert.equal(view.bestBid.unwrap().toBigInt(), 3n * 10n ** 12n);
    t.diagnostic(`offer ${offer}, ${left} blocks left; screenshot: ${await shot('08-auction-bid')}`);
  });

  it('shows the pallet\'s named error and its doc text when an action is refused', async (t) => {
    await chooseAccount('Bob');
    await page.goto(`${server.url}?rpc=${encodeURIComponent(node.ws)}#/listing/${listing}`);
    await page.locator('#details .title').waitFor();
    const before = (await api.call.marketApi.book(listing, { Licence: 'Personal' }, 10)).toJSON();
    const card = await submitForm('order', { side: 'Sell', price: '4', quantity: '1' });
    assert.equal(await card.getAttribute('data-state'), 'failed');
    assert.equal(await card.locator('.error-name').textContent(), 'market.NotListingOwner');
    assert.match(await card.locator('.error-docs').textContent(), /Only the listing's owner may sell its rights/);
    assert.deepEqual((await api.call.marketApi.book(listing, { Licence: 'Personal' }, 10)).toJSON(), before);
    t.diagnostic(`screenshot: ${await shot('09-named-error')}`);
  });

  it('signs through a polkadot.js-compatible browser extension', async (t) => {
    // A wallet injected the way the polkadot.js extension injects itself (window.injectedWeb3);
    // it signs in the test process with Dave's key, so the page never holds the key.
    const dave = devAccount('Dave');
    const signed = [];
    await page.exposeFunction('testWalletSign', (payload) => {
      signed.push(payload);
      const { signature } = api.registry.createType('ExtrinsicPayload', payload, { version: payload.version }).sign(dave);
      return signature;
    });
    await page.addInitScript((address) => {
      const accounts = [{ address, name: 'Wallet Dave', type: 'sr25519' }];
      window.injectedWeb3 = {
        'test-wallet': {
          version: '1.0.0',
          enable: async () => ({
            accounts: { get: async () => accounts, subscribe: (cb) => { cb(accounts); return () => {}; } },
            signer: { signPayload: async (payload) => ({ id: 1, signature: await window.testWalletSign(payload) }) },
          }),
        },
      };
    }, dave.address);
    // A new document (not a hash change), so the wallet is injected before the page runs.
    await page.goto(`${server.url}?rpc=${encodeURIComponent(node.ws)}&wallet=test#/listing/${listing}`);
    await page.locator('#details .title').waitFor();
    await page.click('#extension');
    await page.locator('#notice').waitFor({ timeout: 30_000 });
    assert.equal(await page.textContent('#notice'), '1 account(s) from the extension.');
    await page.selectOption('#account', { label: 'Wallet Dave (test-wallet)' });
    const card = await submitForm('order', { side: 'Buy', price: '5', quantity: '1' });
    assert.match(await card.textContent(), /market\.OrderFilled/, await card.textContent());
    assert.equal(signed.length, 1, 'the wallet signed the order');
    const l = (await api.call.marketApi.licence(dave.address, listing, { Licence: 'Personal' })).unwrap();
    assert.equal(l.units.toNumber(), 1);
    t.diagnostic(`screenshot: ${await shot('10-extension-signed')}`);
  });

  it('opens a round, commits with a kept salt and reveals it', async (t) => {
    await chooseAccount('Charlie');
    await page.goto(`${server.url}?rpc=${encodeURIComponent(node.ws)}#/listing/${listing}`);
    await page.locator('#details .title').waitFor();
    let card = await submitForm('open-round', {});
    assert.match(await card.textContent(), /evaluation\.RoundOpened/);
    await page.locator('#evaluation .round[data-phase="Commit"]').waitFor({ timeout: 30_000 });
    card = await submitForm('commit', { score: '70', stake: '10' });
    assert.match(await card.textContent(), /evaluation\.Committed/, await card.textContent());
    await page.locator('#evaluation .mine', { hasText: 'score 70 kept in this browser' }).waitFor({ timeout: 30_000 });
    t.diagnostic(`screenshot: ${await shot('11-committed')}`);
    await page.locator('#evaluation .round[data-phase="Reveal"]').waitFor({ timeout: 120_000 });
    card = await submitForm('reveal', {});
    assert.match(await card.textContent(), /evaluation\.Revealed/, await card.textContent());
    await page.locator('#evaluation .mine', { hasText: 'You revealed 70.' }).waitFor({ timeout: 30_000 });
    t.diagnostic(`screenshot: ${await shot('12-revealed')}`);
  });

  it('offers a copyright and only the recipient\'s own signature carries it out', async (t) => {
    const title = `Gift ${tag}`;
    const giftHash = `0x${createHash('sha256').update(title).digest('hex')}`;
    await claimContent(api, bob, giftHash);
    const r = await sendAndWait(api, api.tx.content.register(giftHash, title, 'Text', {
      personal: true, commercial: false, republication: false, licenceDuration: null, distributorCommission: 0,
    }, []), bob);
    assert.equal(r.dispatchError, undefined);
    const gift = r.events.find(({ event }) => api.events.content.ListingRegistered.is(event)).event.data.listing.toNumber();
    await chooseAccount('Bob');
    await page.goto(`${server.url}?rpc=${encodeURIComponent(node.ws)}#/listing/${gift}`);
    await page.locator('#details .title').waitFor();
    let card = await submitForm('offer-copyright', { to: alice.address });
    assert.match(await card.textContent(), /content\.CopyrightTransferOffered/, await card.textContent());
    assert.ok((await api.call.contentApi.listing(gift)).unwrap().owner.eq(bob.address), 'an offer moves nothing');
    await chooseAccount('Alice');
    card = await submitForm('accept-copyright', {});
    assert.match(await card.textContent(), /content\.CopyrightTransferred/, await card.textContent());
    assert.ok((await api.call.contentApi.listing(gift)).unwrap().owner.eq(alice.address), 'the recipient owns it');
    t.diagnostic(`screenshot: ${await shot('13-copyright-accepted')}`);
  });
});
