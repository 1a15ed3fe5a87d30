//! Unit tests of the runtime's own configuration: fees and genesis presets.

mod governance;
mod vesting;

use crate::{
	configs::monetary::{WeightToFee, BASE_EXTRINSIC_FEE, TRANSACTION_BYTE_FEE},
	genesis_config_presets::{self, DEV_ENDOWMENT},
	Balance, Balances, BuildStorage, Runtime, RuntimeCall, System, Token, TransactionPayment, ASK,
	EXISTENTIAL_DEPOSIT,
};
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::Get,
	weights::{constants::ExtrinsicBaseWeight, Weight, WeightToFee as _},
};
use pallet_allspark_token::Pot;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::{Dispatchable, Zero};

/// Genesis storage built from a preset's JSON, as the node builds it.
fn storage_of_preset(id: &str) -> sp_io::TestExternalities {
	let config = genesis_config_presets::preset_config(&id.into()).expect("preset exists");
	config.build_storage().unwrap().into()
}

/// A GRANDPA equivocation and the proof that its key belonged to a validator of the session it
/// was made in: what anyone reports.
type EquivocationReport = (
	sp_consensus_grandpa::EquivocationProof<sp_core::H256, crate::BlockNumber>,
	sp_session::MembershipProof,
);

/// Report `equivocation`, as anyone may (unsigned): slashes its offender while it is provable.
fn report_equivocation(
	equivocation: &EquivocationReport,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	let (proof, key_owner) = equivocation.clone();
	crate::Grandpa::report_equivocation_unsigned(
		crate::RuntimeOrigin::none(),
		Box::new(proof),
		key_owner,
	)
}

/// The slash of one equivocating validator of four: (3k/n)² = 56.25 % of its bond.
const ONE_OF_FOUR_SLASH: Balance = genesis_config_presets::VALIDATOR_BOND * 5_625 / 10_000;

/// What `who` has held as a validator bond.
fn bond_held(who: &crate::AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&pallet_allspark_validators::HoldReason::ValidatorBond.into(), who)
}

/// A GRANDPA equivocation by `key`: two prevotes for different blocks in round 1 of the current
/// set, as a second node run on the same keys produces, and the proof (from the historical
/// session roots) that the key belonged to a validator of the current session.
fn grandpa_equivocation(key: sp_keyring::Ed25519Keyring) -> EquivocationReport {
	use finality_grandpa::{Equivocation, Message, Prevote};
	use frame_support::traits::KeyOwnerProofSystem;
	use sp_consensus_grandpa::{localized_payload, EquivocationProof, KEY_TYPE};
	let set_id = pallet_grandpa::CurrentSetId::<Runtime>::get();
	let signed_prevote = |hash: sp_core::H256| {
		let prevote = Prevote { target_hash: hash, target_number: 1u32 };
		let payload = localized_payload(1, set_id, &Message::Prevote(prevote.clone()));
		(prevote, key.sign(&payload).into())
	};
	let proof = EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(Equivocation {
			round_number: 1,
			identity: key.public().into(),
			first: signed_prevote(sp_core::H256::repeat_byte(1)),
			second: signed_prevote(sp_core::H256::repeat_byte(2)),
		}),
	);
	let authority: sp_consensus_grandpa::AuthorityId = key.public().into();
	let owner = crate::Historical::prove((KEY_TYPE, authority)).expect("the key is in the session");
	(proof, owner)
}

#[test]
fn preset_names_are_the_documented_ones() {
	let names: Vec<String> = genesis_config_presets::preset_names();
	assert_eq!(
		names,
		vec!["development".to_string(), "local_testnet".to_string(), "production".to_string()]
	);
	assert!(genesis_config_presets::get_preset(&"no_such_preset".into()).is_none());
}

