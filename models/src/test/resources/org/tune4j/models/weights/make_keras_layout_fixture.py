#!/usr/bin/python3
"""Writes keras-layout-tiny-resnet.h5: a tiny ResNet's weights in the legacy Keras HDF5 layout,
byte for byte as Keras 2 `save_weights` writes it (h5py, fixed-length byte-string attributes,
parameter-free layers listed with an empty `weight_names`).

Architecture (tune4j's ResNetArchitecture.of(8, [2, 1], [4, 8])): stem 8 filters, stage 2 with two
blocks of 4 filters, stage 3 with one block of 8 filters. Every value is a function of the layer
name and the element's row-major index in Keras' layout, so the Java test can recompute it:

    value(name, weight, k) = ((sum of name's char codes) * 7919 + k * 31 + weight_offset) % 1000 / 1000 - 0.5
    moving_variance is |value| + 0.5.

Rerun: /usr/bin/python3 make_keras_layout_fixture.py   (Debian: apt-get install python3-h5py)
"""
import h5py
import numpy as np

OFFSETS = {"kernel": 0, "bias": 101, "gamma": 202, "beta": 303, "moving_mean": 404, "moving_variance": 505}


def values(name, weight, shape):
    k = np.arange(int(np.prod(shape)), dtype=np.int64)
    v = ((sum(map(ord, name)) * 7919 + k * 31 + OFFSETS[weight]) % 1000) / 1000.0 - 0.5
    if weight == "moving_variance":
        v = np.abs(v) + 0.5
    return v.astype(np.float32).reshape(shape)


def layers():
    """(name, {weight: shape}) in Keras ResNet order."""
    out = []
    def conv(name, k, cin, cout):
        out.append((name, {"kernel": (k, k, cin, cout), "bias": (cout,)}))
    def bn(name, c):
        out.append((name, {w: (c,) for w in ("gamma", "beta", "moving_mean", "moving_variance")}))
    def none(name):
        out.append((name, {}))
    none("input_1"); none("conv1_pad"); conv("conv1_conv", 7, 3, 8); bn("conv1_bn", 8); none("conv1_relu")
    none("pool1_pad"); none("pool1_pool")
    cin = 8
    for stage, (blocks, f) in enumerate([(2, 4), (1, 8)], start=2):
        for b in range(1, blocks + 1):
            p = f"conv{stage}_block{b}"
            if b == 1:
                conv(p + "_0_conv", 1, cin, 4 * f); bn(p + "_0_bn", 4 * f)
            conv(p + "_1_conv", 1, cin, f); bn(p + "_1_bn", f); none(p + "_1_relu")
            conv(p + "_2_conv", 3, f, f); bn(p + "_2_bn", f); none(p + "_2_relu")
            conv(p + "_3_conv", 1, f, 4 * f); bn(p + "_3_bn", 4 * f)
            none(p + "_add"); none(p + "_out")
            cin = 4 * f
    return out


def main():
    with h5py.File("keras-layout-tiny-resnet.h5", "w") as f:
        all_layers = layers()
        f.attrs["layer_names"] = np.array([n.encode("utf8") for n, _ in all_layers])
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.11.0"
        for name, weights in all_layers:
            g = f.create_group(name)
            g.attrs["weight_names"] = np.array([f"{name}/{w}:0".encode("utf8") for w in weights])
            for w, shape in weights.items():
                g.create_dataset(f"{name}/{w}:0", data=values(name, w, shape))


if __name__ == "__main__":
    main()
