#!/usr/bin/env python3
"""Print the market's (and the evaluation pallet's) weights as ratios to `transfer_keep_alive`'s, both read from generated
weights files (ref time with RocksDB read/write costs, the runtime's `DbWeight`).

usage: weight-ratios.py <pallet_balances weights.rs> <market weights.rs> [<evaluation weights.rs>]
"""
import re
import sys

READ, WRITE = 25_000_000, 100_000_000  # frame_support RocksDbWeight, picoseconds


def functions(path):
    """name -> (base ref time, {component: slope}, reads, writes, {component: (reads, writes)})"""
    text = open(path).read()
    # Only the runtime's implementation (SubstrateWeight), not the `()` one.
    text = text.split("impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T>", 1)[1]
    text = text.split("impl WeightInfo for ()", 1)[0]
    out = {}
    for m in re.finditer(r"fn (\w+)\(([^)]*)\) -> Weight \{(.*?)\n\t\}", text, re.S):
        name, body = m.group(1), m.group(3)
        base = int(re.search(r"Weight::from_parts\(([\d_]+), ", body).group(1).replace("_", ""))
        slopes = {c: int(v.replace("_", "")) for v, c in re.findall(
            r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\((\w+)\.into\(\)\)", body)}
        reads = sum(int(x) for x in re.findall(r"T::DbWeight::get\(\)\.reads\((\d+)_u64\)\)", body))
        writes = sum(int(x) for x in re.findall(r"T::DbWeight::get\(\)\.writes\((\d+)_u64\)\)", body))
        comp_reads = {c: int(v) for v, c in re.findall(
            r"reads\(\((\d+)_u64\)\.saturating_mul\((\w+)\.into\(\)\)\)", body)}
        comp_writes = {c: int(v) for v, c in re.findall(
            r"writes\(\((\d+)_u64\)\.saturating_mul\((\w+)\.into\(\)\)\)", body)}
        out[name] = (base, slopes, reads, writes, comp_reads, comp_writes)
    return out


def weight(fn, **components):
    base, slopes, reads, writes, cr, cw = fn
    w = base + reads * READ + writes * WRITE
    for c, n in components.items():
        w += n * (slopes.get(c, 0) + cr.get(c, 0) * READ + cw.get(c, 0) * WRITE)
    return w


def per_component(fn, c):
    base, slopes, reads, writes, cr, cw = fn
    return slopes.get(c, 0) + cr.get(c, 0) * READ + cw.get(c, 0) * WRITE


balances = functions(sys.argv[1])
market = functions(sys.argv[2])
transfer = weight(balances["transfer_keep_alive"])
print(f"transfer_keep_alive: {transfer / 1e6:.1f} µs (ref time incl. RocksDB reads/writes)")
print(f"{'market weight':44} {'µs':>10} {'× transfer':>11}")
rows = [
    ("place_order, non-crossing (place_resting_order)", weight(market["place_resting_order"])),
    ("place_order, each fill (slope in f)", per_component(market["place_order"], "f")),
    ("cancel_order", weight(market["cancel_order"])),
    ("create_offer", weight(market["create_offer"])),
    ("buy_offer", weight(market["buy_offer"])),
    ("bid", weight(market["bid"])),
    ("cancel_offer", weight(market["cancel_offer"])),
    ("settle_auction", weight(market["settle_auction"])),
    ("post_request", weight(market["post_request"])),
    ("propose", weight(market["propose"])),
    ("accept_proposal (p = 1)", weight(market["accept_proposal"], p=1)),
    ("cancel_request (p = 0)", weight(market["cancel_request"], p=0)),
    ("on_initialize_cleanup, each entry (slope in n)", per_component(market["on_initialize_cleanup"], "n")),
]
for name, w in rows:
    print(f"{name:44} {w / 1e6:>10.1f} {w / transfer:>11.2f}")
fill = per_component(market["place_order"], "f")
# Normal dispatch: 75 % of a 2-second block's ref time (runtime/src/configs/system.rs).
normal = 0.75 * 2_000_000_000_000
print(f"fills per block (normal class, 75 % of 2 s): {int(normal // fill)}")

# The evaluation pallet's weights, when its file is given too.
if len(sys.argv) > 3:
    evaluation = functions(sys.argv[3])
    print(f"{'evaluation weight':44} {'µs':>10} {'× transfer':>11}")
    rows = [
        ("open_round", weight(evaluation["open_round"])),
        ("commit", weight(evaluation["commit"])),
        ("reveal", weight(evaluation["reveal"])),
        ("finalise_round, each evaluator (slope in e)", per_component(evaluation["finalise_round"], "e")),
        ("finalise_round, 64 evaluators", weight(evaluation["finalise_round"], e=64)),
        ("pay_era_listing, each share (slope in s)", per_component(evaluation["pay_era_listing"], "s")),
        ("pay_era_listing, 16 shares", weight(evaluation["pay_era_listing"], s=16)),
    ]
    for name, w in rows:
        print(f"{name:44} {w / 1e6:>10.1f} {w / transfer:>11.2f}")
