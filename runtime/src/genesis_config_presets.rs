//! Genesis presets, built with `sp-genesis-builder`.
//!
//! - `development`: one validator (Alice), Alice holds the sudo key, the well-known dev accounts
//!   are funded with round amounts; referendum tracks at [`TrackTiming::Fast`].
//! - `local_testnet`: four validators (Alice, Bob, Charlie, Dave) so GRANDPA keeps finality with
//!   one of them down (it tolerates floor((n-1)/3) faulty voters), same funding and governance.
//! - `production`: the public token plan, 300,000,000 ASK (see [`production_config_genesis`]),
//!   **no sudo key**: governance only, at production timing.
//!
//! Every preset seats Alice, Bob and Charlie on the technical committee (stand-ins for a
//! launch's own members) and bonds each initial validator with [`VALIDATOR_BOND`].
//!
//! Every preset funds the token pallet's four pots and states the total issuance its plan adds
//! up to; genesis is refused when it does not.

use crate::{
	governance::origins::TrackTiming, AccountId, Balance, BalancesConfig, BlockNumber,
	ContentConfig, EvaluationConfig, OriginsConfig, RuntimeGenesisConfig, SessionConfig,
	SessionKeys, SudoConfig, TechnicalMembershipConfig, TokenConfig, ValidatorsConfig,
	VestingConfig, ASK, DAYS, HOURS, MILLI_ASK, MINUTES,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use pallet_allspark_evaluation::Params as EvaluationParams;
use pallet_allspark_token::{ChargeRates, ChargeSplit, Pot};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::{Perbill, Permill};

/// What each well-known development account holds at genesis.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * ASK;

/// The bond each initial validator holds from genesis: the runtime parameter's default
/// (`dynamic_params::validators::Bond`), 100,000 ASK.
pub const VALIDATOR_BOND: Balance = 100_000 * ASK;

/// Who governs a network from genesis.
#[derive(Clone)]
pub struct GovernanceSetup {
	/// The sudo key: dev and local chains only.
	pub sudo: Option<AccountId>,
	/// The technical committee's members.
	pub committee: Vec<AccountId>,
	/// The referendum tracks' timing.
	pub timing: TrackTiming,
}

impl GovernanceSetup {
	/// A test chain's: Alice's sudo key, the committee, fast tracks.
	pub fn test() -> Self {
		Self {
			sudo: Some(Sr25519Keyring::Alice.to_account_id()),
			committee: committee(),
			timing: TrackTiming::Fast,
		}
	}
}

/// The technical committee of every preset: Alice, Bob and Charlie.
pub fn committee() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.iter()
		.map(|k| k.to_account_id())
		.collect()
}

/// One validator: its account, and its session keys (Aura for authoring, GRANDPA for finality).
pub type AuthorityKeys = (AccountId, AuraId, GrandpaId);

/// How long a session lasts on test chains: 5 blocks (30 s), so validator changes apply within
/// a minute.
pub const TEST_SESSION_LENGTH: BlockNumber = 5;
/// How long a session lasts on the production network: an hour.
pub const PRODUCTION_SESSION_LENGTH: BlockNumber = HOURS;
/// A registration claim's age before it registers, on test chains: the next block.
pub const TEST_CLAIM_DELAY: BlockNumber = 1;
/// A registration claim's age before it registers, on the production network: ten blocks (a
/// minute), the time a registration has to be included before a claim made by someone who saw
/// it in the transaction pool could be used.
pub const PRODUCTION_CLAIM_DELAY: BlockNumber = 10;
/// The smallest validator set of a network: GRANDPA keeps finality with one of four down.
pub const NETWORK_MIN_VALIDATORS: u32 = 4;

/// The service charge at launch: 2.5 % of a trade's value, at least 0.01 ASK; 10 ASK to open an
/// evaluation round.
pub fn launch_rates() -> ChargeRates<Balance> {
	ChargeRates {
		trade_rate: Permill::from_parts(25_000),
		min_charge: 10 * MILLI_ASK,
		evaluation_fee: 10 * ASK,
	}
}

/// How charges and fees are divided at launch: 20 % burned, 30 % to the treasury, 50 % to the
/// evaluation-reward pot.
pub fn launch_split() -> ChargeSplit {
	ChargeSplit {
		burn: Permill::from_percent(20),
		treasury: Permill::from_percent(30),
		evaluation: Permill::from_percent(50),
	}
}

