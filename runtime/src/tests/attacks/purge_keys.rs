//! Attack 13: `session.purge_keys` could take the validator set below `MinValidators`: a
//! validator whose keys are gone drops out at the next session, whatever governance's minimum.
//! Now the runtime filters the session pallet's call out, and `validators.purge_keys` refuses
//! anyone in the planned or current set.

use super::*;
use pallet_allspark_validators::{Error, PlannedSet};

#[test]
fn validators_cannot_purge_their_keys() {
	production().execute_with(|| {
		let set = PlannedSet::<Runtime>::get();
		assert!(set.len() as u32 >= pallet_allspark_validators::MinValidators::<Runtime>::get());
		for v in set.iter() {
			assert_eq!(
				signed(v, pallet_session::Call::purge_keys {}).map_err(|e| e.error),
				Err(frame_system::Error::<Runtime>::CallFiltered.into())
			);
			assert_eq!(
				signed(v, pallet_allspark_validators::Call::purge_keys {}).map_err(|e| e.error),
				Err(Error::<Runtime>::StillValidator.into())
			);
			assert!(pallet_session::NextKeys::<Runtime>::contains_key(v));
		}
	});
}
