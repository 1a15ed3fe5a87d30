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


def ref_time(fn, **components):
    """The measured execution time alone, without the database weights."""
    base, slopes, *_ = fn
    return base + sum(n * slopes.get(c, 0) for c, n in components.items())


balances = functions(sys.argv[1])
market = functions(sys.argv[2])
transfer = weight(balances["transfer_keep_alive"])
transfer_time = ref_time(balances["transfer_keep_alive"])
print(f"transfer_keep_alive: {transfer / 1e6:.1f} µs weight (ref time incl. RocksDB reads/writes), "
      f"{transfer_time / 1e6:.1f} µs measured time")
print(f"{'market weight':66} {'µs':>9} {'× transfer':>11} {'time µs':>9} {'× time':>7}")
sell, buy = market["place_sell_order"], market["place_buy_order"]
rows = [
    ("place_order, non-crossing (place_resting_order)", market["place_resting_order"], {}, False),
    ("place_order selling, each fill (slope in f)", sell, {"f": 1}, True),
    ("place_order selling, each level with its first fill (slope in l)", sell, {"l": 1}, True),
    ("place_order buying, each fill (slope in f)", buy, {"f": 1}, True),
    ("place_order buying, each level with its first fill (slope in l)", buy, {"l": 1}, True),
    ("place_order selling, 128 fills on one level", sell, {"l": 1, "f": 127}, False),
    ("place_order selling, 128 fills on 64 levels", sell, {"l": 64, "f": 64}, False),
    ("place_order buying, 128 fills on one level", buy, {"l": 1, "f": 127}, False),
    ("place_order buying, 128 fills on 64 levels", buy, {"l": 64, "f": 64}, False),
    ("cancel_order", market["cancel_order"], {}, False),
    ("settle_order", market["settle_order"], {}, False),
    ("create_offer", market["create_offer"], {}, False),
    ("buy_offer", market["buy_offer"], {}, False),
    ("bid", market["bid"], {}, False),
    ("cancel_offer", market["cancel_offer"], {}, False),
    ("settle_auction", market["settle_auction"], {}, False),
    ("post_request", market["post_request"], {}, False),
    ("propose", market["propose"], {}, False),
    ("accept_proposal (p = 1)", market["accept_proposal"], {"p": 1}, False),
    ("cancel_request (p = 0)", market["cancel_request"], {"p": 0}, False),
    ("on_initialize_cleanup, each entry (slope in n)", market["on_initialize_cleanup"], {"n": 1}, True),
]
for name, fn, comps, slope in rows:
    if slope:
        (c,) = comps
        w, t = per_component(fn, c), fn[1].get(c, 0)
    else:
        w, t = weight(fn, **comps), ref_time(fn, **comps)
    print(f"{name:66} {w / 1e6:>9.1f} {w / transfer:>11.2f} {t / 1e6:>9.1f} {t / transfer_time:>7.2f}")
# Normal dispatch: 75 % of a 2-second block's ref time (runtime/src/configs/system.rs).
normal = 0.75 * 2_000_000_000_000
fill = max(per_component(sell, "f"), per_component(buy, "f"))
level = max(per_component(sell, "l"), per_component(buy, "l"))
one_level = max(weight(sell, l=1, f=127), weight(buy, l=1, f=127)) / 128
most_levels = max(weight(sell, l=64, f=64), weight(buy, l=64, f=64)) / 128
print(f"fills per block (normal class, 75 % of 2 s): {int(normal // fill)} by the costlier fill's slope "
      f"({int(normal // level)} if every fill opened a level); in calls of 128 fills with each call's "
      f"fixed cost: {int(normal // one_level)} on one level, {int(normal // most_levels)} on 64 levels")

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
