//! The incentive layer under attack: each test plays an attacker with several accounts against
//! the real runtime built from the **production** preset (its evaluation parameters, charge
//! rates and split, pots and vesting), and asserts that the attack is refused with a named error
//! or that the attacker's accounts together end with no more than they started with. Transaction
//! fees are left out (calls are dispatched directly), which only flatters the attacker.
//!
//! Time jumps: the production phases last a day and eras a week, so the tests set the block
//! number and run the AllSpark hooks at the blocks that matter rather than every block.

mod auction_backout;
mod bond_games;
mod book_squatting;
mod expiry_stall;
mod front_running;
mod purge_keys;
mod referendum_spam;
mod round_capture;
mod simulation;
mod slash_escape;
mod stale_sales;
mod unwanted_gift;
mod vesting_bypass;
mod vesting_fees;
mod wash_trading;

use super::{
	bond_held, report_equivocation, storage_of_preset, EquivocationReport, ONE_OF_FOUR_SLASH,
};
use crate::{
	genesis_config_presets::{plan_account, PRODUCTION_RUNTIME_PRESET},
	AccountId, Balance, Balances, BlockNumber, Evaluation, Market, Runtime, RuntimeCall,
	RuntimeOrigin, System, ASK,
};
use allspark_primitives::{Category, LicenceTerms, ListingId};
use frame_support::{
	dispatch::DispatchResultWithPostInfo,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
		Hooks,
	},
	weights::Weight,
};
use pallet_allspark_evaluation::{RoundId, Score};
use pallet_allspark_market::{LicenceKind, PricingMode, Right, Side};
use sp_runtime::{traits::Dispatchable, Permill};

/// The block the attack tests start at: past the production claim delay, so that a claim can
/// be as old as registering needs without moving time.
pub(super) const START: BlockNumber = 1 + crate::genesis_config_presets::PRODUCTION_CLAIM_DELAY;

/// The production chain at block [`START`], with its evaluation parameters in force.
pub(super) fn production() -> sp_io::TestExternalities {
	let mut ext = storage_of_preset(PRODUCTION_RUNTIME_PRESET);
	ext.execute_with(|| System::set_block_number(START));
	ext
}

/// A keyless account for a role in an attack (`attack/<role>/<n>`).
pub(super) fn actor(role: &str, n: u32) -> AccountId {
	plan_account(&format!("attack/{role}"), n)
}

/// Give `who` `amount` out of the sale accounts (buyers on the public sale), the first ones first.
pub(super) fn fund(who: &AccountId, amount: Balance) {
	let mut left = amount;
	for i in 0..crate::genesis_config_presets::SALE_ACCOUNTS {
		let seller = plan_account("sale", i);
		let part = left.min(Balances::free_balance(&seller).saturating_sub(A));
		if part > 0 {
			<Balances as Mutate<_>>::transfer(&seller, who, part, Preservation::Preserve)
				.expect("the sale account has it");
			left -= part;
		}
	}
	assert_eq!(left, 0, "the sale accounts hold 40 % of the supply");
}

/// Everything `accounts` own together: free and held.
pub(super) fn wealth(accounts: &[AccountId]) -> Balance {
	accounts.iter().map(<Balances as Inspect<_>>::total_balance).sum()
}

/// Dispatch `call` signed by `who`.
pub(super) fn signed(who: &AccountId, call: impl Into<RuntimeCall>) -> DispatchResultWithPostInfo {
	call.into().dispatch(RuntimeOrigin::signed(who.clone()))
}

/// The call registering content `n`, a text selling personal licences with a 10 % distributor
/// commission, with no co-creators.
pub(super) fn register_call(n: u8) -> pallet_allspark_content::Call<Runtime> {
	pallet_allspark_content::Call::register {
		content_hash: [n; 32],
		metadata: b"ipfs://attack".to_vec(),
		category: Category::Text,
		terms: LicenceTerms {
			personal: true,
			commercial: false,
			republication: false,
			licence_duration: None,
			distributor_commission: Permill::from_percent(10),
		},
		shares: vec![],
	}
}

