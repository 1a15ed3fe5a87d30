//! The trade market (`pallet_allspark_market`).

#[cfg(feature = "runtime-benchmarks")]
use crate::AccountId;
use crate::{
	Balances, BlockNumber, Content, Runtime, RuntimeEvent, RuntimeHoldReason, Token, DAYS,
};
use frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// Orders, offers and requests stay open at most 30 days.
	pub const MaxOrderLifetime: BlockNumber = 30 * DAYS;
	/// One subscription unit runs 30 days.
	pub const SubscriptionPeriod: BlockNumber = 30 * DAYS;
	/// A bid in an English auction's last minute moves its end a minute past the bid.
	pub const AuctionExtension: BlockNumber = 10;
}

/// Runtime-specific setup for the market's and the evaluation's benchmarks: listings through the
/// content pallet, the service charge through the token pallet's storage.
#[cfg(feature = "runtime-benchmarks")]
pub struct ListingBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl allspark_primitives::BenchmarkHelper<AccountId> for ListingBenchmarkHelper {
	fn create_listing(owner: &AccountId, shares: u32) -> pallet_allspark_content::ListingId {
		use frame_support::traits::{fungible::Mutate, Get};
		use sp_runtime::Permill;
		let ask = crate::ASK;
		let _ = Balances::mint_into(owner, 1_000_000 * ask);
		let max = <Runtime as pallet_allspark_content::Config>::MaxCoCreators::get();
		let c = shares.min(max).max(1);
		let id = pallet_allspark_content::NextListingId::<Runtime>::get();
		let part = 1_000_000 / c;
		let shares = (0..c)
			.map(|i| {
				let who = if i == 0 {
					owner.clone()
				} else {
					// Each listing's own co-creators: a benchmark touching many listings
					// counts each one's accounts.
					frame_benchmarking::account::<AccountId>("co-creator", i, id as u32)
				};
				let ppm = if i == 0 { 1_000_000 - part * (c - 1) } else { part };
				(who, Permill::from_parts(ppm))
			})
			.collect();
		let mut hash = [0u8; 32];
		hash[..8].copy_from_slice(&id.to_le_bytes());
		Content::do_register(
			owner.clone(),
			hash,
			alloc::vec![b'm'; 64],
			pallet_allspark_content::Category::Audio,
			pallet_allspark_content::LicenceTerms {
				personal: true,
				commercial: true,
				republication: true,
				licence_duration: Some(DAYS),
				distributor_commission: Permill::from_percent(5),
			},
			shares,
		)
		.expect("a benchmark listing registers");
		id
	}

	fn score_listing(listing: pallet_allspark_content::ListingId) {
		pallet_allspark_evaluation::Scores::<Runtime>::mutate(listing, |record| {
			record.current = Some(pallet_allspark_evaluation::MAX_SCORE)
		});
	}

	fn configure_service_charge() {
		if pallet_allspark_token::Rates::<Runtime>::get().is_none() {
			pallet_allspark_token::Rates::<Runtime>::put(pallet_allspark_token::ChargeRates {
				trade_rate: sp_runtime::Permill::from_percent(2),
				min_charge: crate::MILLI_ASK,
				evaluation_fee: crate::ASK,
			});
		}
		if pallet_allspark_token::Split::<Runtime>::get().is_none() {
			pallet_allspark_token::Split::<Runtime>::put(pallet_allspark_token::ChargeSplit {
				burn: sp_runtime::Permill::from_percent(20),
				treasury: sp_runtime::Permill::from_percent(30),
				evaluation: sp_runtime::Permill::from_percent(50),
			});
		}
	}
}

impl pallet_allspark_market::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Content = Content;
	type ServiceCharge = Token;
	/// Trades count towards the evaluation pallet's era rewards.
	type OnTrade = crate::Evaluation;
	type FrozenBalance = crate::configs::monetary::FrozenBalances;
	/// 64 prices a side: the ladder is 1 KiB at most.
	type MaxPriceLevels = ConstU32<64>;
	/// 128 orders a price: a level is 1 KiB at most.
	type MaxOrdersPerLevel = ConstU32<128>;
	type MaxFillsPerCall = ConstU32<128>;
	/// Expired or stale orders one call removes while matching (each a visit of its level and a
	/// settlement-queue entry).
	type MaxRemovalsPerCall = ConstU32<16>;
	type MaxOrderLifetime = MaxOrderLifetime;
	/// 16 expiry entries a block, the queue's guaranteed pace: with the committed weights (an
	/// entry at the costliest kind's, an English auction settled, plus a copyright's transfer)
	/// about 120 ms, under a sixteenth of a block (the integrity test checks
	/// a quarter, `tests::hooks` all hooks together a sixth). `on_idle` drains a backlog in the
	/// spare weight; matching also removes the expired orders it meets.
	type MaxCleanupPerBlock = ConstU32<16>;
	/// Settlement-queue entries done in a block's spare weight (`on_idle`) or by one
	/// `settle_queue` call.
	type MaxSettlementsPerBlock = ConstU32<64>;
	type SubscriptionPeriod = SubscriptionPeriod;
	type AuctionExtension = AuctionExtension;
	type MaxProposalsPerRequest = ConstU32<32>;
	type MaxPageSize = ConstU32<100>;
	type WeightInfo = pallet_allspark_market::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ListingBenchmarkHelper;
}
