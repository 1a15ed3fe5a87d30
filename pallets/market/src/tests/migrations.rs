//! Storage migrations: version 2 rewrites the offers' highest bids and counts the bid locks;
//! version 3 moves resting orders into their levels and the settlement queue to entries.

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

#[test]
fn v3_moves_orders_into_their_levels_and_queue_entries_in_order() {
	use crate::migrations::v3::{self, LevelV2, MigrateV2ToV3, OrderV2};
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		StorageVersion::new(2).put::<Market>();
		let old = |owner, side, price, remaining, filled, filled_value| OrderV2::<
			AccountId,
			Balance,
			u64,
		> {
			owner,
			listing: l,
			right: PERSONAL,
			side,
			price,
			remaining,
			filled,
			filled_value,
			expires_at: 50,
			referrer: None,
		};
		// Resting; resting with fills queued; filled completely, fills queued; resting ask;
		// an emptied ask queued for deletion.
		let orders = [
			old(BOB, Side::Buy, 100, 2, 0, 0),
			old(CHARLIE, Side::Buy, 100, 1, 2, 200),
			old(DAVE, Side::Buy, 90, 0, 1, 90),
			old(ALICE, Side::Sell, 200, 1, 0, 0),
			old(ALICE, Side::Sell, 200, 0, 0, 0),
		];
		for (id, order) in orders.iter().enumerate() {
			v3::Orders::<Test>::insert(id as OrderId, order);
			AccountOrders::<Test>::insert(order.owner, id as OrderId, ());
		}
		let put_level = |side, price, ids: Vec<OrderId>, quantity| {
			let key = Levels::<Test>::hashed_key_for((l, PERSONAL, side, price));
			frame_support::storage::unhashed::put(&key, &LevelV2 { orders: ids, quantity });
		};
		put_level(Side::Buy, 100, vec![0, 1], 3);
		put_level(Side::Sell, 200, vec![3], 1);
		Ladders::<Test>::insert(
			(l, PERSONAL, Side::Buy),
			frame_support::BoundedVec::truncate_from(vec![100]),
		);
		Ladders::<Test>::insert(
			(l, PERSONAL, Side::Sell),
			frame_support::BoundedVec::truncate_from(vec![200]),
		);
		v3::SettlementQueue::<Test>::insert(0, vec![1, 2, 4]);
		SettlementPages::<Test>::put((0, 1));
		PendingFills::<Test>::insert(l, 2);
		OpenSales::<Test>::insert(l, ALICE, 1);
		NextOrderId::<Test>::put(5);
		assert_ok!(Market::hold_escrow(&BOB, 200));
		assert_ok!(Market::hold_escrow(&CHARLIE, 300));
		assert_ok!(Market::hold_escrow(&DAVE, 90));

		MigrateV2ToV3::<Test>::on_runtime_upgrade();

		assert_eq!(Market::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(v3::Orders::<Test>::iter().count(), 0);
		let level = Levels::<Test>::get((l, PERSONAL, Side::Buy, 100)).expect("a level");
		assert_eq!(
			level.orders.iter().map(|o| (o.id, o.owner, o.remaining)).collect::<Vec<_>>(),
			vec![(0, BOB, 2), (1, CHARLIE, 1)]
		);
		assert_eq!(level.quantity, 3);
		let entries: Vec<_> = SettlementQueue::<Test>::get(0).into_inner();
		assert_eq!(
			entries,
			vec![
				Settling::Fill {
					order: 1,
					buyer: CHARLIE,
					referrer: None,
					listing: l,
					right: PERSONAL,
					quantity: 2,
					value: 200,
					closes: false
				},
				Settling::Fill {
					order: 2,
					buyer: DAVE,
					referrer: None,
					listing: l,
					right: PERSONAL,
					quantity: 1,
					value: 90,
					closes: true
				},
				Settling::Close { order: 4, owner: ALICE, release: 0 },
			]
		);
		assert_eq!(OrderIndex::<Test>::iter().count(), 5);
		assert_ok!(Market::do_try_state());
		assert_eq!(Market::order(1).map(|o| (o.remaining, o.filled)), Some((1, 2)));

		// Everything goes on as on a chain that never ran version 2.
		settle_all();
		assert_eq!(licence_units(CHARLIE, l, PERSONAL), 2);
		assert_eq!(licence_units(DAVE, l, PERSONAL), 1);
		assert_eq!((escrow(CHARLIE), escrow(DAVE)), (100, 0));
		assert!(Market::order(2).is_none() && Market::order(4).is_none());
		assert_ok!(Market::cancel_order(RuntimeOrigin::signed(BOB), 0));
		assert_eq!(escrow(BOB), 0);
		assert_ok!(order(DAVE, l, PERSONAL, Side::Buy, 200, 1, None, false, None));
		assert_eq!(licence_units(DAVE, l, PERSONAL), 2);
	});
}
