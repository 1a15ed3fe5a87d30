//! Unit and property tests of the evaluation pallet against the mock runtime.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};

mod commit;
mod conservation;
mod eras;
mod finalisation;
mod median;
mod open_round;
mod params;
mod reveal;
mod rewards;
mod runtime_api;

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Evaluation(HoldReason::Stake), &who)
}

/// Open a round on a fresh listing and move to its reveal phase with the given commitments
/// (evaluator, score, stake) made.
fn round_with(commits: &[(AccountId, Score, Balance)]) -> (ListingId, RoundId) {
	let l = listing();
	let r = open(l);
	for (who, score, stake) in commits {
		commit(r, *who, *score, *stake);
	}
	run_to_block(1 + COMMIT);
	(l, r)
}

/// The block a round opened at block 1 is finalised in.
const END: u64 = 1 + COMMIT + REVEAL;
