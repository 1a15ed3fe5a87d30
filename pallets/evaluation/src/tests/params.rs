//! Setting the parameters: governance only, consistency checked.

use super::*;
use sp_runtime::DispatchError;

#[test]
fn set_params_is_for_governance_and_checked() {
	ExtBuilder::default().build_and_execute(|| {
		let mut p = params();
		p.tolerance = 5;
		assert_noop!(
			Evaluation::set_params(RuntimeOrigin::signed(ALICE), p),
			DispatchError::BadOrigin
		);
		for bad in [
			Params { commit_period: 0, ..p },
			Params { tolerance: 101, ..p },
			Params { reward_threshold: 101, ..p },
			Params { silent_slash: sp_runtime::Perbill::from_percent(5), ..p },
			Params { min_stake: 0, ..p },
		] {
			assert_noop!(
				Evaluation::set_params(RuntimeOrigin::root(), bad),
				Error::<Test>::InvalidParams
			);
		}
		assert_ok!(Evaluation::set_params(RuntimeOrigin::root(), p));
		assert_eq!(Parameters::<Test>::get(), Some(p));
		assert_eq!(evaluation_events().last(), Some(&Event::ParamsSet { params: p }));
	});
}
