//! The evaluation pallet's types: parameters, rounds, commitments, scores, records and views.

use allspark_primitives::ListingId;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::*, BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;
use sp_runtime::Perbill;

/// A round's id.
pub type RoundId = u32;
/// A reward era's index.
pub type EraIndex = u32;
/// A quality score: 0 to [`MAX_SCORE`].
pub type Score = u8;
/// The highest score.
pub const MAX_SCORE: Score = 100;

pub use allspark_primitives::balance_string;

/// The governance-set parameters of evaluation rounds and reward eras.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Params<Balance, BlockNumber> {
	/// The least an evaluator stakes.
	pub min_stake: Balance,
	/// How many blocks the commit phase lasts, from the round's opening.
	pub commit_period: BlockNumber,
	/// How many blocks the reveal phase lasts, after the commit phase.
	pub reveal_period: BlockNumber,
	/// A revealed score at most this far from the round's score is coherent.
	pub tolerance: Score,
	/// The part of its stake an incoherent evaluator loses.
	pub incoherent_slash: Perbill,
	/// The part of its stake an evaluator that never revealed loses (at least the incoherent
	/// part).
	pub silent_slash: Perbill,
	/// The most a round draws from the evaluation-reward pot for its coherent evaluators.
	pub round_draw: Balance,
	/// The length of a reward era, in blocks.
	pub era_length: BlockNumber,
	/// The least score a listing needs when it trades for the trade to count towards era
	/// rewards.
	pub reward_threshold: Score,
	/// The part of the community-incentive pot one era pays out.
	pub era_payout: Perbill,
	/// The fewest distinct evaluators that must reveal for a round to set a score and pay
	/// rewards; with fewer, the revealers get their stakes back and nobody is rewarded.
	pub min_revealers: u32,
}

/// Why a set of parameters is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ParamsProblem {
	/// A phase or the era has no length.
	ZeroPeriod,
	/// The tolerance or threshold is above the highest score.
	ScoreAboveMax,
	/// Non-revealers would lose less than incoherent evaluators.
	SilentBelowIncoherent,
	/// The minimum stake is zero.
	ZeroMinStake,
	/// No reveal would be needed for a score.
	ZeroQuorum,
	/// The quorum needs more revealers than a round has room for.
	QuorumAboveRoom,
}

impl<Balance: sp_runtime::traits::Zero, BlockNumber: sp_runtime::traits::Zero>
	Params<Balance, BlockNumber>
{
	/// Check the parameters' consistency, for rounds of at most `max_evaluators` evaluators.
	pub fn check(&self, max_evaluators: u32) -> Result<(), ParamsProblem> {
		if self.commit_period.is_zero() || self.reveal_period.is_zero() || self.era_length.is_zero()
		{
			return Err(ParamsProblem::ZeroPeriod);
		}
		if self.tolerance > MAX_SCORE || self.reward_threshold > MAX_SCORE {
			return Err(ParamsProblem::ScoreAboveMax);
		}
		if self.silent_slash < self.incoherent_slash {
			return Err(ParamsProblem::SilentBelowIncoherent);
		}
		if self.min_stake.is_zero() {
			return Err(ParamsProblem::ZeroMinStake);
		}
		if self.min_revealers == 0 {
			return Err(ParamsProblem::ZeroQuorum);
		}
		if self.min_revealers > max_evaluators {
			return Err(ParamsProblem::QuorumAboveRoom);
		}
		Ok(())
	}
}

/// An open evaluation round.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Round<AccountId, Balance, BlockNumber> {
	/// The listing evaluated.
	pub listing: ListingId,
	/// Who opened it and paid the fee.
	pub opener: AccountId,
	/// The block it opened in.
	pub opened_at: BlockNumber,
	/// The first block of the reveal phase: commits are taken before it.
	pub commit_end: BlockNumber,
	/// The first block after the reveal phase: the round can be finalised from it on.
	pub reveal_end: BlockNumber,
	/// The block whose finalisation queue holds the round (`reveal_end` or a few blocks later
	/// when that block's queue was full).
	pub finalise_at: BlockNumber,
	/// The part of the fee that went to the evaluation-reward pot: the round's reward.
	pub fee_reward: Balance,
	/// How many evaluators committed.
	pub evaluators: u32,
	/// How many of them revealed.
	pub revealed: u32,
	/// The sum of their stakes (all held).
	pub total_stake: Balance,
	/// The part of the fee that went into the pots (the fee less its burned part): the most the
	/// round pays its coherent evaluators, so opening a round to reward oneself never pays.
	pub fee_to_pots: Balance,
}

