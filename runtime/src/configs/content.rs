//! Content listings (`pallet_allspark_content`).

use crate::{
	AccountId, Balance, Balances, Runtime, RuntimeEvent, RuntimeHoldReason, Token, ASK, MILLI_ASK,
};
use frame_support::{parameter_types, traits::ConstU32};
use pallet_allspark_token::Pot;

parameter_types! {
	/// A listing's fixed deposit: its fixed-size fields and two index entries.
	pub const ListingDepositBase: Balance = ASK;
	/// The deposit per stored byte of metadata and revenue shares.
	pub const ListingDepositPerByte: Balance = 10 * MILLI_ASK;
	/// The treasury pot, where the deposits of removed infringing listings go.
	pub TreasuryAccount: AccountId = Token::pot_account(Pot::Treasury);
}

impl pallet_allspark_content::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = crate::configs::governance::ContentModerator;
	type Treasury = TreasuryAccount;
	type FrozenBalance = crate::configs::monetary::FrozenBalances;
	/// Open offers and sell orders keep a listing from being delisted or transferred.
	type Obligations = crate::Market;
	type DepositBase = ListingDepositBase;
	type DepositPerByte = ListingDepositPerByte;
	/// Room for an IPFS CID with a path, or a URL.
	type MaxMetadataLen = ConstU32<256>;
	type MaxCoCreators = ConstU32<16>;
	type MaxPageSize = ConstU32<100>;
	/// Room to claim a batch of works before registering them.
	type MaxClaims = ConstU32<16>;
	type WeightInfo = pallet_allspark_content::weights::SubstrateWeight<Runtime>;
}
