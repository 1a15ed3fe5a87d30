//! Attacks 4 and 12: walking away from an English auction. The winner of a copyright lot had its
//! listing deposit held only at settlement, out of whatever it had left, so it could empty its
//! account and the sale failed; the seller could change the listing's terms (a commission the
//! sale cannot pay) or sell the copyright to an alt while bids were open, and the auction ended
//! unsold. Now the deposit is held with the bid, and a bid binds the listing until the auction
//! ends.

use super::*;
use pallet_allspark_market::{Error, PricingMode};

#[test]
fn the_winner_of_a_copyright_lot_cannot_walk_away() {
	production().execute_with(|| {
		let seller = actor("seller", 0);
		fund(&seller, 1_000 * A);
		let listing = register(&seller, 1);
		let offer = auction(&seller, listing, Right::Copyright);
		let winner = actor("winner", 0);
		fund(&winner, 200 * A);
		bid(&winner, offer, 150 * A).expect("bid");
		// The winner empties its account into an alt.
		let alt = actor("alt", 0);
		let spendable = Balances::reducible_balance(
			&winner,
			Preservation::Preserve,
			frame_support::traits::tokens::Fortitude::Polite,
		);
		<Balances as Mutate<_>>::transfer(&winner, &alt, spendable, Preservation::Preserve)
			.expect("moved");
		let seller_before = Balances::free_balance(&seller);
		jump_to(end_of(offer));
		assert_eq!(
			<crate::Content as allspark_primitives::ContentInspect<_, _>>::owner(listing),
			Some(winner.clone()),
			"the sale went through"
		);
		assert!(Balances::free_balance(&seller) > seller_before, "the seller was paid");
	});
}

#[test]
fn the_seller_cannot_back_out_of_an_auction_with_a_bid() {
	production().execute_with(|| {
		let seller = actor("seller", 0);
		fund(&seller, 1_000 * A);
		let listing = register(&seller, 1);
		let right = Right::Licence(LicenceKind::Personal);
		let offer = auction(&seller, listing, right);
		let bidder = actor("bidder", 0);
		fund(&bidder, 1_000 * A);
		bid(&bidder, offer, 500 * A).expect("bid");
		// A commission of 99 % would make the sale fail.
		let greedy = LicenceTerms {
			personal: true,
			commercial: false,
			republication: false,
			licence_duration: None,
			distributor_commission: Permill::from_percent(99),
		};
		assert_eq!(
			signed(
				&seller,
				pallet_allspark_content::Call::update_listing {
					listing,
					metadata: None,
					terms: Some(greedy),
				}
			)
			.map_err(|e| e.error),
			Err(pallet_allspark_content::Error::<Runtime>::BoundByBids.into())
		);
		// Selling the copyright to an alt fails too.
		let alt = actor("alt", 0);
		fund(&alt, 1_000 * A);
		let copyright = pallet_allspark_market::NextOfferId::<Runtime>::get();
		signed(
			&seller,
			pallet_allspark_market::Call::create_offer {
				listing,
				right: Right::Copyright,
				mode: PricingMode::Fixed { price: 100 * A },
				quantity: 1,
				expires_at: None,
			},
		)
		.expect("offered");
		assert_eq!(
			signed(
				&alt,
				pallet_allspark_market::Call::buy_offer {
					offer: copyright,
					quantity: 1,
					max_price: 100 * A,
					referrer: None,
				}
			)
			.map_err(|e| e.error),
			Err(Error::<Runtime>::ListingBoundByBids.into())
		);
		jump_to(end_of(offer));
		assert!(
			pallet_allspark_market::Licences::<Runtime>::get(&bidder, (listing, right)).is_some()
		);
	});
}