/// The phase of a round at a block.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Phase {
	/// Evaluators commit.
	Commit,
	/// Evaluators reveal.
	Reveal,
	/// The reveal phase is over; the round waits for finalisation.
	Ended,
}

impl<AccountId, Balance, BlockNumber: PartialOrd> Round<AccountId, Balance, BlockNumber> {
	/// The round's phase at `now`.
	pub fn phase(&self, now: &BlockNumber) -> Phase {
		if *now < self.commit_end {
			Phase::Commit
		} else if *now < self.reveal_end {
			Phase::Reveal
		} else {
			Phase::Ended
		}
	}
}

/// An evaluator's commitment in a round.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Commitment<Balance> {
	/// `blake2_256((score, salt, evaluator).encode())`.
	pub hash: H256,
	/// The stake held for the round.
	pub stake: Balance,
	/// The revealed score, once revealed.
	pub revealed: Option<Score>,
}

/// How an evaluator came out of a finalised round.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
	/// Revealed a score within the tolerance of the round's score: stake back plus a reward.
	Coherent,
	/// Revealed a score outside the tolerance: loses part of the stake.
	Incoherent,
	/// Never revealed: loses a larger part of the stake.
	Silent,
	/// Revealed in a round with too few revealers to set a score ([`Params::min_revealers`]):
	/// stake back, no reward.
	Unscored,
}

/// One past score of a listing.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct ScoreEntry<BlockNumber> {
	/// The round that gave it.
	pub round: RoundId,
	/// The score.
	pub score: Score,
	/// The block the round was finalised in.
	pub finalised_at: BlockNumber,
	/// How many evaluators revealed.
	pub revealed: u32,
}

/// A listing's score and its recent history.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	DebugNoBound,
	DefaultNoBound,
)]
#[scale_info(skip_type_params(MaxHistory))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
pub struct ScoreRecord<BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug, MaxHistory: Get<u32>>
{
	/// The last finalised round's score.
	pub current: Option<Score>,
	/// How many rounds scored the listing, ever.
	pub rounds: u32,
	/// The most recent scores, oldest first (at most `MaxHistory`).
	pub history: BoundedVec<ScoreEntry<BlockNumber>, MaxHistory>,
}

/// An evaluator's public track record.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "Balance: alloc::string::ToString",
		deserialize = "Balance: core::str::FromStr"
	)
)]
pub struct EvaluatorRecord<Balance> {
	/// Rounds in which it was coherent.
	pub coherent: u32,
	/// Rounds in which it was incoherent.
	pub incoherent: u32,
	/// Rounds in which it never revealed.
	pub silent: u32,
	/// Rewards received, in total.
	#[serde(with = "balance_string")]
	pub rewarded: Balance,
	/// Stake lost, in total.
	#[serde(with = "balance_string")]
	pub slashed: Balance,
}

/// The current reward era.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct EraInfo<BlockNumber> {
	/// Its index.
	pub index: EraIndex,
	/// The block it started in.
	pub started_at: BlockNumber,
}

/// What an account is owed by an era: its weight (its part of score × service charge of the
/// trades credited to it) and its rebate cap (the most it can be paid: a part of those charges).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Default,
)]
pub struct Credit<Balance> {
	/// Its weight: its part of score × charge of the trades credited to it.
	pub weight: u128,
	/// The most it can be paid: [`crate::Config::RebateCap`] of the charges credited to it.
	pub cap: Balance,
}

