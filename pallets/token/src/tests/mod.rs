//! Unit tests of the token pallet. Every test runs through `build_and_execute`, which checks the
//! pallet's invariants and the conservation of issuance afterwards.

use crate::{
	mock::*, pallet::*, ChargeKind, ChargeRates, ChargeSource, ChargeSplit, DealWithFees, Error,
	Event, Pot, ServiceCharge, SplitParts,
};
use frame_support::{
	assert_noop, assert_ok, assert_storage_noop,
	traits::{
		fungible::{Balanced, Inspect},
		tokens::{Fortitude, Precision, Preservation},
		OnUnbalanced,
	},
};
use sp_runtime::{DispatchError, Permill};

mod author_rewards;
mod genesis_and_queries;
mod governance;
mod properties;
mod service_charge;

fn pot(p: Pot) -> Balance {
	Token::pot_balance(p)
}
