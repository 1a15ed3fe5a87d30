//! Requests and proposals: posting with a held budget, proposing, accepting, cancelling and
//! expiry, and their errors.

use super::*;

const COMMERCIAL: Right = Right::Licence(LicenceKind::Commercial);

fn post(budget: Balance, deadline: u64) -> RequestId {
	let id = NextRequestId::<Test>::get();
	assert_ok!(Market::post_request(
		RuntimeOrigin::signed(BOB),
		Category::Audio,
		COMMERCIAL,
		budget,
		deadline,
		[7; 32]
	));
	id
}

#[test]
fn a_request_gets_a_proposal_that_is_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let r = post(500, 50);
		assert_eq!(escrow(BOB), 500);
		assert_eq!(Market::open_requests(Category::Audio, None, 10).len(), 1);
		assert_ok!(Market::propose(RuntimeOrigin::signed(ALICE), r, l, 300));
		let alice = free(ALICE);
		assert_ok!(Market::accept_proposal(RuntimeOrigin::signed(BOB), r, 0));
		assert_eq!(escrow(BOB), 0);
		assert_eq!(free(BOB), INITIAL - 300);
		assert_eq!(free(ALICE), alice + 300 - charge(300));
		assert_eq!(licence_units(BOB, l, COMMERCIAL), 1);
		assert!(Requests::<Test>::get(r).is_none());
		assert_eq!(Proposals::<Test>::iter_prefix(r).count(), 0);
		assert!(Market::open_requests(Category::Audio, None, 10).is_empty());
	});
}

#[test]
fn request_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let r = post(500, 50);
		assert_noop!(
			Market::propose(RuntimeOrigin::signed(CHARLIE), r, l, 300),
			Error::<Test>::NotListingOwner
		);
		assert_noop!(
			Market::propose(RuntimeOrigin::signed(ALICE), r, l, 501),
			Error::<Test>::PriceAboveBudget
		);
		assert_noop!(
			Market::propose(RuntimeOrigin::signed(ALICE), 9, l, 300),
			Error::<Test>::RequestNotFound
		);
		for _ in 0..MAX_PROPOSALS {
			assert_ok!(Market::propose(RuntimeOrigin::signed(ALICE), r, l, 300));
		}
		assert_noop!(
			Market::propose(RuntimeOrigin::signed(ALICE), r, l, 300),
			Error::<Test>::TooManyProposals
		);
		assert_noop!(
			Market::accept_proposal(RuntimeOrigin::signed(CHARLIE), r, 0),
			Error::<Test>::NotRequester
		);
		assert_noop!(
			Market::accept_proposal(RuntimeOrigin::signed(BOB), r, 9),
			Error::<Test>::ProposalNotFound
		);
		frame_system::Pallet::<Test>::set_block_number(50);
		assert_noop!(
			Market::accept_proposal(RuntimeOrigin::signed(BOB), r, 0),
			Error::<Test>::RequestExpired
		);
		assert_noop!(
			Market::propose(RuntimeOrigin::signed(ALICE), r, l, 300),
			Error::<Test>::RequestExpired
		);
		assert_noop!(
			Market::post_request(
				RuntimeOrigin::signed(POOR),
				Category::Audio,
				COMMERCIAL,
				500,
				60,
				[0; 32]
			),
			Error::<Test>::InsufficientFunds
		);
	});
}

#[test]
fn a_proposal_of_another_category_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let id = NextRequestId::<Test>::get();
		assert_ok!(Market::post_request(
			RuntimeOrigin::signed(BOB),
			Category::Video,
			COMMERCIAL,
			500,
			50,
			[7; 32]
		));
		assert_noop!(
			Market::propose(RuntimeOrigin::signed(ALICE), id, l, 300),
			Error::<Test>::CategoryMismatch
		);
	});
}

#[test]
fn cancelled_and_expired_requests_release_their_budget() {
	ExtBuilder::default().build_and_execute(|| {
		let l = listing();
		let a = post(500, 50);
		let b = post(400, 10);
		assert_ok!(Market::propose(RuntimeOrigin::signed(ALICE), b, l, 300));
		assert_noop!(
			Market::cancel_request(RuntimeOrigin::signed(ALICE), a),
			Error::<Test>::NotRequester
		);
		assert_ok!(Market::cancel_request(RuntimeOrigin::signed(BOB), a));
		assert_eq!(escrow(BOB), 400);
		run_to_block(10);
		assert_eq!(escrow(BOB), 0);
		assert_eq!(free(BOB), INITIAL);
		assert_eq!(Proposals::<Test>::iter().count(), 0);
		assert!(market_events()
			.iter()
			.any(|e| matches!(e, Event::RequestClosed { expired: true, .. })));
	});
}
