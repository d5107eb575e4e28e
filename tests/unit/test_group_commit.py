"""The group commit's own promises: batches form while a write is under way, every caller gets its
own outcome, a failed batch is retried item by item, and an interrupted writer strands nobody."""

from __future__ import annotations

import threading

from db.group_commit import GroupCommit
from model.errors import StorageError, ValidationError


class Gate:
    """A write function that records its batches and holds the first until released."""

    def __init__(self, refuse: set[int] = frozenset(), break_on: int | None = None):
        self.batches: list[list[int]] = []
        self.written: list[int] = []
        self.started, self.release = threading.Event(), threading.Event()
        self.refuse, self.break_on = refuse, break_on

    def __call__(self, items):
        self.batches.append(list(items))
        if len(self.batches) == 1:
            self.started.set()
            assert self.release.wait(30)
        if self.break_on in items:
            raise StorageError()  # the whole transaction fails: nothing of it is written
        self.written += [i for i in items if i not in self.refuse]
        return [ValidationError(f"nej {i}") if i in self.refuse else i * 10 for i in items]


def submit_all(group: GroupCommit, gate: Gate, items: list[int]) -> dict:
    outcomes: dict = {}

    def submit(item):
        try:
            outcomes[item] = group.submit(item)
        except BaseException as exc:
            outcomes[item] = exc

    first = threading.Thread(target=submit, args=(items[0],))
    first.start()
    assert gate.started.wait(30)
    rest = [threading.Thread(target=submit, args=(i,)) for i in items[1:]]
    for t in rest:
        t.start()
    while len(group._queue) < len(rest):
        threading.Event().wait(0.001)
    gate.release.set()
    for t in [first, *rest]:
        t.join()
    return outcomes


def test_callers_arriving_during_a_write_are_written_together_each_with_its_own_outcome():
    gate = Gate(refuse={4})
    group = GroupCommit(gate)
    outcomes = submit_all(group, gate, [1, 2, 3, 4, 5])
    assert [len(b) for b in gate.batches] == [1, 4]
    assert {i: o for i, o in outcomes.items() if i != 4} == {1: 10, 2: 20, 3: 30, 5: 50}
    assert isinstance(outcomes[4], ValidationError) and "nej 4" in str(outcomes[4])


def test_a_batch_that_fails_as_a_whole_is_written_again_item_by_item():
    gate = Gate(break_on=3)
    group = GroupCommit(gate)
    outcomes = submit_all(group, gate, [1, 2, 3, 4])
    assert [len(b) for b in gate.batches] == [1, 3, 1, 1, 1]
    assert isinstance(outcomes[3], StorageError)
    assert {i: outcomes[i] for i in (1, 2, 4)} == {1: 10, 2: 20, 4: 40}
    assert sorted(gate.written) == [1, 2, 4]


def test_batches_are_no_larger_than_the_limit():
    gate = Gate()
    group = GroupCommit(gate, max_batch=2)
    outcomes = submit_all(group, gate, [1, 2, 3, 4, 5, 6])
    assert outcomes == {i: i * 10 for i in range(1, 7)}
    assert [len(b) for b in gate.batches] == [1, 2, 2, 1]


def test_an_interrupted_writer_strands_no_one_waiting_behind_it():
    class Interrupted(Gate):
        def __call__(self, items):
            result = super().__call__(items)
            if len(self.batches) == 1:
                raise KeyboardInterrupt  # not an Exception: escapes the writer, as a thread kill would
            return result

    gate = Interrupted()
    group = GroupCommit(gate)
    outcomes = submit_all(group, gate, [1, 2, 3])
    assert isinstance(outcomes[1], KeyboardInterrupt)
    assert {2: outcomes[2], 3: outcomes[3]} == {2: 20, 3: 30}  # a waiting caller took over
    assert group._queue == [] and not group._writing


def test_callers_in_an_interrupted_batch_are_told_it_failed():
    class Interrupted(Gate):
        def __call__(self, items):
            result = super().__call__(items)
            if len(self.batches) == 2:
                raise KeyboardInterrupt
            return result

    gate = Interrupted()
    group = GroupCommit(gate)
    outcomes = submit_all(group, gate, [1, 2, 3])
    assert outcomes[1] == 10
    assert sorted(type(outcomes[i]).__name__ for i in (2, 3)) == ["KeyboardInterrupt", "StorageError"]
    assert group._queue == [] and not group._writing
