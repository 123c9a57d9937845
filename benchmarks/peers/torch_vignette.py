#!/usr/bin/python3
"""Peers of tune4j's VignetteTuningRun (same data, folds, grid, epochs, batch, Adam, GAP head).

Two modes, each printing its wall time:
  cached  featurize the 2,000 images once through torchvision's ResNet50 (fc removed), then train
          the 27 × 5 heads one after another on the cached features (what a careful PyTorch user does);
  naive   run every image through ResNet50 on every epoch of every fit (what kerasnip does);
          estimated from a measured fraction of the fits (--naive-fits) when the whole is too long.

Needs Debian's python3-torch, python3-torchvision and python3-numpy; reads the embedded sample's
IDX files from the repository. Usage:
  /usr/bin/python3 benchmarks/peers/torch_vignette.py --mode cached --threads 2
  /usr/bin/python3 benchmarks/peers/torch_vignette.py --mode naive --threads 2 --naive-fits 2
"""
import argparse
import gzip
import os
import struct
import time

import numpy as np
import torch
import torchvision

import blas_check

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "models", "src", "main", "resources", "org", "tune4j", "models", "data",
                      "sample")


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = struct.unpack(">I", data[:4])[0] & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data[4 + 4 * ndim:], dtype=np.uint8).reshape(dims)


def images():
    x = idx(os.path.join(SAMPLE, "train-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
    y = idx(os.path.join(SAMPLE, "train-labels-idx1-ubyte.gz")).astype(np.int64)
    x = np.pad(x, ((0, 0), (2, 2), (2, 2)))                 # 28 -> 32, zero padding
    x = np.repeat(x[:, None, :, :], 3, axis=1)               # grey -> RGB, NCHW
    return torch.from_numpy(x), torch.from_numpy(y)


def folds(y, v=5, seed=42):
    rng = np.random.default_rng(seed)
    fold = np.empty(len(y), dtype=np.int64)
    for c in np.unique(y):
        rows = np.flatnonzero(y == c)
        rng.shuffle(rows)
        fold[rows] = np.arange(len(rows)) % v
    return [(np.flatnonzero(fold != k), np.flatnonzero(fold == k)) for k in range(v)]


def grid():
    return [(u, d, lr) for lr in (1e-4, 1e-3, 1e-2) for d in (0.0, 0.25, 0.5) for u in (32, 64, 128)]


def backbone():
    torch.manual_seed(42)
    m = torchvision.models.resnet50()
    m.fc = torch.nn.Identity()                               # ends with global average pooling
    return m.eval()


def head(units, drop, nin=2048):
    return torch.nn.Sequential(torch.nn.Linear(nin, units), torch.nn.ReLU(), torch.nn.Dropout(drop),
                               torch.nn.Linear(units, 10))


def train_eval(features_of, x, y, train, test, units, drop, lr, epochs=5, batch=32, seed=1):
    torch.manual_seed(seed)
    h = head(units, drop)
    opt = torch.optim.Adam(h.parameters(), lr=lr, eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        h.train()
        order = rng.permutation(train)
        for s in range(0, len(order), batch):
            b = order[s:s + batch]
            opt.zero_grad()
            loss = loss_fn(h(features_of(x, b)), y[b])
            loss.backward()
            opt.step()
    h.eval()
    with torch.no_grad():
        return (h(features_of(x, test)).argmax(1) == y[test]).float().mean().item()


def main():
    blas_check.warn_if_reference()
    p = argparse.ArgumentParser()
    p.add_argument("--mode", choices=["cached", "naive"], default="cached")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--naive-fits", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    x, y = images()
    net = backbone()
    start = time.perf_counter()
    if a.mode == "cached":
        with torch.no_grad():
            feats = torch.cat([net(x[i:i + 128]) for i in range(0, len(x), 128)])
        t_feat = time.perf_counter() - start
        best = 0.0
        for tr, te in folds(y.numpy()):
            for units, drop, lr in grid():
                best = max(best, train_eval(lambda _, b: feats[b], x, y, tr, te, units, drop, lr))
        wall = time.perf_counter() - start
        print(f"pytorch cached: featurize {t_feat:.1f} s, 27 x 5 heads one after another, total {wall:.1f} s wall"
              f" (best fold accuracy {best:.3f})")
    else:
        def through_backbone(xx, b):
            with torch.no_grad():
                return net(xx[b])
        tr, te = folds(y.numpy())[0]
        done = 0
        for units, drop, lr in grid()[:a.naive_fits]:
            train_eval(through_backbone, x, y, tr, te, units, drop, lr)
            done += 1
        per_fit = (time.perf_counter() - start) / done
        print(f"pytorch naive: {per_fit:.1f} s per fit measured on {done} fits; 135 fits estimated "
              f"{per_fit * 135:.0f} s wall")


if __name__ == "__main__":
    main()
