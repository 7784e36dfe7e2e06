"""PyTorch's time for WORKLOADS.md's W4 shape, the twin of Kairo's LstmW4Timing.

batch 128, 28 steps of 28 features, nn.LSTM(28, 128, batch_first=True), last h -> Linear(128, 10),
cross-entropy; forward + backward, then the whole step with Adam. Run:
    /usr/bin/python3 kairo-core/src/test/python/lstm_w4_timing.py [iterations] [threads]
"""
import sys
import time

import torch

iters = int(sys.argv[1]) if len(sys.argv) > 1 else 60
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
torch.manual_seed(1)
lstm = torch.nn.LSTM(28, 128, batch_first=True)
fc = torch.nn.Linear(128, 10)
opt = torch.optim.Adam(list(lstm.parameters()) + list(fc.parameters()), lr=1e-3)
x = torch.rand(128, 28, 28)
labels = torch.randint(0, 10, (128,))
print("torch", torch.__version__, "threads", torch.get_num_threads())
for with_step in (False, True):
    fwd, total = [], []
    for it in range(-30, iters):
        t0 = time.perf_counter()
        _, (h, _) = lstm(x)
        loss = torch.nn.functional.cross_entropy(fc(h[-1]), labels)
        t1 = time.perf_counter()
        opt.zero_grad()
        loss.backward()
        if with_step:
            opt.step()
        t2 = time.perf_counter()
        if it >= 0:
            fwd.append((t1 - t0) * 1e3)
            total.append((t2 - t0) * 1e3)
    fwd.sort()
    total.sort()
    m = total[len(total) // 2]
    print("W4 %s: median %.2f ms per batch (forward %.2f ms), min %.2f ms, %.0f samples/s"
          % ("forward+backward+Adam" if with_step else "forward+backward", m,
             fwd[len(fwd) // 2], total[0], 128 / (m / 1e3)))