#[test]
fn presets_build_and_balance() {
	for (preset, validators, min) in
		[(DEV_RUNTIME_PRESET, 1usize, 1u32), (LOCAL_TESTNET_RUNTIME_PRESET, 4, 4)]
	{
		storage_of_preset(preset).execute_with(|| {
			let accounts = sp_keyring::Sr25519Keyring::well_known().count() as u128;
			let pots: Balance = genesis_config_presets::dev_pots().iter().map(|(_, b)| b).sum();
			// Total issuance is exactly the endowments plus the pots: nothing minted elsewhere.
			assert_eq!(Balances::total_issuance(), accounts * DEV_ENDOWMENT + pots, "{preset}");
			for (pot, amount) in genesis_config_presets::dev_pots() {
				assert_eq!(Token::pot_balance(pot), amount, "{preset} {pot:?}");
			}
			let sum: Balance = frame_system::Account::<Runtime>::iter()
				.map(|(_, info)| info.data.free + info.data.reserved)
				.sum();
			assert_eq!(sum, Balances::total_issuance(), "{preset}");
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), validators, "{preset}");
			assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), validators, "{preset}");
			// The authorities come from the session pallet, managed by the validators pallet.
			assert_eq!(pallet_session::Validators::<Runtime>::get().len(), validators, "{preset}");
			assert_eq!(pallet_allspark_validators::PlannedSet::<Runtime>::get().len(), validators);
			assert_eq!(
				pallet_allspark_validators::MinValidators::<Runtime>::get(),
				min,
				"{preset}"
			);
			assert_eq!(
				pallet_allspark_validators::SessionLength::<Runtime>::get(),
				genesis_config_presets::TEST_SESSION_LENGTH,
				"{preset}"
			);
			assert_eq!(
				pallet_sudo::Key::<Runtime>::get(),
				Some(Sr25519Keyring::Alice.to_account_id()),
				"{preset}"
			);
			assert_eq!(
				crate::governance::origins::Timing::<Runtime>::get(),
				crate::governance::origins::TrackTiming::Fast,
				"{preset}"
			);
		});
	}
}

#[test]
fn production_has_no_sudo_key_and_bonded_validators() {
	use crate::governance::origins::{Timing, TrackTiming};
	storage_of_preset(genesis_config_presets::PRODUCTION_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		assert_eq!(Timing::<Runtime>::get(), TrackTiming::Production);
		assert_eq!(Balances::total_issuance(), genesis_config_presets::TOTAL_SUPPLY);
		let mut committee = genesis_config_presets::committee();
		committee.sort();
		assert_eq!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().to_vec(),
			committee
		);
		assert_eq!(
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(),
			committee
		);
		for who in pallet_session::Validators::<Runtime>::get() {
			assert_eq!(bond_held(&who), genesis_config_presets::VALIDATOR_BOND);
			assert_eq!(
				pallet_allspark_validators::Bonds::<Runtime>::get(&who).map(|b| b.amount),
				Some(genesis_config_presets::VALIDATOR_BOND)
			);
		}
	});
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
fn fees_are_split_and_issuance_falls_by_exactly_the_burned_part() {
	storage_of_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let issuance = Balances::total_issuance();
		let treasury = Token::pot_balance(Pot::Treasury);
		let evaluation = Token::pot_balance(Pot::EvaluationRewards);
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
		ext.test_run(origin, &call, &info, len as usize, 0, |origin| call.clone().dispatch(origin))
			.unwrap()
			.unwrap();
		// Alice, the dev chain's validator, holds her bond.
		let bonded = DEV_ENDOWMENT - genesis_config_presets::VALIDATOR_BOND;
		assert_eq!(Balances::free_balance(&alice), bonded - 5 * crate::ASK - fee);
		assert_eq!(Balances::free_balance(&bob), DEV_ENDOWMENT + 5 * crate::ASK);
		// 30 % to the treasury, 50 % to the evaluation-reward pot (rounded down), the rest burned.
		let to_treasury = fee * 30 / 100;
		let to_evaluation = fee * 50 / 100;
		let burned = fee - to_treasury - to_evaluation;
		assert_eq!(Token::pot_balance(Pot::Treasury), treasury + to_treasury);
		assert_eq!(Token::pot_balance(Pot::EvaluationRewards), evaluation + to_evaluation);
		assert_eq!(Balances::total_issuance(), issuance - burned);
		assert_eq!(pallet_allspark_token::BurnedTotal::<Runtime>::get(), burned);
	});
}

#[test]
fn existential_deposit_is_a_milli_ask() {
	assert_eq!(EXISTENTIAL_DEPOSIT, crate::MILLI_ASK);
	let ed: Balance =
		<<Runtime as pallet_balances::Config>::ExistentialDeposit as Get<Balance>>::get();
	assert_eq!(ed, EXISTENTIAL_DEPOSIT);
}