/// What each block's author is paid from the node-incentive pot at launch.
pub const LAUNCH_AUTHOR_REWARD: Balance = ASK;

/// The pots of the test presets, in round amounts.
pub fn dev_pots() -> Vec<(Pot, Balance)> {
	vec![
		(Pot::Treasury, 10_000_000 * ASK),
		(Pot::CommunityIncentives, 5_000_000 * ASK),
		(Pot::NodeIncentives, 1_000_000 * ASK),
		(Pot::EvaluationRewards, 1_000_000 * ASK),
	]
}

/// Evaluation rounds and reward eras on test chains: 10-block (a minute) commit and reveal phases,
/// stakes of at least 10 ASK, a tolerance of 10 points, incoherent evaluators lose 10 % and
/// silent ones 20 % of their stake, each round draws up to 5 ASK from the evaluation-reward pot,
/// 10-minute eras paying 1 % of the community-incentive pot to listings scored 60 or more; one
/// reveal sets a score (so a single test evaluator can score a listing).
pub fn test_evaluation_params() -> EvaluationParams<Balance, BlockNumber> {
	EvaluationParams {
		min_stake: 10 * ASK,
		commit_period: 10,
		reveal_period: 10,
		tolerance: 10,
		incoherent_slash: Perbill::from_percent(10),
		silent_slash: Perbill::from_percent(20),
		round_draw: 5 * ASK,
		era_length: 10 * MINUTES,
		reward_threshold: 60,
		era_payout: Perbill::from_percent(1),
		min_revealers: 1,
	}
}

/// Evaluation on the production network: day-long commit and reveal phases, stakes of at least
/// 100 ASK, up to 50 ASK drawn per round (never more than the round's fee brought into the
/// pots), a score only from rounds with at least three revealers, weekly eras paying 1 % of the
/// community-incentive pot.
pub fn production_evaluation_params() -> EvaluationParams<Balance, BlockNumber> {
	EvaluationParams {
		min_stake: 100 * ASK,
		commit_period: DAYS,
		reveal_period: DAYS,
		round_draw: 50 * ASK,
		era_length: 7 * DAYS,
		min_revealers: 3,
		..test_evaluation_params()
	}
}

/// A network's rules: its validator set's minimum size and session length, its evaluation
/// parameters and its registration claim delay.
#[derive(Clone, Copy)]
pub struct ValidatorRules {
	/// The smallest set governance may leave.
	pub min_validators: u32,
	/// Blocks per session.
	pub session_length: BlockNumber,
	/// The evaluation pallet's parameters.
	pub evaluation: EvaluationParams<Balance, BlockNumber>,
	/// How many blocks old a registration claim must be (`Content.ClaimDelay`).
	pub claim_delay: BlockNumber,
}

/// The genesis of a network: its validators and their rules, its governance, its funded accounts,
/// its pots, the vesting schedules `(account, begin, length, liquid)` and the total issuance all
/// of it must add up to. Aura's and GRANDPA's authorities come from the session pallet.
pub fn network_genesis(
	initial_authorities: Vec<AuthorityKeys>,
	rules: ValidatorRules,
	governance: GovernanceSetup,
	endowed_accounts: Vec<(AccountId, Balance)>,
	pots: Vec<(Pot, Balance)>,
	vesting: Vec<(AccountId, BlockNumber, BlockNumber, Balance)>,
) -> Value {
	let total_issuance = endowed_accounts
		.iter()
		.map(|(_, b)| *b)
		.chain(pots.iter().map(|(_, b)| *b))
		.fold(0, Balance::saturating_add);
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed_accounts },
		vesting: VestingConfig { vesting },
		token: TokenConfig {
			rates: Some(launch_rates()),
			split: Some(launch_split()),
			author_reward: LAUNCH_AUTHOR_REWARD,
			pots,
			total_issuance: Some(total_issuance),
		},
		validators: ValidatorsConfig {
			validators: initial_authorities
				.iter()
				.map(|(who, _, _)| who.clone())
				.collect::<Vec<_>>(),
			min_validators: rules.min_validators,
			session_length: rules.session_length,
			genesis_bond: VALIDATOR_BOND,
		},
		session: SessionConfig {
			keys: initial_authorities
				.iter()
				.map(|(who, aura, grandpa)| {
					(
						who.clone(),
						who.clone(),
						SessionKeys { aura: aura.clone(), grandpa: grandpa.clone() },
					)
				})
				.collect::<Vec<_>>(),
		},
		evaluation: EvaluationConfig { params: Some(rules.evaluation) },
		content: ContentConfig { claim_delay: rules.claim_delay },
		sudo: SudoConfig { key: governance.sudo },
		technical_membership: TechnicalMembershipConfig {
			members: governance.committee.try_into().expect("a committee of at most 16"),
		},
		origins: OriginsConfig { timing: governance.timing },
	})
}

