"""Golden values for Kairo's LSTM, GRU and RNN layers, computed by PyTorch.

Run with a Python that has torch (made with torch 1.13.1, Debian's python3-torch):

    /usr/bin/python3 kairo-core/src/test/python/recurrent_golden.py \
        > kairo-core/src/test/resources/golden/recurrent.json

Inputs and weights are fixed formulas (no random generator), rounded to float32 so that Kairo
reads exactly the same numbers; PyTorch then computes in float64, so the stored outputs and
gradients are the exact answer for those float32 inputs. Each case: a module built with
PyTorch's defaults except the knobs listed, its state dict (PyTorch's names), an input x,
initial states, outputs, final states, and the gradients of
    loss = sum(out * w_out) + sum(h_n * w_h) [+ sum(c_n * w_c)]
with respect to x, the initial states and every parameter. RecurrentGoldenTest replays it.
"""
import json
import math

import torch


def values(shape, seed, scale):
    n = 1
    for d in shape:
        n *= d
    v = [scale * math.sin(0.7 * i + 1.3 * seed) * math.cos(0.31 * i * seed + 0.2)
         for i in range(n)]
    return torch.tensor(v, dtype=torch.float32).reshape(shape).double()


def case(name, kind, inp, hidden, layers, batch_first, n, t, nonlinearity=None, bias=True):
    cls = {"LSTM": torch.nn.LSTM, "GRU": torch.nn.GRU, "RNN": torch.nn.RNN}[kind]
    kw = dict(num_layers=layers, batch_first=batch_first, bias=bias)
    if nonlinearity:
        kw["nonlinearity"] = nonlinearity
    m = cls(inp, hidden, **kw).double()
    with torch.no_grad():
        for i, (k, p) in enumerate(m.named_parameters()):
            p.copy_(values(tuple(p.shape), 10 + i, 0.6))
    xs = (n, t, inp) if batch_first else (t, n, inp)
    x = values(xs, 1, 1.0).requires_grad_()
    h0 = values((layers, n, hidden), 2, 0.5).requires_grad_()
    c0 = values((layers, n, hidden), 3, 0.5).requires_grad_() if kind == "LSTM" else None
    if kind == "LSTM":
        out, (hn, cn) = m(x, (h0, c0))
    else:
        out, hn = m(x, h0)
        cn = None
    w_out = values(tuple(out.shape), 4, 1.0)
    w_h = values(tuple(hn.shape), 5, 1.0)
    loss = (out * w_out).sum() + (hn * w_h).sum()
    if cn is not None:
        w_c = values(tuple(cn.shape), 6, 1.0)
        loss = loss + (cn * w_c).sum()
    loss.backward()

    def t2j(v):
        return {"shape": list(v.shape), "data": [float(a) for a in v.detach().reshape(-1)]}

    d = {"name": name, "kind": kind, "input": inp, "hidden": hidden, "layers": layers,
         "batchFirst": batch_first, "bias": bias, "nonlinearity": nonlinearity or "tanh",
         "x": t2j(x), "h0": t2j(h0), "w_out": t2j(w_out), "w_h": t2j(w_h),
         "params": {k: t2j(p) for k, p in m.named_parameters()},
         "out": t2j(out), "h_n": t2j(hn), "loss": float(loss),
         "grads": {"x": t2j(x.grad), "h0": t2j(h0.grad)}}
    for k, p in m.named_parameters():
        d["grads"][k] = t2j(p.grad)
    if cn is not None:
        d["c0"] = t2j(c0)
        d["w_c"] = t2j(w_c)
        d["c_n"] = t2j(cn)
        d["grads"]["c0"] = t2j(c0.grad)
    return d


cases = [
    case("lstm 2 layers batch-first", "LSTM", 3, 5, 2, True, 2, 4),
    case("lstm 1 layer time-major", "LSTM", 4, 3, 1, False, 3, 5),
    case("gru 2 layers time-major", "GRU", 3, 4, 2, False, 2, 5),
    case("gru 1 layer batch-first no bias", "GRU", 2, 3, 1, True, 3, 3, bias=False),
    case("rnn tanh 2 layers", "RNN", 3, 4, 2, True, 2, 4),
    case("rnn relu 1 layer", "RNN", 3, 4, 1, True, 2, 4, nonlinearity="relu"),
]
print(json.dumps({"torch": torch.__version__, "recipe": "src/test/python/recurrent_golden.py",
                  "cases": cases}, indent=None))
