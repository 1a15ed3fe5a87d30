//! Requests: buyers ask for rights on works of a category; owners propose their listings.

use crate::{settlement::Settlement, *};
use allspark_primitives::Category;
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_post_request(
		who: T::AccountId,
		category: Category,
		right: Right,
		budget: BalanceOf<T>,
		deadline: BlockNumberOf<T>,
		brief_hash: [u8; 32],
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_price_covers_charge(budget)?;
		let deadline = Self::check_expiry(now, Some(deadline))?;
		Self::hold_escrow(&who, budget)?;
		let id = NextRequestId::<T>::get();
		NextRequestId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Self::schedule(deadline, Expiring::Request(id))?;
		Requests::<T>::insert(
			id,
			Request {
				requester: who.clone(),
				category,
				right,
				budget,
				deadline,
				brief_hash,
				next_proposal: 0,
			},
		);
		CategoryRequests::<T>::insert(category, id, ());
		Self::deposit_event(Event::RequestPosted {
			request: id,
			requester: who,
			category,
			right,
			budget,
			deadline,
			brief_hash,
		});
		Ok(())
	}

	pub(crate) fn do_propose(
		who: T::AccountId,
		id: RequestId,
		listing: ListingId,
		price: BalanceOf<T>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let mut request = Requests::<T>::get(id).ok_or(Error::<T>::RequestNotFound)?;
		ensure!(now < request.deadline, Error::<T>::RequestExpired);
		ensure!(who != request.requester, Error::<T>::SelfTrade);
		let (owner, _) = Self::ensure_tradable(listing, request.right, 1)?;
		ensure!(who == owner, Error::<T>::NotListingOwner);
		ensure!(
			T::Content::category(listing) == Some(request.category),
			Error::<T>::CategoryMismatch
		);
		Self::ensure_price_covers_charge(price)?;
		ensure!(price <= request.budget, Error::<T>::PriceAboveBudget);
		Self::make_room_for_proposal(id, listing, price)?;
		let proposal = request.next_proposal;
		request.next_proposal = proposal.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Proposals::<T>::insert(id, proposal, Proposal { proposer: who.clone(), listing, price });
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::ProposalMade {
			request: id,
			proposal,
			proposer: who,
			listing,
			price,
		});
		Ok(())
	}

	/// Check that request `id` has room for a proposal of `listing` at `price`: the listing is
	/// not proposed already, and a request with the most proposals gives way to a lower price by
	/// evicting its dearest proposal (the newest of equals), so that nobody can keep better
	/// offers from a requester by filling its slots.
	fn make_room_for_proposal(
		id: RequestId,
		listing: ListingId,
		price: BalanceOf<T>,
	) -> DispatchResult {
		let mut count = 0u32;
		let mut dearest: Option<(ProposalId, ProposalOf<T>)> = None;
		for (proposal_id, proposal) in Proposals::<T>::iter_prefix(id) {
			ensure!(proposal.listing != listing, Error::<T>::ListingAlreadyProposed);
			count = count.saturating_add(1);
			let dearer = dearest.as_ref().is_none_or(|(dearest_id, d)| {
				proposal.price > d.price || (proposal.price == d.price && proposal_id > *dearest_id)
			});
			if dearer {
				dearest = Some((proposal_id, proposal));
			}
		}
		if count < T::MaxProposalsPerRequest::get() {
			return Ok(());
		}
		let (evicted, proposal) =
			dearest.filter(|(_, d)| price < d.price).ok_or(Error::<T>::TooManyProposals)?;
		Proposals::<T>::remove(id, evicted);
		Self::deposit_event(Event::ProposalRemoved {
			request: id,
			proposal: evicted,
			proposer: proposal.proposer,
			reason: ProposalRemoval::Evicted,
		});
		Ok(())
	}

	/// `who` withdraws (as its proposer) or rejects (as the requester) proposal `proposal_id`
	/// of request `id`.
	pub(crate) fn do_remove_proposal(
		who: T::AccountId,
		id: RequestId,
		proposal_id: ProposalId,
	) -> DispatchResult {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::RequestNotFound)?;
		let proposal = Proposals::<T>::get(id, proposal_id).ok_or(Error::<T>::ProposalNotFound)?;
		let reason = if who == proposal.proposer {
			ProposalRemoval::Withdrawn
		} else {
			ensure!(who == request.requester, Error::<T>::NotProposerOrRequester);
			ProposalRemoval::Rejected
		};
		Proposals::<T>::remove(id, proposal_id);
		Self::deposit_event(Event::ProposalRemoved {
			request: id,
			proposal: proposal_id,
			proposer: proposal.proposer,
			reason,
		});
		Ok(())
	}

	/// Accept a proposal; returns the number of proposals the request had and the right traded.
	pub(crate) fn do_accept_proposal(
		who: T::AccountId,
		id: RequestId,
		proposal_id: ProposalId,
	) -> Result<(u32, Right), DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let request = Requests::<T>::get(id).ok_or(Error::<T>::RequestNotFound)?;
		ensure!(who == request.requester, Error::<T>::NotRequester);
		ensure!(now < request.deadline, Error::<T>::RequestExpired);
		let proposal = Proposals::<T>::get(id, proposal_id).ok_or(Error::<T>::ProposalNotFound)?;
		let terms = Self::ensure_still_sells(proposal.listing, &proposal.proposer)?;
		let mut settlement = Settlement::<T>::new(
			proposal.proposer.clone(),
			who.clone(),
			None,
			proposal.listing,
			request.right,
			terms,
		);
		settlement.add(1, proposal.price)?;
		settlement.finish()?;
		Self::release_escrow(&who, request.budget.saturating_sub(proposal.price))?;
		let proposals = Self::remove_request(id, &request);
		Self::deposit_event(Event::ProposalAccepted {
			request: id,
			proposal: proposal_id,
			price: proposal.price,
		});
		Ok((proposals, request.right))
	}

	/// Cancel a request; returns the number of proposals it had.
	pub(crate) fn do_cancel_request(
		who: T::AccountId,
		id: RequestId,
	) -> Result<u32, DispatchError> {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::RequestNotFound)?;
		ensure!(who == request.requester, Error::<T>::NotRequester);
		Ok(Self::close_request(id, &request, false))
	}

	/// Close a request without a trade: release the budget, remove it. Returns its proposals.
	pub(crate) fn close_request(id: RequestId, request: &RequestOf<T>, expired: bool) -> u32 {
		let _ = Self::release_escrow(&request.requester, request.budget);
		let proposals = Self::remove_request(id, request);
		Self::deposit_event(Event::RequestClosed { request: id, expired });
		proposals
	}

	/// Delete a request, its index entry and its proposals (at most
	/// [`Config::MaxProposalsPerRequest`] are open). Returns how many proposals it had.
	fn remove_request(id: RequestId, request: &RequestOf<T>) -> u32 {
		Requests::<T>::remove(id);
		CategoryRequests::<T>::remove(request.category, id);
		if request.next_proposal.is_zero() {
			return 0;
		}
		let limit = T::MaxProposalsPerRequest::get();
		Proposals::<T>::clear_prefix(id, limit, None).unique
	}
}
