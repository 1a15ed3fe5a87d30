//! Property tests: deposits and indices stay exact under any sequence of calls.

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
		(who.clone(), id.clone(), 1u64..=4).prop_map(|(who, id, to)| Op::Transfer { who, id, to }),
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
					Op::Transfer { who, id, to } => {
						// Offer and accept in one transactional step, as a refused call would.
						frame_support::storage::with_storage_layer(|| give(who, id, to))
					},
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
