//! The invariants checked after every block: each AllSpark pallet's own (`do_try_state`), and
//! the chain-wide money rules no single pallet can check.

use allspark_runtime::{AccountId, Balance, Runtime, RuntimeHoldReason};
use sp_runtime::traits::Get;
use std::collections::BTreeMap;

/// Every invariant, given the `baseline` (the total issuance plus the token pallet's recorded
/// burns when the chain was loaded) and what pallet-balances burned since outside that record.
pub fn after_block(baseline: Balance, burned_by_balances: Balance) -> Result<(), String> {
	pallets()?;
	issuance(baseline, burned_by_balances)?;
	holds()
}

/// Every pallet's `try_state`: the AllSpark pallets' invariants (`do_try_state`) and
/// upstream's (pallet-balances' among them).
fn pallets() -> Result<(), String> {
	use frame_support::traits::{TryState, TryStateSelect};
	let now = allspark_runtime::System::block_number();
	<allspark_runtime::AllPalletsWithSystem as TryState<_>>::try_state(now, TryStateSelect::All)
		.map_err(|e| format!("try_state: {e:?}"))
}

/// The total issuance is what all accounts own (free and reserved), and stays the `baseline`
/// less what was burned since: by the token pallet's record ([`BurnedTotal`]) and by
/// pallet-balances (`burn`, dust). Nothing else mints or burns.
///
/// [`BurnedTotal`]: pallet_allspark_token::BurnedTotal
fn issuance(baseline: Balance, burned_by_balances: Balance) -> Result<(), String> {
	let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
	let owned = frame_system::Account::<Runtime>::iter()
		.map(|(_, a)| a.data.free.saturating_add(a.data.reserved))
		.fold(0, Balance::saturating_add);
	if owned != issuance {
		return Err(format!("accounts own {owned}, the total issuance is {issuance}"));
	}
	let recorded = pallet_allspark_token::BurnedTotal::<Runtime>::get();
	let expected = baseline.saturating_sub(recorded).saturating_sub(burned_by_balances);
	if issuance != expected {
		return Err(format!(
			"issuance {issuance} is not {baseline} less burns {recorded} (recorded in all) and \
			 {burned_by_balances} (pallet-balances, since loading)"
		));
	}
	Ok(())
}

/// What each account has deposited for its preimages: the tickets of `pallet_preimage` (a hold
/// consideration encodes as its amount).
fn preimage_deposits() -> BTreeMap<AccountId, Balance> {
	use codec::{Decode, Encode};
	let mut by_owner = BTreeMap::<AccountId, Balance>::new();
	for (_, status) in pallet_preimage::RequestStatusFor::<Runtime>::iter() {
		let ticket = match status {
			pallet_preimage::RequestStatus::Unrequested { ticket, .. } => Some(ticket),
			pallet_preimage::RequestStatus::Requested { maybe_ticket, .. } => maybe_ticket,
		};
		if let Some((who, ticket)) = ticket {
			let amount = Balance::decode(&mut &ticket.encode()[..]).unwrap_or_default();
			let total = by_owner.entry(who).or_default();
			*total = total.saturating_add(amount);
		}
	}
	by_owner
}

/// What each account has reserved for referenda: submission and decision deposits, of ongoing
/// referenda and of decided ones not refunded yet.
fn referendum_deposits() -> BTreeMap<AccountId, Balance> {
	use pallet_referenda::ReferendumInfo::*;
	let mut by_owner = BTreeMap::<AccountId, Balance>::new();
	for (_, info) in pallet_referenda::ReferendumInfoFor::<Runtime>::iter() {
		let deposits = match info {
			Ongoing(status) => vec![Some(status.submission_deposit), status.decision_deposit],
			Approved(_, a, b) | Rejected(_, a, b) | Cancelled(_, a, b) | TimedOut(_, a, b) => {
				vec![a, b]
			},
			Killed(_) => vec![],
		};
		for deposit in deposits.into_iter().flatten() {
			let total = by_owner.entry(deposit.who).or_default();
			*total = total.saturating_add(deposit.amount);
		}
	}
	by_owner
}

/// Every hold has its owner's record, for the amount the record says; an account's reserved
/// balance is its holds and its referendum deposits (reserves), nothing else.
fn holds() -> Result<(), String> {
	let deposits = pallet_allspark_content::Pallet::<Runtime>::expected_holds();
	let stakes = pallet_allspark_evaluation::Pallet::<Runtime>::expected_holds();
	let escrow = pallet_allspark_market::Pallet::<Runtime>::expected_holds()
		.map_err(|e| format!("market: {e:?}"))?;
	let bonds: BTreeMap<AccountId, Balance> =
		pallet_allspark_validators::Pallet::<Runtime>::expected_holds().collect();
	let preimages = preimage_deposits();
	let referenda = referendum_deposits();
	let key_deposit: Balance = <Runtime as pallet_session::Config>::KeyDeposit::get();
	let of = |map: &BTreeMap<AccountId, Balance>, who: &AccountId| -> Balance {
		map.get(who).copied().unwrap_or(0)
	};
	let mut all_holds: Balance = 0;
	for (who, holds) in pallet_balances::Holds::<Runtime>::iter() {
		let mut total: Balance = 0;
		for hold in holds.iter() {
			total = total.saturating_add(hold.amount);
			let expected = match hold.id {
				RuntimeHoldReason::Content(_) => of(&deposits, &who),
				RuntimeHoldReason::Evaluation(_) => of(&stakes, &who),
				RuntimeHoldReason::Market(_) => of(&escrow, &who),
				RuntimeHoldReason::Validators(_) => of(&bonds, &who),
				RuntimeHoldReason::Preimage(_) => of(&preimages, &who),
				// The session keys' deposit, while the keys are set.
				RuntimeHoldReason::Session(_)
					if pallet_session::NextKeys::<Runtime>::contains_key(&who) =>
				{
					key_deposit
				},
				#[allow(unreachable_patterns)]
				_ => 0,
			};
			if hold.amount != expected {
				return Err(format!(
					"{who} holds {} for {:?}, its records say {expected}",
					hold.amount, hold.id
				));
			}
		}
		let reserved = frame_system::Account::<Runtime>::get(&who).data.reserved;
		let expected = total.saturating_add(of(&referenda, &who));
		if reserved != expected {
			return Err(format!(
				"{who} has {reserved} reserved but {total} in holds and {} for referenda",
				of(&referenda, &who)
			));
		}
		all_holds = all_holds.saturating_add(expected);
	}
	// Accounts with referendum deposits and no hold at all.
	for (who, amount) in &referenda {
		if pallet_balances::Holds::<Runtime>::get(who).is_empty() {
			let reserved = frame_system::Account::<Runtime>::get(who).data.reserved;
			if reserved != *amount {
				return Err(format!("{who} has {reserved} reserved, {amount} for referenda"));
			}
			all_holds = all_holds.saturating_add(*amount);
		}
	}
	let all_reserved = frame_system::Account::<Runtime>::iter()
		.map(|(_, a)| a.data.reserved)
		.fold(0, Balance::saturating_add);
	if all_reserved != all_holds {
		return Err(format!("{all_reserved} reserved in all, {all_holds} of it accounted for"));
	}
	Ok(())
}
