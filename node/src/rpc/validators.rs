//! `validators_set`: the validator set over the validators pallet's runtime API, answered as the
//! runtime's `ValidatorSetInfo` (camelCase JSON).

use std::{marker::PhantomData, sync::Arc};

use super::{at_or_best, runtime_api_error};
use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_allspark_validators::{
	runtime_api::ValidatorsApi as ValidatorsRuntimeApi, ValidatorSetInfo,
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

#[rpc(server)]
pub trait ValidatorsApi<BlockHash, AccountId, BlockNumber> {
	/// The session index and length and the current, queued and planned validator sets, at `at`
	/// (default: the best block).
	#[method(name = "validators_set")]
	fn validator_set(
		&self,
		at: Option<BlockHash>,
	) -> RpcResult<ValidatorSetInfo<AccountId, BlockNumber>>;
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
	fn validator_set(
		&self,
		at: Option<Block::Hash>,
	) -> RpcResult<ValidatorSetInfo<AccountId, BlockNumber>> {
		let at = at_or_best(&*self.client, at);
		self.client.runtime_api().validator_set(at).map_err(runtime_api_error)
	}
}