/// Give `owner` a claim on content `n` as old as registering needs (the claim call's own path
/// is attack 9's test).
pub(super) fn matured_claim(owner: &AccountId, n: u8) {
	let now = System::block_number();
	let delay = pallet_allspark_content::ClaimDelay::<Runtime>::get();
	assert!(now >= delay, "the tests start past the claim delay");
	let claim = pallet_allspark_content::ContentClaim {
		commitment: crate::Content::claim_commitment(&[n; 32], owner),
		claimed_at: now - delay,
	};
	pallet_allspark_content::Claims::<Runtime>::mutate(owner, |claims| {
		claims.try_push(claim).expect("room for a claim")
	});
}

/// Register content `n` by `owner` ([`register_call`]) on a matured claim; returns the listing.
pub(super) fn register(owner: &AccountId, n: u8) -> ListingId {
	let id = pallet_allspark_content::NextListingId::<Runtime>::get();
	matured_claim(owner, n);
	signed(owner, register_call(n)).expect("registered");
	id
}

/// The call placing a limit order for `quantity` personal licences of `listing` at `price`,
/// with the default expiry.
pub(super) fn order_call(
	listing: ListingId,
	side: Side,
	price: Balance,
	quantity: u32,
) -> pallet_allspark_market::Call<Runtime> {
	pallet_allspark_market::Call::place_order {
		listing,
		right: Right::Licence(LicenceKind::Personal),
		side,
		price,
		quantity,
		expires_at: None,
		fill_or_kill: false,
		referrer: None,
	}
}

/// Jump to block `n` and run the AllSpark hooks there (expiries, finalisations, eras and the
/// market's lazy settlements).
pub(super) fn jump_to(n: BlockNumber) {
	System::set_block_number(n);
	<Market as Hooks<BlockNumber>>::on_initialize(n);
	<Evaluation as Hooks<BlockNumber>>::on_initialize(n);
	<Market as Hooks<BlockNumber>>::on_idle(n, Weight::MAX);
}

/// `seller` auctions `right` of `listing`: reserve 100 ASK, ending in 100 blocks.
pub(super) fn auction(seller: &AccountId, listing: ListingId, right: Right) -> u64 {
	let id = pallet_allspark_market::NextOfferId::<Runtime>::get();
	let end = System::block_number() + 100;
	signed(
		seller,
		pallet_allspark_market::Call::create_offer {
			listing,
			right,
			mode: PricingMode::English { reserve: 100 * A, min_increment: A, end },
			quantity: 1,
			expires_at: None,
		},
	)
	.expect("auctioned");
	id
}

/// `who` bids `amount` on offer `offer`.
pub(super) fn bid(who: &AccountId, offer: u64, amount: Balance) -> DispatchResultWithPostInfo {
	signed(who, pallet_allspark_market::Call::bid { offer, amount, referrer: None })
}

/// The auction's end.
pub(super) fn end_of(offer: u64) -> BlockNumber {
	pallet_allspark_market::Offers::<Runtime>::get(offer).expect("open").expires_at
}

/// The salt `who` uses for its commitment.
pub(super) fn salt_of(who: &AccountId) -> [u8; 32] {
	sp_io::hashing::blake2_256(&codec::Encode::encode(who))
}

/// Open a round on `listing`, paid by `opener`; returns its id.
pub(super) fn open_round(opener: &AccountId, listing: ListingId) -> RoundId {
	let id = pallet_allspark_evaluation::NextRoundId::<Runtime>::get();
	signed(opener, pallet_allspark_evaluation::Call::open_round { listing }).expect("opened");
	id
}

/// `who` commits to `score` with `stake`.
pub(super) fn commit(
	who: &AccountId,
	round: RoundId,
	score: Score,
	stake: Balance,
) -> DispatchResultWithPostInfo {
	let commitment = Evaluation::commitment_of(score, &salt_of(who), who);
	signed(who, pallet_allspark_evaluation::Call::commit { round, commitment, stake })
}

/// `who` reveals `score`.
pub(super) fn reveal(who: &AccountId, round: RoundId, score: Score) {
	signed(who, pallet_allspark_evaluation::Call::reveal { round, score, salt: salt_of(who) })
		.expect("revealed");
}

/// Each of `evaluators` commits to `score` with `stake` in round `round`.
pub(super) fn commit_all(round: RoundId, evaluators: &[AccountId], score: Score, stake: Balance) {
	for who in evaluators {
		commit(who, round, score, stake).expect("committed");
	}
}

