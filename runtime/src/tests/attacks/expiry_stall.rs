//! Attack 8: stalling the expiry queue. Entries expiring at one block wait in one queue, and
//! `on_initialize` handles a bounded number of them a block while the cursor waits on the
//! block: 10,000 offers expiring together (about 200 ASK of fees) kept every later expiry,
//! honest auctions' settlements among them, waiting about two hours. Now each block's spare
//! weight (`on_idle`) goes on with the backlog at the costliest entry's benchmarked weight, so a
//! backlog drains as fast as the chain has room and the attacker's fees buy a few blocks at most.

use super::*;
use frame_support::{dispatch::GetDispatchInfo, traits::Get};
use pallet_allspark_market::PricingMode;

/// A block as the chain runs it: the hooks, then the rest of the block's weight left spare
/// (an otherwise empty block) for `on_idle`.
fn run_block(n: BlockNumber) {
	System::set_block_number(n);
	let used = <Market as Hooks<BlockNumber>>::on_initialize(n)
		.saturating_add(<Evaluation as Hooks<BlockNumber>>::on_initialize(n));
	let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	<Market as Hooks<BlockNumber>>::on_idle(n, max.saturating_sub(used));
}

/// The call offering one personal licence of `listing` at 1 ASK until `expires_at`.
fn offer_call(
	listing: ListingId,
	expires_at: BlockNumber,
) -> pallet_allspark_market::Call<Runtime> {
	pallet_allspark_market::Call::create_offer {
		listing,
		right: Right::Licence(LicenceKind::Personal),
		mode: PricingMode::Fixed { price: A },
		quantity: 1,
		expires_at: Some(expires_at),
	}
}

#[test]
fn a_flood_of_expiries_at_one_block_delays_an_honest_auction_by_a_few_blocks_at_most() {
	production().execute_with(|| {
		// The honest seller's auction ends in 100 blocks, with a bid.
		let seller = actor("seller", 0);
		fund(&seller, 1_000 * A);
		let listing = register(&seller, 1);
		let auction = auction(&seller, listing, Right::Licence(LicenceKind::Personal));
		let end = end_of(auction);
		let bidder = actor("bidder", 0);
		fund(&bidder, 1_000 * A);
		bid(&bidder, auction, 150 * A).expect("bid");

		// Four attackers queue 2,000 offers to expire one block before it.
		let attackers: Vec<AccountId> = (0..4).map(|i| actor("flooder", i)).collect();
		let flood = 2_000u32;
		let mut fees: Balance = 0;
		for (i, attacker) in attackers.iter().enumerate() {
			fund(attacker, 1_000 * A);
			let own = register(attacker, 10 + i as u8);
			for _ in 0..flood / 4 {
				let call = offer_call(own, end - 1);
				let info = RuntimeCall::from(call.clone()).get_dispatch_info();
				let len =
					codec::Encode::encoded_size(&RuntimeCall::from(call.clone())) as u32 + 110;
				fees += pallet_transaction_payment::Pallet::<Runtime>::compute_fee(len, &info, 0);
				signed(attacker, call).expect("offered");
			}
		}
		assert_eq!(
			pallet_allspark_market::ExpiryQueue::<Runtime>::iter_prefix(end - 1).count(),
			flood as usize
		);
		// At on_initialize's guaranteed pace alone the flood would hold the cursor this long.
		let pace: u32 = <<Runtime as pallet_allspark_market::Config>::MaxCleanupPerBlock as Get<
			u32,
		>>::get() - 1;
		assert!(flood / pace > 100, "the flood outlasts 100 blocks of on_initialize alone");

		jump_to(end - 2);
		let mut settled_at = None;
		for n in end - 1..end + 50 {
			run_block(n);
			if !pallet_allspark_market::Offers::<Runtime>::contains_key(auction) {
				settled_at = Some(n);
				break;
			}
		}
		let settled_at = settled_at.expect("the honest auction settles");
		// A whole spare block drains this many entries at the costliest entry's weight: the
		// delay is the flood over that, where it was the flood over on_initialize's pace.
		let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		let per_block = Market::expiry_steps_within(max / 2);
		let bound = end - 1 + flood.div_ceil(per_block);
		assert!(settled_at <= bound, "settled at {settled_at}, its end is {end}, bound {bound}");
		assert!(settled_at - end <= 10, "a flood of {flood} delays it by ten blocks at most");
		assert!(
			pallet_allspark_market::Licences::<Runtime>::get(
				&bidder,
				(listing, Right::Licence(LicenceKind::Personal))
			)
			.is_some(),
			"the bidder got its licence"
		);
		// The flood is gone; it bought the attackers nothing and cost them their fees.
		assert_eq!(pallet_allspark_market::Offers::<Runtime>::iter().count(), 0);
		assert_eq!(pallet_allspark_market::ExpiryQueue::<Runtime>::iter().count(), 0);
		println!(
			"the flood of {flood} offers cost {} ASK of fees and delayed the auction {} blocks \
			 ({per_block} entries a spare block)",
			fees / A,
			settled_at - end
		);
		assert!(fees > 10 * A, "the flood paid {fees} in fees");
	});
}
