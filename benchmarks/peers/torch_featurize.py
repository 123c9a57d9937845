#!/usr/bin/python3
"""Peer benchmark: torchvision's ResNet50 (fc removed, eval mode, no grad) on random images.

Prints one line `torch <size> <batch> <images/s>` per measurement, with the same thread count as
tune4j's benchmark. Needs Debian's python3-torch and python3-torchvision.

    /usr/bin/python3 benchmarks/peers/torch_featurize.py --size 32 --batch 64 --images 1024 --threads 2
"""
import argparse
import time

import torch

import blas_check
import torchvision


def main():
    blas_check.warn_if_reference()
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=32)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--images", type=int, default=1024)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=3)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    model = torchvision.models.resnet50()
    model.fc = torch.nn.Identity()
    model.eval()
    x = torch.rand(a.batch, 3, a.size, a.size)
    with torch.no_grad():
        model(x)  # warm-up
        for _ in range(a.repeats):
            start = time.perf_counter()
            done = 0
            while done < a.images:
                model(x)
                done += a.batch
            rate = done / (time.perf_counter() - start)
            print(f"torch {a.size} {a.batch} {rate:.1f}", flush=True)


if __name__ == "__main__":
    main()
