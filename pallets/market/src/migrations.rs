//! Storage migrations.
//!
//! - [`v2`]: auctions' bid deposits and locks, and each account's open sales.
//! - [`v3`]: price levels hold their resting orders; the settlement queue holds fills and
//!   closing orders instead of order ids.

/// Version 2: an English auction's highest bid records the listing deposit held with it
/// (`Bid::deposit`, for copyright lots), [`crate::BidLocks`] counts the auctions with a bid on
/// each listing, and [`crate::OpenSales`] each account's resting sell orders and open offers on
/// each listing.
pub mod v2 {
	use super::v3::Orders;
	use crate::{
		BalanceOf, Bid, BidLocks, BlockNumberOf, Config, Offer, OfferId, Offers, OpenSales, Pallet,
		PricingMode, Quantity, Right, Side,
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

/// Version 3: price levels hold their resting orders ([`crate::RestingOrder`]) instead of their
/// ids, `Orders` gives way to [`crate::OrderIndex`] (where each order rests), and the settlement
/// queue holds entries ([`crate::Settling`]: a buy order's unsettled fills, an order to forget)
/// instead of order ids.
pub mod v3 {
	use crate::{
		BalanceOf, BlockNumberOf, Config, LevelOf, Levels, OrderId, OrderIndex, OrderLocation,
		Pallet, Quantity, RestingOrder, Right, SettlementPages, Settling, SettlingOf, Side,
	};
	use alloc::{collections::btree_map::BTreeMap, vec::Vec};
	use allspark_primitives::ListingId;
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
		BoundedVec,
	};
	use sp_runtime::traits::{Saturating, Zero};

	/// An order as versions 1 and 2 stored it.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
	pub struct OrderV2<AccountId, Balance, BlockNumber> {
		/// Who placed it.
		pub owner: AccountId,
		/// The listing.
		pub listing: ListingId,
		/// The right traded.
		pub right: Right,
		/// Buy or sell.
		pub side: Side,
		/// The per-unit price.
		pub price: Balance,
		/// The units still open on the book.
		pub remaining: Quantity,
		/// A buy order's units filled but not yet settled.
		pub filled: Quantity,
		/// What they cost.
		pub filled_value: Balance,
		/// The first block at which the order no longer trades.
		pub expires_at: BlockNumber,
		/// A buy order's referring distributor.
		pub referrer: Option<AccountId>,
	}

	/// An order of this runtime as versions 1 and 2 stored it.
	pub type OrderV2Of<T> =
		OrderV2<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberOf<T>>;

	/// A price level as version 2 stored it: its orders' ids, oldest first.
	#[derive(Encode, Decode)]
	pub struct LevelV2 {
		/// The orders' ids.
		pub orders: Vec<OrderId>,
		/// The units open.
		pub quantity: u64,
	}

	/// Every order, by id, as versions 1 and 2 stored them.
	#[frame_support::storage_alias]
	pub type Orders<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, OrderId, OrderV2Of<T>, OptionQuery>;

	/// The settlement queue as version 2 stored it: pages of order ids.
	#[frame_support::storage_alias]
	pub type SettlementQueue<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, u32, Vec<OrderId>, ValueQuery>;

	/// Moves every resting order into its level, indexes every order, and turns the settlement
	/// queue's order ids into entries, in the same order: a buy order's unsettled fills
	/// ([`Settling::Fill`], closing the order when nothing is left open) or an order with
	/// nothing open to forget ([`Settling::Close`]). Holds, pending fills and open sales stay
	/// as they are: they count the same things.
	pub struct InnerMigrateV2ToV3<T>(core::marker::PhantomData<T>);

	impl<T: Config> InnerMigrateV2ToV3<T> {
		/// Rewrite every level with its orders' data; returns the levels rewritten.
		fn move_orders_into_levels(orders: &BTreeMap<OrderId, OrderV2Of<T>>) -> u64 {
			let mut levels = 0u64;
			Levels::<T>::translate::<LevelV2, _>(|_key, old| {
				levels.saturating_inc();
				let resting: Vec<_> = old
					.orders
					.iter()
					.filter_map(|id| {
						orders.get(id).filter(|o| o.remaining > 0).map(|o| RestingOrder {
							id: *id,
							owner: o.owner.clone(),
							remaining: o.remaining,
							expires_at: o.expires_at,
							referrer: o.referrer.clone(),
						})
					})
					.collect();
				(!resting.is_empty()).then(|| LevelOf::<T> {
					quantity: resting.iter().map(|o| u64::from(o.remaining)).sum(),
					orders: BoundedVec::truncate_from(resting),
				})
			});
			levels
		}

		/// The settlement queue's order ids, oldest first, its pages deleted.
		fn take_queued_ids() -> Vec<OrderId> {
			let (head, tail) = SettlementPages::<T>::get();
			let mut ids = Vec::new();
			let mut page = head;
			while page != tail {
				ids.extend(SettlementQueue::<T>::take(page));
				page = page.wrapping_add(1);
			}
			SettlementPages::<T>::put((head, head));
			ids
		}

		/// The entry order `id` (stored as `order`) waits in the queue for, if any.
		fn entry_of(id: OrderId, order: &OrderV2Of<T>) -> Option<SettlingOf<T>> {
			if order.filled > 0 {
				Some(Settling::Fill {
					order: id,
					buyer: order.owner.clone(),
					referrer: order.referrer.clone(),
					listing: order.listing,
					right: order.right,
					quantity: order.filled,
					value: order.filled_value,
					closes: order.remaining == 0,
				})
			} else if order.remaining == 0 {
				Some(Settling::Close {
					order: id,
					owner: order.owner.clone(),
					release: Zero::zero(),
				})
			} else {
				None
			}
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV2ToV3<T> {
		fn on_runtime_upgrade() -> Weight {
			let orders: BTreeMap<OrderId, OrderV2Of<T>> = Orders::<T>::drain().collect();
			let levels = Self::move_orders_into_levels(&orders);
			let queued = Self::take_queued_ids();
			let mut entries = Vec::new();
			let mut seen = alloc::collections::btree_set::BTreeSet::new();
			for id in queued.iter() {
				if let Some(entry) =
					orders.get(id).filter(|_| seen.insert(*id)).and_then(|o| Self::entry_of(*id, o))
				{
					entries.push(entry);
				}
			}
			for (id, order) in orders.iter() {
				OrderIndex::<T>::insert(
					id,
					OrderLocation {
						owner: order.owner.clone(),
						listing: order.listing,
						right: order.right,
						side: order.side,
						price: order.price,
						expires_at: order.expires_at,
					},
				);
			}
			let pages = (entries.len() as u64).saturating_add(1);
			if Pallet::<T>::enqueue_settlements(&entries).is_err() {
				frame_support::defensive!("v3: the settlement queue overflowed");
			}
			let n = orders.len() as u64;
			let reads = n.saturating_add(levels).saturating_add(queued.len() as u64);
			let writes = n.saturating_mul(2).saturating_add(levels).saturating_add(pages);
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let open: u64 = Orders::<T>::iter_values().map(|o| u64::from(o.remaining)).sum();
			Ok((Orders::<T>::iter_keys().count() as u64, open).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (count, open) =
				<(u64, u64)>::decode(&mut &state[..]).map_err(|_| "bad pre-upgrade state")?;
			ensure!(OrderIndex::<T>::iter_keys().count() as u64 == count, "an order was lost");
			let resting: u64 = Levels::<T>::iter_values().map(|l| l.quantity).sum();
			ensure!(resting == open, "open units were lost");
			Pallet::<T>::do_try_state()
		}
	}

	/// [`InnerMigrateV2ToV3`] run once, from storage version 2 to 3.
	pub type MigrateV2ToV3<T> = VersionedMigration<
		2,
		3,
		InnerMigrateV2ToV3<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
