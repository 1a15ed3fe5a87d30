//! Storage migrations.

/// Version 2: a round records the part of its fee that went into the pots (`fee_to_pots`), the
/// most it pays its evaluators; the parameters gain the reveal quorum (`min_revealers`).
pub mod v2 {
	use crate::{BalanceOf, Config, Pallet, Parameters, Params, Round, RoundId, Rounds};
	use sp_runtime::Perbill;

	/// The quorum given to parameters set before version 2.
	pub const MIN_REVEALERS: u32 = 3;

	/// The parameters as version 1 stored them.
	#[derive(Encode, Decode)]
	pub struct ParamsV1<Balance, BlockNumber> {
		/// The least stake.
		pub min_stake: Balance,
		/// The commit phase's length.
		pub commit_period: BlockNumber,
		/// The reveal phase's length.
		pub reveal_period: BlockNumber,
		/// The coherence tolerance.
		pub tolerance: crate::Score,
		/// The incoherent evaluators' slash.
		pub incoherent_slash: Perbill,
		/// The silent evaluators' slash.
		pub silent_slash: Perbill,
		/// The round draw.
		pub round_draw: Balance,
		/// The era's length.
		pub era_length: BlockNumber,
		/// The era rewards' score threshold.
		pub reward_threshold: crate::Score,
		/// The era's part of the pot.
		pub era_payout: Perbill,
	}
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// A round as version 1 stored it.
	#[derive(Encode, Decode)]
	pub struct RoundV1<AccountId, Balance, BlockNumber> {
		/// The listing evaluated.
		pub listing: allspark_primitives::ListingId,
		/// Who opened it.
		pub opener: AccountId,
		/// The block it opened in.
		pub opened_at: BlockNumber,
		/// The first block of the reveal phase.
		pub commit_end: BlockNumber,
		/// The first block after the reveal phase.
		pub reveal_end: BlockNumber,
		/// The block whose finalisation queue holds it.
		pub finalise_at: BlockNumber,
		/// The fee's part in the evaluation-reward pot.
		pub fee_reward: Balance,
		/// Evaluators committed.
		pub evaluators: u32,
		/// Evaluators revealed.
		pub revealed: u32,
		/// Their stakes.
		pub total_stake: Balance,
	}

	/// Rewrites every open round: `fee_to_pots` becomes its `fee_reward` (what version 1 knew
	/// went into the evaluation-reward pot), so a round opened before the upgrade pays at most
	/// that; the parameters get a quorum of [`MIN_REVEALERS`].
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut count = 0u64;
			Rounds::<T>::translate::<RoundV1<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>, _>(
				|_id: RoundId, old| {
					count = count.saturating_add(1);
					Some(Round {
						listing: old.listing,
						opener: old.opener,
						opened_at: old.opened_at,
						commit_end: old.commit_end,
						reveal_end: old.reveal_end,
						finalise_at: old.finalise_at,
						fee_reward: old.fee_reward,
						evaluators: old.evaluators,
						revealed: old.revealed,
						total_stake: old.total_stake,
						fee_to_pots: old.fee_reward,
					})
				},
			);
			let _ =
				Parameters::<T>::translate::<ParamsV1<BalanceOf<T>, BlockNumberFor<T>>, _>(|old| {
					old.map(|old| Params {
						min_stake: old.min_stake,
						commit_period: old.commit_period,
						reveal_period: old.reveal_period,
						tolerance: old.tolerance,
						incoherent_slash: old.incoherent_slash,
						silent_slash: old.silent_slash,
						round_draw: old.round_draw,
						era_length: old.era_length,
						reward_threshold: old.reward_threshold,
						era_payout: old.era_payout,
						min_revealers: MIN_REVEALERS,
					})
				});
			T::DbWeight::get().reads_writes(count.saturating_add(1), count.saturating_add(1))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((Rounds::<T>::iter_keys().count() as u32).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u32::decode(&mut &state[..]).map_err(|_| "bad pre-upgrade state")?;
			let after = Rounds::<T>::iter().count() as u32;
			ensure!(before == after, "a round was lost in the migration");
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
