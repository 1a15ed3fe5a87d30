//! Unit tests of the token pallet. Every test runs through `build_and_execute`, which checks the
//! pallet's invariants and the conservation of issuance afterwards.

use crate::{
	mock::*, pallet::*, ChargeKind, ChargeRates, ChargeSource, ChargeSplit, DealWithFees, Error,
	Event, Pot, ServiceCharge, SplitParts,
};
use frame_support::{
	assert_noop, assert_ok, assert_storage_noop,
	traits::{
		fungible::{Balanced, Inspect},
		tokens::{Fortitude, Precision, Preservation},
		OnUnbalanced,
	},
};
use sp_runtime::{DispatchError, Permill};

fn pot(p: Pot) -> Balance {
	Token::pot_balance(p)
}

mod service_charge {
	use super::*;

	#[test]
	fn trade_charge_is_split_exactly() {
		ExtBuilder::default().build_and_execute(|| {
			let (t0, e0) = (pot(Pot::Treasury), pot(Pot::EvaluationRewards));
			let parts = Token::charge(&ALICE, ChargeKind::Trade { value: 10_000 }).unwrap();
			// 2.5 % of 10 000 = 250: 30 % treasury, 50 % evaluation, 20 % burned.
			assert_eq!(parts, SplitParts { burned: 50, treasury: 75, evaluation: 125 });
			assert_eq!(Balances::balance(&ALICE), 1_000_000 - 250);
			assert_eq!(pot(Pot::Treasury), t0 + 75);
			assert_eq!(pot(Pot::EvaluationRewards), e0 + 125);
			assert_eq!(BurnedTotal::<Test>::get(), 50);
			assert_eq!(
				token_events().last(),
				Some(&Event::ChargeSplit {
					payer: Some(ALICE),
					source: ChargeSource::Service(ChargeKind::Trade { value: 10_000 }),
					total: 250,
					burned: 50,
					to_treasury: 75,
					to_evaluation_pot: 125,
				})
			);
		});
	}

	#[test]
	fn rounding_neither_creates_nor_loses_a_unit() {
		ExtBuilder::default().build_and_execute(|| {
			// 2.5 % of 333 = 8.325, rounded up to 9; 30 % of 9 = 2.7 → 2, 50 % = 4.5 → 4,
			// the burn takes the remaining 3.
			let parts = Token::charge(&ALICE, ChargeKind::Trade { value: 333 }).unwrap();
			assert_eq!(parts, SplitParts { burned: 3, treasury: 2, evaluation: 4 });
			assert_eq!(parts.total(), 9);
			assert_eq!(Balances::balance(&ALICE), 1_000_000 - 9);
		});
	}

	#[test]
	fn small_trades_pay_the_minimum_charge() {
		ExtBuilder::default().build_and_execute(|| {
			assert_eq!(Token::quote(ChargeKind::Trade { value: 10 }), Ok(5));
			assert_eq!(Token::quote(ChargeKind::Trade { value: 0 }), Ok(5));
			let parts = Token::charge(&ALICE, ChargeKind::Trade { value: 10 }).unwrap();
			assert_eq!(parts.total(), 5);
			assert_eq!(Balances::balance(&ALICE), 1_000_000 - 5);
		});
	}

	#[test]
	fn evaluation_requests_pay_the_evaluation_fee() {
		ExtBuilder::default().build_and_execute(|| {
			let parts = Token::charge(&ALICE, ChargeKind::EvaluationRequest).unwrap();
			assert_eq!(parts, SplitParts { burned: 20, treasury: 30, evaluation: 50 });
			assert_eq!(Balances::balance(&ALICE), 1_000_000 - 100);
		});
	}

