//! The validators pallet's runtime API, for operators, DApps and the node's `validators_set` RPC.

use crate::ValidatorSetInfo;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// The validator set.
	pub trait ValidatorsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The session index and length, and the current, queued and planned validator sets.
		fn validator_set() -> ValidatorSetInfo<AccountId, BlockNumber>;
	}
}
