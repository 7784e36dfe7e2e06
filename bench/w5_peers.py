#!/usr/bin/env python3
"""W5a and W5b peers for Kairo's side-by-side benchmark (see shared WORKLOADS.md).

  w5_peers.py w5a numpy|torch    seed 003: make_moons(200, 0.20, random_state=0), 2-3-2 tanh/softmax,
                                 full-batch GD, 20,000 passes, W -= 0.01*(sum dCE/dW + 0.01 W), float64
  w5a sklearn                    the closest scikit-learn version: MLPClassifier(hidden_layer_sizes=(3,),
                                 tanh, solver='sgd', full batch of 200, no momentum, 20,000 passes).
                                 Not the same network or start: sklearn gives a 2-class problem ONE
                                 logistic output unit (2-3-1 with binary cross-entropy: the same
                                 functions as a 2-way softmax, but there the difference of the two
                                 output columns gets twice the data gradient per step; the hidden
                                 layer's gradient is alike) and initialises weights AND biases
                                 Glorot-uniform U(+-sqrt(6/(fan_in+fan_out))) from RandomState(0)
                                 instead of N(0,1)/sqrt(fan_in) weights and zero biases. The step is
                                 the same: see w5a_sklearn. fit() is timed whole (input checks and
                                 init included, microseconds next to the 20,000 passes).
  w5b numpy|torch                seed 000: 64 points x = arange(-1, 1, 2/64), y = 2x^2 - 1, 1-1024-1 ReLU,
                                 1000 epochs of per-sample SGD (shuffled), lr 0.005, grad of 1/2 (yhat-y)^2, float64

Prints one JSON line: {"workload", "impl", "seconds", "metric", "metric_name", "peak_rss_mib"}
(and "note" where the peer departs from the workload's recipe: w5a sklearn).
The figure is the second of two whole runs in one process: the first is the warm-up WORKLOADS.md
asks for (pass --no-warmup to time a single cold run), as in Kairo's W5Moons / W5Regression.
Run with Debian's /usr/bin/python3 (numpy, scikit-learn, torch from Debian packages), pinned to
one core by the caller (taskset -c 0, OMP/OPENBLAS/MKL_NUM_THREADS=1).
"""
import json
import sys
import time

import numpy as np


def peak_rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def moons():
    from sklearn.datasets import make_moons
    return make_moons(n_samples=200, noise=0.20, random_state=0)


def w5a_numpy():
    X, y = moons()
    n, hdim, eps, reg = len(X), 3, 0.01, 0.01
    np.random.seed(0)
    W1 = np.random.randn(2, hdim) / np.sqrt(2)
    b1 = np.zeros((1, hdim))
    W2 = np.random.randn(hdim, 2) / np.sqrt(hdim)
    b2 = np.zeros((1, 2))
    t0 = time.perf_counter()
    for _ in range(20000):
        z1 = X.dot(W1) + b1
        a1 = np.tanh(z1)
        z2 = a1.dot(W2) + b2
        exp_scores = np.exp(z2)
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        delta3 = probs
        delta3[range(n), y] -= 1
        dW2 = (a1.T).dot(delta3)
        db2 = np.sum(delta3, axis=0, keepdims=True)
        delta2 = delta3.dot(W2.T) * (1 - np.power(a1, 2))
        dW1 = np.dot(X.T, delta2)
        db1 = np.sum(delta2, axis=0)
        dW2 += reg * W2
        dW1 += reg * W1
        W1 += -eps * dW1
        b1 += -eps * db1
        W2 += -eps * dW2
        b2 += -eps * db2
    seconds = time.perf_counter() - t0
    pred = np.argmax(np.tanh(X.dot(W1) + b1).dot(W2) + b2, axis=1)
    return seconds, float(np.mean(pred == y)), "train_accuracy"


def w5a_torch():
    import torch
    torch.set_num_threads(1)
    X, y = moons()
    X = torch.tensor(X, dtype=torch.float64)
    y = torch.tensor(y)
    torch.manual_seed(0)
    w1 = (torch.randn(2, 3, dtype=torch.float64) / np.sqrt(2)).requires_grad_()
    b1 = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    w2 = (torch.randn(3, 2, dtype=torch.float64) / np.sqrt(3)).requires_grad_()
    b2 = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    params = [w1, b1, w2, b2]
    t0 = time.perf_counter()
    for _ in range(20000):
        loss = torch.nn.functional.cross_entropy(torch.tanh(X @ w1 + b1) @ w2 + b2, y, reduction="sum")
        for p in params:
            p.grad = None
        loss.backward()
        with torch.no_grad():
            w1.grad += 0.01 * w1
            w2.grad += 0.01 * w2
            for p in params:
                p -= 0.01 * p.grad
    seconds = time.perf_counter() - t0
    with torch.no_grad():
        acc = (torch.argmax(torch.tanh(X @ w1 + b1) @ w2 + b2, 1) == y).double().mean().item()
    return seconds, acc, "train_accuracy"


