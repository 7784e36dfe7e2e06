#!/usr/bin/env python3
"""W2, W3, W4 peers for Kairo's side-by-side benchmark (see shared WORKLOADS.md).

  fashion_peers.py W2 numpy|torch|sklearn
                                    MLP 784-256-128-10 ReLU, 5 epochs: samples/s over epochs 2-5,
                                    test accuracy after epoch 5 (sklearn: MLPClassifier, one
                                    partial_fit per epoch; its init is Glorot uniform, not PyTorch's)
  fashion_peers.py W3 torch         CNN conv32-pool-conv64-pool-fc128-fc10: samples/s over 100 batches
                                    after 5 warm-up batches; test accuracy after epochs 1 and 2
  fashion_peers.py W4 torch         LSTM(28 -> 128) over the 28 rows, last hidden -> FC(10): samples/s
                                    as W3; test accuracy after 1 epoch

Common: Fashion-MNIST from /usr/share/datasets/fashion-mnist, pixels / 255 as float32; batch 128;
each epoch a fresh seeded permutation of the 60,000 images (469 batches, the last of 96); mean
softmax cross-entropy; Adam lr 1e-3 (0.9, 0.999, 1e-8); PyTorch's default init.
Threads come from the caller's environment (OMP_NUM_THREADS / KAIRO_BENCH_THREADS), the seed from
KAIRO_BENCH_SEED (default 0); prints one
JSON line with samples_per_s, metric (test accuracy), and peak_rss_mib (VmHWM).
"""
import gzip
import json
import os
import sys
import time

import numpy as np

DATA = os.environ.get("KAIRO_FASHION_MNIST", "/usr/share/datasets/fashion-mnist")
BATCH = 128
# Seed of the initial weights and the permutations; KAIRO_BENCH_SEED, as the Kairo runs read it.
SEED = int(os.environ.get("KAIRO_BENCH_SEED", "0"))


def idx(name):
    with gzip.open(os.path.join(DATA, name)) as f:
        raw = f.read()
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * ndim).reshape(dims)


def data():
    xtr = idx("train-images-idx3-ubyte.gz").astype(np.float32) / 255.0
    ytr = idx("train-labels-idx1-ubyte.gz").astype(np.int64)
    xte = idx("t10k-images-idx3-ubyte.gz").astype(np.float32) / 255.0
    yte = idx("t10k-labels-idx1-ubyte.gz").astype(np.int64)
    return xtr, ytr, xte, yte


def peak_rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def threads():
    return int(os.environ.get("KAIRO_BENCH_THREADS", os.environ.get("OMP_NUM_THREADS", "1")))


