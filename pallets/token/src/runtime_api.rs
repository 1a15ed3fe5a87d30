//! The token pallet's runtime API, for DApps and the node's `token_economics` RPC method.

use crate::Economics;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// The token's economics.
	pub trait TokenApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// Total issuance, burned to date, every pot's account and balance, the service charge's
		/// rates and split, and the block author reward.
		fn economics() -> Economics<AccountId, Balance>;
	}
}
