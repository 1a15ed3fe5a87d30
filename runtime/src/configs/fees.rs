//! How transaction fees are taken: [`FeesFromLockedFunds`].
//!
//! Upstream's `FungibleAdapter` takes fees only from funds that are neither held nor frozen, so
//! an account whose balance is all vesting-locked (the team's, during its cliff) could not send
//! a single transaction, not even to vote. This adapter takes the **inclusion fee** from any
//! free funds, frozen ones included (never from held funds, never below the existential
//! deposit), and the **tip** only from unfrozen funds. Locked funds cannot leave this way to
//! anyone the payer controls: fees and tips are divided by the token pallet's charge split
//! (burned, to the treasury, to the evaluation-reward pot), none goes to a block author, and a
//! tip (the one part the payer chooses) cannot come out of a lock at all.

use core::marker::PhantomData;
use frame_support::{
	traits::{
		fungible::{Balanced, Credit, Inspect},
		tokens::{Fortitude, Precision, Preservation},
		Imbalance, NoDrop, OnUnbalanced,
	},
	unsigned::TransactionValidityError,
};
use pallet_transaction_payment::{Config, FungibleAdapter, OnChargeTransaction, TxCreditHold};
use sp_runtime::{
	traits::{DispatchInfoOf, PostDispatchInfoOf, Zero},
	transaction_validity::InvalidTransaction,
};

/// Transaction payment through the fungible `F`, dividing fees and tips with `OU`: the inclusion
/// fee may come out of frozen (vesting-locked) funds, the tip may not.
pub struct FeesFromLockedFunds<F, OU>(PhantomData<(F, OU)>);

impl<T, F, OU> TxCreditHold<T> for FeesFromLockedFunds<F, OU>
where
	T: Config,
	F: Balanced<T::AccountId> + 'static,
{
	type Credit = NoDrop<Credit<T::AccountId, F>>;
}

/// Whether `who` can pay `fee_with_tip` through `F`: all of it out of its free funds above the
/// existential deposit, frozen or not, and `tip` out of its unfrozen ones.
fn can_pay<A, F: Inspect<A>>(who: &A, fee_with_tip: F::Balance, tip: F::Balance) -> bool {
	let free = F::reducible_balance(who, Preservation::Preserve, Fortitude::Force);
	let unfrozen = F::reducible_balance(who, Preservation::Preserve, Fortitude::Polite);
	free >= fee_with_tip && unfrozen >= tip
}

impl<T, F, OU> OnChargeTransaction<T> for FeesFromLockedFunds<F, OU>
where
	T: Config,
	T::OnChargeTransaction: TxCreditHold<T, Credit = NoDrop<Credit<T::AccountId, F>>>,
	F: Balanced<T::AccountId> + 'static,
	OU: OnUnbalanced<Credit<T::AccountId, F>>,
{
	type LiquidityInfo = Option<Credit<T::AccountId, F>>;
	type Balance = <F as Inspect<T::AccountId>>::Balance;

	fn withdraw_fee(
		who: &T::AccountId,
		_call: &T::RuntimeCall,
		_dispatch_info: &DispatchInfoOf<T::RuntimeCall>,
		fee_with_tip: Self::Balance,
		tip: Self::Balance,
	) -> Result<Self::LiquidityInfo, TransactionValidityError> {
		if fee_with_tip.is_zero() {
			return Ok(None);
		}
		if !can_pay::<_, F>(who, fee_with_tip, tip) {
			return Err(InvalidTransaction::Payment.into());
		}
		let credit = F::withdraw(
			who,
			fee_with_tip,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Force,
		)
		.map_err(|_| InvalidTransaction::Payment)?;
		let (tip_credit, inclusion_fee) = credit.split(tip);
		pallet_transaction_payment::Pallet::<T>::deposit_txfee(inclusion_fee);
		Ok(Some(tip_credit))
	}

	fn can_withdraw_fee(
		who: &T::AccountId,
		_call: &T::RuntimeCall,
		_dispatch_info: &DispatchInfoOf<T::RuntimeCall>,
		fee_with_tip: Self::Balance,
		tip: Self::Balance,
	) -> Result<(), TransactionValidityError> {
		if fee_with_tip.is_zero() || can_pay::<_, F>(who, fee_with_tip, tip) {
			Ok(())
		} else {
			Err(InvalidTransaction::Payment.into())
		}
	}

	fn correct_and_deposit_fee(
		who: &T::AccountId,
		dispatch_info: &DispatchInfoOf<T::RuntimeCall>,
		post_info: &PostDispatchInfoOf<T::RuntimeCall>,
		corrected_fee_with_tip: Self::Balance,
		tip: Self::Balance,
		tip_credit: Self::LiquidityInfo,
	) -> Result<(), TransactionValidityError> {
		// The refund and the division are upstream's: only where the fee comes from differs.
		<FungibleAdapter<F, OU> as OnChargeTransaction<T>>::correct_and_deposit_fee(
			who,
			dispatch_info,
			post_info,
			corrected_fee_with_tip,
			tip,
			tip_credit,
		)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn endow_account(who: &T::AccountId, amount: Self::Balance) {
		let _ = F::deposit(who, amount, Precision::BestEffort);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn minimum_balance() -> Self::Balance {
		F::minimum_balance()
	}
}
