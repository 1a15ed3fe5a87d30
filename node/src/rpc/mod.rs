//! The node's RPC extensions beyond the standard Substrate set: `system_accountNextIndex`
//! (frame-system's, reading its account through [`AccountParam`]),
//! `payment_queryInfo`/`payment_queryFeeDetails` (transaction payment), GRANDPA's
//! (`grandpa_roundState`, `grandpa_proveFinality`, `grandpa_subscribeJustifications`) and the
//! AllSpark methods over the runtime APIs (`token_economics`, `content_*`, `market_*`,
//! `evaluation_*`, `validators_set`).

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
	/// What GRANDPA's RPC reads.
	pub grandpa: GrandpaDeps,
}

/// What GRANDPA's RPC reads: the voter's state, the authority set, finalized blocks'
/// justifications and the finality proofs of past blocks.
pub struct GrandpaDeps {
	/// The voter's state (rounds and votes), shared with the running voter.
	pub shared_voter_state: sc_consensus_grandpa::SharedVoterState,
	/// The authority set, shared with the block import.
	pub shared_authority_set: sc_consensus_grandpa::SharedAuthoritySet<
		<Block as sp_runtime::traits::Block>::Hash,
		BlockNumber,
	>,
	/// Justifications as blocks are finalized.
	pub justification_stream: sc_consensus_grandpa::GrandpaJustificationStream<Block>,
	/// Runs the subscriptions.
	pub subscription_executor: sc_rpc::SubscriptionTaskExecutor,
	/// Proves a block's finality from the stored justifications.
	pub finality_provider:
		Arc<sc_consensus_grandpa::FinalityProofProvider<crate::service::FullBackend, Block>>,
}

/// The block an AllSpark RPC method reads at: the given one, or the best block.
pub(crate) fn at_or_best<B: sp_runtime::traits::Block, C: HeaderBackend<B>>(
	client: &C,
	at: Option<B::Hash>,
) -> B::Hash {
	at.unwrap_or_else(|| client.info().best_hash)
}

/// An account as an AllSpark RPC method's parameter: its SS58 address, refused unread when longer
/// than [`MAX_ACCOUNT_PARAM_LEN`] characters. SS58 decoding is quadratic in the text's length: a
/// 200 kB "address" kept a debug node's RPC busy for 117 s before being refused (found by
/// `e2e/tests/node/05-rpc-abuse.test.js`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountParam<AccountId>(pub AccountId);

/// The longest account parameter read: an SS58 address of a 32-byte account is 47 to 49
/// characters, with room to spare.
pub const MAX_ACCOUNT_PARAM_LEN: usize = 64;

impl<'de, AccountId: serde::Deserialize<'de>> serde::Deserialize<'de> for AccountParam<AccountId> {
	fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		use serde::de::{value::StringDeserializer, Error};
		let text = String::deserialize(deserializer)?;
		if text.len() > MAX_ACCOUNT_PARAM_LEN {
			return Err(D::Error::custom(format!(
				"an account is an SS58 address of at most {MAX_ACCOUNT_PARAM_LEN} characters"
			)));
		}
		AccountId::deserialize(StringDeserializer::<D::Error>::new(text)).map(AccountParam)
	}
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
	use sc_consensus_grandpa_rpc::GrandpaApiServer;
	use substrate_frame_rpc_system::{System, SystemApiServer};
	use token::{Token, TokenApiServer};
	use validators::{Validators, ValidatorsApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, grandpa } = deps;

	// frame-system's RPC, but its `system_accountNextIndex` (alias `account_nextIndex`) reads
	// its account through `AccountParam`: upstream's decodes any length of text (50 kB took a
	// debug node 9.5 s, quadratically more for more).
	let system = Arc::new(System::new(client.clone(), pool.clone()));
	let mut upstream = System::new(client.clone(), pool).into_rpc();
	for name in ["system_accountNextIndex", "account_nextIndex"] {
		upstream.remove_method(name);
	}
	module.merge(upstream)?;
	let mut nonce = RpcModule::new(system);
	nonce.register_async_method("system_accountNextIndex", |params, system, _| async move {
		let account: AccountParam<AccountId> = params.one()?;
		SystemApiServer::<_, AccountId, Nonce>::nonce(&**system, account.0).await
	})?;
	nonce.register_alias("account_nextIndex", "system_accountNextIndex")?;
	module.merge(nonce)?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Token::<_, _, Balance>::new(client.clone()).into_rpc())?;
	module.merge(Content::<_, _, Balance>::new(client.clone()).into_rpc())?;
	module.merge(Market::new(client.clone()).into_rpc())?;
	module.merge(Evaluation::new(client.clone()).into_rpc())?;
	module.merge(Validators::new(client).into_rpc())?;
	module.merge(
		sc_consensus_grandpa_rpc::Grandpa::new(
			grandpa.subscription_executor,
			grandpa.shared_authority_set,
			grandpa.shared_voter_state,
			grandpa.justification_stream,
			grandpa.finality_provider,
		)
		.into_rpc(),
	)?;

	Ok(module)
}
