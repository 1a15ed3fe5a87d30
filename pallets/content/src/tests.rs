//! Unit tests of the content pallet. Every test runs through `build_and_execute`, which checks
//! the pallet's invariants (deposits held exactly, indices agree with the listings) and the
//! conservation of issuance afterwards.

use crate::{
	listing::pass_share, mock::*, pallet::*, Category, ContentInspect, ContentTransfer, Error,
	Event, HoldReason, LicenceTerms, ListingState, ListingStatus,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use sp_runtime::{DispatchError, Permill};

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Content(HoldReason::ListingDeposit), &who)
}

fn pct(p: u32) -> Permill {
	Permill::from_percent(p)
}

fn register_with(
	who: AccountId,
	n: u8,
	metadata: Vec<u8>,
	shares: Vec<(AccountId, Permill)>,
) -> sp_runtime::DispatchResult {
	Content::register(
		RuntimeOrigin::signed(who),
		hash(n),
		metadata,
		Category::Audio,
		terms(),
		shares,
	)
}

mod register {
	use super::*;

	#[test]
	fn stores_indexes_and_holds_the_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			run_to_block(5);
			let id = register(ALICE, 1);
			assert_eq!(id, 0);
			let l = Listings::<Test>::get(0).unwrap();
			assert_eq!(l.owner, ALICE);
			assert_eq!(l.content_hash, hash(1));
			assert_eq!(l.metadata.to_vec(), b"ipfs://abc".to_vec());
			assert_eq!(l.category, Category::Text);
			assert_eq!(l.terms, terms());
			assert!(l.shares.is_empty());
			assert_eq!(l.status, ListingStatus::Active);
			assert_eq!(l.registered_at, 5);
			assert_eq!(l.deposit, deposit(10, 0));
			assert_eq!(l.deposit, 120);
			assert_eq!(held(ALICE), 120);
			assert_eq!(Balances::balance(&ALICE), 1_000_000 - 120);
			assert_eq!(ListingByHash::<Test>::get(hash(1)), Some(0));
			assert!(ListingsByOwner::<Test>::contains_key(ALICE, 0));
			assert_eq!(NextListingId::<Test>::get(), 1);
			assert_eq!(
				content_events(),
				vec![Event::ListingRegistered {
					listing: 0,
					owner: ALICE,
					content_hash: hash(1),
					category: Category::Text,
					deposit: 120,
				}]
			);
			// Ids are issued in sequence.
			assert_eq!(register(ALICE, 2), 1);
			assert_eq!(register(BOB, 3), 2);
			assert_eq!(held(ALICE), 240);
		});
	}

	#[test]
	fn co_creators_pay_for_their_bytes_and_share_revenue() {
		ExtBuilder::default().build_and_execute(|| {
			let shares = vec![(ALICE, pct(50)), (BOB, pct(30)), (CHARLIE, pct(20))];
			assert_ok!(register_with(ALICE, 1, b"cid".to_vec(), shares.clone()));
			assert_eq!(held(ALICE), deposit(3, 3));
			assert_eq!(held(ALICE), 100 + 2 * (3 + 36));
			assert_eq!(Content::revenue_shares(0), shares);
			// Without co-creators the owner takes everything.
			register(BOB, 2);
			assert_eq!(Content::revenue_shares(1), vec![(BOB, Permill::one())]);
			assert_eq!(Content::revenue_shares(7), vec![]);
		});
	}

	#[test]
	fn metadata_at_the_limit_is_accepted() {
		ExtBuilder::default().build_and_execute(|| {
			let four = vec![(ALICE, pct(25)), (BOB, pct(25)), (CHARLIE, pct(25)), (POOR, pct(25))];
			assert_ok!(register_with(ALICE, 1, vec![7; MAX_METADATA as usize], four));
			assert_eq!(held(ALICE), deposit(MAX_METADATA as usize, 4));
		});
	}

	#[test]
	fn bad_metadata_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(register_with(ALICE, 1, vec![], vec![]), Error::<Test>::EmptyMetadata);
			assert_noop!(
				register_with(ALICE, 1, vec![7; MAX_METADATA as usize + 1], vec![]),
				Error::<Test>::MetadataTooLong
			);
		});
	}

	#[test]
	fn bad_shares_are_refused() {
		ExtBuilder::default().build_and_execute(|| {
			let m = || b"cid".to_vec();
			assert_noop!(
				register_with(ALICE, 1, m(), vec![(ALICE, pct(60)), (BOB, pct(30))]),
				Error::<Test>::SharesNotWhole
			);
			assert_noop!(
				register_with(ALICE, 1, m(), vec![(ALICE, pct(60)), (BOB, pct(50))]),
				Error::<Test>::SharesNotWhole
			);
			assert_noop!(
				register_with(ALICE, 1, m(), vec![(ALICE, pct(50)), (ALICE, pct(50))]),
				Error::<Test>::DuplicateCoCreator
			);
			assert_noop!(
				register_with(ALICE, 1, m(), vec![(ALICE, pct(100)), (BOB, pct(0))]),
				Error::<Test>::ZeroShare
			);
			let five = (1..=5).map(|a| (a, pct(20))).collect();
			assert_noop!(register_with(ALICE, 1, m(), five), Error::<Test>::TooManyCoCreators);
			// A single co-creator with everything is fine.
			assert_ok!(register_with(ALICE, 1, m(), vec![(BOB, pct(100))]));
		});
	}

	#[test]
	fn a_zero_licence_duration_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			let zero = LicenceTerms { licence_duration: Some(0), ..terms() };
			assert_noop!(
				Content::register(
					RuntimeOrigin::signed(ALICE),
					hash(1),
					b"c".to_vec(),
					Category::Text,
					zero,
					vec![]
				),
				Error::<Test>::ZeroLicenceDuration
			);
			let perpetual = LicenceTerms { licence_duration: None, ..terms() };
			assert_ok!(Content::register(
				RuntimeOrigin::signed(ALICE),
				hash(1),
				b"c".to_vec(),
				Category::Text,
				perpetual,
				vec![]
			));
		});
	}

	#[test]
	fn the_same_work_cannot_be_listed_twice() {
		ExtBuilder::default().build_and_execute(|| {
			register(ALICE, 1);
			assert_noop!(
				register_with(BOB, 1, b"other".to_vec(), vec![]),
				Error::<Test>::ContentAlreadyListed
			);
			assert_noop!(
				register_with(ALICE, 1, b"again".to_vec(), vec![]),
				Error::<Test>::ContentAlreadyListed
			);
		});
	}

	#[test]
	fn an_owner_who_cannot_hold_the_deposit_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			// POOR has 60, the deposit is 120.
			assert_noop!(
				register_with(POOR, 1, b"ipfs://abc".to_vec(), vec![]),
				Error::<Test>::InsufficientBalance
			);
		});
		// Exactly the deposit plus the existential deposit is enough; one less is not.
		ExtBuilder::default().balance(POOR, 120 + ED - 1).build_and_execute(|| {
			assert_noop!(
				register_with(POOR, 1, b"ipfs://abc".to_vec(), vec![]),
				Error::<Test>::InsufficientBalance
			);
		});
		ExtBuilder::default().balance(POOR, 120 + ED).build_and_execute(|| {
			assert_ok!(register_with(POOR, 1, b"ipfs://abc".to_vec(), vec![]));
			assert_eq!(Balances::balance(&POOR), ED);
		});
	}

	#[test]
	fn unsigned_origins_and_exhausted_ids_are_refused() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Content::register(
					RuntimeOrigin::root(),
					hash(1),
					b"c".to_vec(),
					Category::Text,
					terms(),
					vec![]
				),
				DispatchError::BadOrigin
			);
			NextListingId::<Test>::put(u64::MAX);
			assert_noop!(
				register_with(ALICE, 1, b"c".to_vec(), vec![]),
				Error::<Test>::ListingIdsExhausted
			);
		});
	}
}

