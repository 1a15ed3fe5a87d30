//! The stake-weighted median: weights, ties, and a stake minority unable to move it.

use super::*;

#[test]
fn median_is_stake_weighted() {
	// One big stake outweighs two small ones.
	assert_eq!(weighted_median(vec![(10, 1), (90, 5), (20, 1)]), Some(90));
	// Equal stakes: the middle score.
	assert_eq!(weighted_median(vec![(70, 1), (10, 1), (72, 1)]), Some(70));
	assert_eq!(weighted_median(vec![]), None);
	assert_eq!(weighted_median(vec![(50, 0)]), None);
}

#[test]
fn median_ties_and_even_counts_take_the_lower_score() {
	// An exact half split between two scores: the lower one.
	assert_eq!(weighted_median(vec![(40, 5), (60, 5)]), Some(40));
	assert_eq!(weighted_median(vec![(60, 1), (40, 1), (80, 1), (20, 1)]), Some(40));
	// Just over half above: the higher one.
	assert_eq!(weighted_median(vec![(40, 5), (60, 6)]), Some(60));
	// Several votes on one score add up.
	assert_eq!(weighted_median(vec![(30, 2), (50, 1), (50, 1), (90, 3)]), Some(50));
	// Odd total stake: half is rounded up.
	assert_eq!(weighted_median(vec![(10, 50), (20, 51)]), Some(20));
	assert_eq!(weighted_median(vec![(10, 51), (20, 50)]), Some(10));
}

#[test]
fn a_small_stake_minority_with_extreme_scores_does_not_move_the_median() {
	let honest = vec![(68, 300), (70, 400), (72, 300)];
	let base = weighted_median(honest.clone());
	assert_eq!(base, Some(70));
	for extreme in [0u8, 100] {
		let mut votes = honest.clone();
		// Many attackers, together under half the stake.
		votes.extend((0..9).map(|_| (extreme, 100u128)));
		let m = weighted_median(votes).unwrap();
		assert!((68..=72).contains(&m), "median {m} left the honest range");
	}
}

proptest::proptest! {
	#[test]
	fn minority_cannot_push_the_median_outside_the_majority_range(
		majority in proptest::collection::vec((0u8..=100, 1u128..1_000), 1..8),
		minority in proptest::collection::vec((0u8..=100, 1u128..1_000), 0..8),
	) {
		let major: u128 = majority.iter().map(|(_, s)| s).sum();
		let minor: u128 = minority.iter().map(|(_, s)| s).sum();
		proptest::prop_assume!(minor * 2 < major);
		let lo = majority.iter().map(|(s, _)| *s).min().unwrap();
		let hi = majority.iter().map(|(s, _)| *s).max().unwrap();
		let m = weighted_median(majority.into_iter().chain(minority).collect()).unwrap();
		proptest::prop_assert!(lo <= m && m <= hi);
	}
}
