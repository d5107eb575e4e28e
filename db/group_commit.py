"""Group commit: writes of one kind that arrive together share one transaction.

A DuckDB statement costs about half a millisecond of CPU whatever its size, and a transaction's
BEGIN and COMMIT about as much again, so saving cases one transaction each tops out at roughly a tenth
of raw single-row inserts. Here the callers queue their items; whoever finds no write under way
becomes the writer and writes everything queued (up to `max_batch`) with one call of `write`, in one
transaction, while later callers queue behind it. No thread of its own: the writer is a caller.

Each item still succeeds or fails on its own. `write` returns one outcome per item: a result, or the
exception that refuses that item (checked inside the transaction, before anything is written). If the
batch as a whole fails (a statement or the COMMIT), nothing of it was written, and each item is
written again alone, so one bad item cannot take the others down and gets its own error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from model.errors import StorageError

T = TypeVar("T")
R = TypeVar("R")


@dataclass(eq=False)
class _Pending(Generic[T, R]):
    item: T
    done: bool = False
    result: object = None
    error: BaseException | None = field(default=None, repr=False)

    def settle(self, outcome: object) -> None:
        if isinstance(outcome, BaseException):
            self.error = outcome
        else:
            self.result = outcome
        self.done = True


class GroupCommit(Generic[T, R]):
    """Funnel concurrent `submit(item)` calls into batches for `write(items) -> outcomes`."""

    def __init__(self, write: Callable[[Sequence[T]], Sequence[R | BaseException]], *,
                 max_batch: int = 64) -> None:
        self._write = write
        self._max_batch = max_batch
        self._queue: list[_Pending[T, R]] = []
        self._writing = False
        self._changed = threading.Condition()

    def submit(self, item: T) -> R:
        """Write `item` (alone or with others queued now) and return its result, or raise its error."""
        pending: _Pending[T, R] = _Pending(item)
        with self._changed:
            self._queue.append(pending)
        while True:
            with self._changed:
                while not pending.done and self._writing:
                    self._changed.wait()
                if pending.done:
                    break
                self._writing = True
                batch = self._queue[:self._max_batch]
                del self._queue[:self._max_batch]
            try:
                self._write_batch(batch)
            finally:
                with self._changed:
                    for unsettled in (p for p in batch if not p.done):
                        unsettled.settle(StorageError())  # the writer was interrupted
                    self._writing = False
                    self._changed.notify_all()
        if pending.error is not None:
            raise pending.error
        return pending.result  # type: ignore[return-value]

    def _write_batch(self, batch: list[_Pending[T, R]]) -> None:
        try:
            outcomes = self._write([p.item for p in batch])
        except Exception as exc:
            if len(batch) == 1:
                batch[0].settle(exc)
                return
            for pending in batch:  # nothing was written: each again, alone
                try:
                    pending.settle(self._write([pending.item])[0])
                except Exception as alone:
                    pending.settle(alone)
            return
        for pending, outcome in zip(batch, outcomes, strict=True):
            pending.settle(outcome)