mod update {
	use super::*;

	#[test]
	fn longer_metadata_holds_more_and_shorter_releases() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE, 1);
			assert_ok!(Content::update_listing(
				RuntimeOrigin::signed(ALICE),
				id,
				Some(vec![1; 30]),
				None
			));
			assert_eq!(held(ALICE), deposit(30, 0));
			assert_eq!(Listings::<Test>::get(id).unwrap().metadata.to_vec(), vec![1; 30]);
			assert_eq!(
				content_events().last(),
				Some(&Event::ListingUpdated { listing: id, deposit: 160 })
			);
			assert_ok!(Content::update_listing(
				RuntimeOrigin::signed(ALICE),
				id,
				Some(vec![2; 5]),
				None
			));
			assert_eq!(held(ALICE), deposit(5, 0));
			assert_eq!(Balances::balance(&ALICE), 1_000_000 - deposit(5, 0));
		});
	}

	#[test]
	fn terms_change_without_touching_the_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE, 1);
			let new = LicenceTerms { republication: true, licence_duration: None, ..terms() };
			assert_ok!(Content::update_listing(RuntimeOrigin::signed(ALICE), id, None, Some(new)));
			assert_eq!(Listings::<Test>::get(id).unwrap().terms, new);
			assert_eq!(held(ALICE), 120);
			assert_eq!(
				content_events().last(),
				Some(&Event::ListingUpdated { listing: id, deposit: 120 })
			);
		});
	}

	#[test]
	fn errors_change_nothing() {
		ExtBuilder::default().balance(POOR, 120 + ED + 5).build_and_execute(|| {
			let id = register(ALICE, 1);
			let upd = |who, id, m: Option<Vec<u8>>, t| {
				Content::update_listing(RuntimeOrigin::signed(who), id, m, t)
			};
			assert_noop!(upd(BOB, id, Some(b"x".to_vec()), None), Error::<Test>::NotOwner);
			assert_noop!(upd(ALICE, 9, Some(b"x".to_vec()), None), Error::<Test>::ListingNotFound);
			assert_noop!(upd(ALICE, id, None, None), Error::<Test>::NothingToUpdate);
			assert_noop!(upd(ALICE, id, Some(vec![]), None), Error::<Test>::EmptyMetadata);
			assert_noop!(upd(ALICE, id, Some(vec![1; 65]), None), Error::<Test>::MetadataTooLong);
			let zero = LicenceTerms { licence_duration: Some(0), ..terms() };
			assert_noop!(upd(ALICE, id, None, Some(zero)), Error::<Test>::ZeroLicenceDuration);
			assert_ok!(Content::suspend(RuntimeOrigin::root(), id));
			assert_noop!(
				upd(ALICE, id, Some(b"x".to_vec()), None),
				Error::<Test>::ListingSuspended
			);

			// POOR can afford 2.5 more bytes, not 3.
			let p = register(POOR, 2);
			assert_ok!(upd(POOR, p, Some(vec![1; 12]), None));
			assert_noop!(upd(POOR, p, Some(vec![1; 13]), None), Error::<Test>::InsufficientBalance);
		});
	}
}

