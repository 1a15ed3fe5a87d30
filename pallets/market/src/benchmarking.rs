//! Benchmarks of the market pallet at worst-case setups: listings with the most co-creators,
//! every buyer referred by its own distributor, full price ladders, and the most fills (each
//! against a different resting order, on as many price levels as the book takes) per call.

use super::*;
use allspark_primitives::Category;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Get, Hooks,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{Bounded, One, Saturating, Zero};

const PERSONAL: Right = Right::Licence(LicenceKind::Personal);

/// A unit of price: far above any service charge minimum and existential deposit.
fn unit<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000_000u32.into())
}

/// An account with plenty of funds.
fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	T::Currency::set_balance(&who, unit::<T>().saturating_mul(1_000_000u32.into()));
	who
}

/// The account that signs the benchmarked call, funded. Its account record is whitelisted, as
/// a transaction's signer's is already read and written by its fee payment (the same convention
/// as `pallet_balances::transfer_keep_alive`, the benchmark every ratio is taken against).
fn funded_caller<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	T::Currency::set_balance(&who, unit::<T>().saturating_mul(1_000_000u32.into()));
	who
}

/// A listing with the most co-creators, owned by a funded creator.
fn setup_listing<T: Config>() -> (T::AccountId, ListingId) {
	setup_listing_of::<T>(funded::<T>("creator", 0))
}

/// A listing with the most co-creators, owned by `owner` (funded), scored so that its trades
/// earn era rewards (the evaluation pallet credits each trade to its revenue shares).
fn setup_listing_of<T: Config>(owner: T::AccountId) -> (T::AccountId, ListingId) {
	T::BenchmarkHelper::configure_service_charge();
	let listing = T::BenchmarkHelper::create_listing(&owner, u32::MAX);
	T::BenchmarkHelper::score_listing(listing);
	(owner, listing)
}

/// A distributor on `listing`, with its own account.
fn distributor<T: Config>(listing: ListingId, i: u32) -> T::AccountId {
	let who = funded::<T>("distributor", i);
	Licences::<T>::insert(
		&who,
		(listing, Right::Distribution),
		Licence { units: 1, granted_at: Zero::zero(), expires_at: None },
	);
	who
}

fn now<T: Config>() -> BlockNumberOf<T> {
	frame_system::Pallet::<T>::block_number()
}

fn expiry<T: Config>() -> BlockNumberOf<T> {
	now::<T>().saturating_add(T::MaxOrderLifetime::get())
}

/// `who` places a one-book order of `quantity` units at `price` (buy orders referred by
/// `referrer`), expected to succeed as `what`.
fn order<T: Config>(
	who: T::AccountId,
	listing: ListingId,
	side: Side,
	price: BalanceOf<T>,
	quantity: Quantity,
	referrer: Option<T::AccountId>,
	what: &'static str,
) {
	Pallet::<T>::do_place_order(
		who, listing, PERSONAL, side, price, quantity, None, false, referrer,
	)
	.expect(what);
}

/// A Dutch auction from 100 units of price down to one, ending at `end`.
fn dutch<T: Config>(end: BlockNumberOf<T>) -> PricingMode<BalanceOf<T>, BlockNumberOf<T>> {
	PricingMode::Dutch {
		start_price: unit::<T>().saturating_mul(100u32.into()),
		floor_price: unit::<T>(),
		end,
	}
}

