//! Era rewards: trade weights, payouts to creators, bounded payouts per block.

use super::*;
use pallet_allspark_content::OnTrade;
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

#[test]
fn eras_pay_creators_of_well_scored_traded_listings_by_score_and_volume() {
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

		Evaluation::on_trade(good, 1_000);
		Evaluation::on_trade(shared, 2_000);
		Evaluation::on_trade(weak, 5_000);
		Evaluation::on_trade(unscored, 5_000);
		assert_eq!(EraWeights::<Test>::get(0, good), 80_000);
		assert_eq!(EraWeights::<Test>::get(0, shared), 140_000);
		assert_eq!(EraWeights::<Test>::get(0, weak), 0);
		assert_eq!(EraTotals::<Test>::get(0), 220_000);
		let view = Evaluation::era_rewards(Some(good));
		let budget = (incentive_pot() - ED) / 10;
		assert_eq!(view.budget, budget);
		assert_eq!(view.listing.as_ref().unwrap().pending, budget * 80_000 / 220_000);

		let (alice, bob, eve, charlie, pot) =
			(free(ALICE), free(BOB), free(EVE), free(CHARLIE), incentive_pot());
		run_to_block(ERA);
		assert_eq!(CurrentEra::<Test>::get().index, 1);
		let to_good = budget * 80_000 / 220_000;
		let to_shared = budget * 140_000 / 220_000;
		assert_eq!(free(ALICE), alice + to_good);
		assert_eq!(free(BOB), bob + to_shared * 70 / 100);
		assert_eq!(free(EVE), eve + to_shared * 30 / 100);
		assert_eq!(free(CHARLIE), charlie);
		let paid = to_good + to_shared * 70 / 100 + to_shared * 30 / 100;
		assert_eq!(incentive_pot(), pot - paid);
		assert_eq!(EraWeights::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(NextPayoutEra::<Test>::get(), 1);
		let events = evaluation_events();
		assert!(events.contains(&Event::EraStarted { era: 1 }));
		assert!(events.contains(&Event::EraPayoutStarted {
			era: 0,
			budget,
			total_weight: 220_000
		}));
		assert!(events.contains(&Event::EraRewardPaid {
			era: 0,
			listing: good,
			weight: 80_000,
			amount: to_good
		}));
		assert!(events.contains(&Event::EraPaidOut { era: 0, paid }));
	});
}

#[test]
fn an_era_pays_a_bounded_number_of_listings_per_block() {
	ExtBuilder::default().build_and_execute(|| {
		let listings: Vec<_> = (0..5u8).map(|n| register_with(ALICE, n + 1, vec![])).collect();
		let scores: Vec<_> =
			listings.iter().enumerate().map(|(i, l)| (*l, 90, 20 + i as u64)).collect();
		score_listings(&scores);
		for l in &listings {
			Evaluation::on_trade(*l, 1_000);
		}
		let before = free(ALICE);
		run_to_block(ERA);
		assert_eq!(EraWeights::<Test>::iter_prefix(0).count(), 5 - MAX_PAYOUTS as usize);
		assert!(ActivePayout::<Test>::get().is_some());
		run_to_block(ERA + 2);
		assert_eq!(EraWeights::<Test>::iter_prefix(0).count(), 0);
		assert!(ActivePayout::<Test>::get().is_none());
		assert_eq!(NextPayoutEra::<Test>::get(), 1);
		// Equal weights: equal parts of the budget.
		let budget = match evaluation_events().iter().find_map(|e| match e {
			Event::EraPayoutStarted { budget, .. } => Some(*budget),
			_ => None,
		}) {
			Some(b) => b,
			None => panic!("payout started"),
		};
		assert_eq!(free(ALICE), before + (budget / 5) * 5);
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