	#[test]
	fn payer_without_funds_is_refused_and_nothing_changes() {
		ExtBuilder::default().balance(CHARLIE, 50).build_and_execute(|| {
			assert_storage_noop!(assert_eq!(
				Token::charge(&CHARLIE, ChargeKind::EvaluationRequest),
				Err(Error::<Test>::InsufficientBalance.into())
			));
			// An account that does not exist at all.
			assert_storage_noop!(assert_eq!(
				Token::charge(&77, ChargeKind::Trade { value: 1_000 }),
				Err(Error::<Test>::InsufficientBalance.into())
			));
		});
	}

	#[test]
	fn a_charge_never_reaps_the_payer() {
		// BOB holds 1 000; 2.5 % of 39 600 = 990 would leave 10 = ED: allowed.
		// 2.5 % of 40 000 = 1 000 would leave nothing: refused.
		ExtBuilder::default().build_and_execute(|| {
			assert_storage_noop!(assert_eq!(
				Token::charge(&BOB, ChargeKind::Trade { value: 40_000 }),
				Err(Error::<Test>::InsufficientBalance.into())
			));
			assert_ok!(Token::charge(&BOB, ChargeKind::Trade { value: 39_600 }));
			assert_eq!(Balances::balance(&BOB), ED);
		});
	}

	#[test]
	fn transaction_fees_and_tips_go_through_the_same_split() {
		ExtBuilder::default().build_and_execute(|| {
			let t0 = pot(Pot::Treasury);
			let fee = <Balances as Balanced<AccountId>>::withdraw(
				&ALICE,
				1_000,
				Precision::Exact,
				Preservation::Preserve,
				Fortitude::Polite,
			)
			.unwrap();
			let tip = <Balances as Balanced<AccountId>>::withdraw(
				&ALICE,
				10,
				Precision::Exact,
				Preservation::Preserve,
				Fortitude::Polite,
			)
			.unwrap();
			DealWithFees::<Test>::on_unbalanceds([fee, tip].into_iter());
			// 1 010: 303 to the treasury, 505 to evaluation rewards, 202 burned.
			assert_eq!(pot(Pot::Treasury), t0 + 303);
			assert_eq!(BurnedTotal::<Test>::get(), 202);
			assert_eq!(
				token_events().last(),
				Some(&Event::ChargeSplit {
					payer: None,
					source: ChargeSource::TransactionFee,
					total: 1_010,
					burned: 202,
					to_treasury: 303,
					to_evaluation_pot: 505,
				})
			);
		});
	}

	#[test]
	fn zero_fees_emit_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			DealWithFees::<Test>::on_unbalanceds(core::iter::empty());
			assert!(token_events().is_empty());
		});
	}
}

mod governance {
	use super::*;

	#[test]
	fn set_charge_split_accepts_only_whole_splits() {
		ExtBuilder::default().build_and_execute(|| {
			let bad = ChargeSplit {
				burn: Permill::from_percent(10),
				treasury: Permill::from_percent(30),
				evaluation: Permill::from_percent(50),
			};
			assert_noop!(
				Token::set_charge_split(RuntimeOrigin::root(), bad),
				Error::<Test>::SplitNotWhole
			);
			let over = ChargeSplit { burn: Permill::from_percent(60), ..bad };
			assert_noop!(
				Token::set_charge_split(RuntimeOrigin::root(), over),
				Error::<Test>::SplitNotWhole
			);
			let good = ChargeSplit { burn: Permill::from_percent(20), ..bad };
			assert_ok!(Token::set_charge_split(RuntimeOrigin::root(), good));
			assert_eq!(Split::<Test>::get(), Some(good));
			assert_eq!(token_events().last(), Some(&Event::ChargeSplitSet { split: good }));
			// The new split applies to the next charge.
			let parts = Token::charge(&ALICE, ChargeKind::EvaluationRequest).unwrap();
			assert_eq!(parts, SplitParts { burned: 20, treasury: 30, evaluation: 50 });
		});
	}

