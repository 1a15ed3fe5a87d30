//! The chain's own checks fail when they should: pallet-balances' `Unexpected` event (what its
//! defensive checks leave in a release build) fails the block it is emitted in, checked or not.

use allspark_fuzz::chain::Chain;
use allspark_runtime::{Runtime, RuntimeEvent, System};
use pallet_balances::{Event, UnexpectedKind};

fn emit_unexpected(chain: &mut Chain) {
	chain.execute_with(|| {
		System::deposit_event(RuntimeEvent::Balances(Event::<Runtime>::Unexpected(
			UnexpectedKind::FailedToMutateAccount,
		)))
	});
}

#[test]
fn a_block_with_an_unexpected_balances_event_fails() {
	let mut chain = Chain::new();
	chain.next_block(1).expect("a quiet block passes");
	emit_unexpected(&mut chain);
	let error = chain.next_block(1).expect_err("the event fails its block");
	assert!(error.contains("Unexpected(FailedToMutateAccount)"), "{error}");
}

#[test]
fn an_unexpected_balances_event_inside_a_jump_fails_it() {
	let mut chain = Chain::new();
	emit_unexpected(&mut chain);
	// Inside a jump the invariants may wait for its last block; this check does not.
	let error = chain.jump(3).expect_err("the event fails the jump");
	assert!(error.contains("after block 1"), "{error}");
}