/// The genesis of a test network: dev accounts and pots in round amounts, no vesting.
pub fn testnet_genesis(
	initial_authorities: Vec<AuthorityKeys>,
	min_validators: u32,
	endowed_accounts: Vec<(AccountId, Balance)>,
) -> Value {
	let rules = ValidatorRules {
		min_validators,
		session_length: TEST_SESSION_LENGTH,
		evaluation: test_evaluation_params(),
		claim_delay: TEST_CLAIM_DELAY,
	};
	let governance = GovernanceSetup::test();
	network_genesis(initial_authorities, rules, governance, endowed_accounts, dev_pots(), vec![])
}

/// The account and session keys of a well-known dev account as a validator.
pub fn authority_keys(who: Sr25519Keyring) -> AuthorityKeys {
	let ed = match who {
		Sr25519Keyring::Alice => Ed25519Keyring::Alice,
		Sr25519Keyring::Bob => Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
		Sr25519Keyring::Dave => Ed25519Keyring::Dave,
		Sr25519Keyring::Eve => Ed25519Keyring::Eve,
		Sr25519Keyring::Ferdie => Ed25519Keyring::Ferdie,
		Sr25519Keyring::One => Ed25519Keyring::One,
		Sr25519Keyring::Two => Ed25519Keyring::Two,
		Sr25519Keyring::AliceStash => Ed25519Keyring::AliceStash,
		Sr25519Keyring::BobStash => Ed25519Keyring::BobStash,
		Sr25519Keyring::CharlieStash => Ed25519Keyring::CharlieStash,
		Sr25519Keyring::DaveStash => Ed25519Keyring::DaveStash,
		Sr25519Keyring::EveStash => Ed25519Keyring::EveStash,
		Sr25519Keyring::FerdieStash => Ed25519Keyring::FerdieStash,
	};
	(who.to_account_id(), who.public().into(), ed.public().into())
}

/// The well-known dev accounts (Alice … Ferdie and their stashes), each with [`DEV_ENDOWMENT`].
pub fn dev_endowments() -> Vec<(AccountId, Balance)> {
	Sr25519Keyring::well_known()
		.map(|k| (k.to_account_id(), DEV_ENDOWMENT))
		.collect()
}

/// The `development` preset: a single validator, Alice.
pub fn development_config_genesis() -> Value {
	testnet_genesis(vec![authority_keys(Sr25519Keyring::Alice)], 1, dev_endowments())
}

/// The `local_testnet` preset: four validators, Alice, Bob, Charlie and Dave.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority_keys(Sr25519Keyring::Alice),
			authority_keys(Sr25519Keyring::Bob),
			authority_keys(Sr25519Keyring::Charlie),
			authority_keys(Sr25519Keyring::Dave),
		],
		NETWORK_MIN_VALIDATORS,
		dev_endowments(),
	)
}

/// The name of the production-like preset.
pub const PRODUCTION_RUNTIME_PRESET: &str = "production";

/// The total supply at genesis: 300,000,000 ASK.
pub const TOTAL_SUPPLY: Balance = 300_000_000 * ASK;
/// Blocks in a (365-day) month-twelfth: the unit of the team's vesting schedule.
pub const MONTH: BlockNumber = 365 * DAYS / 12;
/// The team's cliff: nothing is released for twelve months.
pub const TEAM_CLIFF: BlockNumber = 12 * MONTH;
/// After the cliff, the team's allocation is released linearly over 36 months.
pub const TEAM_VESTING_LENGTH: BlockNumber = 36 * MONTH;
/// What the evaluation-reward pot is seeded with, out of the community share.
pub const EVALUATION_POT_SEED: Balance = 1_000 * ASK;
/// What each initial validator of the production plan holds beyond its bond, for fees.
pub const VALIDATOR_ALLOWANCE: Balance = 1_000 * ASK;
/// How many accounts the public sale's share is spread over.
pub const SALE_ACCOUNTS: u32 = 4;

