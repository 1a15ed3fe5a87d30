//! The node's own Prometheus metrics beside `sc-service`'s: its resident memory, which an
//! operator alerts on (docs/validator.md) and `sc-service` does not export.

use futures::StreamExt;
use sc_service::TaskManager;
use std::time::Duration;
use substrate_prometheus_endpoint::{register, Gauge, PrometheusError, Registry, U64};

/// How often the memory figure is refreshed.
const INTERVAL: Duration = Duration::from_secs(5);

/// Registers `process_resident_memory_bytes` (the node process's resident set, as the
/// Prometheus client libraries name it) and a task that refreshes it every [`INTERVAL`].
pub fn spawn_process_metrics(
	registry: &Registry,
	task_manager: &TaskManager,
) -> Result<(), PrometheusError> {
	let resident = register(
		Gauge::<U64>::new("process_resident_memory_bytes", "Resident memory size in bytes")?,
		registry,
	)?;
	let update = move || {
		if let Some(bytes) = resident_bytes() {
			resident.set(bytes);
		}
	};
	update();
	let ticks = futures::stream::unfold((), |()| async {
		futures_timer::Delay::new(INTERVAL).await;
		Some(((), ()))
	});
	task_manager.spawn_handle().spawn(
		"process-metrics",
		None,
		ticks.for_each(move |()| {
			update();
			futures::future::ready(())
		}),
	);
	Ok(())
}

/// The process's resident set size: the second field of `/proc/self/statm` (pages) times the
/// page size; `None` where there is no procfs.
fn resident_bytes() -> Option<u64> {
	let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
	let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
	// SAFETY: sysconf only reads a system constant.
	let page_size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
	pages.checked_mul(u64::try_from(page_size).ok()?)
}

#[cfg(test)]
mod tests {
	#[test]
	fn resident_bytes_reads_this_process() {
		let bytes = super::resident_bytes().expect("procfs on Linux");
		// A test process holds at least a megabyte and (here) less than a terabyte.
		assert!(bytes > 1 << 20 && bytes < 1 << 40, "{bytes}");
	}
}
