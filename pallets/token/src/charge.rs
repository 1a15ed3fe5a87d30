//! The service charge: the one mechanism market trades, evaluation requests and transaction fees
//! pay through.

use crate::{
	pallet::{BurnedTotal, Rates, Split},
	BalanceOf, ChargeKind, ChargeSource, Config, CreditOf, Error, Event, Pallet, Pot, SplitParts,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::Balanced,
		tokens::{Fortitude, Precision, Preservation},
		Imbalance, OnUnbalanced,
	},
};
use sp_runtime::traits::Saturating;

pub use allspark_primitives::ServiceCharge;

impl<T: Config> ServiceCharge<T::AccountId> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn quote(kind: ChargeKind<BalanceOf<T>>) -> Result<BalanceOf<T>, DispatchError> {
		let rates = Rates::<T>::get().ok_or(Error::<T>::NotConfigured)?;
		Ok(match kind {
			ChargeKind::Trade { value } => rates.trade_rate.mul_ceil(value).max(rates.min_charge),
			ChargeKind::EvaluationRequest => rates.evaluation_fee,
		})
	}

	fn charge(
		payer: &T::AccountId,
		kind: ChargeKind<BalanceOf<T>>,
	) -> Result<SplitParts<BalanceOf<T>>, DispatchError> {
		let amount = Self::quote(kind)?;
		ensure!(Split::<T>::get().is_some(), Error::<T>::NotConfigured);
		let credit = T::Currency::withdraw(
			payer,
			amount,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::InsufficientBalance)?;
		Ok(Self::split_credit(credit, Some(payer.clone()), ChargeSource::Service(kind)))
	}
}

impl<T: Config> Pallet<T> {
	/// Divide `credit` by the current split: burn one part, pay the others into the treasury and
	/// the evaluation-reward pot. Records the burn and emits [`Event::ChargeSplit`].
	///
	/// Pots always hold at least the existential deposit, so paying into them cannot fail; were
	/// it ever to, the part is burned and recorded as burned, so nothing goes unaccounted.
	pub fn split_credit(
		credit: CreditOf<T>,
		payer: Option<T::AccountId>,
		source: ChargeSource<BalanceOf<T>>,
	) -> SplitParts<BalanceOf<T>> {
		let total = credit.peek();
		// Without a configured split everything is burned: the safe default.
		let split = Split::<T>::get().unwrap_or(crate::ChargeSplit {
			burn: sp_runtime::Permill::one(),
			treasury: sp_runtime::Permill::zero(),
			evaluation: sp_runtime::Permill::zero(),
		});
		let mut parts = split.divide(total);

		let (to_treasury, rest) = credit.split(parts.treasury);
		let (to_evaluation, to_burn) = rest.split(parts.evaluation);
		if let Err(unpaid) = T::Currency::resolve(&Self::pot_account(Pot::Treasury), to_treasury) {
			parts.treasury = parts.treasury.saturating_sub(unpaid.peek());
			parts.burned = parts.burned.saturating_add(unpaid.peek());
			drop(unpaid);
		}
		if let Err(unpaid) =
			T::Currency::resolve(&Self::pot_account(Pot::EvaluationRewards), to_evaluation)
		{
			parts.evaluation = parts.evaluation.saturating_sub(unpaid.peek());
			parts.burned = parts.burned.saturating_add(unpaid.peek());
			drop(unpaid);
		}
		// Dropping a credit destroys it: total issuance falls by exactly this amount.
		drop(to_burn);
		BurnedTotal::<T>::mutate(|b| *b = b.saturating_add(parts.burned));

		Self::deposit_event(Event::ChargeSplit {
			payer,
			source,
			total,
			burned: parts.burned,
			to_treasury: parts.treasury,
			to_evaluation_pot: parts.evaluation,
		});
		parts
	}
}

/// Routes transaction fees and tips through the charge split. Use it as the
/// `OnUnbalanced` handler of `pallet_transaction_payment::FungibleAdapter`.
pub struct DealWithFees<T>(core::marker::PhantomData<T>);

impl<T: Config> OnUnbalanced<CreditOf<T>> for DealWithFees<T> {
	fn on_unbalanceds(mut fees_then_tips: impl Iterator<Item = CreditOf<T>>) {
		if let Some(mut fees) = fees_then_tips.next() {
			for tip in fees_then_tips {
				tip.merge_into(&mut fees);
			}
			if fees.peek().is_zero() {
				return;
			}
			Pallet::<T>::split_credit(fees, None, ChargeSource::TransactionFee);
		}
	}
}
