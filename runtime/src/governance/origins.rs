//! The governance origins (`pallet_governance_origins`, in the runtime as `Origins`): one origin
//! per kind of privileged decision, each the origin of a referendum track
//! ([`super::tracks`]), and the timing of those tracks, set at genesis.
//!
//! A referendum on a track dispatches its call with that track's origin; the AllSpark pallets
//! accept the origin of their kind of decision (content moderation, economic parameters, the
//! validator set, treasury spends), and root everywhere.

pub use pallet_governance_origins::*;

#[frame_support::pallet]
pub mod pallet_governance_origins {
	use frame_support::{pallet_prelude::*, traits::OriginTrait};

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The governance origins, each dispatched by the referendum track of the same name.
	#[derive(
		PartialEq,
		Eq,
		Clone,
		Copy,
		MaxEncodedLen,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// Dispatches a call the technical committee whitelisted, as root.
		#[codec(index = 0)]
		WhitelistedCaller,
		/// Cancels an ongoing referendum, its deposits refunded.
		#[codec(index = 1)]
		ReferendumCanceller,
		/// Kills an ongoing referendum, its deposits slashed.
		#[codec(index = 2)]
		ReferendumKiller,
		/// Adds and removes validators.
		#[codec(index = 3)]
		ValidatorAdmin,
		/// Suspends, reinstates and removes infringing content.
		#[codec(index = 4)]
		ContentModerator,
		/// Sets the service charge, its split, the author reward, the evaluation parameters and
		/// the runtime parameters.
		#[codec(index = 5)]
		EconomicAdmin,
		/// Spends from the treasury, up to [`TREASURER_MAX_SPEND`](crate::governance::TREASURER_MAX_SPEND) at once.
		#[codec(index = 6)]
		Treasurer,
	}

	/// The timing of the referendum tracks.
	#[derive(
		PartialEq,
		Eq,
		Clone,
		Copy,
		Default,
		MaxEncodedLen,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		Debug,
		frame_support::Serialize,
		frame_support::Deserialize,
	)]
	#[serde(crate = "frame_support::__private::serde")]
	pub enum TrackTiming {
		/// The production periods: hours to weeks (docs/governance.md).
		#[default]
		Production,
		/// Periods of a few blocks, for development and test networks: a referendum passes
		/// in about a minute.
		Fast,
	}

	/// The timing of the referendum tracks: set at genesis, never changed after.
	#[pallet::storage]
	pub type Timing<T> = StorageValue<_, TrackTiming, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The timing of the referendum tracks.
		pub timing: TrackTiming,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Timing::<T>::put(self.timing);
		}
	}

	/// Succeeds for the governance origin `O::get()` only.
	pub struct EnsureGovernance<O>(PhantomData<O>);

	impl<RO, O> EnsureOrigin<RO> for EnsureGovernance<O>
	where
		RO: OriginTrait + From<Origin>,
		for<'a> &'a RO::PalletsOrigin: TryInto<&'a Origin>,
		O: Get<Origin>,
	{
		type Success = ();

		fn try_origin(o: RO) -> Result<(), RO> {
			let matches = matches!(o.caller().try_into(), Ok(origin) if *origin == O::get());
			if matches {
				Ok(())
			} else {
				Err(o)
			}
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn try_successful_origin() -> Result<RO, ()> {
			Ok(RO::from(O::get()))
		}
	}
}
