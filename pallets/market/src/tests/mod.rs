//! Unit tests of the market pallet against the mock runtime (real balances, token and content
//! pallets). Every test ends with the pallet's invariants and the conservation of issuance.

use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok};
use pallet_allspark_content::Category;
use sp_runtime::Permill;

mod auctions;
mod cancel;
mod expiry;
mod lazy_settlement;
mod matching;
mod migrations;
mod offers;
mod order_book;
mod properties;
mod requests;
mod settlement;

fn charge(value: Balance) -> Balance {
	(value * 2).div_ceil(100).max(5)
}

fn licence_units(who: AccountId, listing: ListingId, right: Right) -> Quantity {
	Licences::<Test>::get(who, (listing, right)).map_or(0, |l| l.units)
}

fn owner(listing: ListingId) -> Option<AccountId> {
	<Content as pallet_allspark_content::ContentInspect<AccountId, u64>>::owner(listing)
}

fn escrow(who: AccountId) -> Balance {
	Market::escrow_of(&who)
}

/// Place a limit order with every parameter, then end the block: the resting orders it
/// filled are settled (see `mod lazy_settlement` for what happens in between).
#[allow(clippy::too_many_arguments)]
fn order(
	who: AccountId,
	listing: ListingId,
	right: Right,
	side: Side,
	price: Balance,
	quantity: Quantity,
	expires_at: Option<u64>,
	fill_or_kill: bool,
	referrer: Option<AccountId>,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	let result =
		raw_order(who, listing, right, side, price, quantity, expires_at, fill_or_kill, referrer);
	if result.is_ok() {
		settle_all();
	}
	result
}

/// Place a limit order and leave its fills unsettled.
#[allow(clippy::too_many_arguments)]
fn raw_order(
	who: AccountId,
	listing: ListingId,
	right: Right,
	side: Side,
	price: Balance,
	quantity: Quantity,
	expires_at: Option<u64>,
	fill_or_kill: bool,
	referrer: Option<AccountId>,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Market::place_order(
		RuntimeOrigin::signed(who),
		listing,
		right,
		side,
		price,
		quantity,
		expires_at,
		fill_or_kill,
		referrer,
	)
}

fn book_levels(listing: ListingId, side: Side) -> Vec<(Balance, u64, u32)> {
	let book = Market::book(listing, PERSONAL, 10);
	let levels = if side == Side::Buy { book.bids } else { book.asks };
	levels.into_iter().map(|l| (l.price, l.quantity, l.orders)).collect()
}

fn offer(mode: PricingMode<Balance, u64>, quantity: Quantity) -> OfferId {
	let id = NextOfferId::<Test>::get();
	assert_ok!(Market::create_offer(
		RuntimeOrigin::signed(ALICE),
		0,
		PERSONAL,
		mode,
		quantity,
		None
	));
	id
}
