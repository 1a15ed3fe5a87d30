//! Era rewards: trade weights, credits to holders and distributors, the rebate cap, bounded
//! payouts per block.

use super::*;
use pallet_allspark_content::{OnTrade, TradeReport};
use sp_runtime::Permill;

/// Score each listing through a one-evaluator round, all rounds at once.
fn score_listings(scores: &[(ListingId, Score, AccountId)]) {
	let now = System::block_number();
	let rounds: Vec<_> = scores
		.iter()
		.map(|(l, score, evaluator)| {
			let r = open(*l);
			commit(r, *evaluator, *score, MIN_STAKE);
			r
		})
		.collect();
	run_to_block(now + COMMIT);
	for ((_, score, evaluator), r) in scores.iter().zip(rounds) {
		reveal(r, *evaluator, *score);
	}
	run_to_block(now + COMMIT + REVEAL + 5);
	for (l, score, _) in scores {
		assert_eq!(Scores::<Test>::get(l).current, Some(*score));
	}
}

/// Report a trade of `listing` for `value` that paid `charge`, referred by `distributor` (with
/// its commission), as the market does.
fn trade(
	listing: ListingId,
	value: Balance,
	charge: Balance,
	distributor: Option<(AccountId, Balance)>,
) {
	Evaluation::on_trade(TradeReport { listing, value, charge, distributor });
}

/// The budget of the era whose payout started.
fn started_budget() -> Balance {
	evaluation_events()
		.iter()
		.find_map(|e| match e {
			Event::EraPayoutStarted { budget, .. } => Some(*budget),
			_ => None,
		})
		.expect("a payout started")
}

