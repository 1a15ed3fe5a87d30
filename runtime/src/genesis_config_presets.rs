//! Genesis presets, built with `sp-genesis-builder`.
//!
//! - `development`: one validator (Alice), Alice holds the sudo key, the well-known dev accounts
//!   are funded with round amounts.
//! - `local_testnet`: four validators (Alice, Bob, Charlie, Dave) so GRANDPA keeps finality with
//!   one of them down (it tolerates floor((n-1)/3) faulty voters), same funding.

use crate::{
	AccountId, BalancesConfig, RuntimeGenesisConfig, SudoConfig, AuraConfig, GrandpaConfig, Balance,
	ASK,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each well-known development account holds at genesis.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * ASK;

/// One validator's keys: Aura for authoring, GRANDPA for finality.
pub type AuthorityKeys = (AuraId, GrandpaId);

/// The genesis of a test network: its validators, its sudo key and its funded accounts.
pub fn testnet_genesis(
	initial_authorities: Vec<AuthorityKeys>,
	root: AccountId,
	endowed_accounts: Vec<(AccountId, Balance)>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed_accounts },
		aura: AuraConfig {
			authorities: initial_authorities.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: GrandpaConfig {
			authorities: initial_authorities
				.iter()
				.map(|(_, grandpa)| (grandpa.clone(), 1))
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
	})
}

/// The validator keys of a well-known dev account.
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
	(who.public().into(), ed.public().into())
}

/// The well-known dev accounts (Alice … Ferdie and their stashes), each with [`DEV_ENDOWMENT`].
pub fn dev_endowments() -> Vec<(AccountId, Balance)> {
	Sr25519Keyring::well_known().map(|k| (k.to_account_id(), DEV_ENDOWMENT)).collect()
}

/// The `development` preset: a single validator, Alice.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority_keys(Sr25519Keyring::Alice)],
		Sr25519Keyring::Alice.to_account_id(),
		dev_endowments(),
	)
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
		Sr25519Keyring::Alice.to_account_id(),
		dev_endowments(),
	)
}

/// The JSON of a preset by its id, or `None` for an unknown id.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The ids of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
