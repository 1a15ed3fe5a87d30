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
		assert_ok!(Market::propose(RuntimeOrigin::signed(ALICE), r, l, 300));
		assert_noop!(
			Market::propose(RuntimeOrigin::signed(ALICE), r, l, 200),
			Error::<Test>::ListingAlreadyProposed
		);
		for n in 1..MAX_PROPOSALS {
			let other = register_with(ALICE, 10 + n as u8, vec![]);
			assert_ok!(Market::propose(RuntimeOrigin::signed(ALICE), r, other, 300));
		}
		let late = register_with(ALICE, 9, vec![]);
		assert_noop!(
			Market::propose(RuntimeOrigin::signed(ALICE), r, late, 300),
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

/// Attack 7 of the review: one owner fills a request's proposal slots to keep better offers
/// out. A full request evicts its dearest proposal for a cheaper one, a listing is proposed
/// once, and the requester rejects what it does not want.
#[test]
fn a_full_request_evicts_its_dearest_proposal_for_a_cheaper_one() {
	ExtBuilder::default().build_and_execute(|| {
		let r = post(500, 50);
		// The squatter's proposals, at the budget.
		let squats: Vec<_> = (0..MAX_PROPOSALS)
			.map(|n| {
				let l = register_with(ALICE, 20 + n as u8, vec![]);
				assert_ok!(Market::propose(RuntimeOrigin::signed(ALICE), r, l, 500));
				l
			})
			.collect();
		let honest = register_with(CHARLIE, 40, vec![]);
		assert_noop!(
			Market::propose(RuntimeOrigin::signed(CHARLIE), r, honest, 500),
			Error::<Test>::TooManyProposals
		);
		assert_ok!(Market::propose(RuntimeOrigin::signed(CHARLIE), r, honest, 400));
		// The newest of the dearest went.
		let evicted = MAX_PROPOSALS - 1;
		assert!(Proposals::<Test>::get(r, evicted).is_none());
		assert_eq!(Proposals::<Test>::iter_prefix(r).count(), MAX_PROPOSALS as usize);
		assert!(market_events().contains(&Event::ProposalRemoved {
			request: r,
			proposal: evicted,
			proposer: ALICE,
			reason: ProposalRemoval::Evicted,
		}));
		assert!(squats.iter().all(|l| owner(*l) == Some(ALICE)));
		let id = MAX_PROPOSALS;
		assert_eq!(Proposals::<Test>::get(r, id).map(|p| p.listing), Some(honest));
		assert_ok!(Market::accept_proposal(RuntimeOrigin::signed(BOB), r, id));
		assert_eq!(licence_units(BOB, honest, COMMERCIAL), 1);
		assert_eq!(free(BOB), INITIAL - 400);
	});
}

#[test]
fn proposals_are_withdrawn_by_their_proposer_and_rejected_by_the_requester() {
	ExtBuilder::default().build_and_execute(|| {
		let r = post(500, 50);
		let a = register_with(ALICE, 50, vec![]);
		let c = register_with(CHARLIE, 51, vec![]);
		assert_ok!(Market::propose(RuntimeOrigin::signed(ALICE), r, a, 300));
		assert_ok!(Market::propose(RuntimeOrigin::signed(CHARLIE), r, c, 300));
		assert_noop!(
			Market::remove_proposal(RuntimeOrigin::signed(DAVE), r, 0),
			Error::<Test>::NotProposerOrRequester
		);
		assert_noop!(
			Market::remove_proposal(RuntimeOrigin::signed(CHARLIE), r, 0),
			Error::<Test>::NotProposerOrRequester
		);
		assert_noop!(
			Market::remove_proposal(RuntimeOrigin::signed(ALICE), r, 7),
			Error::<Test>::ProposalNotFound
		);
		assert_noop!(
			Market::remove_proposal(RuntimeOrigin::signed(ALICE), 9, 0),
			Error::<Test>::RequestNotFound
		);
		assert_ok!(Market::remove_proposal(RuntimeOrigin::signed(ALICE), r, 0));
		assert_ok!(Market::remove_proposal(RuntimeOrigin::signed(BOB), r, 1));
		let reasons: Vec<_> = market_events()
			.into_iter()
			.filter_map(|e| match e {
				Event::ProposalRemoved { proposal, reason, .. } => Some((proposal, reason)),
				_ => None,
			})
			.collect();
		assert_eq!(reasons, vec![(0, ProposalRemoval::Withdrawn), (1, ProposalRemoval::Rejected)]);
		assert_eq!(Proposals::<Test>::iter_prefix(r).count(), 0);
		// Ids are never reused: the withdrawn listing proposes again under a new id.
		assert_ok!(Market::propose(RuntimeOrigin::signed(ALICE), r, a, 250));
		assert!(Proposals::<Test>::get(r, 2).is_some());
		assert_eq!(escrow(BOB), 500);
	});
}