def w5a_sklearn():
    # sklearn's gradient is of the MEAN loss plus (alpha / 2n) ||W||^2 (weights only, not
    # intercepts): coef_grad = (sum_i dCE_i/dW + alpha W) / n, intercept_grad = mean_i dCE_i/db
    # (MLP._compute_loss_grad), and plain SGD (momentum 0, constant rate) adds -lr * grad. With
    # lr = 0.01 * n = 2.0 and alpha = 0.01 the step is 2.0 * (sum + 0.01 W) / 200
    # = 0.01 * (sum_i dCE_i/dW + 0.01 W), and 0.01 * sum_i dCE_i/db for the biases: W5a's update.
    # tol=0 with n_iter_no_change above max_iter keeps it from stopping early, so it makes all
    # 20,000 full-batch passes (shuffle=False: the 200 rows in make_moons' order, one batch).
    import warnings
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    X, y = moons()
    n, steps = len(X), 20000
    clf = MLPClassifier(hidden_layer_sizes=(3,), activation="tanh", solver="sgd",
                        learning_rate="constant", learning_rate_init=0.01 * n, momentum=0.0,
                        nesterovs_momentum=False, batch_size=n, alpha=0.01, max_iter=steps, tol=0.0,
                        n_iter_no_change=steps + 1, early_stopping=False, shuffle=False,
                        random_state=0)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # "max_iter reached": by design
        clf.fit(X, y)
    seconds = time.perf_counter() - t0
    assert clf.n_iter_ == steps and clf.coefs_[0].dtype == np.float64, "not 20,000 float64 passes"
    return seconds, float(clf.score(X, y)), "train_accuracy"


def quadratic():
    train_x = np.arange(-1, 1, 2 / 64).reshape((64, 1))
    train_y = np.array([2 * x ** 2 - 1 for x in train_x]).reshape((64, 1))
    return train_x, train_y


def w5b_numpy():
    # Seed 000's program (ReLU hidden layer, per-sample SGD), completed where the page elides it.
    train_x, train_y = quadratic()
    np.random.seed(0)
    w1 = np.random.rand(1024, 1) - 0.5
    w2 = np.random.rand(1, 1024) - 0.5
    b1 = np.random.rand(1024) - 0.5
    b2 = np.random.rand(1) - 0.5
    idxes = np.arange(64)
    t0 = time.perf_counter()
    for _ in range(1000):
        np.random.shuffle(idxes)
        for idx in idxes:
            x = train_x[idx]
            t = train_y[idx]
            z1 = w1 @ x + b1
            h = np.maximum(z1, 0)
            yhat = w2 @ h + b2
            diff = yhat - t
            dh = (w2.T @ diff) * (z1 > 0)
            w2 -= 0.005 * np.outer(diff, h)
            b2 -= 0.005 * diff
            w1 -= 0.005 * np.outer(dh, x)
            b1 -= 0.005 * dh
    seconds = time.perf_counter() - t0
    pred = (np.maximum(train_x @ w1.T + b1, 0) @ w2.T + b2)
    return seconds, float(np.mean((pred - train_y) ** 2)), "final_mse"


def w5b_torch():
    import torch
    torch.set_num_threads(1)
    train_x, train_y = quadratic()
    X = torch.tensor(train_x, dtype=torch.float64)
    Y = torch.tensor(train_y, dtype=torch.float64)
    torch.manual_seed(0)
    w1 = (torch.rand(1024, 1, dtype=torch.float64) - 0.5).requires_grad_()
    b1 = (torch.rand(1024, dtype=torch.float64) - 0.5).requires_grad_()
    w2 = (torch.rand(1, 1024, dtype=torch.float64) - 0.5).requires_grad_()
    b2 = (torch.rand(1, dtype=torch.float64) - 0.5).requires_grad_()
    params = [w1, b1, w2, b2]
    g = torch.Generator().manual_seed(0)
    t0 = time.perf_counter()
    for _ in range(1000):
        for idx in torch.randperm(64, generator=g).tolist():
            yhat = torch.relu(X[idx] @ w1.T + b1) @ w2.T + b2
            loss = 0.5 * ((yhat - Y[idx]) ** 2).sum()
            for p in params:
                p.grad = None
            loss.backward()
            with torch.no_grad():
                for p in params:
                    p -= 0.005 * p.grad
    seconds = time.perf_counter() - t0
    with torch.no_grad():
        mse = ((torch.relu(X @ w1.T + b1) @ w2.T + b2 - Y) ** 2).mean().item()
    return seconds, mse, "final_mse"


NOTES = {("w5a", "sklearn"): "MLPClassifier: 2-3-1 with one logistic output (not a 2-way softmax), "
                             "Glorot-uniform init of weights and biases (not W5a's); same step "
                             "(lr 0.01*n on the mean loss, alpha 0.01)"}
RUNNERS = {("w5a", "numpy"): w5a_numpy, ("w5a", "torch"): w5a_torch, ("w5a", "sklearn"): w5a_sklearn,
           ("w5b", "numpy"): w5b_numpy, ("w5b", "torch"): w5b_torch}

if __name__ == "__main__":
    workload, impl = sys.argv[1], sys.argv[2]
    if (workload, impl) not in RUNNERS:
        sys.exit(f"w5_peers.py: no peer {impl} for {workload}")
    try:  # make_moons (W5a) and the sklearn peer need scikit-learn
        import sklearn  # noqa: F401
    except ImportError as e:
        if workload == "w5a":
            print(f"w5_peers.py: scikit-learn is not importable ({e}); "
                  "install Debian's python3-sklearn to run W5a's peers", file=sys.stderr)
            sys.exit(3)
    # "After a warm-up" (WORKLOADS.md): one whole untimed run first, as Kairo's W5 mains do.
    if "--no-warmup" not in sys.argv[3:]:
        RUNNERS[(workload, impl)]()
    seconds, metric, name = RUNNERS[(workload, impl)]()
    r = {"workload": workload, "impl": impl, "seconds": seconds, "metric": metric,
         "metric_name": name, "peak_rss_mib": peak_rss_mib()}
    if (workload, impl) in NOTES:
        r["note"] = NOTES[(workload, impl)]
    print(json.dumps(r))
