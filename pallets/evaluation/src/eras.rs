//! Reward eras: trade volume of well-scored listings, and the community-incentive payouts.

use crate::{
	finalise::{mul_div, wide},
	*,
};
use alloc::vec::Vec;
use allspark_primitives::{OnTrade, TradeReport};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
	},
};
use sp_runtime::traits::{Saturating, UniqueSaturatedInto, Zero};

/// The market reports every settled trade here. A trade of a listing scored at least the
/// reward threshold earns weight score × service charge, credited at once to the listing's
/// revenue-share holders of that moment (by their shares) and to the referring distributor (by
/// its commission's part of the value), each with a rebate cap of [`Config::RebateCap`] of its
/// part of the charge: an era never pays anyone more than a part of the charges its trades paid.
impl<T: Config> OnTrade<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn on_trade(trade: TradeReport<T::AccountId, BalanceOf<T>>) {
		let Some(score) = Scores::<T>::get(trade.listing).current else { return };
		let Some(params) = Parameters::<T>::get() else { return };
		if score < params.reward_threshold {
			return;
		}
		let weight = u128::from(score).saturating_mul(wide(trade.charge));
		if weight == 0 {
			return;
		}
		let cap = T::RebateCap::get().mul_floor(trade.charge);
		let era = CurrentEra::<T>::get().index;
		EraWeights::<T>::mutate(era, trade.listing, |w| *w = w.saturating_add(weight));
		EraTotals::<T>::mutate(era, |w| *w = w.saturating_add(weight));
		Self::credit_trade(era, &trade, weight, cap);
	}
}

impl<T: Config> Pallet<T> {
	/// Credit `trade`'s `weight` and rebate `cap` in `era`: the distributor its commission's part
	/// of the value, the listing's revenue-share holders the rest by their shares (rounded down:
	/// the remainder is nobody's, and stays in the pot).
	fn credit_trade(
		era: EraIndex,
		trade: &TradeReport<T::AccountId, BalanceOf<T>>,
		weight: u128,
		cap: BalanceOf<T>,
	) {
		let (mut weight_left, mut cap_left) = (weight, cap);
		if let Some((distributor, commission)) = &trade.distributor {
			let part_weight = mul_div(weight, wide(*commission), wide(trade.value));
			let part_cap: BalanceOf<T> =
				mul_div(wide(cap), wide(*commission), wide(trade.value)).unique_saturated_into();
			Self::credit(era, distributor, part_weight, part_cap);
			weight_left = weight_left.saturating_sub(part_weight);
			cap_left = cap_left.saturating_sub(part_cap);
		}
		for (holder, share) in T::Content::revenue_shares(trade.listing) {
			Self::credit(era, &holder, share.mul_floor(weight_left), share.mul_floor(cap_left));
		}
	}

	/// Add `weight` and `cap` to `who`'s credit in `era`.
	fn credit(era: EraIndex, who: &T::AccountId, weight: u128, cap: BalanceOf<T>) {
		if weight == 0 {
			return;
		}
		EraCredits::<T>::mutate(era, who, |credit| {
			credit.weight = credit.weight.saturating_add(weight);
			credit.cap = credit.cap.saturating_add(cap);
		});
	}
}

impl<T: Config> Pallet<T> {
	/// Start a new era when the current one is over; start or continue paying out the oldest
	/// unpaid era, at most [`Config::MaxPayoutsPerBlock`] listings. Returns the weight used.
	pub(crate) fn process_era(now: BlockNumberOf<T>) -> Weight {
		let db = T::DbWeight::get();
		let mut weight = db.reads(3);
		let Some(params) = Parameters::<T>::get() else { return weight };
		let mut era = CurrentEra::<T>::get();
		if now >= era.started_at.saturating_add(params.era_length) {
			era = EraInfo { index: era.index.saturating_add(1), started_at: now };
			CurrentEra::<T>::put(era);
			weight.saturating_accrue(db.writes(1));
			Self::deposit_event(Event::EraStarted { era: era.index });
		}

		let payout = match ActivePayout::<T>::get() {
			Some(payout) => payout,
			None => {
				let next = NextPayoutEra::<T>::get();
				if next >= era.index {
					return weight;
				}
				weight.saturating_accrue(T::WeightInfo::start_era_payout());
				match Self::start_payout(next, &params) {
					Some(payout) => payout,
					None => return weight,
				}
			},
		};
		weight.saturating_add(Self::continue_payout(payout))
	}

