//! The referendum tracks: which origin each track dispatches with, how much must be deposited to
//! decide it, how long each phase lasts and how much approval and support a referendum needs as
//! its decision period runs. The table and its reasons are in docs/governance.md.
//!
//! The periods are the production ones unless the chain's genesis sets
//! [`TrackTiming::Fast`](super::origins::TrackTiming) (the dev and local presets): then every
//! track prepares for 2 blocks, decides within 50, confirms for 2 and enacts after 1, so the e2e
//! suite runs referenda in about a minute. The curves are fractions of the decision period, so
//! they scale with it. A chain's timing is fixed at genesis (no call changes it).

use super::origins::{Origin, Timing, TrackTiming};
use crate::{Balance, BlockNumber, OriginCaller, Runtime, ASK, DAYS, HOURS, MINUTES};
use alloc::borrow::Cow;
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::{str_array as name, FixedI64};

/// `x` per cent.
const fn percent(x: i32) -> FixedI64 {
	FixedI64::from_rational(x as u128, 100)
}

/// Root: approval from 100 % down to 50 %, 80 % at 30 % of the decision period.
const APPROVAL_ROOT: Curve =
	Curve::make_reciprocal(30, 100, percent(80), percent(50), percent(100));
/// Root: support from 50 % down to 0 over the decision period.
const SUPPORT_ROOT: Curve = Curve::make_linear(100, 100, percent(0), percent(50));
/// A whitelisted call (the committee vouched for it): near-unanimous approval, little support.
const APPROVAL_WHITELISTED: Curve =
	Curve::make_reciprocal(5, 100, percent(96), percent(50), percent(100));
/// A whitelisted call: support from 50 % down to 5 %, 20 % at 5 % of the period.
const SUPPORT_WHITELISTED: Curve =
	Curve::make_reciprocal(5, 100, percent(20), percent(5), percent(50));
/// Administration (validators, economics, the treasury, referendum cancelling): approval from
/// 100 % to 50 %, 80 % at 15 % of the period.
const APPROVAL_ADMIN: Curve =
	Curve::make_reciprocal(15, 100, percent(80), percent(50), percent(100));
/// Administration: support from 50 % down to 0, 10 % at a quarter of the period.
const SUPPORT_ADMIN: Curve = Curve::make_reciprocal(25, 100, percent(10), percent(0), percent(50));
/// Content moderation: approval from 100 % down to 50 % over the period.
const APPROVAL_MODERATION: Curve = Curve::make_linear(100, 100, percent(50), percent(100));
/// Content moderation: support from 25 % down to 0, 5 % at 5 % of the period: a takedown
/// needs few voters, fast.
const SUPPORT_MODERATION: Curve =
	Curve::make_reciprocal(5, 100, percent(5), percent(0), percent(25));

/// A track's production figures, before [`TrackTiming`] applies.
const fn track(
	id: u16,
	track_name: &str,
	max_deciding: u32,
	decision_deposit: Balance,
	periods: [BlockNumber; 4],
	curves: (Curve, Curve),
) -> Track<u16, Balance, BlockNumber> {
	let [prepare_period, decision_period, confirm_period, min_enactment_period] = periods;
	Track {
		id,
		info: TrackInfo {
			name: name(track_name),
			max_deciding,
			decision_deposit,
			prepare_period,
			decision_period,
			confirm_period,
			min_enactment_period,
			min_approval: curves.0,
			min_support: curves.1,
		},
	}
}

/// The tracks at production timing, sorted by id. Periods: prepare, decide, confirm, enact.
static TRACKS: [Track<u16, Balance, BlockNumber>; 8] = [
	track(
		0,
		"root",
		1,
		100_000 * ASK,
		[2 * HOURS, 14 * DAYS, DAYS, DAYS],
		(APPROVAL_ROOT, SUPPORT_ROOT),
	),
	track(
		1,
		"whitelisted_caller",
		10,
		10_000 * ASK,
		[30 * MINUTES, 14 * DAYS, 10 * MINUTES, 10 * MINUTES],
		(APPROVAL_WHITELISTED, SUPPORT_WHITELISTED),
	),
	track(
		2,
		"referendum_canceller",
		10,
		10_000 * ASK,
		[2 * HOURS, 7 * DAYS, 3 * HOURS, 10 * MINUTES],
		(APPROVAL_ADMIN, SUPPORT_ADMIN),
	),
	track(
		3,
		"referendum_killer",
		10,
		50_000 * ASK,
		[2 * HOURS, 14 * DAYS, 3 * HOURS, 10 * MINUTES],
		(APPROVAL_ROOT, SUPPORT_ADMIN),
	),
	track(
		10,
		"validator_admin",
		10,
		10_000 * ASK,
		[2 * HOURS, 14 * DAYS, 3 * HOURS, 10 * MINUTES],
		(APPROVAL_ADMIN, SUPPORT_ADMIN),
	),
	track(
		11,
		"content_moderator",
		50,
		1_000 * ASK,
		[10 * MINUTES, 3 * DAYS, HOURS, MINUTES],
		(APPROVAL_MODERATION, SUPPORT_MODERATION),
	),
	track(
		12,
		"economic_admin",
		10,
		10_000 * ASK,
		[2 * HOURS, 14 * DAYS, DAYS, DAYS],
		(APPROVAL_ADMIN, SUPPORT_ADMIN),
	),
	track(
		13,
		"treasurer",
		10,
		10_000 * ASK,
		[2 * HOURS, 14 * DAYS, DAYS, DAYS],
		(APPROVAL_ADMIN, SUPPORT_ADMIN),
	),
];

/// The periods of every track under [`TrackTiming::Fast`]: prepare, decide, confirm, enact.
pub const FAST_PERIODS: [BlockNumber; 4] = [2, 50, 2, 1];

/// The tracks of [`pallet_referenda`], at the chain's [`TrackTiming`].
pub struct TracksInfo;

impl pallet_referenda::TracksInfo<Balance, BlockNumber> for TracksInfo {
	type Id = u16;
	type RuntimeOrigin = OriginCaller;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<u16, Balance, BlockNumber>>> {
		let fast = Timing::<Runtime>::get() == TrackTiming::Fast;
		TRACKS.iter().map(move |track| {
			if !fast {
				return Cow::Borrowed(track);
			}
			let mut track = track.clone();
			let [prepare, decide, confirm, enact] = FAST_PERIODS;
			track.info.prepare_period = prepare;
			track.info.decision_period = decide;
			track.info.confirm_period = confirm;
			track.info.min_enactment_period = enact;
			Cow::Owned(track)
		})
	}

	fn track_for(origin: &OriginCaller) -> Result<u16, ()> {
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(0),
			OriginCaller::Origins(origin) => Ok(match origin {
				Origin::WhitelistedCaller => 1,
				Origin::ReferendumCanceller => 2,
				Origin::ReferendumKiller => 3,
				Origin::ValidatorAdmin => 10,
				Origin::ContentModerator => 11,
				Origin::EconomicAdmin => 12,
				Origin::Treasurer => 13,
			}),
			_ => Err(()),
		}
	}
}
