//! Reward eras: trade volume of well-scored listings, and the community-incentive payouts.

use crate::{
	finalise::{mul_div, wide},
	*,
};
use alloc::vec::Vec;
use allspark_primitives::OnTrade;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
	},
};
use sp_runtime::traits::{Saturating, UniqueSaturatedInto, Zero};

/// The market reports every settled trade here.
impl<T: Config> OnTrade<BalanceOf<T>> for Pallet<T> {
	fn on_trade(listing: ListingId, value: BalanceOf<T>) {
		let Some(score) = Scores::<T>::get(listing).current else { return };
		let Some(params) = Parameters::<T>::get() else { return };
		if score < params.reward_threshold {
			return;
		}
		let weight = u128::from(score).saturating_mul(wide(value));
		if weight == 0 {
			return;
		}
		let era = CurrentEra::<T>::get().index;
		EraWeights::<T>::mutate(era, listing, |w| *w = w.saturating_add(weight));
		EraTotals::<T>::mutate(era, |w| *w = w.saturating_add(weight));
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

	/// Pay the next listings of `payout`'s era; close the era when none are left. Returns the
	/// weight used.
	pub(crate) fn continue_payout(mut payout: Payout<BalanceOf<T>>) -> Weight {
		let limit = T::MaxPayoutsPerBlock::get();
		let batch: Vec<(ListingId, u128)> =
			EraWeights::<T>::drain_prefix(payout.era).take(limit as usize).collect();
		let mut weight = T::DbWeight::get().reads_writes(2, 1);
		for (listing, listing_weight) in &batch {
			let (paid, shares) = Self::pay_listing(&payout, *listing, *listing_weight);
			payout.paid = payout.paid.saturating_add(paid);
			weight.saturating_accrue(T::WeightInfo::pay_era_listing(shares));
		}
		// Fewer than the limit drained, or none left: the era is paid.
		let finished = (batch.len() as u32) < limit
			|| EraWeights::<T>::iter_prefix(payout.era).next().is_none();
		if finished {
			ActivePayout::<T>::kill();
			NextPayoutEra::<T>::put(payout.era.saturating_add(1));
			Self::deposit_event(Event::EraPaidOut { era: payout.era, paid: payout.paid });
		} else {
			ActivePayout::<T>::put(payout);
		}
		weight
	}

	/// Pay `listing`'s creators, by their revenue shares, its part of the era's budget. A share
	/// an account cannot take stays in the pot. Returns what was paid and the number of shares.
	fn pay_listing(
		payout: &Payout<BalanceOf<T>>,
		listing: ListingId,
		listing_weight: u128,
	) -> (BalanceOf<T>, u32) {
		let amount: BalanceOf<T> =
			mul_div(wide(payout.budget), listing_weight, payout.total_weight)
				.unique_saturated_into();
		let pot = T::IncentivePot::get();
		let shares = T::Content::revenue_shares(listing);
		let mut paid = BalanceOf::<T>::zero();
		for (creator, share) in &shares {
			let part = share.mul_floor(amount);
			if !part.is_zero()
				&& T::Currency::transfer(&pot, creator, part, Preservation::Preserve).is_ok()
			{
				paid = paid.saturating_add(part);
			}
		}
		Self::deposit_event(Event::EraRewardPaid {
			era: payout.era,
			listing,
			weight: listing_weight,
			amount: paid,
		});
		(paid, shares.len() as u32)
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
