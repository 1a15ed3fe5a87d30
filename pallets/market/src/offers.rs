//! Offers: fixed prices, English auctions and Dutch auctions.

use crate::{settlement::Settlement, *};
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::{
	traits::{CheckedAdd, CheckedMul, Saturating, UniqueSaturatedInto, Zero},
	Perbill,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_offer(
		who: T::AccountId,
		listing: ListingId,
		right: Right,
		mode: PricingModeOf<T>,
		quantity: Quantity,
		expires_at: Option<BlockNumberOf<T>>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let (owner, _) = Self::ensure_tradable(listing, right, quantity)?;
		ensure!(who == owner, Error::<T>::NotListingOwner);
		let expires_at = match mode {
			PricingMode::Fixed { price } => {
				Self::ensure_price_covers_charge(price)?;
				Self::check_expiry(now, expires_at)?
			},
			PricingMode::English { reserve, min_increment, end } => {
				Self::ensure_price_covers_charge(reserve)?;
				ensure!(!min_increment.is_zero(), Error::<T>::InvalidAuction);
				ensure!(end > now, Error::<T>::InvalidAuction);
				Self::check_expiry(now, Some(end))?
			},
			PricingMode::Dutch { start_price, floor_price, end } => {
				Self::ensure_price_covers_charge(floor_price)?;
				ensure!(start_price > floor_price, Error::<T>::InvalidAuction);
				ensure!(end > now, Error::<T>::InvalidAuction);
				let expires_at = Self::check_expiry(now, Some(expires_at.unwrap_or(end)))?;
				ensure!(expires_at >= end, Error::<T>::InvalidAuction);
				expires_at
			},
		};
		let id = NextOfferId::<T>::get();
		NextOfferId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Self::schedule(expires_at, Expiring::Offer(id))?;
		Offers::<T>::insert(
			id,
			Offer {
				seller: who.clone(),
				listing,
				right,
				mode,
				remaining: quantity,
				created_at: now,
				expires_at,
				best_bid: None,
			},
		);
		ListingOffers::<T>::insert(listing, id, ());
		Self::sale_opened(listing, &who);
		Self::deposit_event(Event::OfferCreated {
			offer: id,
			seller: who,
			listing,
			right,
			mode,
			quantity,
			expires_at,
		});
		Ok(())
	}

	/// The per-unit price of a fixed or Dutch offer at `now`; an English auction's least
	/// acceptable next bid for the lot.
	pub(crate) fn price_at(offer: &OfferOf<T>, now: BlockNumberOf<T>) -> BalanceOf<T> {
		match offer.mode {
			PricingMode::Fixed { price } => price,
			PricingMode::English { reserve, min_increment, .. } => offer
				.best_bid
				.as_ref()
				.map_or(reserve, |b| b.amount.saturating_add(min_increment)),
			PricingMode::Dutch { start_price, floor_price, end } => {
				if now >= end {
					return floor_price;
				}
				let elapsed: u64 = now.saturating_sub(offer.created_at).unique_saturated_into();
				let span: u64 = end.saturating_sub(offer.created_at).unique_saturated_into();
				let fall = Perbill::from_rational(elapsed, span.max(1))
					.mul_floor(start_price.saturating_sub(floor_price));
				start_price.saturating_sub(fall)
			},
		}
	}

	pub(crate) fn do_buy_offer(
		who: T::AccountId,
		id: OfferId,
		quantity: Quantity,
		max_price: BalanceOf<T>,
		referrer: Option<T::AccountId>,
	) -> Result<Right, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut offer = Offers::<T>::get(id).ok_or(Error::<T>::OfferNotFound)?;
		ensure!(!matches!(offer.mode, PricingMode::English { .. }), Error::<T>::IsAnAuction);
		ensure!(now < offer.expires_at, Error::<T>::OfferEnded);
		ensure!(quantity > 0, Error::<T>::ZeroQuantity);
		ensure!(quantity <= offer.remaining, Error::<T>::NotEnoughUnits);
		ensure!(who != offer.seller, Error::<T>::SelfTrade);
		let terms = Self::ensure_still_sells(offer.listing, &offer.seller)?;
		let referrer = Self::check_referrer(&who, offer.listing, referrer, now)?;
		let price = Self::price_at(&offer, now);
		ensure!(price <= max_price, Error::<T>::PriceAboveLimit);
		let value = price.checked_mul(&quantity.into()).ok_or(Error::<T>::Overflow)?;
		Self::hold_escrow(&who, value)?;
		let mut settlement = Settlement::<T>::new(
			offer.seller.clone(),
			who.clone(),
			referrer,
			offer.listing,
			offer.right,
			terms,
		);
		settlement.add(quantity, value)?;
		offer.remaining = offer.remaining.saturating_sub(quantity);
		Self::deposit_event(Event::OfferTaken {
			offer: id,
			buyer: who,
			quantity,
			price,
			remaining: offer.remaining,
		});
		settlement.finish()?;
		let right = offer.right;
		if offer.remaining == 0 {
			Self::remove_offer(id, &offer);
		} else {
			Offers::<T>::insert(id, offer);
		}
		Ok(right)
	}

	pub(crate) fn do_bid(
		who: T::AccountId,
		id: OfferId,
		amount: BalanceOf<T>,
		referrer: Option<T::AccountId>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let mut offer = Offers::<T>::get(id).ok_or(Error::<T>::OfferNotFound)?;
		let PricingMode::English { reserve, min_increment, end } = offer.mode else {
			return Err(Error::<T>::NotAnAuction.into());
		};
		ensure!(now < end, Error::<T>::OfferEnded);
		ensure!(who != offer.seller, Error::<T>::SelfTrade);
		ensure!(T::Content::is_active(offer.listing), Error::<T>::ListingNotActive);
		let least = offer
			.best_bid
			.as_ref()
			.map_or(reserve, |b| b.amount.saturating_add(min_increment));
		ensure!(amount >= least, Error::<T>::BidTooLow);
		let referrer = Self::check_referrer(&who, offer.listing, referrer, now)?;
		let deposit = match offer.right {
			Right::Copyright => T::Content::deposit(offer.listing),
			_ => Zero::zero(),
		};
		Self::hold_escrow(&who, amount.checked_add(&deposit).ok_or(Error::<T>::Overflow)?)?;
		match offer.best_bid.take() {
			Some(previous) => Self::release_escrow(
				&previous.bidder,
				previous.amount.saturating_add(previous.deposit),
			)?,
			None => BidLocks::<T>::mutate(offer.listing, |n| count_up(n, 1)),
		}
		let extension = T::AuctionExtension::get();
		let mut new_end = end;
		if end.saturating_sub(now) <= extension {
			new_end = now.saturating_add(extension);
			if new_end > end {
				Self::schedule(new_end, Expiring::Offer(id))?;
			} else {
				new_end = end;
			}
		}
		offer.mode = PricingMode::English { reserve, min_increment, end: new_end };
		offer.expires_at = new_end;
		offer.best_bid = Some(Bid { bidder: who.clone(), amount, referrer, deposit });
		Offers::<T>::insert(id, offer);
		Self::deposit_event(Event::AuctionBidPlaced {
			offer: id,
			bidder: who,
			amount,
			end: new_end,
		});
		Ok(())
	}

	pub(crate) fn do_cancel_offer(who: &T::AccountId, id: OfferId) -> DispatchResult {
		let offer = Offers::<T>::get(id).ok_or(Error::<T>::OfferNotFound)?;
		if offer.seller != *who {
			ensure!(!Self::owns(offer.listing, &offer.seller), Error::<T>::NotOfferSeller);
		}
		ensure!(offer.best_bid.is_none(), Error::<T>::AuctionHasBids);
		Self::remove_offer(id, &offer);
		Self::deposit_event(Event::OfferCancelled { offer: id });
		Ok(())
	}

	/// Settle an ended auction on a call; returns the weight of the right's grant
	/// ([`Pallet::grant_weight`]) when sold.
	pub(crate) fn do_settle_auction_call(id: OfferId) -> Result<Weight, DispatchError> {
		let offer = Offers::<T>::get(id).ok_or(Error::<T>::OfferNotFound)?;
		ensure!(matches!(offer.mode, PricingMode::English { .. }), Error::<T>::NotAnAuction);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= offer.expires_at, Error::<T>::AuctionNotEnded);
		Ok(Self::settle_auction_now(id, offer))
	}

	/// Settle an ended English auction: sell the lot to the highest bidder, or end it unsold
	/// (releasing the bid) when there is none or the sale cannot be made. Never fails. Returns
	/// the weight of the right's grant ([`Pallet::grant_weight`]) when sold.
	pub(crate) fn settle_auction_now(id: OfferId, offer: OfferOf<T>) -> Weight {
		Self::remove_offer(id, &offer);
		let Some(bid) = offer.best_bid.clone() else {
			Self::deposit_event(Event::AuctionUnsold { offer: id });
			return Weight::zero();
		};
		BidLocks::<T>::mutate_exists(offer.listing, count_down);
		let sold = frame_support::storage::with_transaction(|| {
			let result = (|| -> DispatchResult {
				let terms = Self::ensure_still_sells(offer.listing, &offer.seller)?;
				// The deposit leaves the escrow for the content pallet to hold it anew.
				Self::release_escrow(&bid.bidder, bid.deposit)?;
				let mut settlement = Settlement::<T>::new(
					offer.seller.clone(),
					bid.bidder.clone(),
					bid.referrer.clone(),
					offer.listing,
					offer.right,
					terms,
				);
				settlement.add(offer.remaining, bid.amount)?;
				settlement.finish()
			})();
			match result {
				Ok(()) => sp_runtime::TransactionOutcome::Commit(Ok(true)),
				Err(_) => sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(false)),
			}
		})
		.unwrap_or(false);
		if sold {
			Self::deposit_event(Event::AuctionSettled {
				offer: id,
				winner: bid.bidder,
				amount: bid.amount,
			});
			Self::grant_weight(offer.right)
		} else {
			let _ = Self::release_escrow(&bid.bidder, bid.amount.saturating_add(bid.deposit));
			Self::deposit_event(Event::AuctionUnsold { offer: id });
			Weight::zero()
		}
	}

	/// Delete an offer and its index entry.
	pub(crate) fn remove_offer(id: OfferId, offer: &OfferOf<T>) {
		Offers::<T>::remove(id);
		ListingOffers::<T>::remove(offer.listing, id);
		Self::sale_closed(offer.listing, &offer.seller);
	}
}
