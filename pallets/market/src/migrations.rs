//! Storage migrations.

/// Version 2: an English auction's highest bid records the listing deposit held with it
/// (`Bid::deposit`, for copyright lots), [`crate::BidLocks`] counts the auctions with a bid on
/// each listing, and [`crate::OpenSales`] each account's resting sell orders and open offers on
/// each listing.
pub mod v2 {
	use crate::{
		BalanceOf, Bid, BidLocks, BlockNumberOf, Config, Offer, OfferId, Offers, OpenSales, Orders,
		Pallet, PricingMode, Quantity, Right, Side,
	};
	use allspark_primitives::ListingId;
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use sp_runtime::traits::{Saturating, Zero};

	/// A highest bid as version 1 stored it.
	#[derive(Encode, Decode)]
	pub struct BidV1<AccountId, Balance> {
		/// The bidder.
		pub bidder: AccountId,
		/// The bid.
		pub amount: Balance,
		/// The referring distributor.
		pub referrer: Option<AccountId>,
	}

	/// An offer as version 1 stored it.
	#[derive(Encode, Decode)]
	pub struct OfferV1<AccountId, Balance, BlockNumber> {
		/// The seller.
		pub seller: AccountId,
		/// The listing.
		pub listing: ListingId,
		/// The right offered.
		pub right: Right,
		/// The pricing mode.
		pub mode: PricingMode<Balance, BlockNumber>,
		/// The units still offered.
		pub remaining: Quantity,
		/// The block it was made in.
		pub created_at: BlockNumber,
		/// Its expiry.
		pub expires_at: BlockNumber,
		/// An English auction's highest bid.
		pub best_bid: Option<BidV1<AccountId, Balance>>,
	}

	/// Rewrites every offer: a highest bid made before the upgrade held no deposit (its
	/// `deposit` is zero; the winner of a copyright lot holds the deposit out of its free
	/// balance at settlement, as version 1 did), and counts it in its listing's [`BidLocks`];
	/// counts every offer and resting sell order in its seller's [`OpenSales`].
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			use alloc::collections::btree_map::BTreeMap;
			let mut count = 0u64;
			let mut locked = BTreeMap::<ListingId, u32>::new();
			let mut sales = BTreeMap::<(ListingId, T::AccountId), u32>::new();
			Offers::<T>::translate::<OfferV1<T::AccountId, BalanceOf<T>, BlockNumberOf<T>>, _>(
				|_id: OfferId, old| {
					count.saturating_inc();
					if old.best_bid.is_some() {
						locked.entry(old.listing).or_insert(0).saturating_inc();
					}
					sales.entry((old.listing, old.seller.clone())).or_insert(0).saturating_inc();
					Some(Offer {
						seller: old.seller,
						listing: old.listing,
						right: old.right,
						mode: old.mode,
						remaining: old.remaining,
						created_at: old.created_at,
						expires_at: old.expires_at,
						best_bid: old.best_bid.map(|b| Bid {
							bidder: b.bidder,
							amount: b.amount,
							referrer: b.referrer,
							deposit: Zero::zero(),
						}),
					})
				},
			);
			for (_, order) in Orders::<T>::iter() {
				count.saturating_inc();
				if order.side == Side::Sell && order.remaining > 0 {
					sales.entry((order.listing, order.owner)).or_insert(0).saturating_inc();
				}
			}
			let writes = count.saturating_add((locked.len() + sales.len()) as u64);
			for (listing, n) in locked {
				BidLocks::<T>::insert(listing, n);
			}
			for ((listing, seller), n) in sales {
				OpenSales::<T>::insert(listing, seller, n);
			}
			T::DbWeight::get().reads_writes(count, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((Offers::<T>::iter_keys().count() as u32).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u32::decode(&mut &state[..]).map_err(|_| "bad pre-upgrade state")?;
			ensure!(before == Offers::<T>::iter().count() as u32, "an offer was lost");
			Ok(())
		}
	}

	/// [`InnerMigrateV1ToV2`] run once, from storage version 1 to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
