#!/usr/bin/env python3
"""Reference values for OptimizerGoldenTest, from PyTorch's own optimizers (torch 1.13,
Debian's python3-torch). Each optimizer starts from THETA0 and takes one step per row of
GRADS (gradients set by hand, float32). Run: /usr/bin/python3 make_optimizer_golden.py
"""
import torch

THETA0 = [0.5, -1.2, 2.0, 0.0]
GRADS = [
    [0.3, -0.7, 1.1, 0.05],
    [-0.2, -0.4, 0.9, 0.5],
    [0.6, 0.1, -1.3, -0.2],
    [0.05, -0.9, 0.4, 0.8],
    [-0.5, 0.3, 0.2, -0.6],
]

CASES = {
    "SGD": lambda p: torch.optim.SGD(p, lr=0.1),
    "SGD_MOMENTUM": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    "SGD_NESTEROV": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True),
    "SGD_WEIGHT_DECAY": lambda p: torch.optim.SGD(p, lr=0.1, weight_decay=0.1),
    "ADAM": lambda p: torch.optim.Adam(p, lr=0.01),
    "ADAM_L2": lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.1),
    "ADAMW": lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1),
    "ADAGRAD": lambda p: torch.optim.Adagrad(p, lr=0.1),
    "RMSPROP": lambda p: torch.optim.RMSprop(p, lr=0.01),
    "RMSPROP_MOMENTUM": lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.5),
    "ADADELTA": lambda p: torch.optim.Adadelta(p, lr=1.0),
}


def fmt(values):
    return "{" + ", ".join(repr(float(v)) + "f" for v in values) + "}"


for name, make in CASES.items():
    theta = torch.tensor(THETA0, dtype=torch.float32, requires_grad=True)
    opt = make([theta])
    for g in GRADS:
        theta.grad = torch.tensor(g, dtype=torch.float32)
        opt.step()
    print(f"{name} = {fmt(theta.detach().tolist())};")

theta = torch.tensor(THETA0, dtype=torch.float32, requires_grad=True)
theta.grad = torch.tensor(GRADS[0], dtype=torch.float32) * 10
norm = torch.nn.utils.clip_grad_norm_([theta], max_norm=1.0)
print(f"CLIPPED = {fmt(theta.grad.tolist())};  // total norm {float(norm)!r}")

lrs = {}
for name, make in {
    "STEP_LR": lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5),
    "EXPONENTIAL_LR": lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.9),
    "COSINE_LR": lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=6, eta_min=0.01),
}.items():
    theta = torch.tensor(THETA0, requires_grad=True)
    opt = torch.optim.SGD([theta], lr=0.1)
    sched = make(opt)
    seq = []
    for _ in range(8):
        opt.step()
        sched.step()
        seq.append(opt.param_groups[0]["lr"])
    print(f"{name} = {{{', '.join(repr(v) for v in seq)}}};")
