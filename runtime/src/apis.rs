//! The runtime APIs the node, polkadot.js and DApps call.

use crate::{
	AccountId, Aura, Balance, Block, BlockNumber, Content, Evaluation, Executive, Grandpa,
	InherentDataExt, Market, Nonce, Runtime, RuntimeCall, RuntimeGenesisConfig, SessionKeys,
	System, Token, TransactionPayment, Validators, VERSION,
};
use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_session::OpaqueGeneratedSessionKeys;
use sp_version::RuntimeVersion;

/// A content listing as the runtime API reports it.
type ContentListing = pallet_allspark_content::ListingDetails<AccountId, Balance, BlockNumber>;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block)
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			let key_owner_proof = key_owner_proof.decode()?;
			Grandpa::submit_unsigned_equivocation_report(equivocation_proof, key_owner_proof)
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			use codec::Encode;
			use frame_support::traits::KeyOwnerProofSystem;
			crate::Historical::prove((sp_consensus_grandpa::KEY_TYPE, authority_id))
				.map(|proof| proof.encode())
				.map(sp_consensus_grandpa::OpaqueKeyOwnershipProof::new)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_allspark_token::runtime_api::TokenApi<Block, AccountId, Balance> for Runtime {
		fn economics() -> pallet_allspark_token::Economics<AccountId, Balance> {
			Token::economics()
		}
	}

	impl pallet_allspark_content::runtime_api::ContentApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn listing(id: pallet_allspark_content::ListingId) -> Option<ContentListing> {
			Content::listing(id)
		}

		fn listings_of(
			owner: AccountId,
			start_after: Option<pallet_allspark_content::ListingId>,
			limit: u32,
		) -> Vec<ContentListing> {
			Content::listings_of(owner, start_after, limit)
		}

		fn listing_by_hash(hash: pallet_allspark_content::ContentHash) -> Option<ContentListing> {
			Content::listing_by_hash(hash)
		}

		fn listing_state(id: pallet_allspark_content::ListingId) -> pallet_allspark_content::ListingState {
			Content::listing_state(id)
		}

		fn claims_of(who: AccountId) -> Vec<pallet_allspark_content::ClaimDetails<BlockNumber>> {
			Content::claims_of(&who)
		}
	}

	impl pallet_allspark_market::runtime_api::MarketApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn book(
			listing: pallet_allspark_content::ListingId,
			right: pallet_allspark_market::Right,
			depth: u32,
		) -> pallet_allspark_market::BookView<Balance> {
			Market::book(listing, right, depth)
		}

		fn orders_of(
			who: AccountId,
			start_after: Option<pallet_allspark_market::OrderId>,
			limit: u32,
		) -> Vec<pallet_allspark_market::OrderView<AccountId, Balance, BlockNumber>> {
			Market::orders_of(who, start_after, limit)
		}

		fn licences_of(who: AccountId) -> Vec<pallet_allspark_market::LicenceView<BlockNumber>> {
			Market::licences_of(who)
		}

		fn licence(
			who: AccountId,
			listing: pallet_allspark_content::ListingId,
			right: pallet_allspark_market::Right,
		) -> Option<pallet_allspark_market::LicenceView<BlockNumber>> {
			Market::licence(who, listing, right)
		}

		fn offer(
			id: pallet_allspark_market::OfferId,
		) -> Option<pallet_allspark_market::OfferView<AccountId, Balance, BlockNumber>> {
			Market::offer(id)
		}

		fn offers_of_listing(
			listing: pallet_allspark_content::ListingId,
		) -> Vec<pallet_allspark_market::OfferView<AccountId, Balance, BlockNumber>> {
			Market::offers_of_listing(listing)
		}

		fn open_requests(
			category: pallet_allspark_content::Category,
			start_after: Option<pallet_allspark_market::RequestId>,
			limit: u32,
		) -> Vec<pallet_allspark_market::RequestView<AccountId, Balance, BlockNumber>> {
			Market::open_requests(category, start_after, limit)
		}
	}

	impl pallet_allspark_evaluation::runtime_api::EvaluationApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn score(
			listing: pallet_allspark_content::ListingId,
		) -> pallet_allspark_evaluation::ScoreView<BlockNumber> {
			Evaluation::score(listing)
		}

		fn round(
			id: pallet_allspark_evaluation::RoundId,
		) -> Option<pallet_allspark_evaluation::RoundView<AccountId, Balance, BlockNumber>> {
			Evaluation::round(id)
		}

		fn record(who: AccountId) -> pallet_allspark_evaluation::EvaluatorRecord<Balance> {
			Evaluation::record(who)
		}

		fn era_rewards(
			listing: Option<pallet_allspark_content::ListingId>,
		) -> pallet_allspark_evaluation::EraRewardsView<Balance, BlockNumber> {
			Evaluation::era_rewards(listing)
		}

		fn commitment(
			score: pallet_allspark_evaluation::Score,
			salt: [u8; 32],
			evaluator: AccountId,
		) -> sp_core::H256 {
			Evaluation::commitment_of(score, &salt, &evaluator)
		}
	}

	impl pallet_allspark_validators::runtime_api::ValidatorsApi<Block, AccountId, BlockNumber> for Runtime {
		fn validator_set() -> pallet_allspark_validators::ValidatorSetInfo<AccountId, BlockNumber> {
			Validators::validator_set()
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline::Pallet as BaselineBench, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use crate::{AllPalletsWithSystem, Balances, Content, Sudo, Timestamp, Token, Utility, Validators, Vesting};

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, baseline::Pallet as BaselineBench, BenchmarkBatch};
			use frame_support::traits::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use crate::{Balances, Content, Sudo, Timestamp, Token, Utility, Validators, Vesting};

			impl frame_system_benchmarking::Config for Runtime {}
			impl baseline::Config for Runtime {}

			use frame_support::traits::WhitelistedStorageKeys;
			let whitelist: Vec<TrackedStorageKey> = crate::AllPalletsWithSystem::whitelisted_storage_keys();

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, crate::configs::system::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select).expect("execute-block failed")
		}
	}
}
