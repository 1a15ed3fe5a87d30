//! Paying for trades and granting what was bought; the checks every trade path shares.

use crate::*;
use allspark_primitives::ChargeKind;
use allspark_primitives::{LicenceTerms, OnTrade, TradeReport};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Provenance, Restriction},
	},
	BoundedVec,
};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	Permill,
};

/// The trades one call makes on one listing's right between one seller and one buyer, paid out
/// together.
///
/// [`Settlement::add`] only counts the units and their value; [`Settlement::finish`] moves the
/// buyer's held funds to the seller, who pays out of them the service charge, the referring
/// distributor's commission and the co-creators' shares, and grants the buyer the units.
pub(crate) struct Settlement<T: Config> {
	seller: T::AccountId,
	buyer: T::AccountId,
	referrer: Option<T::AccountId>,
	listing: ListingId,
	right: Right,
	terms: LicenceTerms<BlockNumberOf<T>>,
	value: BalanceOf<T>,
	quantity: Quantity,
	now: BlockNumberOf<T>,
}

impl<T: Config> Settlement<T> {
	/// A settlement of trades sold by `seller` to `buyer` (referred by `referrer`) on
	/// `listing`'s `right`, under the listing's `terms`.
	pub(crate) fn new(
		seller: T::AccountId,
		buyer: T::AccountId,
		referrer: Option<T::AccountId>,
		listing: ListingId,
		right: Right,
		terms: LicenceTerms<BlockNumberOf<T>>,
	) -> Self {
		Self {
			seller,
			buyer,
			referrer,
			listing,
			right,
			terms,
			value: Zero::zero(),
			quantity: 0,
			now: frame_system::Pallet::<T>::block_number(),
		}
	}

	/// The buyer buys `quantity` more units for `value`, out of its held escrow.
	pub(crate) fn add(&mut self, quantity: Quantity, value: BalanceOf<T>) -> DispatchResult {
		self.value = self.value.checked_add(&value).ok_or(Error::<T>::Overflow)?;
		self.quantity = self.quantity.saturating_add(quantity);
		Ok(())
	}

	/// Pay out what was bought and grant it.
	pub(crate) fn finish(self) -> DispatchResult {
		if self.quantity == 0 {
			return Ok(());
		}
		let kind = ChargeKind::Trade { value: self.value };
		let distributor = self
			.referrer
			.clone()
			.filter(|r| Pallet::<T>::is_distributor(r, self.listing, self.now));
		let commission = match distributor {
			Some(_) => self.terms.distributor_commission.mul_floor(self.value),
			None => Zero::zero(),
		};
		let (charge, net) = Pallet::<T>::net_of_trade(self.value, commission)?;
		T::Currency::transfer_on_hold(
			&HoldReason::Escrow.into(),
			&self.buyer,
			&self.seller,
			self.value,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::InsufficientFunds)?;
		T::ServiceCharge::charge(&self.seller, kind)?;
		let distributor = distributor.filter(|_| !commission.is_zero());
		if let Some(distributor) = distributor.clone() {
			T::Currency::transfer(&self.seller, &distributor, commission, Preservation::Preserve)?;
			Pallet::<T>::deposit_event(Event::CommissionPaid {
				distributor,
				listing: self.listing,
				amount: commission,
			});
		}
		let mut co_creators = BalanceOf::<T>::zero();
		for (creator, share) in T::Content::revenue_shares(self.listing) {
			if creator == self.seller || share == Permill::zero() {
				continue;
			}
			let amount = share.mul_floor(net);
			// A payment the creator's account cannot take (below the existential deposit of a
			// new account) stays with the seller.
			if amount.is_zero()
				|| T::Currency::can_deposit(&creator, amount, Provenance::Extant)
					!= frame_support::traits::tokens::DepositConsequence::Success
			{
				continue;
			}
			T::Currency::transfer(&self.seller, &creator, amount, Preservation::Preserve)?;
			co_creators = co_creators.saturating_add(amount);
		}
		Pallet::<T>::deposit_event(Event::TradeSettled {
			listing: self.listing,
			right: self.right,
			seller: self.seller.clone(),
			quantity: self.quantity,
			value: self.value,
			charge,
			commission,
			co_creators,
		});
		T::OnTrade::on_trade(TradeReport {
			listing: self.listing,
			value: self.value,
			charge,
			distributor: distributor.map(|d| (d, commission)),
		});
		self.grant_right()
	}

