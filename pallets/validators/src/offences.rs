//! Offences: a reported GRANDPA equivocation (through `pallet_offences`) slashes the offender's
//! bond by the offence's fraction into the treasury and removes it from the planned set; and
//! the historical session manager the equivocation proofs are checked against.

use crate::{Config, Event, Pallet, PendingChange, PlannedSet};
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_support::weights::Weight;
use sp_runtime::Perbill;
use sp_staking::{
	offence::{OffenceDetails, OnOffenceHandler},
	SessionIndex,
};

impl<T> OnOffenceHandler<T::AccountId, pallet_session::historical::IdentificationTuple<T>, Weight>
	for Pallet<T>
where
	T: Config + pallet_session::historical::Config,
{
	fn on_offence(
		offenders: &[OffenceDetails<
			T::AccountId,
			pallet_session::historical::IdentificationTuple<T>,
		>],
		slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		let mut handled: u64 = 0;
		for (details, fraction) in offenders.iter().zip(slash_fraction) {
			let who = &details.offender.0;
			handled = handled.saturating_add(1);
			if let Some(bond) = crate::bonds::bond_of::<T>(who) {
				let taken = Self::slash_bond(who, *fraction * bond.amount);
				Self::deposit_event(Event::Slashed { who: who.clone(), amount: taken, session });
			}
			Self::remove_offender(who);
		}
		// Per offender: the bond, the hold and both accounts, the planned set.
		T::DbWeight::get().reads_writes(5, 5).saturating_mul(handled)
	}
}

impl<T: Config> Pallet<T> {
	/// Take an offender out of the planned set, unless it is the last validator (a chain with
	/// no validator stops for good; governance replaces it instead).
	fn remove_offender(who: &T::AccountId) {
		let mut set = PlannedSet::<T>::get();
		let Some(at) = set.iter().position(|v| v == who) else { return };
		if set.len() <= 1 {
			return;
		}
		set.remove(at);
		PlannedSet::<T>::put(set);
		PendingChange::<T>::put(true);
		Self::deposit_event(Event::OffenderRemoved { who: who.clone() });
	}
}

/// The session manager `pallet_session::historical::NoteHistoricalRoot` wraps: the same sets,
/// with no identification beyond the account (a bond changes; a proof must not).
impl<T> pallet_session::historical::SessionManager<T::AccountId, ()> for Pallet<T>
where
	T: Config + pallet_session::historical::Config<FullIdentification = ()>,
{
	fn new_session(new_index: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
		<Self as pallet_session::SessionManager<T::AccountId>>::new_session(new_index)
			.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}

	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
		<Self as pallet_session::SessionManager<T::AccountId>>::new_session_genesis(new_index)
			.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}

	fn start_session(_start_index: SessionIndex) {}

	/// Keep the historical roots an equivocation may still be proved against: the last
	/// [`Config::BondingDelay`] sessions (a bond outlives them).
	fn end_session(end_index: SessionIndex) {
		let keep_from = end_index.saturating_sub(T::BondingDelay::get());
		pallet_session::historical::Pallet::<T>::prune_up_to(keep_from);
	}
}
