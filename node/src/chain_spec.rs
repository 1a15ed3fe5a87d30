//! Chain specifications: `dev`, `local` and `production`, built from the runtime's genesis
//! presets, and the check that keeps a live chain off well-known keys.

use allspark_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_service::{ChainType, Properties};

/// Specialized `ChainSpec`. This is a specialization of the general Substrate ChainSpec type.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The token properties wallets read: symbol, decimals and address format.
pub fn properties() -> Properties {
	let mut p = Properties::new();
	p.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	p.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	p.insert("ss58Format".into(), SS58_PREFIX.into());
	p
}

/// A chain spec from one of the runtime's genesis presets.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| "the runtime's wasm binary was not built".to_string())?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_protocol_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// A single-validator development chain (Alice).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"AllSpark Development",
		"allspark_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// The `local` network's bootnode: Alice on this machine's port 30333 with the public test node
/// key `0x00…01` (`scripts/start-local.sh` and docker-compose start her with it), so a node
/// started with `--chain local` finds its peers with no `--bootnodes` of its own.
pub const LOCAL_BOOTNODE: &str =
	"/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

/// A four-validator local testnet (Alice, Bob, Charlie, Dave).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	let bootnode = LOCAL_BOOTNODE
		.parse::<sc_network::config::MultiaddrWithPeerId>()
		.map_err(|e| format!("the local bootnode's address: {e}"))?;
	let mut spec = from_preset(
		"AllSpark Local Testnet",
		"allspark_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)?;
	spec.add_boot_node(bootnode);
	Ok(spec)
}

/// The production-like network: the full token plan (see the runtime's `production` preset).
pub fn production_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"AllSpark",
		"allspark",
		ChainType::Live,
		allspark_runtime::genesis_config_presets::PRODUCTION_RUNTIME_PRESET,
	)
}

/// Refuse to run a live chain whose genesis names a well-known development key (`sp-keyring`'s
/// Alice, Bob, …) as an Aura or GRANDPA authority, a technical committee member or the sudo
/// key: anyone can sign with those keys, so such a chain belongs to everyone. The `production` preset names them as
/// stand-ins; a launch replaces them in the plain chain spec (see docs/validator.md).
pub fn refuse_well_known_keys(spec: &dyn sc_service::ChainSpec) -> Result<(), String> {
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
	if spec.chain_type() != ChainType::Live {
		return Ok(());
	}
	let storage = spec.as_storage_builder().build_storage()?;
	let sr = |key: &[u8; 32]| Sr25519Keyring::iter().find(|k| k.public().0 == *key);
	let ed = |key: &[u8; 32]| Ed25519Keyring::iter().find(|k| k.public().0 == *key);
	let aura: Vec<[u8; 32]> = genesis_value(&storage, "Aura", "Authorities")?.unwrap_or_default();
	let grandpa: Vec<([u8; 32], u64)> =
		genesis_value(&storage, "Grandpa", "Authorities")?.unwrap_or_default();
	let sudo: Option<[u8; 32]> = genesis_value(&storage, "Sudo", "Key")?;
	let committee: Vec<[u8; 32]> =
		genesis_value(&storage, "TechnicalMembership", "Members")?.unwrap_or_default();
	let found: Vec<String> = aura
		.iter()
		.filter_map(sr)
		.map(|k| format!("{k:?} (Aura)"))
		.chain(
			grandpa
				.iter()
				.filter_map(|(key, _)| ed(key))
				.map(|k| format!("{k:?} (GRANDPA)")),
		)
		.chain(sudo.iter().filter_map(sr).map(|k| format!("{k:?} (sudo)")))
		.chain(committee.iter().filter_map(sr).map(|k| format!("{k:?} (technical committee)")))
		.collect();
	if found.is_empty() {
		return Ok(());
	}
	Err(format!(
		"the live chain `{}` names well-known development keys in its genesis: {}. Anyone can \
		 sign with them. Put the launch's own keys in the plain chain spec (docs/validator.md), \
		 or pass --allow-well-known-keys to try the chain on a private machine.",
		spec.id(),
		found.join(", ")
	))
}

/// The genesis value of storage item `pallet::item` (a plain storage value), decoded.
fn genesis_value<V: codec::Decode>(
	storage: &sp_core::storage::Storage,
	pallet: &str,
	item: &str,
) -> Result<Option<V>, String> {
	use sp_io::hashing::twox_128;
	let key = [twox_128(pallet.as_bytes()), twox_128(item.as_bytes())].concat();
	storage
		.top
		.get(&key)
		.map(|raw| V::decode(&mut &raw[..]))
		.transpose()
		.map_err(|e| format!("genesis {pallet}::{item}: {e}"))
}
