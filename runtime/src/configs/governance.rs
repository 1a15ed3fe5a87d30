//! Governance. `pallet_sudo` is the governance stand-in until on-chain governance lands: its key
//! dispatches root calls (runtime upgrades, parameter changes, treasury spends).

use crate::{Runtime, RuntimeCall, RuntimeEvent};

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
