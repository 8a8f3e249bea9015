"""Pausing Python's cyclic garbage collector around a batch that builds many objects and no cycles.

Pure. Every few thousand new objects the collector walks all live ones: while a 20,000-project import tags
and stores, those are the growing caches and results, and the walks were about 45% of a cold tagging run and
a fifth of the store. Reference counting still frees everything dropped; the few cycles a batch leaves (the
ORM's own) are collected by a later full collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector for the ``with`` block and restore it after, errors included. Process-wide, as
    ``gc`` is: a batch in another thread resuming it early costs speed, never correctness."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What a batch builds is mostly long-lived (results, caches), all of it still in the youngest
            # generation: the first collection after the batch would walk it all at once (half a second after
            # 20,000 projects are tagged), and a second would walk it again. Frozen and at once unfrozen, it
            # moves straight to the oldest generation, which is walked only once it has grown by a quarter.
            gc.freeze()
            gc.unfreeze()
            gc.enable()
