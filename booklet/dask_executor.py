"""An executor name -> a Dask client: a LocalCluster for ``dask``, a scheduler's address for ``dask://HOST:PORT``.

The only module that imports ``distributed`` (the optional ``booklet[dask]`` extra).
Workers are separate processes with one thread each: ReportLab is not thread-safe.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any

from booklet.errors import BookletError


@contextlib.contextmanager
def dask_client(executor: str, workers: int) -> Iterator[Any]:
    """A connected ``distributed.Client``, closed (and its LocalCluster stopped) afterwards."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BookletError("the dask executor needs the dask extra: pip install 'booklet[dask]'") from None
    for name in ("distributed", "tornado", "bokeh"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if executor == "dask":
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
        )
        with cluster, Client(cluster) as client:
            yield client
        return
    address = "tcp://" + executor.removeprefix("dask://")
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise BookletError(f"cannot reach the dask scheduler at {address}: {exc}") from None
    with client:
        yield client