/// An era being paid out.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Payout<Balance> {
	/// The era.
	pub era: EraIndex,
	/// What the era pays, in total, in proportion to each listing's weight.
	pub budget: Balance,
	/// The sum of the era's listing weights (score × service charge).
	pub total_weight: u128,
	/// What has been paid so far.
	pub paid: Balance,
}

/// A round as DApps see it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Serialize, Deserialize)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: Serialize, Balance: alloc::string::ToString, BlockNumber: Serialize",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr, BlockNumber: Deserialize<'de>"
	)
)]
pub struct RoundView<AccountId, Balance, BlockNumber> {
	/// The round's id.
	pub id: RoundId,
	/// The listing evaluated.
	pub listing: ListingId,
	/// Who opened it.
	pub opener: AccountId,
	/// Its phase now.
	pub phase: Phase,
	/// The block it opened in.
	pub opened_at: BlockNumber,
	/// The first block of the reveal phase.
	pub commit_end: BlockNumber,
	/// The first block after the reveal phase.
	pub reveal_end: BlockNumber,
	/// The fee's part that rewards the round's coherent evaluators.
	#[serde(with = "balance_string")]
	pub fee_reward: Balance,
	/// The sum of the evaluators' stakes.
	#[serde(with = "balance_string")]
	pub total_stake: Balance,
	/// The evaluators: who, their stake, and the score once revealed (hidden before).
	pub participants: alloc::vec::Vec<ParticipantView<AccountId, Balance>>,
}

/// An evaluator in an open round.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Serialize, Deserialize)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: Serialize, Balance: alloc::string::ToString",
		deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr"
	)
)]
pub struct ParticipantView<AccountId, Balance> {
	/// The evaluator.
	pub evaluator: AccountId,
	/// Its stake.
	#[serde(with = "balance_string")]
	pub stake: Balance,
	/// Whether it revealed.
	pub revealed: bool,
	/// The revealed score.
	pub score: Option<Score>,
}

/// A listing's score as DApps see it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Serialize, Deserialize)]
#[serde(
	rename_all = "camelCase",
	bound(serialize = "BlockNumber: Serialize", deserialize = "BlockNumber: Deserialize<'de>")
)]
pub struct ScoreView<BlockNumber> {
	/// The listing.
	pub listing: ListingId,
	/// The last finalised round's score, `None` when never scored.
	pub current: Option<Score>,
	/// How many rounds scored it.
	pub rounds: u32,
	/// The recent scores, oldest first.
	pub history: alloc::vec::Vec<ScoreEntry<BlockNumber>>,
	/// The round open on it now.
	pub open_round: Option<RoundId>,
}

/// The reward era as DApps see it, and what a listing may expect from it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Serialize, Deserialize)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "Balance: alloc::string::ToString, BlockNumber: Serialize",
		deserialize = "Balance: core::str::FromStr, BlockNumber: Deserialize<'de>"
	)
)]
pub struct EraRewardsView<Balance, BlockNumber> {
	/// The current era.
	pub era: EraIndex,
	/// The block it started in.
	pub started_at: BlockNumber,
	/// The block it ends at.
	pub ends_at: BlockNumber,
	/// What the era would pay at its end if the pot stayed as it is now.
	#[serde(with = "balance_string")]
	pub budget: Balance,
	/// The sum of the era's listing weights so far (score × service charge), as a decimal string.
	#[serde(with = "balance_string")]
	pub total_weight: u128,
	/// The listing asked about, with its weight and its share of the budget so far.
	pub listing: Option<ListingRewardView<Balance>>,
	/// An earlier era still being paid out.
	pub paying_era: Option<EraIndex>,
}

/// A listing's pending era reward.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Serialize, Deserialize)]
#[serde(
	rename_all = "camelCase",
	bound(
		serialize = "Balance: alloc::string::ToString",
		deserialize = "Balance: core::str::FromStr"
	)
)]
pub struct ListingRewardView<Balance> {
	/// The listing.
	pub listing: ListingId,
	/// Its weight this era (score × service charge), as a decimal string.
	#[serde(with = "balance_string")]
	pub weight: u128,
	/// Its share of the budget if the era ended now, before each holder's rebate cap.
	#[serde(with = "balance_string")]
	pub pending: Balance,
}
