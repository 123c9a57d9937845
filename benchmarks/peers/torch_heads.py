#!/usr/bin/python3
"""PyTorch peer of HeadTrainingBenchmark: the same heads trained one after another.

Head: 2048 -> 64 ReLU -> dropout 0.5 -> 10 softmax, Adam (eps 1e-7), batch 32, 2000 rows with the last
20% held out, 5 epochs (250 steps a head), train and validation loss/accuracy evaluated after each epoch
as the Java trainers do. Prints iterations per second (heads x 250 / seconds).

Usage: OMP_NUM_THREADS=2 /usr/bin/python3 benchmarks/peers/torch_heads.py [heads ...]   (default: 1 27)
"""
import sys
import time

import torch
import torch.nn as nn

import blas_check

ROWS, DIMS, CLASSES, EPOCHS, BATCH = 2000, 2048, 10, 5, 32


def data():
    g = torch.Generator().manual_seed(1)
    labels = torch.randint(0, CLASSES, (ROWS,), generator=g)
    x = torch.rand(ROWS, DIMS, generator=g)
    boost = (torch.arange(DIMS)[None, :] % CLASSES == labels[:, None]).float() * 0.5 + 1.0
    return x * boost, labels


def evaluate(model, x, y):
    model.eval()
    with torch.no_grad():
        p = torch.softmax(model(x), dim=1).clamp(1e-7, 1 - 1e-7)
        loss = -torch.log(p[torch.arange(len(y)), y]).mean().item()
        acc = (p.argmax(1) == y).float().mean().item()
    model.train()
    return loss, acc


def fit_one(x, y, lr, seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(DIMS, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, CLASSES))
    opt = torch.optim.Adam(model.parameters(), lr=lr, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    n_train = int(ROWS * 0.8)
    xt, yt, xv, yv = x[:n_train], y[:n_train], x[n_train:], y[n_train:]
    steps = 0
    for epoch in range(EPOCHS):
        perm = torch.randperm(n_train)
        for i in range(0, n_train, BATCH):
            idx = perm[i:i + BATCH]
            opt.zero_grad()
            loss = loss_fn(model(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
            steps += 1
        evaluate(model, xt, yt)
        evaluate(model, xv, yv)
    return steps


def main():
    blas_check.warn_if_reference()
    torch.set_num_threads(2)
    counts = [int(a) for a in sys.argv[1:]] or [1, 27]
    x, y = data()
    fit_one(x, y, 1e-3, 0)  # warm-up
    for heads in counts:
        start = time.perf_counter()
        steps = sum(fit_one(x, y, 1e-4 * (1 + h), h) for h in range(heads))
        secs = time.perf_counter() - start
        print(f"torch heads={heads} steps={steps} seconds={secs:.2f} iterations/s={steps / secs:.1f}", flush=True)


if __name__ == "__main__":
    main()
