//! Governance calls: the charge split and rates, the origin check, treasury spends.

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
		let too_high =
			ChargeRates { trade_rate: Permill::from_percent(21), min_charge: 1, evaluation_fee: 1 };
		assert_noop!(
			Token::set_charge_rates(RuntimeOrigin::root(), too_high),
			Error::<Test>::TradeRateTooHigh
		);
		let rates =
			ChargeRates { trade_rate: Permill::from_percent(1), min_charge: 7, evaluation_fee: 9 };
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
		assert_noop!(Token::set_charge_rates(o.clone(), default_rates()), DispatchError::BadOrigin);
		assert_noop!(Token::set_charge_split(o.clone(), default_split()), DispatchError::BadOrigin);
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

#[test]
fn a_spend_above_the_origins_limit_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		SpendLimit::set(100);
		let treasury = pot(Pot::Treasury);
		assert_noop!(
			Token::spend_from_treasury(RuntimeOrigin::root(), BOB, 101),
			Error::<Test>::SpendAboveLimit
		);
		assert_eq!(pot(Pot::Treasury), treasury);
		assert_ok!(Token::spend_from_treasury(RuntimeOrigin::root(), BOB, 100));
		assert_eq!(pot(Pot::Treasury), treasury - 100);
	});
}
