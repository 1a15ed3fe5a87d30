#!/usr/bin/env python3
"""Print every AllSpark pallet's weights as ratios to `transfer_keep_alive`'s from the same benchmark
run (ref time with RocksDB read/write costs: the runtime's `DbWeight`, so that the chain stays safe for
operators who pick RocksDB), the performance goals of pallets/market/BENCHMARKS.md, and fills per block.

usage: weight-ratios.py [DIR]
  DIR holds a run's files by crate (pallet_balances.rs, pallet_allspark_market.rs, ...); without it,
  the committed weights: pallets/*/src/weights.rs and pallets/market/benchmarks/transfer_keep_alive.rs.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PALLETS = {"content": "pallet_allspark_content", "evaluation": "pallet_allspark_evaluation",
           "market": "pallet_allspark_market", "token": "pallet_allspark_token",
           "validators": "pallet_allspark_validators"}

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




def load(directory):
    """crate name -> functions, from a run's directory or the committed files."""
    if directory:
        return {c: functions(os.path.join(directory, c + ".rs"))
                for c in ["pallet_balances", *PALLETS.values()]
                if os.path.exists(os.path.join(directory, c + ".rs"))}
    files = {c: os.path.join(ROOT, "pallets", d, "src", "weights.rs") for d, c in PALLETS.items()}
    files["pallet_balances"] = os.path.join(ROOT, "pallets", "market", "benchmarks", "transfer_keep_alive.rs")
    return {c: functions(f) for c, f in files.items() if os.path.exists(f)}


def host(directory):
    """The host line of a generated file's header."""
    path = (os.path.join(directory, "pallet_balances.rs") if directory else
            os.path.join(ROOT, "pallets", "market", "benchmarks", "transfer_keep_alive.rs"))
    text = open(path).read()
    m = re.search(r"//! (Benchmark CLI .*?)\n", text)
    h = re.search(r"//! Host: (.*?)\n//!\s*Regenerate", text, re.S)
    return (m.group(1) if m else "?"), (" ".join(h.group(1).replace("//!", " ").split()) if h else "?")


runs = load(sys.argv[1] if len(sys.argv) > 1 else None)
balances = runs["pallet_balances"]
transfer = weight(balances["transfer_keep_alive"])
transfer_time = ref_time(balances["transfer_keep_alive"])
cli, where = host(sys.argv[1] if len(sys.argv) > 1 else None)
print(f"run: {cli}")
print(f"host: {where}")
print(f"transfer_keep_alive: {transfer / 1e6:.1f} µs weight (ref time incl. RocksDB reads/writes), "
      f"{transfer_time / 1e6:.1f} µs measured time")


def row(name, w, t=None, goal=None):
    ratio = w / transfer
    mark = "" if goal is None else (f"≤ {goal:g} {'met' if ratio <= goal else 'MISSED'}")
    times = "" if t is None else f"{t / 1e6:>9.1f} {t / transfer_time:>7.2f}"
    print(f"  {name:66} {w / 1e6:>9.1f} {ratio:>10.2f}  {times:17} {mark}")


market = runs.get("pallet_allspark_market")
if market:
    print(f"\n  {'market weight':66} {'µs':>9} {'× transfer':>10}  {'time µs':>9} {'× time':>7} goal")
    sell, buy = market["place_sell_order"], market["place_buy_order"]
    for name, fn, comps, slope, goal in [
        ("place_order, non-crossing (place_resting_order)", market["place_resting_order"], {}, False, 3),
        ("cancel_order", market["cancel_order"], {}, False, 2),
        ("place_order selling, each fill at a level (slope in f)", sell, {"f": 1}, True, 0.5),
        ("place_order selling, each level with its first fill (slope in l)", sell, {"l": 1}, True, None),
        ("place_order buying, each fill at a level (slope in f)", buy, {"f": 1}, True, 0.5),
        ("place_order buying, each level with its first fill (slope in l)", buy, {"l": 1}, True, None),
        ("place_order selling, 128 fills on one level", sell, {"l": 1, "f": 127}, False, None),
        ("place_order selling, 128 fills on 64 levels", sell, {"l": 64, "f": 64}, False, None),
        ("place_order buying, 128 fills on one level", buy, {"l": 1, "f": 127}, False, None),
        ("place_order buying, 128 fills on 64 levels", buy, {"l": 64, "f": 64}, False, None),
        *[(n, market[n], {}, False, None) for n in [
            "create_offer", "buy_offer", "bid", "cancel_offer", "settle_auction",
            "post_request", "propose", "remove_proposal", "expire_order", "expire_offer", "expire_request"]
          if n in market],
        ("settle_queue, each entry (slope in n)", market["settle_queue"], {"n": 1}, True, None),
        ("accept_proposal (p = 1)", market["accept_proposal"], {"p": 1}, False, None),
        ("cancel_request (p = 16)", market["cancel_request"], {"p": 16}, False, None),
        ("on_initialize_cleanup, each auction settled (slope in n)", market["on_initialize_cleanup"], {"n": 1}, True, None),
    ]:
        if slope:
            (c,) = comps
            row(name, per_component(fn, c), fn[1].get(c, 0), goal)
        else:
            row(name, weight(fn, **comps), ref_time(fn, **comps), goal)
    # Normal dispatch: 75 % of a 2-second block's ref time (runtime/src/configs/system.rs).
    normal = 0.75 * 2_000_000_000_000
    fill = max(per_component(sell, "f"), per_component(buy, "f"))
    level = max(per_component(sell, "l"), per_component(buy, "l"))
    sides = {"selling": sell, "buying": buy}
    print(f"\n  fills per block (normal class, 75 % of 2 s): {int(normal // fill)} by the costlier fill's slope "
          f"({int(normal // level)} if every fill opened a level); in full calls of 128 fills, each call's fixed "
          f"cost included (goal: 10,000 on both sides):")
    for side, fn in sides.items():
        one, most = weight(fn, l=1, f=127) / 128, weight(fn, l=64, f=64) / 128
        print(f"    {side}: {int(normal // one)} on one level, {int(normal // most)} on 64 levels"
              f" ({'met' if normal // one >= 10_000 else 'MISSED'} on one level)")

for crate, title, rows in [
    ("pallet_allspark_evaluation", "evaluation weight", [("finalise_round (e = 64)", {"e": 64})]),
    ("pallet_allspark_content", "content weight", None),
    ("pallet_allspark_token", "token weight", None),
    ("pallet_allspark_validators", "validators weight", None),
]:
    fns = runs.get(crate)
    if not fns:
        continue
    print(f"\n  {title:66} {'µs':>9} {'× transfer':>10}")
    # Every benchmark at its components' lowest (1), then the named extra rows.
    rows = [(n, {c: 1 for c in fn[1]}) for n, fn in fns.items()] + (rows or [])
    for name, comps in rows:
        fn = fns[name.split(" ")[0]]
        label = name if "(" in name or not comps else f"{name} ({', '.join(f'{c} = {v}' for c, v in comps.items())})"
        row(label, weight(fn, **comps))
