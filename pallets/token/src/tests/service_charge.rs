//! Service charges: the split, rounding, the minimum, refused payers, fees and tips.

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
