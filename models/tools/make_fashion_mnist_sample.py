#!/usr/bin/env python3
"""Writes tune4j's embedded Fashion-MNIST sample from Debian's dataset-fashion-mnist.

The sample is stratified and deterministic: the first 200 training images of each
of the 10 classes (2,000 rows) and the first 50 test images of each class (500
rows), kept in file order, written as gzipped IDX files like the originals.

Rerun (after `apt-get install dataset-fashion-mnist`):
    python3 models/tools/make_fashion_mnist_sample.py
"""
import gzip
import os
import struct

SOURCE = "/usr/share/datasets/fashion-mnist"
TARGET = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources",
                      "org", "tune4j", "models", "data", "sample")
PER_CLASS = {"train": 200, "t10k": 50}
OUT_NAME = {"train": "train", "t10k": "test"}


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return dims, data[4 + 4 * ndim:]


def write_idx(path, magic, dims, payload):
    header = struct.pack(">I", magic) + struct.pack(">" + "I" * len(dims), *dims)
    # mtime=0 keeps the file byte-identical from run to run.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(header + payload)


def main():
    os.makedirs(TARGET, exist_ok=True)
    for split, per_class in PER_CLASS.items():
        (n,), labels = read_idx(os.path.join(SOURCE, f"{split}-labels-idx1-ubyte.gz"))
        (n2, rows, cols), images = read_idx(os.path.join(SOURCE, f"{split}-images-idx3-ubyte.gz"))
        assert n == n2
        size = rows * cols
        taken = {c: 0 for c in range(10)}
        keep = []
        for i in range(n):
            c = labels[i]
            if taken[c] < per_class:
                taken[c] += 1
                keep.append(i)
        out_labels = bytes(labels[i] for i in keep)
        out_images = b"".join(images[i * size:(i + 1) * size] for i in keep)
        name = OUT_NAME[split]
        write_idx(os.path.join(TARGET, f"{name}-labels-idx1-ubyte.gz"), 0x00000801, (len(keep),), out_labels)
        write_idx(os.path.join(TARGET, f"{name}-images-idx3-ubyte.gz"), 0x00000803,
                  (len(keep), rows, cols), out_images)
        print(f"{name}: {len(keep)} rows, {dict(taken)}")


if __name__ == "__main__":
    main()
