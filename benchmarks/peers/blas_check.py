"""Warns when PyTorch's BLAS is Debian's reference implementation instead of OpenBLAS.

Debian's python3-torch is built against the generic BLAS interface (`BLAS_INFO=generic`), so its GEMMs
run on whatever `libblas.so.3` the alternatives system points at. On a machine with only `libblas3`
that is the unoptimised reference BLAS, several times slower than OpenBLAS, and a peer measured there
would flatter tune4j. Install Debian's `libopenblas0-pthread` (it takes over the alternative) before
measuring. Imported by the torch peers; `warn_if_reference()` prints one line to stderr.
"""
import sys

import torch


def blas_library():
    """The path of the libblas the process has loaded (after one matmul), or '' when none is mapped."""
    torch.ones(64, 64) @ torch.ones(64, 64)
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1]}
    return ", ".join(sorted(paths))


def warn_if_reference():
    lib = blas_library()
    if "openblas" not in lib and "mkl" not in lib:
        print(f"WARNING: PyTorch's BLAS is {lib or 'unknown'}, not OpenBLAS: its GEMMs are unoptimised and these"
              " figures are not a fair peer; apt-get install libopenblas0-pthread", file=sys.stderr, flush=True)
