#!/usr/bin/env python3
"""Turns bench/compare's per-process records into Markdown tables and bench/results/compare.json.

Each record holds one process's JSON line. The figure compared per workload:
  W5a, W5b    seconds (lower is better)       ratio = peer / Kairo
  W2, W3, W4  samples_per_s (higher)          ratio = Kairo / peer
  W6          latency_us (lower) and batch_samples_per_s (higher); Kairo through a Predictor,
              and "kairo-module" (model.forward) listed under the table
Ratios are medians over repetitions of (peer figure / Kairo figure), oriented so that above 1
means Kairo is faster. Peers: NumPy from scratch, PyTorch, and scikit-learn's MLPClassifier
(W2 and W5a only; "-" where a peer has no run). W5b also has a reference point, "java-floor"
(W5RegressionFloor: the recipe as hand-fused Java loops), listed under the table, not as a peer.
"""
import datetime
import glob
import json
import statistics
import subprocess
import sys

work, cpu, cores, numpy_core, peer_fix, dropped = sys.argv[1:7]
recs = [json.load(open(f)) for f in sorted(glob.glob(work + "/*.rec"))]

FIGURES = {
    "W5a": [("seconds", False)], "W5b": [("seconds", False)],
    "W2": [("samples_per_s", True)], "W3": [("samples_per_s", True)], "W4": [("samples_per_s", True)],
    "W6": [("latency_us", False), ("batch_samples_per_s", True)],
}


def cell(vals, fmt):
    if not vals:
        return "-"
    return f"{fmt(statistics.median(vals))} ({fmt(min(vals))}-{fmt(max(vals))})"


def num(v):
    return f"{v:,.0f}" if v >= 1000 else f"{v:.3g}"


by = {}
for r in recs:
    by.setdefault((r["workload"], r["threads"]), {}).setdefault(r["impl"], []).append(r)

try:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
except OSError:
    commit = "?"
print(f"\nKairo {commit} on {cpu}, {cores} cores, {datetime.date.today()}; NumPy/PyTorch OpenBLAS core: "
      f"{numpy_core}" + (f" (peers run with OPENBLAS_CORETYPE={peer_fix})" if peer_fix else ""))
if dropped.strip():
    print(f"Inherited variables not passed on: {dropped.strip()}")
print("Median (min-max) of separate processes. Ratio: above 1 means Kairo is faster.\n")
PEERS = [("numpy", "NumPy"), ("torch", "PyTorch"), ("sklearn", "scikit-learn")]
print("| workload | threads | figure | Kairo | " + " | ".join(n for _, n in PEERS) + " | "
      + " | ".join(f"{n}/Kairo" for _, n in PEERS) + " | Kairo metric | peer metrics |")
print("|---" * (6 + 2 * len(PEERS)) + "|")
for (w, t) in sorted(by, key=lambda k: (k[0], k[1])):
    impls = by[(w, t)]
    for fig, higher in FIGURES.get(w, []):
        vals = {i: [r["run"][fig] for r in rs if fig in r["run"]] for i, rs in impls.items()}

        def ratio(peer):
            k = {r["rep"]: r["run"].get(fig) for r in impls.get("kairo", [])}
            p = {r["rep"]: r["run"].get(fig) for r in impls.get(peer, [])}
            rs = [(k[i] / p[i]) if higher else (p[i] / k[i]) for i in k if i in p and k[i] and p[i]]
            return cell(rs, lambda v: f"{v:.2f}")

        def metric(i):
            ms = [r["run"].get("metric") for r in impls.get(i, []) if r["run"].get("metric") is not None]
            return f"{statistics.median(ms):.4g}" if ms else "-"

        print(f"| {w} | {t} | {fig} | {cell(vals.get('kairo', []), num)} | "
              + " | ".join(cell(vals.get(i, []), num) for i, _ in PEERS) + " | "
              + " | ".join(ratio(i) for i, _ in PEERS)
              + f" | {metric('kairo')} | " + ", ".join(f"{i} {metric(i)}" for i, _ in PEERS if i in impls)
              + " |")
    rss = {i: [r["run"]["peak_rss_mib"] for r in rs if "peak_rss_mib" in r["run"]] for i, rs in impls.items()}
    if w in ("W2", "W3"):
        print(f"| {w} | {t} | peak RSS MiB | {cell(rss.get('kairo', []), num)} | "
              + " | ".join(cell(rss.get(i, []), num) for i, _ in PEERS) + " |" + " |" * (len(PEERS) + 2))
floors = [(w, t) for (w, t) in sorted(by) if "java-floor" in by[(w, t)]]
if floors:
    print("\nReference point, not a peer: the same recipe hand-written as fused loops over plain "
          "float arrays in Java (no library, no graph, no allocation; scalar loops the JIT "
          "vectorises where it can, so a reference rather than a bound: Kairo/floor below 1 "
          "means Kairo is faster):")
for (w, t) in floors:
    impls = by[(w, t)]
    fl = {r["rep"]: r["run"]["seconds"] for r in impls["java-floor"]}
    k = {r["rep"]: r["run"]["seconds"] for r in impls.get("kairo", [])}
    npy = {r["rep"]: r["run"]["seconds"] for r in impls.get("numpy", [])}
    print(f"- {w} java-floor: {cell(list(fl.values()), num)} s; "
          f"Kairo/floor {cell([k[i] / fl[i] for i in fl if i in k], lambda v: f'{v:.2f}')}; "
          f"NumPy/floor {cell([npy[i] / fl[i] for i in fl if i in npy], lambda v: f'{v:.2f}')}; "
          f"its {impls['java-floor'][0]['run']['metric_name']} "
          f"{statistics.median(r['run']['metric'] for r in impls['java-floor']):.4g}")
modules = [k for k in sorted(by) if "kairo-module" in by[k]]
if modules:
    print("\nW6 through model.forward (the layer-by-layer ops) instead of a Predictor, same "
          "processes' order; ratio against PyTorch as in the table:")
for (w, t) in modules:
    impls = by[(w, t)]
    for fig, higher in FIGURES[w]:
        m = {r["rep"]: r["run"].get(fig) for r in impls["kairo-module"]}
        p = {r["rep"]: r["run"].get(fig) for r in impls.get("torch", [])}
        ratios = [(m[i] / p[i] if higher else p[i] / m[i]) for i in m if i in p and m[i] and p[i]]
        print(f"- {w} threads={t} {fig}: {cell([v for v in m.values() if v], num)}; "
              f"PyTorch/Kairo {cell(ratios, lambda v: f'{v:.2f}')}")
notes = {(r["workload"], r["impl"]): r["run"]["note"] for r in recs if r["run"].get("note")}
if notes:
    print("\nNot the workload's exact recipe (figures comparable in cost, metrics not exactly):")
    for (w, i), note in sorted(notes.items()):
        print(f"- {w} {i}: {note}")
json.dump({"date": str(datetime.datetime.now()), "commit": commit, "cpu": cpu, "cores": int(cores),
           "peer_openblas_core": numpy_core, "peer_coretype_override": peer_fix or None,
           "inherited_env_dropped": dropped.split(), "runs": recs},
          open("bench/results/compare.json", "w"), indent=1)
print("\nRaw figures: bench/results/compare.json")