	#[test]
	fn set_charge_rates_bounds_the_trade_rate() {
		ExtBuilder::default().build_and_execute(|| {
			let too_high = ChargeRates {
				trade_rate: Permill::from_percent(21),
				min_charge: 1,
				evaluation_fee: 1,
			};
			assert_noop!(
				Token::set_charge_rates(RuntimeOrigin::root(), too_high),
				Error::<Test>::TradeRateTooHigh
			);
			let rates = ChargeRates {
				trade_rate: Permill::from_percent(1),
				min_charge: 7,
				evaluation_fee: 9,
			};
			assert_ok!(Token::set_charge_rates(RuntimeOrigin::root(), rates));
			assert_eq!(token_events().last(), Some(&Event::ChargeRatesSet { rates }));
			assert_eq!(Token::quote(ChargeKind::Trade { value: 10_000 }), Ok(100));
			assert_eq!(Token::quote(ChargeKind::EvaluationRequest), Ok(9));
		});
	}

	#[test]
	fn only_governance_may_change_parameters_or_spend() {
		ExtBuilder::default().build_and_execute(|| {
			let o = RuntimeOrigin::signed(ALICE);
			assert_noop!(
				Token::set_charge_rates(o.clone(), default_rates()),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Token::set_charge_split(o.clone(), default_split()),
				DispatchError::BadOrigin
			);
			assert_noop!(Token::set_author_reward(o.clone(), 1), DispatchError::BadOrigin);
			assert_noop!(Token::spend_from_treasury(o, ALICE, 1), DispatchError::BadOrigin);
		});
	}

	#[test]
	fn treasury_spends_pay_out_and_keep_the_pot_alive() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Token::spend_from_treasury(RuntimeOrigin::root(), BOB, 0),
				Error::<Test>::ZeroAmount
			);
			// The treasury holds 10 000 and must keep ED = 10.
			assert_noop!(
				Token::spend_from_treasury(RuntimeOrigin::root(), BOB, 10_000),
				Error::<Test>::InsufficientTreasury
			);
			assert_ok!(Token::spend_from_treasury(RuntimeOrigin::root(), BOB, 9_990));
			assert_eq!(Balances::balance(&BOB), 1_000 + 9_990);
			assert_eq!(pot(Pot::Treasury), ED);
			assert_eq!(
				token_events().last(),
				Some(&Event::TreasurySpent { beneficiary: BOB, amount: 9_990 })
			);
		});
	}
}

mod author_rewards {
	use super::*;

	#[test]
	fn authors_are_paid_until_the_pot_is_empty() {
		// The pot holds 1 000 and keeps ED = 10: three full rewards of 300, then 90, then none.
		ExtBuilder::default().author_reward(300).build_and_execute(|| {
			run_to_block(4);
			assert_eq!(Balances::balance(&CHARLIE), 900);
			run_to_block(5);
			assert_eq!(Balances::balance(&CHARLIE), 990);
			assert_eq!(pot(Pot::NodeIncentives), ED);
			run_to_block(8);
			assert_eq!(Balances::balance(&CHARLIE), 990);
			let paid: Vec<_> = token_events()
				.into_iter()
				.filter_map(|e| match e {
					Event::AuthorRewarded { author, amount } => Some((author, amount)),
					_ => None,
				})
				.collect();
			assert_eq!(paid, vec![(CHARLIE, 300), (CHARLIE, 300), (CHARLIE, 300), (CHARLIE, 90)]);
		});
	}

	#[test]
	fn a_zero_reward_or_an_unknown_author_pays_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			run_to_block(3);
			assert_eq!(Balances::balance(&CHARLIE), 0);
		});
		ExtBuilder::default().author_reward(300).build_and_execute(|| {
			Author::set(None);
			run_to_block(3);
			assert_eq!(pot(Pot::NodeIncentives), 1_000);
			Author::set(Some(CHARLIE));
		});
	}

	#[test]
	fn set_author_reward_takes_effect_next_block() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Token::set_author_reward(RuntimeOrigin::root(), 50));
			assert_eq!(token_events().last(), Some(&Event::AuthorRewardSet { reward: 50 }));
			run_to_block(2);
			assert_eq!(Balances::balance(&CHARLIE), 50);
		});
	}
}

