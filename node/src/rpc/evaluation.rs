//! `evaluation_*`: staked content evaluation over the evaluation pallet's runtime API — scores
//! and their history, open rounds with their participants, evaluators' track records, the reward
//! era and a listing's pending share, and the commitment hash an evaluator submits.
//!
//! Balances are decimal strings, as in the other AllSpark methods; salts and hashes `0x` hex.

use std::{marker::PhantomData, sync::Arc};

use super::{at_or_best, runtime_api_error, AccountParam};
use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_allspark_content::ListingId;
use pallet_allspark_evaluation::{
	runtime_api::EvaluationApi as EvaluationRuntimeApi, EraRewardsView, EvaluatorRecord, RoundId,
	RoundView, Score, ScoreView,
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::Block as BlockT;

#[rpc(server)]
pub trait EvaluationApi<BlockHash, AccountId, Balance, BlockNumber>
where
	Balance: ToString,
{
	/// `listing`'s score (`null` before its first finalised round), its recent history (oldest
	/// first) and its open round, at `at` (default: the best block).
	#[method(name = "evaluation_score")]
	fn score(&self, listing: ListingId, at: Option<BlockHash>)
		-> RpcResult<ScoreView<BlockNumber>>;

	/// Open round `id` with its phase and participants at `at`; `null` once finalised.
	#[method(name = "evaluation_round")]
	fn round(
		&self,
		id: RoundId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<RoundView<AccountId, Balance, BlockNumber>>>;

	/// `who`'s track record: coherent, incoherent and silent rounds, rewards and slashes.
	#[method(name = "evaluation_record")]
	fn record(
		&self,
		who: AccountParam<AccountId>,
		at: Option<BlockHash>,
	) -> RpcResult<EvaluatorRecord<Balance>>;

	/// The current reward era, what it would pay if it ended at `at`, and `listing`'s pending
	/// share (`null` for none).
	#[method(name = "evaluation_eraRewards")]
	fn era_rewards(
		&self,
		listing: Option<ListingId>,
		at: Option<BlockHash>,
	) -> RpcResult<EraRewardsView<Balance, BlockNumber>>;

	/// The commitment `evaluator` submits for `score` with the 32-byte `salt`, computed by the
	/// runtime exactly as the reveal checks it.
	#[method(name = "evaluation_commitment")]
	fn commitment(
		&self,
		score: Score,
		salt: H256,
		evaluator: AccountParam<AccountId>,
		at: Option<BlockHash>,
	) -> RpcResult<H256>;
}

/// The `evaluation_*` RPC methods.
pub struct Evaluation<C, B> {
	client: Arc<C>,
	_marker: PhantomData<B>,
}

impl<C, B> Evaluation<C, B> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

impl<C, Block, AccountId, Balance, BlockNumber>
	EvaluationApiServer<Block::Hash, AccountId, Balance, BlockNumber> for Evaluation<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: EvaluationRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Clone + Serialize + Send + Sync + 'static + for<'de> Deserialize<'de>,
	Balance: Codec + Clone + ToString + Send + Sync + 'static,
	BlockNumber: Codec + Clone + Serialize + Send + Sync + 'static + for<'de> Deserialize<'de>,
{
	fn score(
		&self,
		listing: ListingId,
		at: Option<Block::Hash>,
	) -> RpcResult<ScoreView<BlockNumber>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().score(at, listing).map_err(runtime_api_error)
	}

	fn round(
		&self,
		id: RoundId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<RoundView<AccountId, Balance, BlockNumber>>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().round(at, id).map_err(runtime_api_error)
	}

	fn record(
		&self,
		who: AccountParam<AccountId>,
		at: Option<Block::Hash>,
	) -> RpcResult<EvaluatorRecord<Balance>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().record(at, who.0).map_err(runtime_api_error)
	}

	fn era_rewards(
		&self,
		listing: Option<ListingId>,
		at: Option<Block::Hash>,
	) -> RpcResult<EraRewardsView<Balance, BlockNumber>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().era_rewards(at, listing).map_err(runtime_api_error)
	}

	fn commitment(
		&self,
		score: Score,
		salt: H256,
		evaluator: AccountParam<AccountId>,
		at: Option<Block::Hash>,
	) -> RpcResult<H256> {
		let at = at_or_best(&*self.client, at);
		self.client
			.runtime_api()
			.commitment(at, score, salt.0, evaluator.0)
			.map_err(runtime_api_error)
	}
}