	/// Give the buyer the units bought: extend its licence record, or move the copyright.
	fn grant_right(&self) -> DispatchResult {
		let (buyer, units) = (&self.buyer, self.quantity);
		let now = self.now;
		let expires_at = match self.right {
			Right::Copyright => {
				ensure!(
					PendingFills::<T>::get(self.listing) == 0,
					Error::<T>::FillsAwaitingSettlement
				);
				// An auction settling its copyright lot has left the locks already.
				ensure!(!BidLocks::<T>::contains_key(self.listing), Error::<T>::ListingBoundByBids);
				T::Content::transfer_copyright(self.listing, &self.seller, buyer)?;
				None
			},
			right => Licences::<T>::try_mutate(buyer, (self.listing, right), |record| {
				let current = record.filter(|r| r.is_valid_at(&now));
				let expires_at = match right {
					Right::Subscription => {
						let start = current.and_then(|c| c.expires_at).unwrap_or(now).max(now);
						let period = T::SubscriptionPeriod::get().saturating_mul(units.into());
						Some(start.saturating_add(period))
					},
					_ => match (
						current.map(|c| c.expires_at),
						self.terms.licence_duration.map(|d| now.saturating_add(d)),
					) {
						// A perpetual licence stays perpetual.
						(Some(None), _) | (_, None) => None,
						(Some(Some(old)), Some(new)) => Some(old.max(new)),
						(None, Some(new)) => Some(new),
					},
				};
				let held = current.map_or(0, |c| c.units);
				*record = Some(Licence {
					units: held.saturating_add(units),
					granted_at: now,
					expires_at,
				});
				Ok::<_, DispatchError>(expires_at)
			})?,
		};
		Pallet::<T>::deposit_event(Event::RightGranted {
			who: buyer.clone(),
			listing: self.listing,
			right: self.right,
			units,
			expires_at,
		});
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// What granting `right` weighs beyond a licence record, already in every trade's benchmark:
	/// the copyright's transfer through the content pallet.
	pub(crate) fn grant_weight(right: Right) -> Weight {
		match right {
			Right::Copyright => T::Content::transfer_copyright_weight(),
			_ => Weight::zero(),
		}
	}

	/// A trade of `value` paying `commission`: its service charge and what is left for the
	/// seller and co-creators, or [`Error::ChargeExceedsValue`].
	pub(crate) fn net_of_trade(
		value: BalanceOf<T>,
		commission: BalanceOf<T>,
	) -> Result<(BalanceOf<T>, BalanceOf<T>), DispatchError> {
		let charge = T::ServiceCharge::quote(ChargeKind::Trade { value })?;
		let net = value
			.checked_sub(&charge)
			.and_then(|v| v.checked_sub(&commission))
			.ok_or(Error::<T>::ChargeExceedsValue)?;
		Ok((charge, net))
	}

	/// Whether `who` holds a valid distribution right on `listing` at `now`.
	pub(crate) fn is_distributor(
		who: &T::AccountId,
		listing: ListingId,
		now: BlockNumberOf<T>,
	) -> bool {
		Licences::<T>::get(who, (listing, Right::Distribution))
			.is_some_and(|l| l.units > 0 && l.is_valid_at(&now))
	}

	/// `referrer`, checked: a distributor on `listing` other than the buyer `who`.
	pub(crate) fn check_referrer(
		who: &T::AccountId,
		listing: ListingId,
		referrer: Option<T::AccountId>,
		now: BlockNumberOf<T>,
	) -> Result<Option<T::AccountId>, DispatchError> {
		if let Some(r) = &referrer {
			ensure!(r != who && Self::is_distributor(r, listing, now), Error::<T>::InvalidReferrer);
		}
		Ok(referrer)
	}

	/// Whether `who` owns `listing` now.
	pub(crate) fn owns(listing: ListingId, who: &T::AccountId) -> bool {
		T::Content::owner(listing).as_ref() == Some(who)
	}

	/// Check that `seller`, who offered `listing` earlier, may still sell it: it still owns the
	/// listing, which is active. Returns the listing's terms.
	pub(crate) fn ensure_still_sells(
		listing: ListingId,
		seller: &T::AccountId,
	) -> Result<LicenceTerms<BlockNumberOf<T>>, DispatchError> {
		ensure!(Self::owns(listing, seller), Error::<T>::SellerNoLongerOwner);
		ensure!(T::Content::is_active(listing), Error::<T>::ListingNotActive);
		T::Content::terms(listing).ok_or_else(|| Error::<T>::ListingNotFound.into())
	}

	/// Check that `quantity` units of `listing`'s `right` may be traded; returns the owner and
	/// the listing's terms.
	pub(crate) fn ensure_tradable(
		listing: ListingId,
		right: Right,
		quantity: Quantity,
	) -> Result<(T::AccountId, LicenceTerms<BlockNumberOf<T>>), DispatchError> {
		ensure!(quantity > 0, Error::<T>::ZeroQuantity);
		ensure!(right != Right::Copyright || quantity == 1, Error::<T>::InvalidQuantity);
		let owner = T::Content::owner(listing).ok_or(Error::<T>::ListingNotFound)?;
		ensure!(T::Content::is_active(listing), Error::<T>::ListingNotActive);
		let terms = T::Content::terms(listing).ok_or(Error::<T>::ListingNotFound)?;
		let offered = match right {
			Right::Licence(LicenceKind::Personal) => terms.personal,
			Right::Licence(LicenceKind::Commercial) => terms.commercial,
			Right::Licence(LicenceKind::Republication) => terms.republication,
			Right::Distribution => !terms.distributor_commission.is_zero(),
			Right::Subscription | Right::Copyright => true,
		};
		ensure!(offered, Error::<T>::RightNotOffered);
		Ok((owner, terms))
	}

	/// A per-unit price must be above zero and cover the service charge of a one-unit trade.
	pub(crate) fn ensure_price_covers_charge(price: BalanceOf<T>) -> DispatchResult {
		ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
		let charge = T::ServiceCharge::quote(ChargeKind::Trade { value: price })?;
		ensure!(price >= charge, Error::<T>::PriceBelowMinimumCharge);
		Ok(())
	}

	/// An expiry: `requested`, after `now` and at most the longest lifetime away, or that
	/// longest lifetime by default.
	pub(crate) fn check_expiry(
		now: BlockNumberOf<T>,
		requested: Option<BlockNumberOf<T>>,
	) -> Result<BlockNumberOf<T>, DispatchError> {
		let latest = now.saturating_add(T::MaxOrderLifetime::get());
		match requested {
			None => Ok(latest),
			Some(at) => {
				ensure!(at > now, Error::<T>::ExpiryInPast);
				ensure!(at <= latest, Error::<T>::ExpiryTooFar);
				Ok(at)
			},
		}
	}

	/// Hold `amount` from `who` as escrow.
	pub(crate) fn hold_escrow(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		allspark_primitives::hold_unfrozen::<_, T::Currency, T::FrozenBalance>(
			&HoldReason::Escrow.into(),
			who,
			amount,
		)
		.map_err(|refused| {
			refused
				.into_error(Error::<T>::FundsFrozen, Error::<T>::InsufficientFunds)
				.into()
		})
	}

	/// Release `amount` of `who`'s escrow.
	pub(crate) fn release_escrow(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(&HoldReason::Escrow.into(), who, amount, Precision::BestEffort)?;
		}
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// Anyone's `settle_queue`: do the oldest `count` entries of the settlement queue now.
	/// Returns how many were done.
	pub(crate) fn do_settle_queue(count: u32) -> Result<u32, DispatchError> {
		let (head, tail) = SettlementPages::<T>::get();
		ensure!(head != tail && count > 0, Error::<T>::NothingToSettle);
		Ok(Self::settle_oldest(count))
	}

	/// Do one settlement-queue entry: pay out and grant a buy order's fills, or release what an
	/// order that left the book held; forget an order that has left the book.
	///
	/// Fills are paid to the listing's owner, who cannot have changed since they were made (the
	/// copyright does not move while fills await settlement, [`PendingFills`]). When `strict`,
	/// a payout error fails the caller; otherwise fills that cannot be paid out (the listing was
	/// removed, or the service charge rose above their value) are refunded.
	pub(crate) fn settle_entry(entry: SettlingOf<T>, strict: bool) -> DispatchResult {
		match entry {
			Settling::Fill { order, buyer, referrer, listing, right, quantity, value, closes } => {
				PendingFills::<T>::mutate_exists(listing, count_down);
				let pay = || -> DispatchResult {
					let seller = T::Content::owner(listing).ok_or(Error::<T>::ListingNotFound)?;
					let terms = T::Content::terms(listing).ok_or(Error::<T>::ListingNotFound)?;
					let mut settlement = Settlement::<T>::new(
						seller,
						buyer.clone(),
						referrer,
						listing,
						right,
						terms,
					);
					settlement.add(quantity, value)?;
					settlement.finish()
				};
				let (mut quantity, mut value) = (quantity, value);
				if strict {
					pay()?;
				} else if !Self::paid_or_rolled_back(pay) {
					Self::release_escrow(&buyer, value)?;
					Self::deposit_event(Event::FillsRefunded {
						order,
						owner: buyer.clone(),
						quantity,
						value,
					});
					(quantity, value) = (0, Zero::zero());
				}
				if closes {
					Self::forget_order(order, &buyer);
				}
				Self::deposit_event(Event::OrderSettled {
					order,
					owner: buyer,
					quantity,
					value,
					closed: closes,
				});
			},
			Settling::Close { order, owner, release } => {
				if !release.is_zero() {
					Self::release_escrow(&owner, release)?;
					Self::deposit_event(Event::EscrowReleased {
						who: owner.clone(),
						amount: release,
					});
				}
				Self::forget_order(order, &owner);
				Self::deposit_event(Event::OrderSettled {
					order,
					owner,
					quantity: 0,
					value: Zero::zero(),
					closed: true,
				});
			},
		}
		Ok(())
	}

	/// Run `pay` in a storage transaction: kept when it succeeds (`true`), rolled back when it
	/// fails (`false`).
	fn paid_or_rolled_back(pay: impl FnOnce() -> DispatchResult) -> bool {
		frame_support::storage::with_transaction(|| match pay() {
			Ok(()) => sp_runtime::TransactionOutcome::Commit(Ok(true)),
			Err(_) => sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(false)),
		})
		.unwrap_or(false)
	}

