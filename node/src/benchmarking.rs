//! Inputs the `benchmark overhead` and `benchmark extrinsic` commands need from the node.

use sp_inherents::{InherentData, InherentDataProvider};
use std::time::Duration;

/// The inherent data of a benchmark block: only a timestamp.
pub fn inherent_benchmark_data() -> sc_cli::Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let d = Duration::from_millis(0);
	let timestamp = sp_timestamp::InherentDataProvider::new(d.into());

	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating inherent data: {e:?}"))?;
	Ok(inherent_data)
}
