//! Vested transfers through the runtime's vesting currency (`configs::token::VestingCurrency`):
//! one to the sender's own account is refused, and one to another account moves and locks the
//! funds as before. The fuzzer found the first (fuzz/regressions/vested-transfer-to-itself).

use super::storage_of_preset;
use crate::{AccountId, Balances, Runtime, RuntimeEvent, RuntimeOrigin, System, Vesting, ASK};
use pallet_vesting::{Error, VestingInfo};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;

fn dev() -> sp_io::TestExternalities {
	let mut ext = storage_of_preset(DEV_RUNTIME_PRESET);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn schedule() -> VestingInfo<crate::Balance, crate::BlockNumber> {
	VestingInfo::new(5 * ASK, ASK, 27)
}

fn no_unexpected_balances_event() -> bool {
	!System::events()
		.iter()
		.any(|r| matches!(r.event, RuntimeEvent::Balances(pallet_balances::Event::Unexpected(_))))
}

#[test]
fn a_vested_transfer_from_a_reaped_account_to_itself_is_refused() {
	dev().execute_with(|| {
		// An account that holds nothing: before, the transfer to itself counted as done and the
		// lock could not be applied (pallet-balances' defensive check panicked).
		let nobody = AccountId::from([0x77; 32]);
		assert!(!System::account_exists(&nobody));
		let issuance = Balances::total_issuance();
		assert_eq!(
			Vesting::force_vested_transfer(
				RuntimeOrigin::root(),
				nobody.clone().into(),
				nobody.clone().into(),
				schedule(),
			),
			Err(Error::<Runtime>::InvalidScheduleParams.into())
		);
		assert!(pallet_vesting::Vesting::<Runtime>::get(&nobody).is_none());
		assert!(pallet_balances::Locks::<Runtime>::get(&nobody).is_empty());
		assert!(!System::account_exists(&nobody));
		assert!(no_unexpected_balances_event());
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn a_vested_transfer_to_oneself_is_refused() {
	dev().execute_with(|| {
		// Bob would lock funds he does not move: refused, nothing frozen.
		let bob = Sr25519Keyring::Bob.to_account_id();
		let frozen = frame_system::Account::<Runtime>::get(&bob).data.frozen;
		assert_eq!(
			Vesting::vested_transfer(
				RuntimeOrigin::signed(bob.clone()),
				bob.clone().into(),
				schedule()
			),
			Err(Error::<Runtime>::InvalidScheduleParams.into())
		);
		assert!(pallet_vesting::Vesting::<Runtime>::get(&bob).is_none());
		assert_eq!(frame_system::Account::<Runtime>::get(&bob).data.frozen, frozen);
	});
}

#[test]
fn a_vested_transfer_to_another_account_moves_and_locks_the_funds() {
	dev().execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let newcomer = AccountId::from([0x78; 32]);
		let issuance = Balances::total_issuance();
		let alices = Balances::free_balance(&alice);
		Vesting::vested_transfer(
			RuntimeOrigin::signed(alice.clone()),
			newcomer.clone().into(),
			schedule(),
		)
		.expect("a vested transfer to another account");
		assert_eq!(Balances::free_balance(&alice), alices - 5 * ASK);
		assert_eq!(Balances::free_balance(&newcomer), 5 * ASK);
		assert_eq!(
			frame_system::Account::<Runtime>::get(&newcomer).data.frozen,
			5 * ASK,
			"all of it locked until block 27"
		);
		assert!(no_unexpected_balances_event());
		assert_eq!(Balances::total_issuance(), issuance);
	});
}
