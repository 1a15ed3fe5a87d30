//! Block author rewards from the node-incentive pot, and setting the reward.

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
