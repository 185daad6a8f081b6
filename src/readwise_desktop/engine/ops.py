"""Which matrix kernels the model runs on, chosen when it is loaded.

thinc multiplies matrices with BLIS by default. Where BLIS has no kernel for the processor it
falls back to a generic one (this project's AMD EPYC: ``bli_sgemm_generic_ref``, about a quarter
of an analysis), and numpy's OpenBLAS is about three times faster on the model's shapes. So the
choice is measured: ``"auto"`` times both on a model-sized product and keeps the faster;
``"numpy"`` and ``"blis"`` force one. The two gave the same output on every text tried here
(tests/engine/test_fast_paths.py, and all of PolNeAR dev in the speed benchmark). OpenBLAS is
held to one thread, as measured: the model's products are small.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Literal, cast

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops

log = logging.getLogger(__name__)

OpsName = Literal["numpy", "blis"]
OPS_SETTINGS = ("auto", "numpy", "blis")
# A product the size of the model's own (a few hundred tokens x a 288-wide layer).
PROBE_SHAPE = (256, 288, 288)
PROBE_ROUNDS = 5
# numpy must win by this much to be chosen: BLIS is spaCy's default, keep it on a tie.
MARGIN = 1.1


def ops_for(setting: str = "auto") -> NumpyOps:
    """The thinc ops for a setting: ``"numpy"``, ``"blis"``, or ``"auto"`` (measured)."""
    if setting not in OPS_SETTINGS:
        raise ValueError(f"matrix ops must be one of {', '.join(OPS_SETTINGS)}, not {setting!r}")
    name = measured_choice() if setting == "auto" else cast(OpsName, setting)
    if name == "numpy":
        pin_blas_threads()
    return NumpyOps(use_blis=name == "blis")


def ops_name(ops: NumpyOps) -> OpsName:
    return "blis" if ops.use_blis else "numpy"


@contextmanager
def building_with(ops: NumpyOps) -> Iterator[None]:
    """Models built inside this block keep ``ops`` for good; the current ops come back after."""
    before = get_current_ops()
    set_current_ops(ops)
    try:
        yield
    finally:
        set_current_ops(before)


@cache
def measured_choice() -> OpsName:
    """The faster kernels here, timed on a model-sized product (best of a few, interleaved)."""
    pin_blas_threads()
    rng = numpy.random.default_rng(20)
    rows, inner, cols = PROBE_SHAPE
    x = rng.random((rows, inner), dtype=numpy.float32)
    w = rng.random((inner, cols), dtype=numpy.float32)
    candidates = {"blis": NumpyOps(use_blis=True), "numpy": NumpyOps(use_blis=False)}
    best = dict.fromkeys(candidates, float("inf"))
    for _ in range(PROBE_ROUNDS):
        for name, ops in candidates.items():
            start = time.perf_counter()
            ops.gemm(x, w)
            best[name] = min(best[name], time.perf_counter() - start)
    return "numpy" if best["numpy"] * MARGIN < best["blis"] else "blis"


@cache
def pin_blas_threads() -> None:
    """numpy's BLAS (OpenBLAS) on one thread, for the whole process. Where that cannot be done,
    it stays as it is: the output is the same, only a second thread spins."""
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
    except (ImportError, OSError, RuntimeError) as err:
        log.info("numpy's BLAS threads not limited: %s", err)