	/// Begin paying `era`: fix its budget from the pot now. An era without weight is closed at
	/// once (`None`).
	pub(crate) fn start_payout(
		era: EraIndex,
		params: &ParamsOf<T>,
	) -> Option<Payout<BalanceOf<T>>> {
		let total_weight = EraTotals::<T>::take(era);
		if total_weight == 0 {
			NextPayoutEra::<T>::put(era.saturating_add(1));
			Self::deposit_event(Event::EraPaidOut { era, paid: Zero::zero() });
			return None;
		}
		let budget = params.era_payout.mul_floor(Self::incentive_pot_available());
		Self::deposit_event(Event::EraPayoutStarted { era, budget, total_weight });
		Some(Payout { era, budget, total_weight, paid: Zero::zero() })
	}

	/// Pay the next accounts credited by `payout`'s era, at most [`Config::MaxPayoutsPerBlock`],
	/// and clear as many of its listing weights; close the era when none are left. Returns the
	/// weight used.
	pub(crate) fn continue_payout(mut payout: Payout<BalanceOf<T>>) -> Weight {
		let limit = T::MaxPayoutsPerBlock::get();
		let db = T::DbWeight::get();
		let batch: Vec<(T::AccountId, Credit<BalanceOf<T>>)> =
			EraCredits::<T>::drain_prefix(payout.era).take(limit as usize).collect();
		let mut weight = db.reads_writes(2, 1);
		for (account, credit) in batch.iter() {
			payout.paid = payout.paid.saturating_add(Self::pay_credit(&payout, account, credit));
			weight.saturating_accrue(T::WeightInfo::pay_era_credit());
		}
		// The listings' weights only served the era's views: clear as many.
		let cleared = EraWeights::<T>::drain_prefix(payout.era).take(limit as usize).count();
		weight.saturating_accrue(db.reads_writes(cleared as u64, cleared as u64));
		let finished = EraCredits::<T>::iter_prefix(payout.era).next().is_none()
			&& EraWeights::<T>::iter_prefix(payout.era).next().is_none();
		weight.saturating_accrue(db.reads(2));
		if finished {
			ActivePayout::<T>::kill();
			NextPayoutEra::<T>::put(payout.era.saturating_add(1));
			Self::deposit_event(Event::EraPaidOut { era: payout.era, paid: payout.paid });
		} else {
			ActivePayout::<T>::put(payout);
		}
		weight
	}

	/// Pay `account` its part of `payout`'s budget by `credit`'s weight, at most its rebate cap.
	/// An amount the account cannot take stays in the pot. Returns what was paid.
	fn pay_credit(
		payout: &Payout<BalanceOf<T>>,
		account: &T::AccountId,
		credit: &Credit<BalanceOf<T>>,
	) -> BalanceOf<T> {
		let share: BalanceOf<T> = mul_div(wide(payout.budget), credit.weight, payout.total_weight)
			.unique_saturated_into();
		let amount = share.min(credit.cap);
		let pot = T::IncentivePot::get();
		let paid = if !amount.is_zero()
			&& T::Currency::transfer(&pot, account, amount, Preservation::Preserve).is_ok()
		{
			amount
		} else {
			Zero::zero()
		};
		Self::deposit_event(Event::EraRewardPaid {
			era: payout.era,
			account: account.clone(),
			weight: credit.weight,
			amount: paid,
		});
		paid
	}

	/// What the community-incentive pot can pay and stay alive.
	pub(crate) fn incentive_pot_available() -> BalanceOf<T> {
		T::Currency::reducible_balance(
			&T::IncentivePot::get(),
			Preservation::Preserve,
			Fortitude::Polite,
		)
	}
}