mod transfer {
	use super::*;

	#[test]
	fn the_deposit_and_the_index_follow_the_copyright() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE, 1);
			assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(ALICE), id, BOB));
			assert_eq!(Content::owner(id), Some(BOB));
			assert_eq!(held(ALICE), 0);
			assert_eq!(Balances::balance(&ALICE), 1_000_000);
			assert_eq!(held(BOB), 120);
			assert!(!ListingsByOwner::<Test>::contains_key(ALICE, id));
			assert!(ListingsByOwner::<Test>::contains_key(BOB, id));
			assert_eq!(
				content_events().last(),
				Some(&Event::CopyrightTransferred { listing: id, from: ALICE, to: BOB })
			);
			// Revenue now goes to the new owner.
			assert_eq!(Content::revenue_shares(id), vec![(BOB, Permill::one())]);
		});
	}

	#[test]
	fn the_former_owners_share_passes_and_co_creators_keep_theirs() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(register_with(
				ALICE,
				1,
				b"c".to_vec(),
				vec![(CHARLIE, pct(40)), (ALICE, pct(60))]
			));
			assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(ALICE), 0, BOB));
			assert_eq!(Content::revenue_shares(0), vec![(CHARLIE, pct(40)), (BOB, pct(60))]);
			// To a co-creator: the shares merge.
			assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(BOB), 0, CHARLIE));
			assert_eq!(Content::revenue_shares(0), vec![(CHARLIE, Permill::one())]);
			// An owner without a share passes none.
			assert_ok!(register_with(ALICE, 2, b"c".to_vec(), vec![(CHARLIE, pct(100))]));
			assert_ok!(Content::transfer_copyright(RuntimeOrigin::signed(ALICE), 1, BOB));
			assert_eq!(Content::revenue_shares(1), vec![(CHARLIE, pct(100))]);
		});
	}

	#[test]
	fn errors_change_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE, 1);
			let tr = |who, id, to| Content::transfer_copyright(RuntimeOrigin::signed(who), id, to);
			assert_noop!(tr(BOB, id, BOB), Error::<Test>::NotOwner);
			assert_noop!(tr(ALICE, 5, BOB), Error::<Test>::ListingNotFound);
			assert_noop!(tr(ALICE, id, ALICE), Error::<Test>::AlreadyOwner);
			assert_noop!(tr(ALICE, id, POOR), Error::<Test>::InsufficientBalance);
			Obligated::set(vec![id]);
			assert_noop!(tr(ALICE, id, BOB), Error::<Test>::HasOpenObligations);
			Obligated::set(vec![]);
			assert_ok!(Content::suspend(RuntimeOrigin::root(), id));
			assert_noop!(tr(ALICE, id, BOB), Error::<Test>::ListingSuspended);
		});
	}

	#[test]
	fn the_market_transfers_despite_its_own_obligations() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE, 1);
			Obligated::set(vec![id]);
			assert_ok!(<Content as ContentTransfer<_>>::transfer_copyright(id, &ALICE, &BOB));
			assert_eq!(Content::owner(id), Some(BOB));
			// But still only from the owner, and not of a suspended listing.
			assert_noop!(
				<Content as ContentTransfer<_>>::transfer_copyright(id, &ALICE, &CHARLIE),
				Error::<Test>::NotOwner
			);
			assert_ok!(Content::suspend(RuntimeOrigin::root(), id));
			assert_noop!(
				<Content as ContentTransfer<_>>::transfer_copyright(id, &BOB, &CHARLIE),
				Error::<Test>::ListingSuspended
			);
		});
	}

	#[test]
	fn pass_share_keeps_the_sum() {
		let mut s: BoundedVec<(u64, Permill), frame_support::traits::ConstU32<4>> =
			vec![(1, pct(10)), (2, pct(20)), (3, pct(70))].try_into().unwrap();
		pass_share(&mut s, &2, &3);
		assert_eq!(s.to_vec(), vec![(1, pct(10)), (3, pct(90))]);
		pass_share(&mut s, &9, &1);
		assert_eq!(s.to_vec(), vec![(1, pct(10)), (3, pct(90))]);
		pass_share(&mut s, &1, &5);
		assert_eq!(s.to_vec(), vec![(5, pct(10)), (3, pct(90))]);
	}
}

