//! Attacks 6 and 7: squatting a book side or a request. One account filled a side's 64 price
//! levels with one-unit bids at the worst prices, and a better bid was refused
//! (`TooManyPriceLevels`); one owner filled a request's 32 proposal slots, which nobody could
//! withdraw or reject. Now a better price evicts the worst level, a cheaper proposal evicts the
//! dearest, a listing is proposed once, and the requester rejects what it does not want.

use super::*;
use frame_support::traits::Get;
use pallet_allspark_market::{Error, Event, ProposalRemoval, RemovalReason};

#[test]
fn a_ladder_of_worst_price_bids_gives_way_to_a_better_bid() {
	production().execute_with(|| {
		let creator = actor("creator", 0);
		fund(&creator, 1_000 * A);
		let listing = register(&creator, 1);
		let squatter = actor("squatter", 0);
		fund(&squatter, 10_000 * A);
		let start = wealth(core::slice::from_ref(&squatter));
		let levels = <Runtime as pallet_allspark_market::Config>::MaxPriceLevels::get();
		for i in 0..levels {
			signed(&squatter, order_call(listing, Side::Buy, A + Balance::from(i), 1))
				.expect("a level");
		}
		let honest = actor("buyer", 0);
		fund(&honest, 1_000 * A);
		signed(&honest, order_call(listing, Side::Buy, 5 * A, 2)).expect("the better bid rests");
		let book = Market::book(listing, Right::Licence(LicenceKind::Personal), 1);
		assert_eq!(book.bids.first().map(|l| l.price), Some(5 * A));
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			crate::RuntimeEvent::Market(Event::OrderRemoved {
				owner,
				reason: RemovalReason::Evicted,
				..
			}) if owner == &squatter
		)));
		// The squatter got its escrow back and gained nothing; a worse price is still refused.
		assert_eq!(wealth(core::slice::from_ref(&squatter)), start);
		assert_eq!(
			signed(&honest, order_call(listing, Side::Buy, A / 2, 1)).map_err(|e| e.error),
			Err(Error::<Runtime>::TooManyPriceLevels.into())
		);
		// The seller sells to the honest bid first.
		signed(&creator, order_call(listing, Side::Sell, A, 1)).expect("sold");
		<Market as Hooks<BlockNumber>>::on_idle(System::block_number(), Weight::MAX);
		let right = Right::Licence(LicenceKind::Personal);
		assert!(
			pallet_allspark_market::Licences::<Runtime>::get(&honest, (listing, right)).is_some()
		);
	});
}

#[test]
fn squatted_proposal_slots_give_way_to_a_cheaper_proposal() {
	production().execute_with(|| {
		let requester = actor("requester", 0);
		fund(&requester, 1_000 * A);
		let right = Right::Licence(LicenceKind::Personal);
		signed(
			&requester,
			pallet_allspark_market::Call::post_request {
				category: Category::Text,
				right,
				budget: 100 * A,
				deadline: System::block_number() + 1_000,
				brief_hash: [7; 32],
			},
		)
		.expect("posted");
		let squatter = actor("squatter", 0);
		fund(&squatter, 100_000 * A);
		let slots = <Runtime as pallet_allspark_market::Config>::MaxProposalsPerRequest::get();
		let propose = |who: &AccountId, listing, price| {
			signed(who, pallet_allspark_market::Call::propose { request: 0, listing, price })
		};
		let first = register(&squatter, 100);
		for n in 0..slots {
			let listing = if n == 0 { first } else { register(&squatter, 100 + n as u8) };
			propose(&squatter, listing, 100 * A).expect("a slot");
		}
		assert_eq!(
			propose(&squatter, first, 90 * A).map_err(|e| e.error),
			Err(Error::<Runtime>::ListingAlreadyProposed.into())
		);
		let creator = actor("creator", 0);
		fund(&creator, 1_000 * A);
		let honest = register(&creator, 1);
		assert_eq!(
			propose(&creator, honest, 100 * A).map_err(|e| e.error),
			Err(Error::<Runtime>::TooManyProposals.into())
		);
		propose(&creator, honest, 60 * A).expect("a cheaper proposal gets in");
		// The requester rejects a squatter's proposal it does not want, and buys the honest one.
		signed(
			&requester,
			pallet_allspark_market::Call::remove_proposal { request: 0, proposal: 0 },
		)
		.expect("rejected");
		let removed: Vec<_> = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				crate::RuntimeEvent::Market(Event::ProposalRemoved { reason, .. }) => Some(reason),
				_ => None,
			})
			.collect();
		assert_eq!(removed, vec![ProposalRemoval::Evicted, ProposalRemoval::Rejected]);
		signed(
			&requester,
			pallet_allspark_market::Call::accept_proposal { request: 0, proposal: slots },
		)
		.expect("accepted");
		assert!(
			pallet_allspark_market::Licences::<Runtime>::get(&requester, (honest, right)).is_some()
		);
	});
}
