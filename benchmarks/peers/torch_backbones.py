#!/usr/bin/python3
"""Peer benchmark: featurizing throughput of each backbone family in PyTorch (eval mode, no grad, fc removed).

ResNet50/101/152 are torchvision's models of those names. torchvision has no ResNet V2, so
ResNet50V2/101V2/152V2 are written here in torch.nn layer for layer as Keras' resnet_v2 builds
them (pre-activation bottlenecks, the stride on the last block of a stage, post_bn + relu).
Random weights. Prints one line `torch <family> <size> <batch> <images/s>` per measurement, with
the same thread count as tune4j's benchmark. Needs Debian's python3-torch and python3-torchvision.

    /usr/bin/python3 benchmarks/peers/torch_backbones.py --families resnet50,resnet50v2 --threads 2

compare-backbones.sh runs it at 224 for every family; compare-featurize.sh for ResNet50 at 32 and 224.
"""
import argparse
import time

import torch
import torchvision
from torch import nn

import blas_check

V2_BLOCKS = {"resnet50v2": (3, 4, 6, 3), "resnet101v2": (3, 4, 23, 3), "resnet152v2": (3, 8, 36, 3)}
EPS = 1.001e-5


class PreActBottleneck(nn.Module):
    """Keras' block2: preact BN+ReLU, 1x1, 3x3 (stride), 1x1 (4x filters), plus the shortcut."""

    def __init__(self, cin, filters, stride, conv_shortcut):
        super().__init__()
        self.preact = nn.Sequential(nn.BatchNorm2d(cin, eps=EPS), nn.ReLU())
        self.conv_shortcut = nn.Conv2d(cin, 4 * filters, 1, stride) if conv_shortcut else None
        self.pool_shortcut = nn.MaxPool2d(1, stride) if (not conv_shortcut and stride > 1) else None
        self.body = nn.Sequential(
            nn.Conv2d(cin, filters, 1, bias=False), nn.BatchNorm2d(filters, eps=EPS), nn.ReLU(),
            nn.ZeroPad2d(1), nn.Conv2d(filters, filters, 3, stride, bias=False),
            nn.BatchNorm2d(filters, eps=EPS), nn.ReLU(),
            nn.Conv2d(filters, 4 * filters, 1))

    def forward(self, x):
        p = self.preact(x)
        if self.conv_shortcut is not None:
            s = self.conv_shortcut(p)
        elif self.pool_shortcut is not None:
            s = self.pool_shortcut(x)
        else:
            s = x
        return s + self.body(p)


def resnet_v2(blocks):
    layers = [nn.ZeroPad2d(3), nn.Conv2d(3, 64, 7, 2), nn.ZeroPad2d(1), nn.MaxPool2d(3, 2)]
    cin = 64
    for stage, (n, filters) in enumerate(zip(blocks, (64, 128, 256, 512))):
        last_stride = 1 if stage == 3 else 2
        for b in range(n):
            layers.append(PreActBottleneck(cin, filters, last_stride if b == n - 1 else 1, b == 0))
            cin = 4 * filters
    layers += [nn.BatchNorm2d(cin, eps=EPS), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten()]
    return nn.Sequential(*layers)


def model_of(family):
    if family in V2_BLOCKS:
        return resnet_v2(V2_BLOCKS[family])
    m = getattr(torchvision.models, family)()
    m.fc = nn.Identity()
    return m


def main():
    blas_check.warn_if_reference()
    p = argparse.ArgumentParser()
    p.add_argument("--families", default="resnet50,resnet101,resnet152,resnet50v2,resnet101v2,resnet152v2")
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--images", type=int, default=64)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=3)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    x = torch.rand(a.batch, 3, a.size, a.size)
    for family in a.families.split(","):
        model = model_of(family).eval()
        with torch.no_grad():
            assert model(x).shape == (a.batch, 2048), family
            for _ in range(a.repeats):
                start = time.perf_counter()
                done = 0
                while done < a.images:
                    model(x)
                    done += a.batch
                rate = done / (time.perf_counter() - start)
                print(f"torch {family} {a.size} {a.batch} {rate:.2f}", flush=True)


if __name__ == "__main__":
    main()
