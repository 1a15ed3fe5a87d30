//! Attack 10: a previous owner's stale sell orders and offers kept the new owner from delisting
//! or transferring its listing for up to 30 days: the obligations counted anyone's entries on
//! the listing. Now only the current owner's open sales bind it (`Market.OpenSales`).

use super::*;
use pallet_allspark_market::PricingMode;

#[test]
fn a_previous_owner_s_stale_sales_do_not_bind_the_new_owner() {
	production().execute_with(|| {
		let seller = actor("seller", 0);
		let buyer = actor("buyer", 0);
		fund(&seller, 1_000 * A);
		fund(&buyer, 1_000 * A);
		let listing = register(&seller, 1);
		// The seller leaves a licence order and a fixed-price licence offer behind, then sells
		// the copyright.
		signed(&seller, order_call(listing, Side::Sell, 10 * A, 100)).expect("a sell order");
		let offer = |right, price| pallet_allspark_market::Call::create_offer {
			listing,
			right,
			mode: PricingMode::Fixed { price },
			quantity: 1,
			expires_at: None,
		};
		signed(&seller, offer(Right::Licence(LicenceKind::Personal), 10 * A)).expect("an offer");
		let copyright = pallet_allspark_market::NextOfferId::<Runtime>::get();
		signed(&seller, offer(Right::Copyright, 100 * A)).expect("the copyright offered");
		signed(
			&buyer,
			pallet_allspark_market::Call::buy_offer {
				offer: copyright,
				quantity: 1,
				max_price: 100 * A,
				referrer: None,
			},
		)
		.expect("bought");
		// The new owner is free to delist at once.
		signed(&buyer, pallet_allspark_content::Call::delist { listing }).expect("delisted");
		assert!(pallet_allspark_content::Listings::<Runtime>::get(listing).is_none());
	});
}