/// A keyless placeholder account for a role in the production plan (`allspark/<role>/<n>`).
/// A real launch replaces these with the sale's and the team's own accounts in the chain spec
/// (`export-chain-spec`, edit `genesis`, `--raw`), keeping the amounts.
pub fn plan_account(role: &str, n: u32) -> AccountId {
	let mut label = alloc::format!("allspark/{role}/{n}").into_bytes();
	label.truncate(64);
	AccountId::new(<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&label).0)
}

/// The public token plan of 300,000,000 ASK:
///
/// | share | purpose | on chain |
/// |---|---|---|
/// | 40 % | public sale | free balances of [`SALE_ACCOUNTS`] sale accounts |
/// | 20 % | team | one account, vested: 12-month cliff, then linear over 36 months |
/// | 5 % | node incentives | the node-incentive pot, paying block authors |
/// | 15 % | community incentives | the community pot, less the evaluation pot's seed |
/// | 20 % | foundation and ecosystem | the treasury pot |
///
/// Validators Alice, Bob, Charlie and Dave stand in for the launch's own validators, and Alice,
/// Bob and Charlie for its technical committee; there is no sudo key. Each validator's bond (and
/// [`VALIDATOR_ALLOWANCE`] for its fees) comes out of the foundation's share. Sessions last an
/// hour.
pub fn production_config_genesis() -> Value {
	let percent = |p: u128| TOTAL_SUPPLY / 100 * p;
	let sale_each = percent(40) / SALE_ACCOUNTS as u128;
	let mut endowed: Vec<(AccountId, Balance)> =
		(0..SALE_ACCOUNTS).map(|i| (plan_account("sale", i), sale_each)).collect();
	let team = plan_account("team", 0);
	endowed.push((team.clone(), percent(20)));
	let validators = vec![
		authority_keys(Sr25519Keyring::Alice),
		authority_keys(Sr25519Keyring::Bob),
		authority_keys(Sr25519Keyring::Charlie),
		authority_keys(Sr25519Keyring::Dave),
	];
	let per_validator = VALIDATOR_BOND + VALIDATOR_ALLOWANCE;
	endowed.extend(validators.iter().map(|(who, _, _)| (who.clone(), per_validator)));
	let to_validators = per_validator * validators.len() as u128;
	let pots = vec![
		(Pot::Treasury, percent(20) - to_validators),
		(Pot::CommunityIncentives, percent(15) - EVALUATION_POT_SEED),
		(Pot::NodeIncentives, percent(5)),
		(Pot::EvaluationRewards, EVALUATION_POT_SEED),
	];
	let mut genesis = network_genesis(
		validators,
		ValidatorRules {
			min_validators: NETWORK_MIN_VALIDATORS,
			session_length: PRODUCTION_SESSION_LENGTH,
			evaluation: production_evaluation_params(),
			claim_delay: PRODUCTION_CLAIM_DELAY,
		},
		GovernanceSetup { sudo: None, committee: committee(), timing: TrackTiming::Production },
		endowed,
		pots,
		vec![(team, TEAM_CLIFF, TEAM_VESTING_LENGTH, 0)],
	);
	// The plan is fixed: state its total rather than the sum of its parts.
	genesis["token"]["totalIssuance"] = serde_json::json!(TOTAL_SUPPLY);
	genesis
}

/// The JSON of a preset by its id, or `None` for an unknown id.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		PRODUCTION_RUNTIME_PRESET => production_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// A preset's whole genesis config: its patch merged into the defaults, as the node's genesis
/// builder merges it (for native tests and tools; `None` for an unknown id).
#[cfg(feature = "std")]
pub fn preset_config(id: &PresetId) -> Option<crate::RuntimeGenesisConfig> {
	config_from_patch(serde_json::from_slice(&get_preset(id)?).ok()?)
}

/// The whole genesis config a JSON patch makes: merged into the defaults, as the node's genesis
/// builder merges it; `None` when it is not a genesis config.
#[cfg(feature = "std")]
pub fn config_from_patch(patch: Value) -> Option<crate::RuntimeGenesisConfig> {
	fn merge(a: &mut Value, b: Value) {
		match (a, b) {
			(Value::Object(a), Value::Object(b)) => {
				for (k, v) in b {
					merge(a.entry(k).or_insert(Value::Null), v);
				}
			},
			(a, b) => *a = b,
		}
	}
	let mut full = serde_json::to_value(crate::RuntimeGenesisConfig::default()).ok()?;
	merge(&mut full, patch);
	serde_json::from_value(full).ok()
}

/// The ids of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_RUNTIME_PRESET),
	]
}