# ---------------------------------------------------------------------------------- NumPy W2
def w2_numpy():
    xtr, ytr, xte, yte = data()
    xtr = xtr.reshape(-1, 784)
    xte = xte.reshape(-1, 784)
    rng = np.random.default_rng(SEED)

    def layer(i, o):  # PyTorch's default: U(-1/sqrt(in), 1/sqrt(in)) for weight and bias
        b = 1 / np.sqrt(i)
        return [rng.uniform(-b, b, (i, o)).astype(np.float32), rng.uniform(-b, b, o).astype(np.float32)]

    params = layer(784, 256) + layer(256, 128) + layer(128, 10)
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, b1, b2, eps, step = 1e-3, 0.9, 0.999, 1e-8, 0
    seen, timed = 0, 0.0
    for epoch in range(5):
        perm = np.random.default_rng(epoch + 1000 * SEED).permutation(len(xtr))
        t0 = time.perf_counter()
        for s in range(0, len(xtr), BATCH):
            idx_ = perm[s:s + BATCH]
            x, y = xtr[idx_], ytr[idx_]
            W1, c1, W2, c2, W3, c3 = params
            h1 = np.maximum(x @ W1 + c1, 0)
            h2 = np.maximum(h1 @ W2 + c2, 0)
            z = h2 @ W3 + c3
            z = z - z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            n = len(y)
            g = p
            g[np.arange(n), y] -= 1
            g /= n
            gW3, gc3 = h2.T @ g, g.sum(0)
            d2 = (g @ W3.T) * (h2 > 0)
            gW2, gc2 = h1.T @ d2, d2.sum(0)
            d1 = (d2 @ W2.T) * (h1 > 0)
            gW1, gc1 = x.T @ d1, d1.sum(0)
            grads = [gW1, gc1, gW2, gc2, gW3, gc3]
            step += 1
            for i, (p_, g_) in enumerate(zip(params, grads)):
                m[i] = b1 * m[i] + (1 - b1) * g_
                v[i] = b2 * v[i] + (1 - b2) * g_ * g_
                mh = m[i] / (1 - b1 ** step)
                vh = v[i] / (1 - b2 ** step)
                p_ -= lr * mh / (np.sqrt(vh) + eps)
        dt = time.perf_counter() - t0
        if epoch >= 1:
            seen += len(xtr)
            timed += dt
    W1, c1, W2, c2, W3, c3 = params
    pred = (np.maximum(np.maximum(xte @ W1 + c1, 0) @ W2 + c2, 0) @ W3 + c3).argmax(1)
    return {"samples_per_s": seen / timed, "metric": float((pred == yte).mean()),
            "metric_name": "test_accuracy_epoch5"}


# --------------------------------------------------------------------------- scikit-learn W2
def w2_sklearn():
    # MLPClassifier.partial_fit (sklearn 1.2, neural_network/_multilayer_perceptron.py) runs
    # _fit(incremental=True) -> _fit_stochastic, whose epoch loop breaks after one pass
    # ("if incremental: break"): one epoch per call. In that pass, with shuffle=True, it permutes
    # the sample indices with sklearn.utils.shuffle(random_state=self._random_state), cuts them
    # with gen_batches(60000, batch_size) into 468 batches of 128 and a last one of 96, gathers
    # each batch with _safe_indexing (a fancy-index copy, as the NumPy peer does) and makes one
    # optimizer step per batch on the mean cross-entropy. Note: every call re-creates
    # self._random_state = check_random_state(self.random_state), so an int random_state=0 would
    # re-seed and repeat the same permutation every epoch; a RandomState(0) instance is kept
    # across calls, so each epoch gets a fresh permutation from one stream seeded 0 (the first
    # call draws the init from it first). Other differences from W2's recipe: Glorot-uniform init
    # for weights and biases (not PyTorch's); Adam's eps is added to sqrt(v) without v's bias
    # correction (lr_t = lr*sqrt(1-b2^t)/(1-b1^t); PyTorch divides by sqrt(v_hat)+eps); each call
    # also validates the 60,000 x 784 input (finiteness check) and binarizes the labels, which
    # counts in the epoch's time as a cost of the API. float32 in -> float32 weights and maths.
    import sklearn
    from sklearn.neural_network import MLPClassifier
    xtr, ytr, xte, yte = data()
    xtr = xtr.reshape(-1, 784)
    xte = xte.reshape(-1, 784)
    clf = MLPClassifier(hidden_layer_sizes=(256, 128), activation="relu", solver="adam",
                        learning_rate_init=1e-3, beta_1=0.9, beta_2=0.999, epsilon=1e-8, alpha=0.0,
                        batch_size=BATCH, shuffle=True, random_state=np.random.RandomState(SEED))
    classes = np.arange(10)
    seen, timed, accs = 0, 0.0, []
    for epoch in range(5):
        t0 = time.perf_counter()
        clf.partial_fit(xtr, ytr, classes=classes)
        dt = time.perf_counter() - t0
        if epoch >= 1:
            seen += len(xtr)
            timed += dt
        accs.append(float((clf.predict(xte) == yte).mean()))
    assert clf.coefs_[0].dtype == np.float32 and clf.t_ == 5 * len(xtr), "not 5 float32 epochs"
    return {"samples_per_s": seen / timed, "metric": accs[-1], "metric_name": "test_accuracy_epoch5",
            "accuracy_per_epoch": accs,
            "sklearn_version": sklearn.__version__,
            "note": "MLPClassifier.partial_fit once per epoch; Glorot-uniform init, not PyTorch's"}


