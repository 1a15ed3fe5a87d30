//! `validators_set`: the validator set over the validators pallet's runtime API.

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use pallet_allspark_validators::runtime_api::ValidatorsApi as ValidatorsRuntimeApi;
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// The RPC answer of `validators_set`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ValidatorSetJson<AccountId, BlockNumber> {
	pub session_index: u32,
	pub session_length: BlockNumber,
	/// The validators of the current session.
	pub current: Vec<AccountId>,
	/// The validators queued for the next session.
	pub queued: Vec<AccountId>,
	/// The set governance has planned, handed to the session pallet at the next boundary.
	pub planned: Vec<AccountId>,
	pub pending_change: bool,
	pub min_validators: u32,
	pub max_validators: u32,
}

#[rpc(server)]
pub trait ValidatorsApi<BlockHash, AccountId, BlockNumber> {
	/// The session index and length and the current, queued and planned validator sets, at `at`
	/// (default: the best block).
	#[method(name = "validators_set")]
	fn validator_set(&self, at: Option<BlockHash>) -> RpcResult<ValidatorSetJson<AccountId, BlockNumber>>;
}

/// The `validators_*` RPC methods.
pub struct Validators<C, B> {
	client: Arc<C>,
	_marker: PhantomData<B>,
}

impl<C, B> Validators<C, B> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

impl<C, Block, AccountId, BlockNumber> ValidatorsApiServer<Block::Hash, AccountId, BlockNumber>
	for Validators<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ValidatorsRuntimeApi<Block, AccountId, BlockNumber>,
	AccountId: Codec + Clone + Serialize + Send + Sync + 'static + for<'de> Deserialize<'de>,
	BlockNumber: Codec + Clone + Serialize + Send + Sync + 'static + for<'de> Deserialize<'de>,
{
	fn validator_set(&self, at: Option<Block::Hash>) -> RpcResult<ValidatorSetJson<AccountId, BlockNumber>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let v = self.client.runtime_api().validator_set(at).map_err(|e| {
			ErrorObjectOwned::owned(1, "runtime API call failed", Some(e.to_string()))
		})?;
		Ok(ValidatorSetJson {
			session_index: v.session_index,
			session_length: v.session_length,
			current: v.current,
			queued: v.queued,
			planned: v.planned,
			pending_change: v.pending_change,
			min_validators: v.min_validators,
			max_validators: v.max_validators,
		})
	}
}
