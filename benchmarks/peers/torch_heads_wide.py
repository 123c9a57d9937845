#!/usr/bin/python3
"""Expert PyTorch peer of HeadTrainingBenchmark: all heads as one wide model.

The heads of torch_heads.py (2048 -> 64 ReLU -> dropout 0.5 -> 10 softmax, Adam eps 1e-7, batch 32, 2000
rows with the last 20% held out, 5 epochs, train and validation loss/accuracy after each epoch), written
the way an expert would: the first layers of all H heads are one Linear(2048, 64·H), so a minibatch is one
GEMM forward and one backward; the second layers are one batched matmul [H, 64, 10]; each head keeps its
own dropout mask, loss and learning rate. Adam is written out over the wide tensors with a per-head
learning rate (torch.optim.Adam takes one rate per parameter group, which would split the wide layer
again), the same update as one Adam per head. This is stronger than one wide model per learning rate.
Prints head iterations per second (heads x 250 / seconds), as torch_heads.py does.

Usage: OMP_NUM_THREADS=2 /usr/bin/python3 benchmarks/peers/torch_heads_wide.py [heads ...]   (default: 1 27)
       /usr/bin/python3 benchmarks/peers/torch_heads_wide.py --check   (wide = separate heads, or exit 1)
"""
import math
import sys
import time

import torch
import torch.nn.functional as F

import blas_check
from torch_heads import BATCH, CLASSES, DIMS, EPOCHS, ROWS, data   # the same heads and data

HIDDEN = 64
BETA1, BETA2, EPS = 0.9, 0.999, 1e-7
# float32 sums in another order (one wide GEMM against 3 narrow ones), after 10 Adam steps
WIDE_TOLERANCE = 1e-4


class WideHeads:
    """H heads: W1 [D, H*64] (head h owns columns h*64 .. h*64+63), W2 [H, 64, C]."""

    def __init__(self, heads, rates, seed):
        torch.manual_seed(seed)
        self.h = heads
        b1, b2 = 1 / math.sqrt(DIMS), 1 / math.sqrt(HIDDEN)   # nn.Linear's default init bounds
        self.params = [
            torch.empty(DIMS, heads * HIDDEN).uniform_(-b1, b1).requires_grad_(),
            torch.empty(heads * HIDDEN).uniform_(-b1, b1).requires_grad_(),
            torch.empty(heads, HIDDEN, CLASSES).uniform_(-b2, b2).requires_grad_(),
            torch.empty(heads, 1, CLASSES).uniform_(-b2, b2).requires_grad_(),
        ]
        lr = torch.tensor(rates, dtype=torch.float32)
        self.rates = [lr.repeat_interleave(HIDDEN)[None, :], lr.repeat_interleave(HIDDEN), lr[:, None, None],
                      lr[:, None, None]]
        self.m = [torch.zeros_like(p) for p in self.params]
        self.v = [torch.zeros_like(p) for p in self.params]
        self.t = 0

    def logits(self, x, train):
        w1, c1, w2, c2 = self.params
        hidden = F.relu(x @ w1 + c1).view(len(x), self.h, HIDDEN).transpose(0, 1)   # [H, B, 64]
        if train:
            hidden = F.dropout(hidden, 0.5, True)
        return torch.baddbmm(c2, hidden, w2)                                          # [H, B, C]

    def step(self, x, y):
        for p in self.params:
            p.grad = None
        out = self.logits(x, True)
        # each head's mean loss over the batch; summed, so each head's gradient is its own
        loss = F.cross_entropy(out.reshape(-1, CLASSES), y.repeat(self.h), reduction="sum") / len(y)
        loss.backward()
        self.t += 1
        c1, c2 = 1 - BETA1 ** self.t, 1 - BETA2 ** self.t
        with torch.no_grad():
            for p, m, v, lr in zip(self.params, self.m, self.v, self.rates):
                m.mul_(BETA1).add_(p.grad, alpha=1 - BETA1)
                v.mul_(BETA2).addcmul_(p.grad, p.grad, value=1 - BETA2)
                p.sub_(lr * (m / c1) / ((v / c2).sqrt_() + EPS))

    def evaluate(self, x, y):
        with torch.no_grad():
            p = torch.softmax(self.logits(x, False), dim=2).clamp(1e-7, 1 - 1e-7)      # [H, N, C]
            loss = -torch.log(p[:, torch.arange(len(y)), y]).mean(1)
            acc = (p.argmax(2) == y[None, :]).float().mean(1)
        return loss, acc


def fit_wide(x, y, heads, seed):
    model = WideHeads(heads, [1e-4 * (1 + h) for h in range(heads)], seed)
    n_train = int(ROWS * 0.8)
    xt, yt, xv, yv = x[:n_train], y[:n_train], x[n_train:], y[n_train:]
    steps = 0
    for epoch in range(EPOCHS):
        perm = torch.randperm(n_train)
        for i in range(0, n_train, BATCH):
            idx = perm[i:i + BATCH]
            model.step(xt[idx], yt[idx])
            steps += heads
        model.evaluate(xt, yt)
        model.evaluate(xv, yv)
    return steps


def check():
    """The wide model equals separate heads with torch.optim.Adam (dropout off), or this exits non-zero."""
    x, y = data()
    heads, rates = 3, [1e-3, 2e-3, 5e-3]
    wide = WideHeads(heads, rates, 0)
    separate = []
    for h in range(heads):
        m = torch.nn.Sequential(torch.nn.Linear(DIMS, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, CLASSES))
        with torch.no_grad():
            cols = slice(h * HIDDEN, (h + 1) * HIDDEN)
            m[0].weight.copy_(wide.params[0][:, cols].T)
            m[0].bias.copy_(wide.params[1][cols])
            m[2].weight.copy_(wide.params[2][h].T)
            m[2].bias.copy_(wide.params[3][h, 0])
        separate.append((m, torch.optim.Adam(m.parameters(), lr=rates[h], eps=EPS)))
    wide.logits = lambda xs, train, f=wide.logits: f(xs, False)   # dropout off on both sides
    for i in range(0, 320, BATCH):
        xb, yb = x[i:i + BATCH], y[i:i + BATCH]
        wide.step(xb, yb)
        for m, opt in separate:
            opt.zero_grad()
            F.cross_entropy(m(xb), yb).backward()
            opt.step()
    worst = max((wide.params[0][:, h * HIDDEN:(h + 1) * HIDDEN].T - m[0].weight).abs().max().item()
                for h, (m, _) in enumerate(separate))
    print(f"check: largest weight difference wide vs separate after 10 steps = {worst:.2e}")
    sys.exit(0 if worst < WIDE_TOLERANCE else 1)


def main():
    blas_check.warn_if_reference()
    torch.set_num_threads(2)
    if sys.argv[1:] == ["--check"]:
        check()
    counts = [int(a) for a in sys.argv[1:]] or [1, 27]
    x, y = data()
    fit_wide(x, y, 2, 0)  # warm-up
    for heads in counts:
        start = time.perf_counter()
        steps = fit_wide(x, y, heads, heads)
        secs = time.perf_counter() - start
        print(f"torch-wide heads={heads} steps={steps} seconds={secs:.2f} iterations/s={steps / secs:.1f}",
              flush=True)


if __name__ == "__main__":
    main()
