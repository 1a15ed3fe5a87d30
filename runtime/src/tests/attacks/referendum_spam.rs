//! Attack 16: clogging governance with referenda. An attacker with many accounts submits a
//! flood of root referenda (the slowest track, one deciding at a time) and never places their
//! decision deposits, hoping to keep an honest proposal from being decided. A referendum is
//! decided only once its decision deposit is in, so the flood holds no deciding slot; after
//! `UndecidingTimeout` it times out, and a timed-out referendum's submission deposit is never
//! refunded: the attacker loses 100 ASK a referendum and the honest one is decided on time.

use super::*;
use crate::{Preimage, Referenda, Scheduler, DAYS, HOURS};
use frame_support::traits::{schedule::DispatchTime, StorePreimage};

/// A root referendum proposing a remark, submitted by `who`.
fn submit(who: &AccountId, n: u32) -> u32 {
	let index = pallet_referenda::ReferendumCount::<Runtime>::get();
	let remark =
		RuntimeCall::System(frame_system::Call::remark { remark: n.to_le_bytes().to_vec() });
	let proposal = <Preimage as StorePreimage>::bound(remark).expect("inline");
	Referenda::submit(
		RuntimeOrigin::signed(who.clone()),
		Box::new(crate::OriginCaller::system(frame_system::RawOrigin::Root)),
		proposal,
		DispatchTime::After(0),
	)
	.expect("submitted");
	index
}

/// Jump to block `n` and run the scheduler there until it has served every agenda due since it
/// last ran (the referenda's alarms among them; a block's weight serves a bounded number).
fn jump_to(n: BlockNumber) {
	System::set_block_number(n);
	loop {
		<Scheduler as Hooks<BlockNumber>>::on_initialize(n);
		if pallet_scheduler::IncompleteSince::<Runtime>::get().is_none_or(|since| since > n) {
			break;
		}
	}
}

#[test]
fn a_flood_of_undeposited_referenda_times_out_at_the_spammers_cost() {
	production().execute_with(|| {
		const FLOOD: u32 = 40;
		let spammers: Vec<AccountId> = (0..4).map(|i| actor("referendum-spammer", i)).collect();
		for s in &spammers {
			fund(s, 2_000 * ASK);
		}
		let honest = actor("proposer", 0);
		fund(&honest, 200_000 * ASK);
		let before = wealth(&spammers);
		// The scheduler serves agendas from the block it first ran at.
		jump_to(START);

		for n in 0..FLOOD {
			submit(&spammers[(n % 4) as usize], n);
		}
		let proposal = submit(&honest, FLOOD);
		Referenda::place_decision_deposit(RuntimeOrigin::signed(honest.clone()), proposal)
			.expect("the honest proposer deposits");

		// After the root track's two-hour prepare period the honest referendum is deciding; the
		// flood holds no slot.
		jump_to(START + 2 * HOURS + 1);
		let status = |i| match pallet_referenda::ReferendumInfoFor::<Runtime>::get(i) {
			Some(pallet_referenda::ReferendumInfo::Ongoing(s)) => Some(s.deciding.is_some()),
			_ => None,
		};
		assert_eq!(status(proposal), Some(true), "the honest referendum is being decided");
		assert!((0..FLOOD).all(|i| status(i) == Some(false)), "no spam referendum is deciding");

		// Fourteen days on, the flood has timed out and its deposits cannot be refunded.
		jump_to(START + 14 * DAYS + 2);
		for i in 0..FLOOD {
			assert!(matches!(
				pallet_referenda::ReferendumInfoFor::<Runtime>::get(i),
				Some(pallet_referenda::ReferendumInfo::TimedOut(..))
			));
			assert!(Referenda::refund_submission_deposit(
				RuntimeOrigin::signed(spammers[(i % 4) as usize].clone()),
				i
			)
			.is_err());
		}
		// The spammers' free balances are 100 ASK a referendum short, reserved for good.
		let spendable: Balance = spammers.iter().map(Balances::free_balance).sum();
		assert_eq!(spendable, before - FLOOD as Balance * 100 * ASK);
	});
}
