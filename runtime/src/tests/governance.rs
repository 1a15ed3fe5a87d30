//! Governance: every privileged call accepts exactly the origins wired to it (a track's origin,
//! a share of the technical committee, root) and refuses every other with `BadOrigin`; the
//! tracks map their origins and scale with the chain's timing; a referendum passes and enacts
//! on the dev timing; a GRANDPA equivocation proved in a block slashes the offender's bond into
//! the treasury and takes it out of the set.

use super::storage_of_preset;
use crate::{
	configs::governance::{TechnicalCollective, TREASURER_MAX_SPEND},
	genesis_config_presets::{self, VALIDATOR_BOND},
	governance::{
		origins::Origin,
		tracks::{TracksInfo, FAST_PERIODS},
	},
	AccountId, Balances, Runtime, RuntimeCall, RuntimeOrigin, System, Token, ASK,
};
use frame_support::traits::OnInitialize;
use pallet_allspark_token::Pot;
use pallet_referenda::TracksInfo as _;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, DispatchError};

fn track(origin: Origin) -> RuntimeOrigin {
	origin.into()
}

fn committee(ayes: u32, of: u32) -> RuntimeOrigin {
	pallet_collective::RawOrigin::<AccountId, TechnicalCollective>::Members(ayes, of).into()
}

fn signed() -> RuntimeOrigin {
	RuntimeOrigin::signed(Sr25519Keyring::Eve.to_account_id())
}

/// Whether dispatching `call` from `origin` failed on the origin (any other outcome, success
/// or another error, means the origin passed).
fn bad_origin(call: &RuntimeCall, origin: RuntimeOrigin) -> bool {
	let result = frame_support::storage::with_transaction(|| {
		let r = call.clone().dispatch(origin);
		frame_support::storage::TransactionOutcome::Rollback(Ok::<_, DispatchError>(r))
	})
	.expect("rolled back");
	matches!(result, Err(e) if e.error == DispatchError::BadOrigin)
}

/// Every origin a test tries against every call.
fn every_origin() -> Vec<(&'static str, RuntimeOrigin)> {
	vec![
		("root", RuntimeOrigin::root()),
		("signed", signed()),
		("none", RuntimeOrigin::none()),
		("whitelisted_caller", track(Origin::WhitelistedCaller)),
		("referendum_canceller", track(Origin::ReferendumCanceller)),
		("referendum_killer", track(Origin::ReferendumKiller)),
		("validator_admin", track(Origin::ValidatorAdmin)),
		("content_moderator", track(Origin::ContentModerator)),
		("economic_admin", track(Origin::EconomicAdmin)),
		("treasurer", track(Origin::Treasurer)),
		("committee 1/3", committee(1, 3)),
		("committee 1/2", committee(1, 2)),
		("committee 2/3", committee(2, 3)),
		("committee 3/3", committee(3, 3)),
	]
}