	/// Forget order `id`, which has left the book and settled: its index entries.
	pub(crate) fn forget_order(id: OrderId, owner: &T::AccountId) {
		OrderIndex::<T>::remove(id);
		AccountOrders::<T>::remove(owner, id);
	}

	/// The settlement queue's pages, oldest first.
	pub(crate) fn queued_pages(
	) -> impl Iterator<Item = BoundedVec<SettlingOf<T>, ConstU32<SETTLEMENT_PAGE>>> {
		let (head, tail) = SettlementPages::<T>::get();
		(0..tail.wrapping_sub(head)).map(move |i| SettlementQueue::<T>::get(head.wrapping_add(i)))
	}

	/// Append `entries` to the settlement queue: one read, and a write of each page they fill
	/// (the last page and at most one new page for a call's entries).
	pub(crate) fn enqueue_settlements(entries: &[SettlingOf<T>]) -> DispatchResult {
		if entries.is_empty() {
			return Ok(());
		}
		let (head, tail) = SettlementPages::<T>::get();
		// The page being filled: the last one, or a new one when the queue is empty.
		let mut index = if tail == head { tail } else { tail.wrapping_sub(1) };
		let mut page = SettlementQueue::<T>::get(index);
		for entry in entries {
			if page.try_push(entry.clone()).is_err() {
				SettlementQueue::<T>::insert(index, &page);
				index = index.wrapping_add(1);
				ensure!(index != head, Error::<T>::Overflow);
				page = BoundedVec::truncate_from(alloc::vec![entry.clone()]);
			}
		}
		SettlementQueue::<T>::insert(index, page);
		SettlementPages::<T>::put((head, index.wrapping_add(1)));
		Ok(())
	}

