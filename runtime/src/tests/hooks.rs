//! The per-block limits of the hooks, sized from the committed weights: every pallet's
//! `on_initialize` at its worst case, together, leaves most of a block to transactions.

use crate::*;
use frame_support::{traits::Get, weights::Weight};

#[test]
fn every_hook_at_its_worst_fits_a_sixth_of_a_block_together() {
	let token = <pallet_allspark_token::weights::SubstrateWeight<Runtime> as
		pallet_allspark_token::WeightInfo>::on_initialize_reward();
	let market = Market::max_on_initialize_weight();
	let evaluation = Evaluation::max_on_initialize_weight();
	let hooks: Weight = token + market + evaluation;
	let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	assert!(hooks.all_lte(max / 6), "the hooks take {hooks:?} of {max:?}");
	// Each keeps a pace worth having: the limits were not shrunk to fit.
	assert!(
		<<Runtime as pallet_allspark_market::Config>::MaxCleanupPerBlock as Get<u32>>::get() >= 16
	);
	assert!(
		<<Runtime as pallet_allspark_evaluation::Config>::MaxFinalisationsPerBlock as Get<u32>>::get(
		) >= 2
	);
	assert!(
		<<Runtime as pallet_allspark_evaluation::Config>::MaxPayoutsPerBlock as Get<u32>>::get()
			>= 32
	);
	println!(
		"hooks at their worst: token {} µs, market {} µs, evaluation {} µs of {} µs",
		token.ref_time() / 1_000_000,
		market.ref_time() / 1_000_000,
		evaluation.ref_time() / 1_000_000,
		max.ref_time() / 1_000_000
	);
}