/// The privileged calls and the origins each accepts (by [`every_origin`]'s names).
fn privileged_calls() -> Vec<(&'static str, RuntimeCall, Vec<&'static str>)> {
	let eve = Sr25519Keyring::Eve.to_account_id();
	let rates = genesis_config_presets::launch_rates();
	vec![
		(
			"content.suspend",
			RuntimeCall::Content(pallet_allspark_content::Call::suspend { listing: 0 }),
			vec!["root", "content_moderator", "committee 1/2", "committee 2/3", "committee 3/3"],
		),
		(
			"token.set_charge_rates",
			RuntimeCall::Token(pallet_allspark_token::Call::set_charge_rates { rates }),
			vec!["root", "economic_admin"],
		),
		(
			"token.spend_from_treasury",
			RuntimeCall::Token(pallet_allspark_token::Call::spend_from_treasury {
				beneficiary: eve.clone(),
				amount: ASK,
			}),
			vec!["root", "treasurer"],
		),
		(
			"evaluation.set_params",
			RuntimeCall::Evaluation(pallet_allspark_evaluation::Call::set_params {
				params: genesis_config_presets::test_evaluation_params(),
			}),
			vec!["root", "economic_admin"],
		),
		(
			"validators.add_validator",
			RuntimeCall::Validators(pallet_allspark_validators::Call::add_validator {
				who: eve.clone(),
			}),
			vec!["root", "validator_admin", "committee 2/3", "committee 3/3"],
		),
		(
			"technical_membership.add_member",
			RuntimeCall::TechnicalMembership(pallet_membership::Call::add_member {
				who: eve.clone().into(),
			}),
			vec!["root", "validator_admin"],
		),
		(
			"whitelist.whitelist_call",
			RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call {
				call_hash: Default::default(),
			}),
			vec!["root", "committee 2/3", "committee 3/3"],
		),
		(
			"safe_mode.force_enter",
			RuntimeCall::SafeMode(pallet_safe_mode::Call::force_enter {}),
			vec!["root", "committee 2/3", "committee 3/3"],
		),
		(
			"tx_pause.pause",
			RuntimeCall::TxPause(pallet_tx_pause::Call::pause {
				full_name: (
					b"Market".to_vec().try_into().expect("short"),
					b"place_order".to_vec().try_into().expect("short"),
				),
			}),
			vec!["root", "committee 2/3", "committee 3/3"],
		),
		(
			"referenda.cancel",
			RuntimeCall::Referenda(pallet_referenda::Call::cancel { index: 0 }),
			vec!["root", "referendum_canceller"],
		),
		(
			"referenda.kill",
			RuntimeCall::Referenda(pallet_referenda::Call::kill { index: 0 }),
			vec!["root", "referendum_killer"],
		),
		(
			"system.authorize_upgrade",
			RuntimeCall::System(frame_system::Call::authorize_upgrade {
				code_hash: Default::default(),
			}),
			vec!["root"],
		),
	]
}

#[test]
fn every_privileged_call_accepts_exactly_its_origins() {
	storage_of_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		for (name, call, accepted) in privileged_calls() {
			for (origin_name, origin) in every_origin() {
				let refused = bad_origin(&call, origin);
				assert_eq!(
					refused,
					!accepted.contains(&origin_name),
					"{name} from {origin_name}: {}",
					if refused { "refused" } else { "accepted" }
				);
			}
		}
	});
}

#[test]
fn the_treasurer_spends_up_to_its_limit_and_root_beyond() {
	storage_of_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let eve = Sr25519Keyring::Eve.to_account_id();
		let spend = |origin, amount| {
			pallet_allspark_token::Pallet::<Runtime>::spend_from_treasury(
				origin,
				eve.clone(),
				amount,
			)
		};
		assert_eq!(
			spend(track(Origin::Treasurer), TREASURER_MAX_SPEND + 1),
			Err(pallet_allspark_token::Error::<Runtime>::SpendAboveLimit.into())
		);
		let treasury = Token::pot_balance(Pot::Treasury);
		assert!(spend(track(Origin::Treasurer), TREASURER_MAX_SPEND).is_ok());
		assert!(spend(RuntimeOrigin::root(), 2 * TREASURER_MAX_SPEND).is_ok());
		assert_eq!(Token::pot_balance(Pot::Treasury), treasury - 3 * TREASURER_MAX_SPEND);
	});
}

