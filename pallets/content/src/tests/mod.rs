//! Unit tests of the content pallet. Every test runs through `build_and_execute`, which checks
//! the pallet's invariants (deposits held exactly, indices agree with the listings) and the
//! conservation of issuance afterwards.

use crate::{
	listing::pass_share, mock::*, pallet::*, Category, ContentInspect, ContentTransfer, Error,
	Event, HoldReason, LicenceTerms, ListingState, ListingStatus,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use sp_runtime::{DispatchError, Permill};

mod claims;
mod delist;
mod governance;
mod properties;
mod queries;
mod register;
mod transfer;
mod update;

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Content(HoldReason::ListingDeposit), &who)
}

fn pct(p: u32) -> Permill {
	Permill::from_percent(p)
}

/// Claim and register `hash(n)` as one transactional step: a refused registration leaves no
/// claim behind.
fn register_with(
	who: AccountId,
	n: u8,
	metadata: Vec<u8>,
	shares: Vec<(AccountId, Permill)>,
) -> sp_runtime::DispatchResult {
	frame_support::storage::with_storage_layer(|| {
		claim(who, n);
		Content::register(
			RuntimeOrigin::signed(who),
			hash(n),
			metadata,
			Category::Audio,
			terms(),
			shares,
		)
	})
}

/// `from` offers `id`'s copyright to `to`, who accepts.
fn give(from: AccountId, id: crate::ListingId, to: AccountId) -> sp_runtime::DispatchResult {
	Content::transfer_copyright(RuntimeOrigin::signed(from), id, to)?;
	Content::accept_copyright(RuntimeOrigin::signed(to), id)
}
