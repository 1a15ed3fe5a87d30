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
		let proposal = request.next_proposal;
		ensure!(proposal < T::MaxProposalsPerRequest::get(), Error::<T>::TooManyProposals);
		request.next_proposal = proposal.saturating_add(1);
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

	/// Delete a request, its index entry and its proposals (at most the bounded number made).
	fn remove_request(id: RequestId, request: &RequestOf<T>) -> u32 {
		Requests::<T>::remove(id);
		CategoryRequests::<T>::remove(request.category, id);
		if !request.next_proposal.is_zero() {
			let _ = Proposals::<T>::clear_prefix(id, request.next_proposal, None);
		}
		request.next_proposal
	}
}