mod delist {
	use super::*;

	#[test]
	fn releases_the_deposit_and_frees_the_hash() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE, 1);
			assert_ok!(Content::delist(RuntimeOrigin::signed(ALICE), id));
			assert_eq!(held(ALICE), 0);
			assert_eq!(Balances::balance(&ALICE), 1_000_000);
			assert!(Listings::<Test>::get(id).is_none());
			assert_eq!(ListingByHash::<Test>::get(hash(1)), None);
			assert!(!ListingsByOwner::<Test>::contains_key(ALICE, id));
			assert_eq!(Content::listing_state(id), ListingState::Delisted);
			assert_eq!(
				content_events().last(),
				Some(&Event::ListingDelisted { listing: id, owner: ALICE, released: 120 })
			);
			// The work may be listed again, under a new id.
			assert_eq!(register(BOB, 1), 1);
		});
	}

	#[test]
	fn errors_change_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE, 1);
			assert_noop!(Content::delist(RuntimeOrigin::signed(BOB), id), Error::<Test>::NotOwner);
			assert_noop!(
				Content::delist(RuntimeOrigin::signed(ALICE), 3),
				Error::<Test>::ListingNotFound
			);
			Obligated::set(vec![id]);
			assert_noop!(
				Content::delist(RuntimeOrigin::signed(ALICE), id),
				Error::<Test>::HasOpenObligations
			);
			Obligated::set(vec![]);
			assert_ok!(Content::suspend(RuntimeOrigin::root(), id));
			assert_noop!(
				Content::delist(RuntimeOrigin::signed(ALICE), id),
				Error::<Test>::ListingSuspended
			);
		});
	}
}

