//! The evaluation pallet's runtime API, for DApps and the node's `evaluation_*` RPC methods.

use crate::{EraRewardsView, EvaluatorRecord, RoundId, RoundView, Score, ScoreView};
use allspark_primitives::ListingId;
use codec::Codec;
use sp_core::H256;

sp_api::decl_runtime_apis! {
	/// Staked content evaluation.
	pub trait EvaluationApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// A listing's score (`None` before its first finalised round), its recent history and
		/// its open round.
		fn score(listing: ListingId) -> ScoreView<BlockNumber>;
		/// An open round with its phase now and its participants; `None` when not open.
		fn round(id: RoundId) -> Option<RoundView<AccountId, Balance, BlockNumber>>;
		/// An evaluator's track record: coherent, incoherent and silent rounds, rewards and
		/// slashes.
		fn record(who: AccountId) -> EvaluatorRecord<Balance>;
		/// The current reward era, what it would pay if it ended now, and a listing's pending
		/// share.
		fn era_rewards(listing: Option<ListingId>) -> EraRewardsView<Balance, BlockNumber>;
		/// The commitment an evaluator makes to `score` with `salt`, exactly as the runtime
		/// checks it at reveal.
		fn commitment(score: Score, salt: [u8; 32], evaluator: AccountId) -> H256;
	}
}
