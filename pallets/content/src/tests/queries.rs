//! Queries: listing states and lookups, and an owner's listings page by page.

use super::*;

#[test]
fn states_and_lookups() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Content::listing_state(0), ListingState::Unknown);
		let id = register(ALICE, 1);
		assert_eq!(Content::listing_state(id), ListingState::Active);
		assert_eq!(Content::listing_state(id + 1), ListingState::Unknown);
		let d = Content::listing(id).unwrap();
		assert_eq!(
			(d.id, d.owner, d.deposit, d.metadata),
			(id, ALICE, 120, b"ipfs://abc".to_vec())
		);
		assert_eq!(Content::listing_by_hash(hash(1)).map(|d| d.id), Some(id));
		assert_eq!(Content::listing_by_hash(hash(2)), None);
		assert_eq!(Content::category(id), Some(Category::Text));
		assert_eq!(Content::terms(id), Some(terms()));
		assert_eq!(Content::owner(9), None);
		assert!(!Content::is_active(9));
	});
}

#[test]
fn an_owners_listings_page_without_gaps_or_repeats() {
	ExtBuilder::default().build_and_execute(|| {
		for n in 0..7 {
			register(ALICE, n);
			register(BOB, 100 + n);
		}
		let alice: Vec<u64> = (0..7).map(|n| 2 * n).collect();
		// Pages of two, then pages capped at the maximum page size (3).
		for limit in [2, 50] {
			let mut seen = Vec::new();
			let mut after = None;
			loop {
				let page = Content::listings_of(ALICE, after, limit);
				assert!(page.len() <= limit.min(3) as usize);
				assert!(page.iter().all(|d| d.owner == ALICE));
				seen.extend(page.iter().map(|d| d.id));
				if page.len() < limit.min(3) as usize {
					break;
				}
				after = page.last().map(|d| d.id);
			}
			seen.sort();
			assert_eq!(seen, alice);
		}
		assert!(Content::listings_of(CHARLIE, None, 10).is_empty());
		assert!(Content::listings_of(ALICE, None, 0).is_empty());
	});
}