mod governance {
	use super::*;

	#[test]
	fn suspend_and_reinstate() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE, 1);
			assert_ok!(Content::suspend(RuntimeOrigin::root(), id));
			assert_eq!(Content::status(id), Some(ListingStatus::Suspended));
			assert!(!Content::is_active(id));
			assert_eq!(Content::listing_state(id), ListingState::Suspended);
			assert_eq!(content_events().last(), Some(&Event::ListingSuspended { listing: id }));
			assert_noop!(
				Content::suspend(RuntimeOrigin::root(), id),
				Error::<Test>::ListingSuspended
			);
			assert_ok!(Content::reinstate(RuntimeOrigin::root(), id));
			assert!(Content::is_active(id));
			assert_eq!(content_events().last(), Some(&Event::ListingReinstated { listing: id }));
			assert_noop!(
				Content::reinstate(RuntimeOrigin::root(), id),
				Error::<Test>::ListingNotSuspended
			);
			assert_noop!(
				Content::suspend(RuntimeOrigin::root(), 8),
				Error::<Test>::ListingNotFound
			);
			assert_noop!(
				Content::reinstate(RuntimeOrigin::root(), 8),
				Error::<Test>::ListingNotFound
			);
			// The deposit stays held throughout.
			assert_eq!(held(ALICE), 120);
		});
	}

	#[test]
	fn only_governance_may_moderate() {
		ExtBuilder::default().build_and_execute(|| {
			let id = register(ALICE, 1);
			let me = || RuntimeOrigin::signed(ALICE);
			assert_noop!(Content::suspend(me(), id), DispatchError::BadOrigin);
			assert_noop!(Content::reinstate(me(), id), DispatchError::BadOrigin);
			assert_noop!(Content::remove_infringing(me(), id), DispatchError::BadOrigin);
		});
	}

	#[test]
	fn removing_infringing_content_slashes_the_deposit_to_the_treasury() {
		ExtBuilder::default().build_and_execute(|| {
			let a = register(ALICE, 1);
			let b = register(ALICE, 2);
			assert_ok!(Content::suspend(RuntimeOrigin::root(), b));
			assert_ok!(Content::remove_infringing(RuntimeOrigin::root(), a));
			assert_eq!(Balances::balance(&TREASURY), ED + 120);
			assert_eq!(held(ALICE), 120);
			assert_eq!(Balances::balance(&ALICE), 1_000_000 - 240);
			assert_eq!(
				content_events().last(),
				Some(&Event::ListingRemoved { listing: a, owner: ALICE, slashed: 120 })
			);
			// Suspended listings can be removed too.
			assert_ok!(Content::remove_infringing(RuntimeOrigin::root(), b));
			assert_eq!(held(ALICE), 0);
			assert_eq!(Balances::balance(&TREASURY), ED + 240);
			assert_eq!(Content::listing_state(b), ListingState::Delisted);
			assert_noop!(
				Content::remove_infringing(RuntimeOrigin::root(), b),
				Error::<Test>::ListingNotFound
			);
		});
	}

	#[test]
	fn removal_opens_an_empty_treasury() {
		ExtBuilder::default().balance(TREASURY, 0).build_and_execute(|| {
			let a = register(ALICE, 1);
			assert_ok!(Content::remove_infringing(RuntimeOrigin::root(), a));
			assert_eq!(Balances::balance(&TREASURY), 120);
		});
	}
}

mod queries {
	use super::*;

	#[test]
	fn states_and_lookups() {
		ExtBuilder::default().build_and_execute(|| {
			assert_eq!(Content::listing_state(0), ListingState::Unknown);
			let id = register(ALICE, 1);
			assert_eq!(Content::listing_state(id), ListingState::Active);
			assert_eq!(Content::listing_state(id + 1), ListingState::Unknown);
			let d = Content::listing(id).unwrap();
			assert_eq!(
				(d.id, d.owner, d.deposit, d.metadata),
				(id, ALICE, 120, b"ipfs://abc".to_vec())
			);
			assert_eq!(Content::listing_by_hash(hash(1)).map(|d| d.id), Some(id));
			assert_eq!(Content::listing_by_hash(hash(2)), None);
			assert_eq!(Content::category(id), Some(Category::Text));
			assert_eq!(Content::terms(id), Some(terms()));
			assert_eq!(Content::owner(9), None);
			assert!(!Content::is_active(9));
		});
	}

