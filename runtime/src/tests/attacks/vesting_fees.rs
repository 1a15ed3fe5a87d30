//! Attack 15, first half: an account whose balance is all vesting-locked could not pay a fee
//! (upstream's fee adapter takes only unfrozen funds), so the team could not send a transaction
//! during its twelve-month cliff, not even to vote. Now the inclusion fee may come out of
//! locked funds, while a tip (the part the payer chooses) may not, and fees and tips go to the
//! charge split (burned, treasury, evaluation pot), never to anyone the payer controls: paying
//! fees moves nothing locked to the payer's other accounts.

use super::*;
use crate::TransactionPayment;
use frame_support::dispatch::GetDispatchInfo;
use pallet_allspark_token::Pot;
use pallet_transaction_payment::OnChargeTransaction;

type Fees = <Runtime as pallet_transaction_payment::Config>::OnChargeTransaction;

/// A remark's call, its dispatch info and its fee with `tip`.
fn remark(tip: Balance) -> (RuntimeCall, frame_support::dispatch::DispatchInfo, Balance) {
	let call = RuntimeCall::System(frame_system::Call::remark { remark: b"vote".to_vec() });
	let info = call.get_dispatch_info();
	let fee = TransactionPayment::compute_fee(120, &info, tip);
	(call, info, fee)
}

/// What the three pots of the charge split hold, and what has been burned.
fn split_so_far() -> Balance {
	[Pot::Treasury, Pot::EvaluationRewards]
		.into_iter()
		.map(pallet_allspark_token::Pallet::<Runtime>::pot_balance)
		.sum::<Balance>()
		+ pallet_allspark_token::BurnedTotal::<Runtime>::get()
}

#[test]
fn a_vesting_locked_account_pays_its_fees_out_of_its_lock() {
	production().execute_with(|| {
		let team = plan_account("team", 0);
		let before = Balances::free_balance(&team);
		assert_eq!(System::account(&team).data.frozen, before, "all of it is locked");
		let split = split_so_far();
		let (call, info, fee) = remark(0);
		assert!(fee > 0);

		let paid =
			<Fees as OnChargeTransaction<Runtime>>::withdraw_fee(&team, &call, &info, fee, 0)
				.expect("the fee comes out of the lock");
		let post = frame_support::dispatch::PostDispatchInfo::default();
		<Fees as OnChargeTransaction<Runtime>>::correct_and_deposit_fee(
			&team, &info, &post, fee, 0, paid,
		)
		.expect("settled");

		assert_eq!(Balances::free_balance(&team), before - fee);
		// Every planck of it went to the charge split: burned, treasury and evaluation pot.
		assert_eq!(split_so_far() - split, fee);
		// The lock still holds everything else: no transfer, no hold.
		assert!(<Balances as Mutate<_>>::transfer(
			&team,
			&actor("alt", 0),
			A,
			Preservation::Preserve
		)
		.is_err());
		assert_eq!(
			signed(&team, register_call(9)).map_err(|e| e.error),
			Err(pallet_allspark_content::Error::<Runtime>::FundsFrozen.into())
		);
	});
}

#[test]
fn a_tip_cannot_come_out_of_a_lock() {
	production().execute_with(|| {
		let team = plan_account("team", 0);
		let before = Balances::free_balance(&team);
		let tip = 1_000 * A;
		let (call, info, fee) = remark(tip);
		assert!(<Fees as OnChargeTransaction<Runtime>>::can_withdraw_fee(
			&team, &call, &info, fee, tip
		)
		.is_err());
		assert!(
			<Fees as OnChargeTransaction<Runtime>>::withdraw_fee(&team, &call, &info, fee, tip)
				.is_err(),
			"a tip out of locked funds is refused"
		);
		assert_eq!(Balances::free_balance(&team), before);
		// With unfrozen funds for the tip, the same transaction pays.
		fund(&team, tip);
		assert!(<Fees as OnChargeTransaction<Runtime>>::withdraw_fee(
			&team, &call, &info, fee, tip
		)
		.is_ok());
	});
}

#[test]
fn fees_never_take_held_funds_nor_the_existential_deposit() {
	production().execute_with(|| {
		let poor = actor("poor", 0);
		fund(&poor, crate::EXISTENTIAL_DEPOSIT + 1);
		let (call, info, fee) = remark(0);
		assert!(<Fees as OnChargeTransaction<Runtime>>::withdraw_fee(&poor, &call, &info, fee, 0)
			.is_err());
		assert_eq!(Balances::free_balance(&poor), crate::EXISTENTIAL_DEPOSIT + 1);
	});
}
