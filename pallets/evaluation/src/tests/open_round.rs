//! Opening rounds: the fee, the phases, refusals and the finalisation queues.

use super::*;
use sp_runtime::DispatchError;

#[test]
fn open_round_charges_the_fee_and_schedules_the_phases() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let (payer, pot) = (free(OPENER), reward_pot());
		let r = open(l);
		assert_eq!(free(OPENER), payer - FEE);
		assert_eq!(reward_pot(), pot + FEE_REWARD);
		let round = Rounds::<Test>::get(r).unwrap();
		assert_eq!((round.commit_end, round.reveal_end, round.finalise_at), (11, END, END));
		assert_eq!(round.fee_reward, FEE_REWARD);
		assert_eq!(OpenRound::<Test>::get(l), Some(r));
		assert_eq!(Ending::<Test>::get(END).into_inner(), vec![r]);
		assert!(evaluation_events().contains(&Event::RoundOpened {
			round: r,
			listing: l,
			opener: OPENER,
			fee: FEE,
			fee_reward: FEE_REWARD,
			commit_end: 11,
			reveal_end: END,
		}));
	});
}

#[test]
fn open_round_refusals_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(OPENER), 99),
			Error::<Test>::ListingNotActive
		);
		assert_ok!(Content::suspend(RuntimeOrigin::root(), l));
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(OPENER), l),
			Error::<Test>::ListingNotActive
		);
		assert_ok!(Content::reinstate(RuntimeOrigin::root(), l));
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(POOR), l),
			pallet_allspark_token::Error::<Test>::InsufficientBalance
		);
		open(l);
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(OPENER), l),
			Error::<Test>::RoundAlreadyOpen
		);
		assert_noop!(Evaluation::open_round(RuntimeOrigin::none(), l), DispatchError::BadOrigin);
	});
	ExtBuilder::default().unconfigured().build_and_execute(|| {
		let l = listing();
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(OPENER), l),
			Error::<Test>::NotConfigured
		);
	});
}

#[test]
fn full_finalisation_queues_spill_to_later_blocks_then_refuse() {
	ExtBuilder::default().build_and_execute(|| {
		let per_block = MAX_ENDING as usize;
		let capacity = per_block * (rounds::QUEUE_SPILL as usize + 1);
		for n in 0..capacity {
			let l = register_with(ALICE, n as u8 + 1, vec![]);
			open(l);
		}
		for i in 0..=rounds::QUEUE_SPILL as u64 {
			assert_eq!(Ending::<Test>::get(END + i).len(), per_block);
		}
		let l = register_with(ALICE, 200, vec![]);
		assert_noop!(
			Evaluation::open_round(RuntimeOrigin::signed(OPENER), l),
			Error::<Test>::FinalisationQueueFull
		);
		// All of them are finalised in the end, MAX_FINALISATIONS a block.
		run_to_block(END + 20);
		assert_eq!(Rounds::<Test>::iter().count(), 0);
		assert_eq!(Ending::<Test>::iter().count(), 0);
	});
}
