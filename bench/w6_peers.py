#!/usr/bin/env python3
"""W6 peers (WORKLOADS.md): W2's network, untrained, eval mode, no autograd, softmax output.

  w6_peers.py numpy|torch

Single sample [1, 784]: 1000 warm-up calls, 10,000 timed calls, median microseconds; batch
[128, 784]: 20 warm-up, 200 timed calls, samples/s. Threads from the caller's environment.
Prints one JSON line.
"""
import json
import os
import sys
import time

import numpy as np


def peak_rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def measure(fn, one, batch):
    for _ in range(1000):
        fn(one)
    times = []
    for _ in range(10000):
        t0 = time.perf_counter()
        fn(one)
        times.append(time.perf_counter() - t0)
    for _ in range(20):
        fn(batch)
    t0 = time.perf_counter()
    for _ in range(200):
        fn(batch)
    return float(np.median(times)) * 1e6, 200 * 128 / (time.perf_counter() - t0)


def numpy_net():
    rng = np.random.default_rng(0)

    def layer(i, o):
        b = 1 / np.sqrt(i)
        return rng.uniform(-b, b, (i, o)).astype(np.float32), rng.uniform(-b, b, o).astype(np.float32)

    (W1, b1), (W2, b2), (W3, b3) = layer(784, 256), layer(256, 128), layer(128, 10)

    def f(x):
        z = np.maximum(np.maximum(x @ W1 + b1, 0) @ W2 + b2, 0) @ W3 + b3
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return f


def torch_net():
    import torch
    torch.set_num_threads(int(os.environ.get("KAIRO_BENCH_THREADS", os.environ.get("OMP_NUM_THREADS", "1"))))
    torch.manual_seed(0)
    nn = torch.nn
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    model.eval()

    def f(x):
        with torch.inference_mode():
            return torch.softmax(model(x), dim=1)
    return f, torch


if __name__ == "__main__":
    impl = sys.argv[1]
    rng = np.random.default_rng(1)
    one = rng.random((1, 784), dtype=np.float32)
    batch = rng.random((128, 784), dtype=np.float32)
    if impl == "numpy":
        lat, sps = measure(numpy_net(), one, batch)
    else:
        f, torch = torch_net()
        lat, sps = measure(f, torch.from_numpy(one), torch.from_numpy(batch))
    print(json.dumps({"workload": "W6", "impl": impl, "latency_us": lat, "batch_samples_per_s": sps,
                      "peak_rss_mib": peak_rss_mib()}))
