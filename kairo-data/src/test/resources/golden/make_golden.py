#!/usr/bin/python3
"""Writes the reference values that kairo-data's tests compare against.

Run from this folder with Debian's Python (python3-numpy 1.24, python3-sklearn 1.2):

    /usr/bin/python3 make_golden.py > sklearn_golden.txt

Every value is printed as the shortest decimal that identifies its float32 (NumPy's repr),
so Java's Float.parseFloat recovers the exact float: the tests compare bit for bit.
Doubles from the random stream are printed with repr (17 significant digits round-trip).

Format: a line "case NAME ARGS..." starts a block; then one line per sample
"x0 x1 ... label"; blocks of raw numbers use "values NAME" followed by one value per line.
"""
import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_circles, make_moons


def f32(v):
    return str(np.float32(v))


def dump(name, args, X, y):
    # The summary comments are the values written out by hand in GeneratorsTest.
    print("# summary", name, *args, "first", [f32(v) for v in X[0]], "last", [f32(v) for v in X[-1]],
          "column sums (float64)", [repr(float(s)) for s in X.sum(axis=0)], "label sum", int(y.sum()))
    print("case", name, *args)
    for row, label in zip(X, y):
        print(*[f32(v) for v in row], int(label))


print("# numpy", np.__version__, "sklearn", sklearn.__version__)

for n, noise, seed in [(200, 0.20, 0), (1000, 0.20, 1), (7, 0.10, 42)]:
    X, y = make_moons(n_samples=n, noise=noise, random_state=seed)
    dump("moons", [n, noise, seed], X, y)

X, y = make_circles(n_samples=101, noise=0.05, factor=0.5, random_state=3)
dump("circles", [101, 0.05, 0.5, 3], X, y)

X, y = make_blobs(n_samples=50, centers=[[1.0, 2.0], [-3.0, 0.5], [4.0, -4.0]],
                  cluster_std=0.7, random_state=5)
dump("blobs_centers", [50, 0.7, 5], X, y)

X, y = make_blobs(n_samples=31, centers=4, n_features=3, cluster_std=1.5, random_state=9)
dump("blobs_box", [31, 4, 3, 1.5, 9], X, y)

# CS231n's spiral (https://cs231n.github.io/neural-networks-case-study/), noise 0.2.
np.random.seed(0)
N, D, K = 100, 2, 3
X = np.zeros((N * K, D))
y = np.zeros(N * K, dtype="uint8")
for j in range(K):
    ix = range(N * j, N * (j + 1))
    r = np.linspace(0.0, 1, N)
    t = np.linspace(j * 4, (j + 1) * 4, N) + np.random.randn(N) * 0.2
    X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
    y[ix] = j
dump("spirals", [300, 3, 0.2, 0], X, y)

# The raw streams behind them.
rs = np.random.RandomState(0)
print("values random_sample_seed0")
for v in rs.random_sample(5):
    print(repr(float(v)))
rs = np.random.RandomState(123456789)
print("values standard_normal_seed123456789")
for v in rs.standard_normal(7):
    print(repr(float(v)))
rs = np.random.RandomState(2**32 - 1)
print("values permutation20_seed4294967295")
for v in rs.permutation(20):
    print(int(v))
rs = np.random.RandomState(7)
print("values randint_0_1000_seed7")
for v in rs.randint(0, 1000, size=6):
    print(int(v))
print("end")
