//! `token_economics`: the token's economics in one call, over the token pallet's runtime API.
//!
//! Balances are returned as decimal strings: ASK amounts exceed what a JSON number carries exactly
//! in JavaScript.

use std::{marker::PhantomData, sync::Arc};

use super::{at_or_best, runtime_api_error};
use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_allspark_token::{runtime_api::TokenApi as TokenRuntimeApi, ChargeSplit, Pot};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// A pot in the RPC answer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PotJson<AccountId> {
	/// Which pot.
	pub pot: Pot,
	/// Its keyless account.
	pub account: AccountId,
	/// Its balance, a decimal string of plancks.
	pub balance: String,
}

/// The RPC answer of `token_economics`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EconomicsJson<AccountId> {
	/// The total issuance, a decimal string of plancks.
	pub total_issuance: String,
	/// What charges and fees have burned to date, a decimal string of plancks.
	pub burned: String,
	/// Every pot with its account and balance.
	pub pots: Vec<PotJson<AccountId>>,
	/// The trade rate in parts per million.
	pub trade_rate_ppm: u32,
	/// The least service charge of a trade, a decimal string of plancks.
	pub min_charge: String,
	/// The fee to open an evaluation round, a decimal string of plancks.
	pub evaluation_fee: String,
	/// How charges and fees are divided.
	pub split: ChargeSplit,
	/// What a block's author is paid from the node-incentive pot, a decimal string of plancks.
	pub author_reward: String,
}

#[rpc(server)]
pub trait TokenApi<BlockHash, AccountId> {
	/// Total issuance, burned to date, every pot, the service charge's rates and split, and the
	/// block author reward, at `at` (default: the best block).
	#[method(name = "token_economics")]
	fn economics(&self, at: Option<BlockHash>) -> RpcResult<EconomicsJson<AccountId>>;
}

/// The `token_*` RPC methods.
pub struct Token<C, B, Balance> {
	client: Arc<C>,
	_marker: PhantomData<(B, Balance)>,
}

impl<C, B, Balance> Token<C, B, Balance> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

impl<C, Block, AccountId, Balance> TokenApiServer<Block::Hash, AccountId>
	for Token<C, Block, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: TokenRuntimeApi<Block, AccountId, Balance>,
	AccountId: Codec + Clone + Serialize + Send + Sync + 'static + for<'de> Deserialize<'de>,
	Balance: Codec + ToString + Send + Sync + 'static,
{
	fn economics(&self, at: Option<Block::Hash>) -> RpcResult<EconomicsJson<AccountId>> {
		let at = at_or_best(&*self.client, at);
		let e = self.client.runtime_api().economics(at).map_err(runtime_api_error)?;
		Ok(EconomicsJson {
			total_issuance: e.total_issuance.to_string(),
			burned: e.burned.to_string(),
			pots: e
				.pots
				.into_iter()
				.map(|p| PotJson { pot: p.pot, account: p.account, balance: p.balance.to_string() })
				.collect(),
			trade_rate_ppm: e.rates.trade_rate.deconstruct(),
			min_charge: e.rates.min_charge.to_string(),
			evaluation_fee: e.rates.evaluation_fee.to_string(),
			split: e.split,
			author_reward: e.author_reward.to_string(),
		})
	}
}