# -------------------------------------------------------------------------------- PyTorch
def torch_setup():
    import torch
    torch.set_num_threads(threads())
    torch.manual_seed(SEED)
    return torch


def torch_eval(torch, model, xte, yte):
    model.eval()
    correct = 0
    with torch.no_grad():
        for s in range(0, len(xte), BATCH):  # the training batch, as Kairo evaluates
            correct += (model(xte[s:s + BATCH]).argmax(1) == yte[s:s + BATCH]).sum().item()
    model.train()
    return correct / len(xte)


def torch_models(torch, w):
    nn = torch.nn
    if w == "W2":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                             nn.Linear(128, 10))
    if w == "W3":
        return nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                             nn.Linear(3136, 128), nn.ReLU(), nn.Linear(128, 10))

    class Lstm(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTM(28, 128, batch_first=True)
            self.fc = nn.Linear(128, 10)

        def forward(self, x):
            out, _ = self.lstm(x.reshape(-1, 28, 28))
            return self.fc(out[:, -1])
    return Lstm()


def w_torch(w):
    torch = torch_setup()
    xtr, ytr, xte, yte = data()
    xtr = torch.from_numpy(xtr).reshape(-1, 1, 28, 28)
    xte = torch.from_numpy(xte).reshape(-1, 1, 28, 28)
    ytr = torch.from_numpy(ytr)
    yte = torch.from_numpy(yte)
    model = torch_models(torch, w)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    lossf = torch.nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(SEED)
    epochs = {"W2": 5, "W3": 2, "W4": 1}[w]
    seen, timed, accs, batches = 0, 0.0, [], 0
    t_mark = None
    for epoch in range(epochs):
        perm = torch.randperm(len(xtr), generator=g)
        t0 = time.perf_counter()
        for s in range(0, len(xtr), BATCH):
            i = perm[s:s + BATCH]
            x, y = xtr[i], ytr[i]
            opt.zero_grad(set_to_none=True)
            loss = lossf(model(x), y)
            loss.backward()
            opt.step()
            batches += 1
            if w != "W2":  # 100 batches after 5 warm-up ones
                if batches == 5:
                    t_mark = time.perf_counter()
                elif batches == 105:
                    timed = time.perf_counter() - t_mark
                    seen = 100 * BATCH
        dt = time.perf_counter() - t0
        if w == "W2" and epoch >= 1:
            seen += len(xtr)
            timed += dt
        accs.append(torch_eval(torch, model, xte, yte))
    names = {"W2": "test_accuracy_epoch5", "W3": "test_accuracy_epoch2", "W4": "test_accuracy_epoch1"}
    return {"samples_per_s": seen / timed, "metric": accs[-1], "metric_name": names[w],
            "accuracy_per_epoch": accs}


if __name__ == "__main__":
    w, impl = sys.argv[1], sys.argv[2]
    if (w, impl) == ("W2", "sklearn"):
        try:
            import sklearn  # noqa: F401
        except ImportError as e:
            print(f"fashion_peers.py: scikit-learn is not importable ({e}); "
                  "install Debian's python3-sklearn to run this peer", file=sys.stderr)
            sys.exit(3)
        r = w2_sklearn()
    elif impl == "sklearn":
        sys.exit(f"fashion_peers.py: no scikit-learn peer for {w} (only W2)")
    else:
        r = w2_numpy() if (w, impl) == ("W2", "numpy") else w_torch(w)
    r.update({"workload": w, "impl": impl, "threads": threads(), "peak_rss_mib": peak_rss_mib()})
    print(json.dumps(r))
