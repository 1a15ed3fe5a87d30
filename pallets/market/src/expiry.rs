//! The expiry queue: what ends at each block, cleaned up or settled within a bounded weight.

use crate::*;
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use sp_runtime::traits::{One, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Queue `item` to be handled at block `at` (one write, no read).
	pub(crate) fn schedule(at: BlockNumberOf<T>, item: Expiring) -> DispatchResult {
		ExpiryQueue::<T>::insert(at, item, ());
		Ok(())
	}

	/// Work through the expiry queue up to block `now`, at most `budget` steps (an entry
	/// handled or a block's queue looked up). Returns the weight used.
	pub(crate) fn process_expiries(now: BlockNumberOf<T>, mut budget: u32) -> Weight {
		let mut cursor = ExpiryCursor::<T>::get();
		if cursor.is_zero() {
			cursor = now;
		}
		let mut steps = 0u32;
		// Copyrights moved by auctions settled here, beyond the entries' benchmarked weight.
		let mut granted = Weight::zero();
		while cursor <= now && budget > 0 {
			budget = budget.saturating_sub(1);
			steps = steps.saturating_add(1);
			// One more key than the budget tells whether the block has entries left.
			let items: Vec<Expiring> = ExpiryQueue::<T>::iter_key_prefix(cursor)
				.take((budget as usize).saturating_add(1))
				.collect();
			let more = items.len() > budget as usize;
			for item in items.into_iter().take(budget as usize) {
				ExpiryQueue::<T>::remove(cursor, item);
				granted.saturating_accrue(Self::expire(item, now));
				budget = budget.saturating_sub(1);
				steps = steps.saturating_add(1);
			}
			if more {
				break;
			}
			cursor = cursor.saturating_add(One::one());
		}
		ExpiryCursor::<T>::put(cursor);
		Self::expiry_weight(steps).saturating_add(granted)
	}

	/// The most `on_initialize` weighs: [`Config::MaxCleanupPerBlock`] steps of the expiry
	/// queue, each an auction moving a copyright.
	pub fn max_on_initialize_weight() -> Weight {
		T::WeightInfo::on_initialize_cleanup(0).saturating_add(
			Self::worst_expiry_step().saturating_mul(T::MaxCleanupPerBlock::get().into()),
		)
	}

	/// The most one step of the expiry queue weighs, a copyright an auction moves included.
	fn worst_expiry_step() -> Weight {
		Self::expiry_entry_weight().saturating_add(T::Content::transfer_copyright_weight())
	}

	/// What `steps` steps of the expiry queue weigh at most, beyond any copyright an auction
	/// moves: the queue's fixed cost and each step at the costliest entry's weight.
	pub(crate) fn expiry_weight(steps: u32) -> Weight {
		T::WeightInfo::on_initialize_cleanup(0)
			.saturating_add(Self::expiry_entry_weight().saturating_mul(steps.into()))
	}

	/// What one expiry entry weighs at most: the costliest of its kinds, each benchmarked with
	/// its own accounts (an English auction settled, within `on_initialize_cleanup`'s slope; an
	/// expired order leaving a full ladder; an ended Dutch auction; a request closing with the
	/// most proposals, each of these plus its queue entry's removal).
	pub fn expiry_entry_weight() -> Weight {
		let auction = T::WeightInfo::on_initialize_cleanup(1)
			.saturating_sub(T::WeightInfo::on_initialize_cleanup(0));
		let others = T::WeightInfo::expire_order()
			.max(T::WeightInfo::expire_offer())
			.max(T::WeightInfo::expire_request())
			.saturating_add(T::DbWeight::get().writes(1));
		auction.max(others)
	}

	/// Go on with the expiry queue in a block's spare weight (`on_idle`): as many steps as
	/// `limit` pays for, each at the costliest entry's weight and a copyright's transfer.
	/// `on_initialize`'s [`Config::MaxCleanupPerBlock`] steps are the guaranteed pace; this
	/// drains a backlog (many entries at one block) as fast as the chain has room. Returns the
	/// weight used.
	pub(crate) fn process_expiries_within(now: BlockNumberOf<T>, limit: Weight) -> Weight {
		let check = T::DbWeight::get().reads(1);
		if !check.all_lte(limit) {
			return Weight::zero();
		}
		if ExpiryCursor::<T>::get() > now {
			return check;
		}
		let steps = Self::expiry_steps_within(limit);
		if steps == 0 {
			return check;
		}
		Self::process_expiries(now, steps)
	}

	/// How many expiry steps `limit` pays for, at the costliest entry's weight and a copyright's
	/// transfer.
	pub fn expiry_steps_within(limit: Weight) -> u32 {
		let base = T::WeightInfo::on_initialize_cleanup(0);
		let step = Self::worst_expiry_step();
		limit
			.checked_sub(&base)
			.and_then(|room| room.checked_div_per_component(&step))
			.map_or(0, |steps| u32::try_from(steps).unwrap_or(u32::MAX))
	}

	/// Handle one expired entry: remove what ended (releasing its hold) or settle an auction.
	/// Entries already gone, or not yet ended (an extended auction), are skipped. Returns the
	/// weight of a right granted by an auction beyond a licence's ([`Pallet::grant_weight`]).
	pub(crate) fn expire(item: Expiring, now: BlockNumberOf<T>) -> Weight {
		match item {
			Expiring::Order(id) => {
				if let Ok((location, level, pos)) = Self::find_resting(id) {
					if location.expires_at <= now {
						let _ =
							Self::remove_order(id, location, level, pos, RemovalReason::Expired);
					}
				}
			},
			Expiring::Offer(id) => {
				if let Some(offer) = Offers::<T>::get(id).filter(|o| o.expires_at <= now) {
					if matches!(offer.mode, PricingMode::English { .. }) {
						return Self::settle_auction_now(id, offer);
					} else {
						Self::remove_offer(id, &offer);
						Self::deposit_event(Event::OfferExpired {
							offer: id,
							remaining: offer.remaining,
						});
					}
				}
			},
			Expiring::Request(id) => {
				if let Some(request) = Requests::<T>::get(id).filter(|r| r.deadline <= now) {
					Self::close_request(id, &request, true);
				}
			},
		}
		Weight::zero()
	}
}
