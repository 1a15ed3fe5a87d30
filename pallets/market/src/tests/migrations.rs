//! Storage migrations: version 2 rewrites the offers' highest bids and counts the bid locks.

use super::*;
use crate::migrations::v2::{BidV1, MigrateV1ToV2, OfferV1};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

#[test]
fn v2_keeps_every_offer_and_counts_the_auctions_with_a_bid() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		StorageVersion::new(1).put::<Market>();
		let english = PricingMode::English { reserve: 100, min_increment: 10, end: 20 };
		let old = |best_bid| OfferV1::<AccountId, Balance, u64> {
			seller: ALICE,
			listing: l,
			right: PERSONAL,
			mode: english,
			remaining: 1,
			created_at: 1,
			expires_at: 20,
			best_bid,
		};
		let with_bid = old(Some(BidV1 { bidder: BOB, amount: 100, referrer: None }));
		frame_support::storage::unhashed::put(&Offers::<Test>::hashed_key_for(0), &with_bid);
		frame_support::storage::unhashed::put(&Offers::<Test>::hashed_key_for(1), &old(None));
		for id in [0, 1] {
			ListingOffers::<Test>::insert(l, id, ());
			ExpiryQueue::<Test>::insert(20, Expiring::Offer(id), ());
		}
		NextOfferId::<Test>::put(2);
		assert_ok!(Market::hold_escrow(&BOB, 100));

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(Market::on_chain_storage_version(), StorageVersion::new(2));
		let bid = Offers::<Test>::get(0).and_then(|o| o.best_bid);
		assert_eq!(bid, Some(Bid { bidder: BOB, amount: 100, referrer: None, deposit: 0 }));
		assert_eq!(Offers::<Test>::get(1).map(|o| o.best_bid), Some(None));
		assert_eq!(BidLocks::<Test>::get(l), 1);
		// The auction settles as any other.
		run_to_block(20);
		assert_eq!(licence_units(BOB, l, PERSONAL), 1);
		assert_eq!(BidLocks::<Test>::get(l), 0);
	});
}
