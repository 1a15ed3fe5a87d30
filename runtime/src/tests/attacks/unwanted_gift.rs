//! Attack 5: `transfer_copyright` held the **recipient's** deposit without the recipient's
//! signature: repeated gifts drained a victim's free balance, and a gift of infringing content
//! got the victim slashed by governance. Now a transfer is an offer that only the recipient's
//! own `accept_copyright` carries out.

use super::*;

#[test]
fn gifts_take_nothing_from_the_recipient_and_make_it_answer_for_nothing() {
	production().execute_with(|| {
		let attacker = actor("attacker", 0);
		let victim = actor("victim", 0);
		fund(&attacker, 10_000 * A);
		fund(&victim, 100 * A);
		let before = Balances::free_balance(&victim);
		for n in 0..20 {
			let listing = register(&attacker, n);
			signed(
				&attacker,
				pallet_allspark_content::Call::transfer_copyright { listing, to: victim.clone() },
			)
			.expect("offered");
			// Still the attacker's listing, and its deposit.
			assert_eq!(
				pallet_allspark_content::Listings::<Runtime>::get(listing).unwrap().owner,
				attacker
			);
		}
		assert_eq!(Balances::free_balance(&victim), before);
		assert_eq!(Balances::reserved_balance(&victim), 0);
		assert_eq!(
			pallet_allspark_content::ListingsByOwner::<Runtime>::iter_prefix(&victim).count(),
			0
		);
	});
}
