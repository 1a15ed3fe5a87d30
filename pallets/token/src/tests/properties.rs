//! Property tests: any whole split of any charge conserves value.

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
