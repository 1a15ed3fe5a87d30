// Recent trades, read from the market's `TradeSettled` events: every trade (a crossing order,
// an offer bought, an auction won, a proposal accepted) is paid out with one. The page reads
// the events of each new block and, once at start, of the last blocks before it.

const MAX_KEPT = 500;

export class Trades {
  constructor(api) {
    this.api = api;
    /** Trades, newest first: `{ block, listing, right, seller, quantity, value, price }`. */
    this.list = [];
    this.seen = new Set();
  }

  async #read(hash, number) {
    if (this.seen.has(hash)) return;
    this.seen.add(hash);
    const at = await this.api.at(hash);
    const records = await at.query.system.events();
    const found = [];
    for (const { event } of records) {
      if (!this.api.events.market.TradeSettled.is(event)) continue;
      const { listing, right, seller, quantity, value } = event.data;
      const q = quantity.toBigInt();
      found.push({
        block: number,
        listing: listing.toBigInt(),
        right: right.toJSON(),
        seller: seller.toString(),
        quantity: q,
        value: value.toBigInt(),
        price: q > 0n ? value.toBigInt() / q : 0n,
      });
    }
    if (found.length) {
      this.list.push(...found);
      this.list.sort((a, b) => b.block - a.block);
      this.list.length = Math.min(this.list.length, MAX_KEPT);
    }
  }

  /** Read a new best block's trades. */
  onBlock(hash, number) {
    return this.#read(hash, number);
  }

  /** Read the `count` blocks before `hash`, newest first. */
  async backfill(hash, count) {
    let header = await this.api.rpc.chain.getHeader(hash);
    for (let i = 0; i < count && header.number.toNumber() > 0; i++) {
      header = await this.api.rpc.chain.getHeader(header.parentHash);
      await this.#read(header.hash.toHex(), header.number.toNumber());
    }
  }

  /** The trades of `listing`, newest first. */
  of(listing) {
    return this.list.filter((t) => t.listing === listing);
  }

  /** The last trade of `listing`, or undefined. */
  last(listing) {
    return this.list.find((t) => t.listing === listing);
  }
}