#[test]
fn eras_pay_share_holders_of_well_scored_traded_listings_by_score_and_charge() {
	ExtBuilder::default().build_and_execute(|| {
		let good = register_with(ALICE, 1, vec![]);
		let shared = register_with(
			BOB,
			2,
			vec![(BOB, Permill::from_percent(70)), (EVE, Permill::from_percent(30))],
		);
		let weak = register_with(CHARLIE, 3, vec![]);
		let unscored = register_with(DAVE, 4, vec![]);
		score_listings(&[(good, 80, 20), (shared, 70, 21), (weak, 50, 22)]);
		assert!(System::block_number() < ERA);

		trade(good, 100_000, 2_000, None);
		trade(shared, 200_000, 4_000, None);
		trade(weak, 500_000, 10_000, None);
		trade(unscored, 500_000, 10_000, None);
		assert_eq!(EraWeights::<Test>::get(0, good), 160_000);
		assert_eq!(EraWeights::<Test>::get(0, shared), 280_000);
		assert_eq!(EraWeights::<Test>::get(0, weak), 0);
		assert_eq!(EraTotals::<Test>::get(0), 440_000);
		// Credited at once to the holders of the moment, each with half its part of the charge
		// as its cap.
		assert_eq!(EraCredits::<Test>::get(0, ALICE), Credit { weight: 160_000, cap: 1_000 });
		assert_eq!(EraCredits::<Test>::get(0, BOB), Credit { weight: 196_000, cap: 1_400 });
		assert_eq!(EraCredits::<Test>::get(0, EVE), Credit { weight: 84_000, cap: 600 });
		assert_eq!(EraCredits::<Test>::get(0, CHARLIE), Credit::default());
		let view = Evaluation::era_rewards(Some(good));
		let budget = (incentive_pot() - ED) / 10;
		assert_eq!(view.budget, budget);
		assert_eq!(view.listing.as_ref().unwrap().pending, budget * 160_000 / 440_000);

		let (alice, bob, eve, charlie, pot) =
			(free(ALICE), free(BOB), free(EVE), free(CHARLIE), incentive_pot());
		run_to_block(ERA + 1);
		assert_eq!(CurrentEra::<Test>::get().index, 1);
		let to_alice = budget * 160_000 / 440_000;
		let to_bob = budget * 196_000 / 440_000;
		let to_eve = budget * 84_000 / 440_000;
		assert_eq!(free(ALICE), alice + to_alice);
		assert_eq!(free(BOB), bob + to_bob);
		assert_eq!(free(EVE), eve + to_eve);
		assert_eq!(free(CHARLIE), charlie);
		let paid = to_alice + to_bob + to_eve;
		assert_eq!(incentive_pot(), pot - paid);
		assert_eq!(EraWeights::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(EraCredits::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(NextPayoutEra::<Test>::get(), 1);
		let events = evaluation_events();
		assert!(events.contains(&Event::EraStarted { era: 1 }));
		assert!(events.contains(&Event::EraPayoutStarted {
			era: 0,
			budget,
			total_weight: 440_000
		}));
		assert!(events.contains(&Event::EraRewardPaid {
			era: 0,
			account: ALICE,
			weight: 160_000,
			amount: to_alice
		}));
		assert!(events.contains(&Event::EraPaidOut { era: 0, paid }));
	});
}

#[test]
fn an_era_never_pays_back_more_than_the_rebate_cap_of_the_charges_paid() {
	ExtBuilder::default().build_and_execute(|| {
		// The owner scores its own listing and sells to its own alt: alone in the era, its
		// weight is the whole budget, but the payout stops at half the charge it paid.
		let own = register_with(ALICE, 1, vec![]);
		score_listings(&[(own, 100, 20)]);
		trade(own, 400, 10, None);
		let (alice, pot) = (free(ALICE), incentive_pot());
		run_to_block(ERA + 1);
		assert!(started_budget() > 10, "the budget alone would pay far more");
		assert_eq!(free(ALICE), alice + 5);
		assert_eq!(incentive_pot(), pot - 5);
		assert!(evaluation_events().contains(&Event::EraRewardPaid {
			era: 0,
			account: ALICE,
			weight: 1_000,
			amount: 5
		}));
	});
}

#[test]
fn credits_belong_to_the_holders_at_the_trade_and_the_referring_distributor() {
	ExtBuilder::default().build_and_execute(|| {
		let l = register_with(ALICE, 1, vec![]);
		score_listings(&[(l, 100, 20)]);
		// Dave referred the buyer and earned a 10 % commission.
		trade(l, 100_000, 2_500, Some((DAVE, 10_000)));
		assert_eq!(EraCredits::<Test>::get(0, DAVE), Credit { weight: 25_000, cap: 125 });
		assert_eq!(EraCredits::<Test>::get(0, ALICE), Credit { weight: 225_000, cap: 1_125 });
		// Bob buys the copyright before the payout: the era still pays Alice, who held it.
		assert_ok!(
			<pallet_allspark_content::Pallet<Test> as pallet_allspark_content::ContentTransfer<
				AccountId,
			>>::transfer_copyright(l, &ALICE, &BOB)
		);
		let (alice, bob, dave) = (free(ALICE), free(BOB), free(DAVE));
		run_to_block(ERA + 1);
		let budget = started_budget();
		assert_eq!(free(ALICE), alice + (budget * 9 / 10).min(1_125));
		assert_eq!(free(DAVE), dave + (budget / 10).min(125));
		assert_eq!(free(BOB), bob);
	});
}

#[test]
fn an_era_pays_a_bounded_number_of_accounts_per_block() {
	ExtBuilder::default().build_and_execute(|| {
		let owners = [ALICE, BOB, CHARLIE, DAVE, EVE];
		let listings: Vec<_> = owners
			.iter()
			.enumerate()
			.map(|(i, o)| register_with(*o, i as u8 + 1, vec![]))
			.collect();
		let scores: Vec<_> =
			listings.iter().enumerate().map(|(i, l)| (*l, 90, 20 + i as u64)).collect();
		score_listings(&scores);
		for l in &listings {
			trade(*l, 100_000, 10_000, None);
		}
		let before: Vec<_> = owners.iter().map(|o| free(*o)).collect();
		run_to_block(ERA);
		assert_eq!(EraCredits::<Test>::iter_prefix(0).count(), 5 - MAX_PAYOUTS as usize);
		assert!(ActivePayout::<Test>::get().is_some());
		run_to_block(ERA + 2);
		assert_eq!(EraCredits::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(EraWeights::<Test>::iter_prefix(0).count(), 0);
		assert!(ActivePayout::<Test>::get().is_none());
		assert_eq!(NextPayoutEra::<Test>::get(), 1);
		// Equal weights: equal parts of the budget.
		let budget = started_budget();
		for (o, b) in owners.iter().zip(before) {
			assert_eq!(free(*o), b + budget / 5);
		}
	});
}

#[test]
fn an_era_without_qualifying_trades_pays_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let pot = incentive_pot();
		run_to_block(ERA + 1);
		assert_eq!(incentive_pot(), pot);
		assert_eq!(NextPayoutEra::<Test>::get(), 1);
		assert!(evaluation_events().contains(&Event::EraPaidOut { era: 0, paid: 0 }));
	});
}