mod genesis_and_queries {
	use super::*;

	#[test]
	fn pots_are_funded_at_genesis_and_reported() {
		ExtBuilder::default().build_and_execute(|| {
			let e = Token::economics();
			assert_eq!(e.total_issuance, 1_000_000 + 1_000 + 10_000 + 20_000 + 1_000 + ED);
			assert_eq!(e.burned, 0);
			let pots: Vec<_> = e.pots.iter().map(|p| (p.pot, p.balance)).collect();
			assert_eq!(
				pots,
				vec![
					(Pot::Treasury, 10_000),
					(Pot::CommunityIncentives, 20_000),
					(Pot::NodeIncentives, 1_000),
					(Pot::EvaluationRewards, ED),
				]
			);
			assert_eq!(e.pots[0].account, Token::pot_account(Pot::Treasury));
			assert_eq!(e.rates, default_rates());
			assert_eq!(e.split, default_split());
			// Every pot has its own account.
			let mut accounts: Vec<_> = e.pots.iter().map(|p| p.account).collect();
			accounts.dedup();
			assert_eq!(accounts.len(), 4);
		});
	}

	#[test]
	fn a_plan_that_adds_up_is_accepted() {
		ExtBuilder::default().total_issuance(1_032_010).build_and_execute(|| {
			assert_eq!(Balances::total_issuance(), 1_032_010);
		});
	}

	#[test]
	#[should_panic(expected = "the token plan does not add up")]
	fn a_plan_that_does_not_add_up_is_refused() {
		ExtBuilder::default().total_issuance(1_032_011).build();
	}

	#[test]
	#[should_panic(expected = "must hold at least the existential deposit")]
	fn an_unfunded_pot_is_refused() {
		ExtBuilder::default().pot(Pot::EvaluationRewards, 0).build();
	}
}

mod properties {
	use super::*;
	use proptest::prelude::*;

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(200))]

		/// Any whole split of any charge: the parts sum to the charge, the payer pays exactly
		/// the charge, the pots receive their parts, and issuance falls by the burn alone.
		#[test]
		fn charges_conserve_value(
			value in 0u64..10_000_000,
			treasury in 0u32..=1_000_000,
			evaluation_frac in 0u32..=1_000_000,
			rate in 0u32..=200_000,
		) {
			let evaluation = ((1_000_000 - treasury) as u64 * evaluation_frac as u64 / 1_000_000) as u32;
			let split = ChargeSplit {
				burn: Permill::from_parts(1_000_000 - treasury - evaluation),
				treasury: Permill::from_parts(treasury),
				evaluation: Permill::from_parts(evaluation),
			};
			ExtBuilder::default().balance(ALICE, 1_000_000_000).build_and_execute(|| {
				assert_ok!(Token::set_charge_split(RuntimeOrigin::root(), split));
				assert_ok!(Token::set_charge_rates(
					RuntimeOrigin::root(),
					ChargeRates { trade_rate: Permill::from_parts(rate), min_charge: 5, evaluation_fee: 100 },
				));
				let before = (Balances::balance(&ALICE), pot(Pot::Treasury), pot(Pot::EvaluationRewards));
				let quote = Token::quote(ChargeKind::Trade { value }).unwrap();
				let parts = Token::charge(&ALICE, ChargeKind::Trade { value }).unwrap();
				assert_eq!(parts.total(), quote);
				assert_eq!(Balances::balance(&ALICE), before.0 - quote);
				assert_eq!(pot(Pot::Treasury), before.1 + parts.treasury);
				assert_eq!(pot(Pot::EvaluationRewards), before.2 + parts.evaluation);
				assert_eq!(BurnedTotal::<Test>::get(), parts.burned);
			});
		}
	}
}