#[test]
fn tracks_are_sorted_map_their_origins_and_follow_the_timing() {
	use crate::OriginCaller;
	let expected = [
		(OriginCaller::system(frame_system::RawOrigin::Root), 0u16),
		(OriginCaller::Origins(Origin::WhitelistedCaller), 1),
		(OriginCaller::Origins(Origin::ReferendumCanceller), 2),
		(OriginCaller::Origins(Origin::ReferendumKiller), 3),
		(OriginCaller::Origins(Origin::ValidatorAdmin), 10),
		(OriginCaller::Origins(Origin::ContentModerator), 11),
		(OriginCaller::Origins(Origin::EconomicAdmin), 12),
		(OriginCaller::Origins(Origin::Treasurer), 13),
	];
	for (origin, id) in &expected {
		assert_eq!(TracksInfo::track_for(origin), Ok(*id));
	}
	// Nothing else submits: a signed account proposes on a track, it is not one.
	let signed =
		OriginCaller::system(frame_system::RawOrigin::Signed(Sr25519Keyring::Eve.to_account_id()));
	assert_eq!(TracksInfo::track_for(&signed), Err(()));
	// Production timing on the production preset, fast on dev.
	storage_of_preset(genesis_config_presets::PRODUCTION_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(TracksInfo::check_integrity(), Ok(()));
		let root = TracksInfo::info(0).expect("the root track");
		assert_eq!(root.decision_period, 14 * crate::DAYS);
		assert_eq!(TracksInfo::tracks().count(), expected.len());
	});
	storage_of_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(TracksInfo::check_integrity(), Ok(()));
		for t in TracksInfo::tracks() {
			let periods = [
				t.info.prepare_period,
				t.info.decision_period,
				t.info.confirm_period,
				t.info.min_enactment_period,
			];
			assert_eq!(periods, FAST_PERIODS);
		}
	});
}

/// Run blocks up to `n`, the scheduler's hook at each (it dispatches the referenda's alarms and
/// enactments).
fn run_to(n: crate::BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		<crate::Scheduler as OnInitialize<crate::BlockNumber>>::on_initialize(next);
	}
}

#[test]
fn a_referendum_on_the_economic_track_changes_the_charge_within_a_minute_of_dev_blocks() {
	use pallet_conviction_voting::{AccountVote, Conviction, Vote};
	storage_of_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let mut rates = genesis_config_presets::launch_rates();
		rates.min_charge *= 2;
		let call = RuntimeCall::Token(pallet_allspark_token::Call::set_charge_rates { rates });
		let bounded = <crate::Preimage as frame_support::traits::StorePreimage>::bound(call)
			.expect("a small call is inlined");
		let alice = Sr25519Keyring::Alice.to_account_id();
		assert!(crate::Referenda::submit(
			RuntimeOrigin::signed(alice.clone()),
			Box::new(crate::OriginCaller::Origins(Origin::EconomicAdmin)),
			bounded,
			frame_support::traits::schedule::DispatchTime::After(0),
		)
		.is_ok());
		assert!(crate::Referenda::place_decision_deposit(RuntimeOrigin::signed(alice), 0).is_ok());
		// Five dev accounts vote aye with everything they have free.
		for who in [
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
			Sr25519Keyring::Eve,
			Sr25519Keyring::Ferdie,
		] {
			let who = who.to_account_id();
			let balance = Balances::free_balance(&who) / 2;
			let vote = AccountVote::Standard {
				vote: Vote { aye: true, conviction: Conviction::Locked1x },
				balance,
			};
			assert!(crate::ConvictionVoting::vote(RuntimeOrigin::signed(who), 0, vote).is_ok());
		}
		let [prepare, decide, confirm, enact] = FAST_PERIODS;
		run_to(1 + prepare + decide + confirm + enact + 2);
		assert_eq!(
			pallet_allspark_token::Rates::<Runtime>::get().map(|r| r.min_charge),
			Some(rates.min_charge)
		);
	});
}

#[test]
fn a_grandpa_equivocation_slashes_the_bond_into_the_treasury_and_removes_the_offender() {
	use sp_keyring::Ed25519Keyring;
	storage_of_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(2);
		let bob = Sr25519Keyring::Bob.to_account_id();
		let issuance = Balances::total_issuance();
		let treasury = Token::pot_balance(Pot::Treasury);
		let equivocation = super::grandpa_equivocation(Ed25519Keyring::Bob);
		assert!(super::report_equivocation(&equivocation).is_ok());
		// One of four: (3 × 1 / 4)² = 56.25 % of the bond, into the treasury.
		let slashed = super::ONE_OF_FOUR_SLASH;
		assert_eq!(super::bond_held(&bob), VALIDATOR_BOND - slashed);
		assert_eq!(Token::pot_balance(Pot::Treasury), treasury + slashed);
		assert_eq!(Balances::total_issuance(), issuance);
		assert!(!pallet_allspark_validators::PlannedSet::<Runtime>::get().contains(&bob));
	});
}