	/// How many settlement-queue entries `limit` pays for, at most
	/// [`Config::MaxSettlementsPerBlock`].
	pub(crate) fn settlements_within(limit: Weight) -> u32 {
		let most = T::MaxSettlementsPerBlock::get();
		if !T::WeightInfo::settle_queue(1).all_lte(limit) {
			return 0;
		}
		// The weight is linear in the entries: the most that fit, by bisection.
		let (mut low, mut high) = (1u32, most);
		while low < high {
			let mid = low.saturating_add(high.saturating_sub(low).saturating_add(1) / 2);
			if T::WeightInfo::settle_queue(mid).all_lte(limit) {
				low = mid;
			} else {
				high = mid.saturating_sub(1);
			}
		}
		low
	}

	/// Do queued entries, oldest first, within `limit` weight (`on_idle`). Returns the weight
	/// used.
	pub(crate) fn process_settlements(limit: Weight) -> Weight {
		let check = T::DbWeight::get().reads(1);
		if !check.all_lte(limit) {
			return Weight::zero();
		}
		let (head, tail) = SettlementPages::<T>::get();
		if head == tail {
			return check;
		}
		let count = Self::settlements_within(limit);
		if count == 0 {
			return check;
		}
		T::WeightInfo::settle_queue(Self::settle_oldest(count))
	}

	/// Do at most `count` entries from the front of the queue. Returns how many were done.
	fn settle_oldest(count: u32) -> u32 {
		let (first, tail) = SettlementPages::<T>::get();
		let mut head = first;
		let mut done = 0u32;
		while head != tail && done < count {
			let mut page = SettlementQueue::<T>::get(head).into_inner();
			let room = count.saturating_sub(done) as usize;
			let rest = page.split_off(room.min(page.len()));
			for entry in page {
				// A failing entry (its escrow gone) is dropped rather than block the queue.
				let _ = Self::settle_entry(entry, false);
				done = done.saturating_add(1);
			}
			if rest.is_empty() {
				SettlementQueue::<T>::remove(head);
				head = head.wrapping_add(1);
			} else {
				SettlementQueue::<T>::insert(head, BoundedVec::truncate_from(rest));
				break;
			}
		}
		if head != first {
			SettlementPages::<T>::put((head, tail));
		}
		done
	}
}