/// The votes of `evaluators`, all for `score`.
pub(super) fn votes(evaluators: &[AccountId], score: Score) -> Vec<(AccountId, Score)> {
	evaluators.iter().map(|who| (who.clone(), score)).collect()
}

/// A round on `listing` opened by `opener`, in which `evaluators` stake `stake` each on `score`
/// and reveal it, run to its end; returns its id.
pub(super) fn puppet_round(
	opener: &AccountId,
	listing: ListingId,
	evaluators: &[AccountId],
	score: Score,
	stake: Balance,
) -> RoundId {
	let round = open_round(opener, listing);
	commit_all(round, evaluators, score, stake);
	finish_round(round, &votes(evaluators, score));
	round
}

/// Run round `round` to its end: jump to its reveal phase, reveal `votes`, jump past its end.
pub(super) fn finish_round(round: RoundId, votes: &[(AccountId, Score)]) {
	let r = pallet_allspark_evaluation::Rounds::<Runtime>::get(round).expect("open");
	jump_to(r.commit_end);
	for (who, score) in votes {
		reveal(who, round, *score);
	}
	jump_to(r.reveal_end);
	finalise(round);
}

/// Finalise `round` (its reveal phase over) unless the hook already did.
pub(super) fn finalise(round: RoundId) {
	if pallet_allspark_evaluation::Rounds::<Runtime>::contains_key(round) {
		signed(&actor("anyone", 0), pallet_allspark_evaluation::Call::finalise_round { round })
			.expect("finalised");
	}
}

/// `seller` sells `buyer` `quantity` personal licences of `listing` at `price` each, through
/// the order book, settled at once.
pub(super) fn trade(
	seller: &AccountId,
	buyer: &AccountId,
	listing: ListingId,
	price: Balance,
	quantity: u32,
) {
	signed(seller, order_call(listing, Side::Sell, price, quantity)).expect("placed");
	signed(buyer, order_call(listing, Side::Buy, price, quantity)).expect("placed");
	let now = System::block_number();
	<Market as Hooks<BlockNumber>>::on_idle(now, Weight::MAX);
}

/// One ASK's worth of anything.
pub(super) const A: Balance = ASK;

/// Dave's equivocation in round 1 of the current set: two prevotes, as a second node run on his
/// keys produces, proved against the current session.
pub(super) fn daves_equivocation() -> EquivocationReport {
	super::grandpa_equivocation(sp_keyring::Ed25519Keyring::Dave)
}

/// The session at which `who`'s unbonding bond unlocks, if it is unbonding.
pub(super) fn unlocks_at(who: &AccountId) -> Option<u32> {
	pallet_allspark_validators::Bonds::<Runtime>::get(who).and_then(|b| b.unlocks_at)
}

/// The validators pallet's `bond`.
pub(super) fn bond_call() -> pallet_allspark_validators::Call<Runtime> {
	pallet_allspark_validators::Call::<Runtime>::bond {}
}

/// The validators pallet's `unbond`.
pub(super) fn unbond_call() -> pallet_allspark_validators::Call<Runtime> {
	pallet_allspark_validators::Call::<Runtime>::unbond {}
}

/// The validators pallet's `withdraw_bond`.
pub(super) fn withdraw_call() -> pallet_allspark_validators::Call<Runtime> {
	pallet_allspark_validators::Call::<Runtime>::withdraw_bond {}
}

/// Governance (the validator_admin track) removes `who` from the validator set, the minimum
/// lowered to three as after a fifth validator joined (the production minimum of four would
/// refuse it). A set without `who` is active two sessions later ([`rotate_sessions`]).
pub(super) fn remove_validator(who: &AccountId) {
	pallet_allspark_validators::MinValidators::<Runtime>::put(3);
	crate::Validators::remove_validator(
		crate::governance::origins::Origin::ValidatorAdmin.into(),
		who.clone(),
	)
	.expect("the validator_admin track removes a validator");
}

/// Start `n` new sessions.
pub(super) fn rotate_sessions(n: u32) {
	for _ in 0..n {
		crate::Session::rotate_session();
	}
}

/// The current session's index.
pub(super) fn session() -> u32 {
	pallet_session::CurrentIndex::<Runtime>::get()
}
