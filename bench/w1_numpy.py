#!/usr/bin/python3
"""W1 with NumPy: float32 C = A @ B for square n, C preallocated (np.matmul(..., out=C)).

Same protocol as Kairo's dev.kairo.bench.W1MatMul: A, B uniform [0, 1), 3 untimed calls,
then k = max(5, floor(1 s / one call)) timed calls; GFLOP/s = 2 n^3 / fastest call.
Prints the OpenBLAS core type NumPy runs on, read with ctypes from the libopenblas that
NumPy loaded (openblas_get_corename / openblas_get_config), so crippled kernels show.

Run with Debian's interpreter: /usr/bin/python3 bench/w1_numpy.py --sizes 256,512 --json out.json
"""
import argparse
import ctypes
import json
import os
import platform
import sys
import time

import numpy as np


def blas_info():
    """Core name, config and thread count of the OpenBLAS mapped into this process."""
    info = {"library": None, "corename": None, "config": None, "threads": None}
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps
                        if "blas" in line and line.split()[-1].startswith("/")})
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            lib.openblas_get_config.restype = ctypes.c_char_p
        except (OSError, AttributeError):
            continue
        info["library"] = os.path.realpath(path)
        info["corename"] = lib.openblas_get_corename().decode()
        info["config"] = lib.openblas_get_config().decode().strip()
        info["threads"] = lib.openblas_get_num_threads()
        break
    return info


def measure(n, rng):
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    c = np.empty((n, n), dtype=np.float32)
    one = 0.0
    for _ in range(3):
        t = time.perf_counter()
        np.matmul(a, b, out=c)
        one = time.perf_counter() - t
    calls = max(5, int(1.0 / one)) if one > 0 else 5
    best = float("inf")
    for _ in range(calls):
        t = time.perf_counter()
        np.matmul(a, b, out=c)
        best = min(best, time.perf_counter() - t)
    return {"n": n, "gflops": 2.0 * n ** 3 / best / 1e9, "best_s": best, "calls": calls}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="256,512,1024,2048")
    ap.add_argument("--json")
    ap.add_argument("--probe", action="store_true",
                    help="print the BLAS NumPy loaded (library, core, config) as JSON and exit")
    args = ap.parse_args()
    rng = np.random.default_rng(1)
    info = blas_info()
    if args.probe:
        print(json.dumps(info))
        return 0
    print(f"numpy {np.__version__} on {platform.python_implementation()} {platform.python_version()}; "
          f"OpenBLAS core {info['corename']} ({info['config']}), {info['threads']} threads; "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '')}", flush=True)
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        r = measure(n, rng)
        results.append(r)
        print(f"W1 numpy n={n} {r['gflops']:.1f} GFLOP/s (best {r['best_s'] * 1e3:.3f} ms of "
              f"{r['calls']} calls)", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"workload": "W1", "impl": "numpy", "numpy": np.__version__,
                       "blas": info, "results": results}, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