	#[test]
	fn an_owners_listings_page_without_gaps_or_repeats() {
		ExtBuilder::default().build_and_execute(|| {
			for n in 0..7 {
				register(ALICE, n);
				register(BOB, 100 + n);
			}
			let alice: Vec<u64> = (0..7).map(|n| 2 * n).collect();
			// Pages of two, then pages capped at the maximum page size (3).
			for limit in [2, 50] {
				let mut seen = Vec::new();
				let mut after = None;
				loop {
					let page = Content::listings_of(ALICE, after, limit);
					assert!(page.len() <= limit.min(3) as usize);
					assert!(page.iter().all(|d| d.owner == ALICE));
					seen.extend(page.iter().map(|d| d.id));
					if page.len() < limit.min(3) as usize {
						break;
					}
					after = page.last().map(|d| d.id);
				}
				seen.sort();
				assert_eq!(seen, alice);
			}
			assert!(Content::listings_of(CHARLIE, None, 10).is_empty());
			assert!(Content::listings_of(ALICE, None, 0).is_empty());
		});
	}
}

mod properties {
	use super::*;
	use proptest::prelude::*;

	#[derive(Debug, Clone)]
	enum Op {
		Register { who: u64, n: u8, len: usize, co: u8 },
		Update { who: u64, id: u64, len: usize },
		Transfer { who: u64, id: u64, to: u64 },
		Delist { who: u64, id: u64 },
		Suspend { id: u64 },
		Reinstate { id: u64 },
		Remove { id: u64 },
	}

	fn op() -> impl Strategy<Value = Op> {
		let who = 1u64..=4;
		let id = 0u64..12;
		prop_oneof![
			(who.clone(), 0u8..8, 0usize..70, 0u8..4).prop_map(|(who, n, len, co)| Op::Register {
				who,
				n,
				len,
				co
			}),
			(who.clone(), id.clone(), 0usize..70).prop_map(|(who, id, len)| Op::Update {
				who,
				id,
				len
			}),
			(who.clone(), id.clone(), 1u64..=4).prop_map(|(who, id, to)| Op::Transfer {
				who,
				id,
				to
			}),
			(who, id.clone()).prop_map(|(who, id)| Op::Delist { who, id }),
			id.clone().prop_map(|id| Op::Suspend { id }),
			id.clone().prop_map(|id| Op::Reinstate { id }),
			id.prop_map(|id| Op::Remove { id }),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(200))]

		/// Whatever users and governance do, each listing's deposit is held exactly, the
		/// indices agree, a failed call changes nothing, and no token is created or lost:
		/// every account's free + held balance changes only by deposits moved to the treasury.
		#[test]
		fn deposits_and_indices_stay_exact(ops in proptest::collection::vec(op(), 1..40)) {
			ExtBuilder::default().build_and_execute(|| {
				for op in ops {
					let root_before = sp_io::storage::root(sp_runtime::StateVersion::V1);
					let result = match op {
						Op::Register { who, n, len, co } => {
							let shares: Vec<_> = match co {
								0 => vec![],
								1 => vec![(who, Permill::one())],
								2 => vec![(1, pct(50)), (2, pct(50))],
								_ => vec![(1, pct(30)), (3, pct(30)), (who, pct(40))],
							};
							register_with(who, n, vec![9; len], shares)
						},
						Op::Update { who, id, len } =>
							Content::update_listing(RuntimeOrigin::signed(who), id, Some(vec![3; len]), None),
						Op::Transfer { who, id, to } =>
							Content::transfer_copyright(RuntimeOrigin::signed(who), id, to),
						Op::Delist { who, id } => Content::delist(RuntimeOrigin::signed(who), id),
						Op::Suspend { id } => Content::suspend(RuntimeOrigin::root(), id),
						Op::Reinstate { id } => Content::reinstate(RuntimeOrigin::root(), id),
						Op::Remove { id } => Content::remove_infringing(RuntimeOrigin::root(), id),
					};
					if result.is_err() {
						// Calls are transactional: a refused call leaves no trace.
						assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root_before);
					}
					Content::do_try_state().expect("invariants hold after every call");
				}
			});
		}
	}
}