#[test]
fn runtime_identity() {
	assert_eq!(crate::VERSION.spec_name, "allspark");
	assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), crate::SS58_PREFIX);
	assert_eq!(crate::TOKEN_DECIMALS, 12);
}

#[test]
fn every_pallet_passes_its_integrity_test() {
	sp_io::TestExternalities::default().execute_with(|| {
		<crate::AllPalletsWithSystem as frame_support::traits::IntegrityTest>::integrity_test();
	});
}

#[test]
fn the_largest_listing_deposits_under_ten_ask_and_removal_pays_the_treasury_pot() {
	use crate::{Content, RuntimeOrigin};
	use frame_support::{assert_ok, traits::fungible::InspectHold};
	storage_of_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let shares: Vec<_> = (1u8..=16)
			.map(|i| (crate::AccountId::from([i; 32]), sp_runtime::Permill::from_parts(62_500)))
			.collect();
		let commitment = Content::claim_commitment(&[1; 32], &alice);
		assert_ok!(Content::claim(RuntimeOrigin::signed(alice.clone()), commitment));
		System::set_block_number(2);
		assert_ok!(Content::register(
			RuntimeOrigin::signed(alice.clone()),
			[1; 32],
			vec![b'x'; 256],
			pallet_allspark_content::Category::Software,
			pallet_allspark_content::LicenceTerms {
				personal: true,
				commercial: true,
				republication: true,
				licence_duration: None,
				distributor_commission: sp_runtime::Permill::zero(),
			},
			shares,
		));
		// 1 ASK + 0.01 ASK × (256 bytes of metadata + 16 shares × 36 bytes).
		let deposit = ASK + 10 * crate::MILLI_ASK * (256 + 16 * 36);
		assert_eq!(deposit, 9_320 * crate::MILLI_ASK);
		let reason =
			crate::RuntimeHoldReason::Content(pallet_allspark_content::HoldReason::ListingDeposit);
		assert_eq!(Balances::balance_on_hold(&reason, &alice), deposit);
		let treasury = Token::pot_balance(Pot::Treasury);
		assert_ok!(Content::remove_infringing(RuntimeOrigin::root(), 0));
		assert_eq!(Token::pot_balance(Pot::Treasury), treasury + deposit);
		assert_eq!(Balances::balance_on_hold(&reason, &alice), 0);
		Content::do_try_state().unwrap();
	});
}

#[test]
fn every_preset_opens_evaluation_with_consistent_parameters() {
	use genesis_config_presets::{production_evaluation_params, test_evaluation_params};
	for (preset, expected) in [
		(DEV_RUNTIME_PRESET, test_evaluation_params()),
		(LOCAL_TESTNET_RUNTIME_PRESET, test_evaluation_params()),
		(genesis_config_presets::PRODUCTION_RUNTIME_PRESET, production_evaluation_params()),
	] {
		storage_of_preset(preset).execute_with(|| {
			let params = pallet_allspark_evaluation::Parameters::<Runtime>::get();
			assert_eq!(params, Some(expected), "{preset}");
			assert!(
				expected
					.check(<Runtime as pallet_allspark_evaluation::Config>::MaxEvaluators::get())
					.is_ok(),
				"{preset}"
			);
		});
	}
	assert_eq!(production_evaluation_params().commit_period, crate::DAYS);
}

mod production_plan {
	use super::*;
	use crate::genesis_config_presets::{
		plan_account, EVALUATION_POT_SEED, PRODUCTION_RUNTIME_PRESET, SALE_ACCOUNTS, TEAM_CLIFF,
		TEAM_VESTING_LENGTH, TOTAL_SUPPLY,
	};
	use frame_support::traits::VestingSchedule;

	const M: Balance = 1_000_000 * ASK;

