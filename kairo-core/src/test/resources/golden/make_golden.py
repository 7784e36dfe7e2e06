#!/usr/bin/env python3
"""Reference values for FunctionGoldenTest, computed in float64 with Python's standard
library only (math.erf, math.exp, math.log), independently of Kairo's code.

Run: python3 make_golden.py  (prints the Java arrays pasted into FunctionGoldenTest)
"""
import math

X = [-4.0, -2.5, -1.0, -0.3, 0.0, 0.4, 1.0, 2.2, 3.7]
LOGITS = [[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0], [-5.0, 5.0, 0.5], [0.1, 0.1, 0.1]]
LABELS = [2, 1, 0, 1]
LAMBDA = 1.0507009873554804934193349852946
ALPHA = 1.6732632423543772848170429916717


def gelu(x):
    return 0.5 * x * (1 + math.erf(x / math.sqrt(2)))


def gelu_grad(x):
    return 0.5 * (1 + math.erf(x / math.sqrt(2))) + x * math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def selu(x):
    return LAMBDA * (x if x > 0 else ALPHA * (math.exp(x) - 1))


def selu_grad(x):
    return LAMBDA if x > 0 else LAMBDA * ALPHA * math.exp(x)


def log_softmax(row):
    m = max(row)
    lse = m + math.log(sum(math.exp(v - m) for v in row))
    return [v - lse for v in row]


def fmt(values):
    return "{" + ", ".join(repr(float(v)) for v in values) + "}"


print("GELU =", fmt(gelu(x) for x in X))
print("GELU_GRAD =", fmt(gelu_grad(x) for x in X))
print("SELU =", fmt(selu(x) for x in X))
print("SELU_GRAD =", fmt(selu_grad(x) for x in X))
print("LOG_SOFTMAX =", fmt(v for row in LOGITS for v in log_softmax(row)))
ce = [-log_softmax(row)[t] for row, t in zip(LOGITS, LABELS)]
print("CROSS_ENTROPY =", repr(sum(ce) / len(ce)))
grad = []
for row, t in zip(LOGITS, LABELS):
    p = [math.exp(v) for v in log_softmax(row)]
    grad += [(pi - (1.0 if j == t else 0.0)) / len(LOGITS) for j, pi in enumerate(p)]
print("CROSS_ENTROPY_GRAD =", fmt(grad))
