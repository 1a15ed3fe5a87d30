//! The node's RPC extensions beyond the standard Substrate set: `system_accountNextIndex`
//! (frame-system), `payment_queryInfo`/`payment_queryFeeDetails` (transaction payment) and the
//! AllSpark methods over the runtime APIs (`token_economics`, `content_*`, `market_*`, `evaluation_*`, `validators_set`).

pub mod content;
pub mod evaluation;
pub mod market;
pub mod token;
pub mod validators;

use std::sync::Arc;

use allspark_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// Full client dependencies.
pub struct FullDeps<C, P> {
	/// The client instance to use.
	pub client: Arc<C>,
	/// Transaction pool instance.
	pub pool: Arc<P>,
}

/// The block an AllSpark RPC method reads at: the given one, or the best block.
pub(crate) fn at_or_best<B: sp_runtime::traits::Block, C: HeaderBackend<B>>(
	client: &C,
	at: Option<B::Hash>,
) -> B::Hash {
	at.unwrap_or_else(|| client.info().best_hash)
}

/// The JSON-RPC error of a failed runtime API call.
pub(crate) fn runtime_api_error(e: impl ToString) -> jsonrpsee::types::ErrorObjectOwned {
	jsonrpsee::types::ErrorObjectOwned::owned(1, "runtime API call failed", Some(e.to_string()))
}

/// Instantiate all full RPC extensions.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: pallet_allspark_token::runtime_api::TokenApi<Block, AccountId, Balance>,
	C::Api:
		pallet_allspark_content::runtime_api::ContentApi<Block, AccountId, Balance, BlockNumber>,
	C::Api: pallet_allspark_market::runtime_api::MarketApi<Block, AccountId, Balance, BlockNumber>,
	C::Api: pallet_allspark_evaluation::runtime_api::EvaluationApi<
		Block,
		AccountId,
		Balance,
		BlockNumber,
	>,
	C::Api: pallet_allspark_validators::runtime_api::ValidatorsApi<Block, AccountId, BlockNumber>,
	P: TransactionPool + 'static,
{
	use content::{Content, ContentApiServer};
	use evaluation::{Evaluation, EvaluationApiServer};
	use market::{Market, MarketApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};
	use token::{Token, TokenApiServer};
	use validators::{Validators, ValidatorsApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Token::<_, _, Balance>::new(client.clone()).into_rpc())?;
	module.merge(Content::<_, _, Balance>::new(client.clone()).into_rpc())?;
	module.merge(Market::new(client.clone()).into_rpc())?;
	module.merge(Evaluation::new(client.clone()).into_rpc())?;
	module.merge(Validators::new(client).into_rpc())?;

	Ok(module)
}