	#[test]
	fn carries_the_public_token_plan() {
		storage_of_preset(PRODUCTION_RUNTIME_PRESET).execute_with(|| {
			assert_eq!(TOTAL_SUPPLY, 300 * M);
			assert_eq!(Balances::total_issuance(), 300 * M);
			let sale: Balance = (0..SALE_ACCOUNTS)
				.map(|i| Balances::free_balance(plan_account("sale", i)))
				.sum();
			assert_eq!(sale, 120 * M, "40 % public sale");
			assert_eq!(Balances::free_balance(plan_account("team", 0)), 60 * M, "20 % team");
			assert_eq!(Token::pot_balance(Pot::NodeIncentives), 15 * M, "5 % node incentives");
			assert_eq!(
				Token::pot_balance(Pot::CommunityIncentives)
					+ Token::pot_balance(Pot::EvaluationRewards),
				45 * M,
				"15 % community incentives, the evaluation pot seeded from it"
			);
			assert_eq!(Token::pot_balance(Pot::EvaluationRewards), EVALUATION_POT_SEED);
			// 20 % for the foundation: the treasury, and the initial validators' bonds and
			// allowances.
			let validators = pallet_session::Validators::<Runtime>::get();
			let per_validator = genesis_config_presets::VALIDATOR_BOND
				+ genesis_config_presets::VALIDATOR_ALLOWANCE;
			let to_validators: Balance = validators
				.iter()
				.map(<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance)
				.sum();
			assert_eq!(to_validators, per_validator * validators.len() as Balance);
			assert_eq!(
				Token::pot_balance(Pot::Treasury) + to_validators,
				60 * M,
				"20 % foundation"
			);
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
			assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), 4);
			assert_eq!(
				pallet_allspark_validators::SessionLength::<Runtime>::get(),
				genesis_config_presets::PRODUCTION_SESSION_LENGTH
			);
		});
	}

	#[test]
	fn team_allocation_vests_after_a_cliff_then_linearly() {
		storage_of_preset(PRODUCTION_RUNTIME_PRESET).execute_with(|| {
			let team = plan_account("team", 0);
			let locked_at = |block| {
				System::set_block_number(block);
				<pallet_vesting::Pallet<Runtime> as VestingSchedule<_>>::vesting_balance(&team)
					.unwrap_or(0)
			};
			assert_eq!(locked_at(0), 60 * M, "all locked at genesis");
			assert_eq!(locked_at(TEAM_CLIFF), 60 * M, "nothing released before the cliff ends");
			let per_block = 60 * M / TEAM_VESTING_LENGTH as Balance;
			assert_eq!(
				locked_at(TEAM_CLIFF + 1),
				60 * M - per_block,
				"release starts after the cliff"
			);
			let third = TEAM_CLIFF + TEAM_VESTING_LENGTH / 3;
			assert_eq!(locked_at(third), 60 * M - per_block * (TEAM_VESTING_LENGTH / 3) as Balance);
			// `pallet-vesting` releases a whole number of units per block: the division's
			// remainder (less than one block's release) unlocks with the block after the 36 months.
			let remainder = 60 * M % TEAM_VESTING_LENGTH as Balance;
			assert!(remainder < per_block);
			assert_eq!(
				locked_at(TEAM_CLIFF + TEAM_VESTING_LENGTH),
				remainder,
				"36 months released"
			);
			assert_eq!(locked_at(TEAM_CLIFF + TEAM_VESTING_LENGTH + 1), 0, "all released");
			// Locked funds cannot be transferred away before they vest.
			System::set_block_number(TEAM_CLIFF);
			assert!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
				&team,
				&plan_account("sale", 0),
				ASK,
				frame_support::traits::tokens::Preservation::Preserve,
			)
			.is_err());
		});
	}

	#[test]
	fn a_plan_that_does_not_add_up_is_refused() {
		let json = genesis_config_presets::get_preset(&PRODUCTION_RUNTIME_PRESET.into()).unwrap();
		let mut patch: serde_json::Value = serde_json::from_slice(&json).unwrap();
		patch["token"]["totalIssuance"] = serde_json::json!(TOTAL_SUPPLY + 1);
		let config = genesis_config_presets::config_from_patch(patch).unwrap();
		let result = std::panic::catch_unwind(|| config.build_storage());
		assert!(result.is_err(), "genesis must refuse a plan that does not add up");
	}
}

/// The incentive layer under attack, at the production preset's parameters.
mod attacks;

/// What the runtime's hooks may take of a block.
mod hooks;
