//! Unit tests of the runtime's own configuration: fees and genesis presets.

use crate::{
	configs::monetary::{WeightToFee, BASE_EXTRINSIC_FEE, TRANSACTION_BYTE_FEE},
	genesis_config_presets::{self, DEV_ENDOWMENT},
	Balance, Balances, BuildStorage, Runtime, RuntimeCall, RuntimeGenesisConfig, System,
	TransactionPayment, EXISTENTIAL_DEPOSIT,
};
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::Get,
	weights::{constants::ExtrinsicBaseWeight, Weight, WeightToFee as _},
};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::{Dispatchable, Zero};

/// Genesis storage built from a preset's JSON, as the node builds it.
fn storage_of_preset(id: &str) -> sp_io::TestExternalities {
	let json = genesis_config_presets::get_preset(&id.into()).expect("preset exists");
	let mut config: serde_json::Value = serde_json::from_slice(&json).unwrap();
	// Fill in every field the patch leaves out with its default, as `build_state` does.
	let mut full = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	json_merge(&mut full, config.take());
	let config: RuntimeGenesisConfig = serde_json::from_value(full).unwrap();
	config.build_storage().unwrap().into()
}

fn json_merge(a: &mut serde_json::Value, b: serde_json::Value) {
	match (a, b) {
		(serde_json::Value::Object(a), serde_json::Value::Object(b)) =>
			for (k, v) in b {
				json_merge(a.entry(k).or_insert(serde_json::Value::Null), v);
			},
		(a, b) => *a = b,
	}
}

#[test]
fn preset_names_are_the_documented_ones() {
	let names: Vec<String> = genesis_config_presets::preset_names();
	assert_eq!(names, vec!["development".to_string(), "local_testnet".to_string()]);
	assert!(genesis_config_presets::get_preset(&"no_such_preset".into()).is_none());
}

#[test]
fn presets_build_and_balance() {
	for (preset, validators) in [(DEV_RUNTIME_PRESET, 1usize), (LOCAL_TESTNET_RUNTIME_PRESET, 4)] {
		storage_of_preset(preset).execute_with(|| {
			let accounts = sp_keyring::Sr25519Keyring::well_known().count() as u128;
			// Total issuance is exactly the sum of the endowments: nothing minted elsewhere.
			assert_eq!(Balances::total_issuance(), accounts * DEV_ENDOWMENT, "{preset}");
			let sum: Balance = frame_system::Account::<Runtime>::iter()
				.map(|(_, info)| info.data.free + info.data.reserved)
				.sum();
			assert_eq!(sum, Balances::total_issuance(), "{preset}");
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), validators, "{preset}");
			assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), validators, "{preset}");
			assert_eq!(
				pallet_sudo::Key::<Runtime>::get(),
				Some(Sr25519Keyring::Alice.to_account_id()),
				"{preset}"
			);
		});
	}
}

#[test]
fn weight_fee_is_one_milli_ask_per_base_extrinsic_and_linear() {
	let base = ExtrinsicBaseWeight::get();
	assert_eq!(WeightToFee::weight_to_fee(&base), BASE_EXTRINSIC_FEE);
	// Linear, up to the Perbill rounding of the coefficient's fractional part.
	let ten = WeightToFee::weight_to_fee(&(base * 10));
	assert!(ten.abs_diff(10 * BASE_EXTRINSIC_FEE) <= 10, "10 base weights cost {ten}");
	assert_eq!(WeightToFee::weight_to_fee(&Weight::zero()), 0);
	// A heavier call pays strictly more.
	let more = base.saturating_add(Weight::from_parts(1_000_000, 0));
	assert!(WeightToFee::weight_to_fee(&more) > BASE_EXTRINSIC_FEE);
}

#[test]
fn fees_scale_with_weight_and_length() {
	storage_of_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			value: 1,
		});
		let info = call.get_dispatch_info();
		let short = TransactionPayment::compute_fee(100, &info, 0);
		let long = TransactionPayment::compute_fee(200, &info, 0);
		// 100 more bytes cost exactly 100 byte fees.
		assert_eq!(long - short, 100 * TRANSACTION_BYTE_FEE);
		let details = TransactionPayment::compute_fee_details(100, &info, 0);
		let inclusion = details.inclusion_fee.expect("transfers pay fees");
		assert_eq!(inclusion.len_fee, 100 * TRANSACTION_BYTE_FEE);
		assert_eq!(inclusion.base_fee, BASE_EXTRINSIC_FEE);
		assert!(!inclusion.adjusted_weight_fee.is_zero());
		// A transfer costs a few milli-ASK: cheap, but no free spam.
		assert!(short > BASE_EXTRINSIC_FEE && short < 20 * BASE_EXTRINSIC_FEE, "fee {short}");
		// Tips add on top.
		assert_eq!(TransactionPayment::compute_fee(100, &info, 7), short + 7);
	});
}

#[test]
fn fees_are_burned_and_issuance_falls_by_exactly_the_fee() {
	storage_of_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let issuance = Balances::total_issuance();
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: bob.clone().into(),
			value: 5 * crate::ASK,
		});
		let info = call.get_dispatch_info();
		let len = 120;
		let fee = TransactionPayment::compute_fee(len, &info, 0);
		let ext = pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0);
		use sp_runtime::traits::{DispatchTransaction, TransactionExtension as _};
		let _ = &ext.weight(&call);
		let origin = crate::RuntimeOrigin::signed(alice.clone());
		ext.test_run(origin, &call, &info, len as usize, 0, |origin| {
			call.clone().dispatch(origin)
		})
		.unwrap()
		.unwrap();
		assert_eq!(Balances::free_balance(&alice), DEV_ENDOWMENT - 5 * crate::ASK - fee);
		assert_eq!(Balances::free_balance(&bob), DEV_ENDOWMENT + 5 * crate::ASK);
		assert_eq!(Balances::total_issuance(), issuance - fee);
	});
}

#[test]
fn existential_deposit_is_a_milli_ask() {
	assert_eq!(EXISTENTIAL_DEPOSIT, crate::MILLI_ASK);
	let ed: Balance = <<Runtime as pallet_balances::Config>::ExistentialDeposit as Get<Balance>>::get();
	assert_eq!(ed, EXISTENTIAL_DEPOSIT);
}

#[test]
fn runtime_identity() {
	assert_eq!(crate::VERSION.spec_name, "allspark");
	assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), crate::SS58_PREFIX);
	assert_eq!(crate::TOKEN_DECIMALS, 12);
}