/// Request 0, posted by a funded requester (returned) with a budget of ten units, and `p`
/// proposals at `price`, each of another listing of `owner`'s (with the most co-creators).
fn post_request_with_proposals<T: Config>(
	owner: &T::AccountId,
	p: u32,
	price: BalanceOf<T>,
) -> T::AccountId {
	let requester = funded::<T>("requester", 0);
	let budget = unit::<T>().saturating_mul(10u32.into());
	Pallet::<T>::do_post_request(
		requester.clone(),
		Category::Audio,
		PERSONAL,
		budget,
		expiry::<T>(),
		[1u8; 32],
	)
	.expect("posted");
	for _ in 0..p {
		let (_, listing) = setup_listing_of::<T>(owner.clone());
		Pallet::<T>::do_propose(owner.clone(), 0, listing, price).expect("proposed");
	}
	requester
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The owner sells `l + f + 1` units into `l + f` resting bids of as many buyers, each
	/// referred by its own distributor (so each fill checks the charge and commission it will
	/// owe), on `l` price levels (`f` fills beyond one a level); each bid is queued for
	/// settlement; the last unit rests, opening a new level at the front of a sell ladder one
	/// short of full.
	#[benchmark]
	fn place_sell_order(
		l: Linear<1, { T::MaxPriceLevels::get().min(T::MaxFillsPerCall::get()) }>,
		f: Linear<0, { T::MaxFillsPerCall::get().saturating_sub(T::MaxPriceLevels::get()) }>,
	) {
		let (owner, listing) = setup_listing_of::<T>(funded_caller::<T>());
		let levels = T::MaxPriceLevels::get();
		let base = unit::<T>().saturating_mul(1_000u32.into());
		let fills = l + f;
		for i in 0..fills {
			let buyer = funded::<T>("buyer", i);
			let referrer = distributor::<T>(listing, i);
			let price = base.saturating_add(unit::<T>().saturating_mul((i % l).into()));
			order::<T>(buyer, listing, Side::Buy, price, 1, Some(referrer), "a bid rests");
		}
		for i in 1..levels {
			let price = base
				.saturating_mul(2u32.into())
				.saturating_add(unit::<T>().saturating_mul(i.into()));
			Pallet::<T>::do_place_order(
				owner.clone(),
				listing,
				PERSONAL,
				Side::Sell,
				price,
				1,
				None,
				false,
				None,
			)
			.expect("an ask rests");
		}

		#[extrinsic_call]
		place_order(
			RawOrigin::Signed(owner.clone()),
			listing,
			PERSONAL,
			Side::Sell,
			base.saturating_sub(unit::<T>()),
			fills + 1,
			None,
			false,
			None,
		);

		assert!(Levels::<T>::iter().find(|(k, _)| k.2 == Side::Buy).is_none());
		assert_eq!(Ladders::<T>::get((listing, PERSONAL, Side::Sell)).len() as u32, levels);
		assert_eq!(PendingFills::<T>::get(listing), fills);
	}

	/// A referred buyer buys `l + f + 1` units from `l + f` resting asks of the owner on `l`
	/// price levels (`f` fills beyond one a level; each ask, emptied, is queued for removal),
	/// and pays for them at once: the service charge, the distributor and the most co-creators.
	/// The last unit rests, opening a new level at the front of a bid ladder one short of full.
	#[benchmark]
	fn place_buy_order(
		l: Linear<1, { T::MaxPriceLevels::get().min(T::MaxFillsPerCall::get()) }>,
		f: Linear<0, { T::MaxFillsPerCall::get().saturating_sub(T::MaxPriceLevels::get()) }>,
	) {
		let (owner, listing) = setup_listing::<T>();
		let levels = T::MaxPriceLevels::get();
		let base = unit::<T>().saturating_mul(1_000u32.into());
		let fills = l + f;
		for i in 0..fills {
			let price = base.saturating_add(unit::<T>().saturating_mul((i % l).into()));
			Pallet::<T>::do_place_order(
				owner.clone(),
				listing,
				PERSONAL,
				Side::Sell,
				price,
				1,
				None,
				false,
				None,
			)
			.expect("an ask rests");
		}
		for i in 1..levels {
			let buyer = funded::<T>("bidder", i);
			let price = unit::<T>()
				.saturating_mul(500u32.into())
				.saturating_sub(unit::<T>().saturating_mul(i.into()));
			Pallet::<T>::do_place_order(
				buyer,
				listing,
				PERSONAL,
				Side::Buy,
				price,
				1,
				None,
				false,
				None,
			)
			.expect("a bid rests");
		}
		let buyer = funded_caller::<T>();
		let referrer = distributor::<T>(listing, 0);
		let limit = base.saturating_add(unit::<T>().saturating_mul(levels.into()));

		#[extrinsic_call]
		place_order(
			RawOrigin::Signed(buyer.clone()),
			listing,
			PERSONAL,
			Side::Buy,
			limit,
			fills + 1,
			None,
			false,
			Some(referrer),
		);

		assert!(Ladders::<T>::get((listing, PERSONAL, Side::Sell)).is_empty());
		assert_eq!(Ladders::<T>::get((listing, PERSONAL, Side::Buy)).first(), Some(&limit));
		assert_eq!(Licences::<T>::get(&buyer, (listing, PERSONAL)).map(|l| l.units), Some(fills));
	}

	/// A buy order that crosses nothing: it holds its escrow and opens a new price level at the
	/// front of a bid ladder one short of full, scheduled behind a full expiry queue.
	#[benchmark]
	fn place_resting_order() {
		let (_, listing) = setup_listing::<T>();
		let base = unit::<T>().saturating_mul(1_000u32.into());
		for i in 1..T::MaxPriceLevels::get() {
			let buyer = funded::<T>("buyer", i);
			let price = base.saturating_add(unit::<T>().saturating_mul(i.into()));
			Pallet::<T>::do_place_order(
				buyer,
				listing,
				PERSONAL,
				Side::Buy,
				price,
				1,
				None,
				false,
				None,
			)
			.expect("a bid rests");
		}
		let buyer = funded_caller::<T>();
		let referrer = distributor::<T>(listing, 0);
		let price = base.saturating_mul(2u32.into());

		#[extrinsic_call]
		place_order(
			RawOrigin::Signed(buyer.clone()),
			listing,
			PERSONAL,
			Side::Buy,
			price,
			10,
			None,
			false,
			Some(referrer),
		);

		assert_eq!(Ladders::<T>::get((listing, PERSONAL, Side::Buy)).first(), Some(&price));
	}

	/// Cancel a buy order, the only one at its price, in the middle of a full bid ladder: its
	/// level is removed and the ladder rewritten (costlier than leaving a level of the most
	/// orders, which only drops the id from the level's queue).
	#[benchmark]
	fn cancel_order() {
		let (_, listing) = setup_listing::<T>();
		let base = unit::<T>().saturating_mul(1_000u32.into());
		let levels = T::MaxPriceLevels::get();
		let owner = funded_caller::<T>();
		let middle = levels / 2;
		let mut id = NextOrderId::<T>::get();
		for i in 0..levels {
			let who = if i == middle {
				id = NextOrderId::<T>::get();
				owner.clone()
			} else {
				funded::<T>("buyer", i)
			};
			let price = base.saturating_add(unit::<T>().saturating_mul(i.into()));
			Pallet::<T>::do_place_order(
				who,
				listing,
				PERSONAL,
				Side::Buy,
				price,
				1,
				None,
				false,
				None,
			)
			.expect("a bid rests");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		assert!(OrderIndex::<T>::get(id).is_none());
		assert_eq!(Ladders::<T>::get((listing, PERSONAL, Side::Buy)).len() as u32, levels - 1);
	}

	/// Do `n` settlement-queue entries, each the costliest kind: a referred buyer's fill that
	/// closes its order, on a listing of its own with the most co-creators (so no entry finds
	/// another's accounts already read): the escrow pays the owner, who pays the service charge,
	/// the distributor and the co-creators; the buyer is granted the units and the order
	/// forgotten. The entries straddle two pages when there are two or more.
	#[benchmark]
	fn settle_queue(n: Linear<1, { T::MaxSettlementsPerBlock::get() }>) {
		let price = unit::<T>().saturating_mul(10u32.into());
		// The first page holds one entry, the rest the next page.
		let start = SETTLEMENT_PAGE.saturating_sub(1);
		SettlementPages::<T>::put((start, start));
		let mut buyers = alloc::vec::Vec::new();
		for i in 0..n {
			let (owner, listing) = setup_listing_of::<T>(funded::<T>("creator", i));
			let buyer = funded::<T>("buyer", i);
			let referrer = distributor::<T>(listing, i);
			order::<T>(buyer.clone(), listing, Side::Buy, price, 5, Some(referrer), "a bid rests");
			order::<T>(owner, listing, Side::Sell, price, 5, None, "it fills");
			buyers.push((buyer, listing));
		}
		if n >= 2 {
			// Move all but the first entry to the next page.
			let mut page = SettlementQueue::<T>::take(start).into_inner();
			let rest = page.split_off(1);
			SettlementQueue::<T>::insert(start, frame_support::BoundedVec::truncate_from(page));
			SettlementQueue::<T>::insert(
				start.wrapping_add(1),
				frame_support::BoundedVec::truncate_from(rest),
			);
			SettlementPages::<T>::put((start, start.wrapping_add(2)));
		}
		let caller = funded_caller::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), n);

		for (buyer, listing) in buyers {
			assert_eq!(Licences::<T>::get(&buyer, (listing, PERSONAL)).map(|l| l.units), Some(5));
		}
		let (head, tail) = SettlementPages::<T>::get();
		assert_eq!(head, tail);
	}

	/// A Dutch auction, scheduled behind a full expiry queue.
	#[benchmark]
	fn create_offer() {
		let (owner, listing) = setup_listing::<T>();
		let end = expiry::<T>();
		let mode = dutch::<T>(end);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), listing, PERSONAL, mode, 10, None);

		assert!(Offers::<T>::get(0).is_some());
	}

	/// Buy from a Dutch auction, referred by a distributor, paying the most co-creators.
	#[benchmark]
	fn buy_offer() {
		let (owner, listing) = setup_listing::<T>();
		let mode = dutch::<T>(expiry::<T>());
		Pallet::<T>::do_create_offer(owner, listing, PERSONAL, mode, 10, None).expect("offered");
		let buyer = funded::<T>("buyer", 0);
		let referrer = distributor::<T>(listing, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), 0, 5, BalanceOf::<T>::max_value(), Some(referrer));

		assert_eq!(Licences::<T>::get(&buyer, (listing, PERSONAL)).map(|l| l.units), Some(5));
	}

	/// Outbid the highest bid in an English auction's last block: the old bid is released and
	/// the end moves (scheduled behind a full expiry queue).
	#[benchmark]
	fn bid() {
		let (owner, listing) = setup_listing::<T>();
		let end = now::<T>().saturating_add(One::one());
		let mode = PricingMode::English { reserve: unit::<T>(), min_increment: unit::<T>(), end };
		Pallet::<T>::do_create_offer(owner, listing, PERSONAL, mode, 1, None).expect("offered");
		Pallet::<T>::do_bid(funded::<T>("bidder", 0), 0, unit::<T>(), None).expect("bid");
		let bidder = funded::<T>("bidder", 1);
		let referrer = distributor::<T>(listing, 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(bidder.clone()),
			0,
			unit::<T>().saturating_mul(3u32.into()),
			Some(referrer),
		);

		assert_eq!(Offers::<T>::get(0).and_then(|o| o.best_bid).map(|b| b.bidder), Some(bidder));
	}

	#[benchmark]
	fn cancel_offer() {
		let (owner, listing) = setup_listing::<T>();
		let mode = PricingMode::Fixed { price: unit::<T>() };
		Pallet::<T>::do_create_offer(owner.clone(), listing, PERSONAL, mode, 1, None)
			.expect("offered");

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), 0);

		assert!(Offers::<T>::get(0).is_none());
	}

	/// Settle an ended English auction: pay the seller, the distributor and the most
	/// co-creators.
	#[benchmark]
	fn settle_auction() {
		let (owner, listing) = setup_listing::<T>();
		let end = now::<T>().saturating_add(T::AuctionExtension::get()).saturating_add(One::one());
		let mode = PricingMode::English { reserve: unit::<T>(), min_increment: unit::<T>(), end };
		Pallet::<T>::do_create_offer(owner, listing, PERSONAL, mode, 1, None).expect("offered");
		let bidder = funded::<T>("bidder", 0);
		let referrer = distributor::<T>(listing, 0);
		Pallet::<T>::do_bid(bidder.clone(), 0, unit::<T>(), Some(referrer)).expect("bid");
		frame_system::Pallet::<T>::set_block_number(end);

		#[extrinsic_call]
		_(RawOrigin::Signed(bidder.clone()), 0);

		assert_eq!(Licences::<T>::get(&bidder, (listing, PERSONAL)).map(|l| l.units), Some(1));
	}

	#[benchmark]
	fn post_request() {
		T::BenchmarkHelper::configure_service_charge();
		let requester = funded::<T>("requester", 0);
		let deadline = expiry::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(requester),
			Category::Audio,
			PERSONAL,
			unit::<T>().saturating_mul(10u32.into()),
			deadline,
			[1u8; 32],
		);

		assert!(Requests::<T>::get(0).is_some());
	}

	/// Propose to a request with the most proposals, all dearer: every proposal is read and
	/// the dearest evicted.
	#[benchmark]
	fn propose() {
		let (owner, listing) = setup_listing::<T>();
		let max = T::MaxProposalsPerRequest::get();
		post_request_with_proposals::<T>(&owner, max, unit::<T>().saturating_mul(2u32.into()));

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), 0, listing, unit::<T>());

		assert!(Proposals::<T>::get(0, max).is_some());
		assert_eq!(Proposals::<T>::iter_prefix(0).count(), max as usize);
	}

	/// The requester rejects a proposal.
	#[benchmark]
	fn remove_proposal() {
		let (owner, _) = setup_listing::<T>();
		let requester = post_request_with_proposals::<T>(&owner, 1, unit::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), 0, 0);

		assert!(Proposals::<T>::get(0, 0).is_none());
	}

	/// Accept the last of `p` proposals: the trade pays the most co-creators, and the request's
	/// proposals are cleared.
	#[benchmark]
	fn accept_proposal(p: Linear<1, { T::MaxProposalsPerRequest::get() }>) {
		let (owner, _) = setup_listing::<T>();
		let requester = post_request_with_proposals::<T>(&owner, p, unit::<T>());
		let listing = Proposals::<T>::get(0, p - 1).expect("proposed").listing;

		#[extrinsic_call]
		_(RawOrigin::Signed(requester.clone()), 0, p - 1);

		assert!(Requests::<T>::get(0).is_none());
		assert_eq!(Licences::<T>::get(&requester, (listing, PERSONAL)).map(|l| l.units), Some(1));
	}

	#[benchmark]
	fn cancel_request(p: Linear<0, { T::MaxProposalsPerRequest::get() }>) {
		let (owner, _) = setup_listing::<T>();
		let requester = post_request_with_proposals::<T>(&owner, p, unit::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), 0);

		assert!(Requests::<T>::get(0).is_none());
	}

	/// `on_initialize` settling `n - 1` ended English auctions (the costliest entry: a payout to
	/// the seller, a distributor and the most co-creators, each trade credited to the era's
	/// rewards) after reading the block's queue. Every auction has its own seller, listing,
	/// co-creators, bidder and distributor, so no entry finds another's accounts already read.
	#[benchmark]
	fn on_initialize_cleanup(n: Linear<1, { T::MaxCleanupPerBlock::get() }>) {
		let end = now::<T>().saturating_add(T::AuctionExtension::get()).saturating_add(One::one());
		for i in 0..n.saturating_sub(1) {
			let (owner, listing) = setup_listing_of::<T>(funded::<T>("creator", i));
			let mode =
				PricingMode::English { reserve: unit::<T>(), min_increment: unit::<T>(), end };
			Pallet::<T>::do_create_offer(owner, listing, PERSONAL, mode, 1, None).expect("offered");
			let referrer = distributor::<T>(listing, i);
			Pallet::<T>::do_bid(funded::<T>("bidder", i), i.into(), unit::<T>(), Some(referrer))
				.expect("bid");
		}
		ExpiryCursor::<T>::put(end);
		frame_system::Pallet::<T>::set_block_number(end);

		#[block]
		{
			Pallet::<T>::on_initialize(end);
		}

		assert!(Offers::<T>::iter().next().is_none());
	}

	/// An expired buy order leaves the book (the other expiry kinds beside the auction's): the
	/// only order at its price, in the middle of a full bid ladder, so its level is deleted and
	/// the ladder rewritten; its owner's escrow is released.
	#[benchmark]
	fn expire_order() {
		let (_, listing) = setup_listing::<T>();
		let base = unit::<T>().saturating_mul(1_000u32.into());
		let levels = T::MaxPriceLevels::get();
		let middle = levels / 2;
		let at = expiry::<T>();
		let mut id = NextOrderId::<T>::get();
		for i in 0..levels {
			if i == middle {
				id = NextOrderId::<T>::get();
			}
			let price = base.saturating_add(unit::<T>().saturating_mul(i.into()));
			Pallet::<T>::do_place_order(
				funded::<T>("buyer", i),
				listing,
				PERSONAL,
				Side::Buy,
				price,
				1,
				Some(at),
				false,
				None,
			)
			.expect("a bid rests");
		}
		frame_system::Pallet::<T>::set_block_number(at);

		#[block]
		{
			Pallet::<T>::expire(Expiring::Order(id), at);
		}

		assert!(OrderIndex::<T>::get(id).is_none());
		assert_eq!(Ladders::<T>::get((listing, PERSONAL, Side::Buy)).len() as u32, levels - 1);
	}

	/// An ended Dutch auction is withdrawn.
	#[benchmark]
	fn expire_offer() {
		let (owner, listing) = setup_listing::<T>();
		let end = expiry::<T>();
		let mode = dutch::<T>(end);
		Pallet::<T>::do_create_offer(owner, listing, PERSONAL, mode, 10, None).expect("offered");
		frame_system::Pallet::<T>::set_block_number(end);

		#[block]
		{
			Pallet::<T>::expire(Expiring::Offer(0), end);
		}

		assert!(Offers::<T>::get(0).is_none());
	}

	/// A request past its deadline closes with the most proposals: its budget is released and
	/// every proposal deleted.
	#[benchmark]
	fn expire_request() {
		let (owner, _) = setup_listing::<T>();
		let max = T::MaxProposalsPerRequest::get();
		post_request_with_proposals::<T>(&owner, max, unit::<T>());
		let deadline = expiry::<T>();
		frame_system::Pallet::<T>::set_block_number(deadline);

		#[block]
		{
			Pallet::<T>::expire(Expiring::Request(0), deadline);
		}

		assert!(Requests::<T>::get(0).is_none());
		assert_eq!(Proposals::<T>::iter_prefix(0).count(), 0);
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
