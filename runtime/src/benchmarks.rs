//! The pallets benchmarked by `allspark-node benchmark pallet`.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_vesting, Vesting]
	[pallet_allspark_token, Token]
	[pallet_allspark_content, Content]
	[pallet_allspark_market, Market]
	[pallet_allspark_evaluation, Evaluation]
	[pallet_allspark_validators, Validators]
);
