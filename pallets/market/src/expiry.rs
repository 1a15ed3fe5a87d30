//! The expiry queue: what ends at each block, cleaned up or settled within a bounded weight.

use crate::*;
use frame_support::{pallet_prelude::*, BoundedVec};
use sp_runtime::traits::{One, Saturating, Zero};

/// How many blocks after the requested one an entry may go when that block's queue is full.
const SCHEDULE_SPREAD: u32 = 8;

impl<T: Config> Pallet<T> {
	/// Queue `item` to be handled at block `at`, or at the first of the next
	/// [`SCHEDULE_SPREAD`] blocks with room.
	pub(crate) fn schedule(at: BlockNumberOf<T>, item: Expiring) -> DispatchResult {
		let mut block = at;
		for _ in 0..=SCHEDULE_SPREAD {
			if ExpiryQueue::<T>::try_mutate(block, |queue| queue.try_push(item)).is_ok() {
				return Ok(());
			}
			block = block.saturating_add(One::one());
		}
		Err(Error::<T>::ExpiryQueueFull.into())
	}

	/// Work through the expiry queue up to block `now`, at most [`Config::MaxCleanupPerBlock`]
	/// steps (an entry handled or a block's queue read). Returns the weight used.
	pub(crate) fn process_expiries(now: BlockNumberOf<T>) -> Weight {
		let mut cursor = ExpiryCursor::<T>::get();
		if cursor.is_zero() {
			cursor = now;
		}
		let mut budget = T::MaxCleanupPerBlock::get();
		let mut steps = 0u32;
		while cursor <= now && budget > 0 {
			budget = budget.saturating_sub(1);
			steps = steps.saturating_add(1);
			let queue = ExpiryQueue::<T>::take(cursor).into_inner();
			let take = (budget as usize).min(queue.len());
			let mut items = queue;
			let rest = items.split_off(take);
			for item in items {
				Self::expire(item, now);
			}
			budget = budget.saturating_sub(take as u32);
			steps = steps.saturating_add(take as u32);
			if !rest.is_empty() {
				ExpiryQueue::<T>::insert(cursor, BoundedVec::truncate_from(rest));
				break;
			}
			cursor = cursor.saturating_add(One::one());
		}
		ExpiryCursor::<T>::put(cursor);
		T::WeightInfo::on_initialize_cleanup(steps)
	}

	/// Handle one expired entry: remove what ended (releasing its hold) or settle an auction.
	/// Entries already gone, or not yet ended (an extended auction), are skipped.
	pub(crate) fn expire(item: Expiring, now: BlockNumberOf<T>) {
		match item {
			Expiring::Order(id) =>
				if let Some(order) = Orders::<T>::get(id).filter(|o| o.expires_at <= now) {
					let _ = Self::remove_order(id, &order, RemovalReason::Expired);
				},
			Expiring::Offer(id) =>
				if let Some(offer) = Offers::<T>::get(id).filter(|o| o.expires_at <= now) {
					if matches!(offer.mode, PricingMode::English { .. }) {
						Self::settle_auction_now(id, offer);
					} else {
						Self::remove_offer(id, &offer);
						Self::deposit_event(Event::OfferExpired {
							offer: id,
							remaining: offer.remaining,
						});
					}
				},
			Expiring::Request(id) =>
				if let Some(request) = Requests::<T>::get(id).filter(|r| r.deadline <= now) {
					Self::close_request(id, &request, true);
				},
		}
	}
}
