//! Paying for trades and granting what was bought; the checks every trade path shares.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Provenance, Restriction},
	},
};
use pallet_allspark_content::{LicenceTerms, OnTrade};
use pallet_allspark_token::ChargeKind;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	Permill,
};

/// The trades one call makes on one listing's right with one seller, paid out together.
///
/// Each fill moves the buyer's held funds to the seller at once; [`Settlement::finish`] then has
/// the seller pay, out of the sum, the service charge, the referring distributors' commissions
/// and the co-creators' shares, and grants the rights bought (consecutive fills of one buyer are
/// granted together).
pub(crate) struct Settlement<T: Config> {
	seller: T::AccountId,
	listing: ListingId,
	right: Right,
	terms: LicenceTerms<BlockNumberOf<T>>,
	value: BalanceOf<T>,
	quantity: Quantity,
	commissions: Vec<(T::AccountId, BalanceOf<T>)>,
	grant: Option<(T::AccountId, Quantity)>,
	now: BlockNumberOf<T>,
}

impl<T: Config> Settlement<T> {
	/// A settlement of trades sold by `seller` on `listing`'s `right`, under the listing's
	/// `terms`.
	pub(crate) fn new(
		seller: T::AccountId,
		listing: ListingId,
		right: Right,
		terms: LicenceTerms<BlockNumberOf<T>>,
	) -> Self {
		Self {
			seller,
			listing,
			right,
			terms,
			value: Zero::zero(),
			quantity: 0,
			commissions: Vec::new(),
			grant: None,
			now: frame_system::Pallet::<T>::block_number(),
		}
	}

	/// `buyer` buys `quantity` units for `value`, out of its held escrow, referred by
	/// `referrer`.
	pub(crate) fn fill(
		&mut self,
		buyer: &T::AccountId,
		referrer: Option<&T::AccountId>,
		quantity: Quantity,
		value: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::transfer_on_hold(
			&HoldReason::Escrow.into(),
			buyer,
			&self.seller,
			value,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::InsufficientFunds)?;
		self.value = self.value.checked_add(&value).ok_or(Error::<T>::Overflow)?;
		self.quantity = self.quantity.saturating_add(quantity);
		if let Some(referrer) =
			referrer.filter(|r| Pallet::<T>::is_distributor(r, self.listing, self.now))
		{
			let commission = self.terms.distributor_commission.mul_floor(value);
			if !commission.is_zero() {
				match self.commissions.last_mut() {
					Some((last, sum)) if last == referrer => *sum = sum.saturating_add(commission),
					_ => self.commissions.push((referrer.clone(), commission)),
				}
			}
		}
		match &mut self.grant {
			Some((last, units)) if last == buyer => *units = units.saturating_add(quantity),
			_ => {
				if let Some((previous, units)) = self.grant.take() {
					self.grant_right(&previous, units)?;
				}
				self.grant = Some((buyer.clone(), quantity));
			},
		}
		Ok(())
	}

	/// Pay out what the fills brought in and grant the last buyer's rights.
	pub(crate) fn finish(mut self) -> DispatchResult {
		if self.value.is_zero() {
			return Ok(());
		}
		let kind = ChargeKind::Trade { value: self.value };
		let charge = T::ServiceCharge::quote(kind)?;
		let commission = self
			.commissions
			.iter()
			.fold(BalanceOf::<T>::zero(), |sum, (_, c)| sum.saturating_add(*c));
		let net = self
			.value
			.checked_sub(&charge)
			.and_then(|v| v.checked_sub(&commission))
			.ok_or(Error::<T>::ChargeExceedsValue)?;
		T::ServiceCharge::charge(&self.seller, kind)?;
		for (distributor, amount) in &self.commissions {
			T::Currency::transfer(&self.seller, distributor, *amount, Preservation::Preserve)?;
			Pallet::<T>::deposit_event(Event::CommissionPaid {
				distributor: distributor.clone(),
				listing: self.listing,
				amount: *amount,
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
			if amount.is_zero() ||
				T::Currency::can_deposit(&creator, amount, Provenance::Extant) !=
					frame_support::traits::tokens::DepositConsequence::Success
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
		T::OnTrade::on_trade(self.listing, self.value);
		if let Some((buyer, units)) = self.grant.take() {
			self.grant_right(&buyer, units)?;
		}
		Ok(())
	}

	/// Give `buyer` `units` of the right: extend its licence record, or move the copyright.
	fn grant_right(&self, buyer: &T::AccountId, units: Quantity) -> DispatchResult {
		let now = self.now;
		let expires_at = match self.right {
			Right::Copyright => {
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
			ensure!(
				r != who && Self::is_distributor(r, listing, now),
				Error::<T>::InvalidReferrer
			);
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
		T::Currency::hold(&HoldReason::Escrow.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientFunds.into())
	}

	/// Release `amount` of `who`'s escrow.
	pub(crate) fn release_escrow(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(&HoldReason::Escrow.into(), who, amount, Precision::BestEffort)?;
		}
		Ok(())
	}
}
