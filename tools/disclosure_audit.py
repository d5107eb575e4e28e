"""The disclosure audit's attacker: can a count of 1-4 be worked out with certainty from what is shown?

The attacker of docs/statistics.md: knows the method (the perturbation table), sees every published
table of one or more views (`db.published` documents), and knows how the views' populations relate.
They solve an integer program over the true counts: every count >= 0 and integer; every additive
relation within a table (cells add up to their row, column and grand totals) and between tables (a
margin shared by several tables is one unknown; direction = sums of calibration cells; the overrides
= raised + lowered; each case at level L has each measure of level L once; takedowns <= platform
mentions); each published value bounds its true count to the values the table could publish as it
(`PTable.possible`); and what the method implies beyond that: equal cases give equal values, so two
figures with different published values differ by at least one case.

Several views are modelled as *parts*: disjoint populations whose sums are the views (a period = the
period less its last month + that month; today's release = yesterday's + the cases added since). A
part can be known exactly (a district contact's own district). A count is *disclosed* when its true
value is 1-4 and every integer solution gives it that value (min == max). The truth is always a
solution (checked), so a count is safe as soon as one solution differs from it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np

from db.model_registry import model_of, version_names
from model.perturbation import PTable

Key = frozenset  # a figure: its (dimension, category) pairs; equal keys are one set of cases
UNIT = "unit"  # tables that count something other than cases carry ("unit", what) in their keys
DIMS: dict[str, tuple[str, str | None]] = {
    "by_month": ("month", "level"), "by_district": ("district", None), "age_gender": ("age_band", "gender"),
    "police": ("police", "level"), "status": ("status", "level"), "by_version": ("level", "version"),
    "calibration": ("proposed", "level"), "direction": ("proposed", "direction"),
    "reasons": ("reason", "direction"), "measures": ("measure", "measure_status"),
    "platforms": ("platform", None), "takedowns": ("outcome", None),
}
BIG = 10**7


@dataclass(frozen=True)
class Figure:
    key: Key
    published: int | None
    true: int


@dataclass
class Structure:
    """What one set of tables says about any population: its figures' keys and additive relations."""

    keys: set[Key] = field(default_factory=set)
    lines: list[tuple[list[Key], list[Key]]] = field(default_factory=list)  # inner sum == totals sum
    at_most: list[tuple[list[Key], list[Key]]] = field(default_factory=list)  # inner sum <= totals sum


def _fixed(name: str, measures_version: str) -> tuple[tuple[str, str], ...]:
    base, _, slice_ = name.partition(":")
    if base == "measures":
        return ((UNIT, "measure"), ("version", measures_version), ("level", slice_))
    if base in ("calibration", "direction", "reasons"):
        return (("version", slice_),)
    if base == "platforms":
        return ((UNIT, "mention"),)
    if base == "takedowns":
        return ((UNIT, "takedown"),)
    return ()


def _key(pairs: Iterable[tuple[str, str]]) -> Key:
    return frozenset(pairs)


def table_figures(table: dict, true_table: dict, measures_version: str
                  ) -> tuple[list[Figure], list[tuple[list[Key], list[Key]]]]:
    """The figures of one published table (cells and margins) and its lines."""
    base = table["name"].split(":")[0]
    row_dim, col_dim = DIMS[base]
    fixed = _fixed(table["name"], measures_version)
    # The reasons' grand total counts the overridden cases.
    grand = _key((*fixed, ("override", "yes"))) if base == "reasons" else _key(fixed)
    figures, lines = [], []
    rows, cols = table["rows"], table["cols"]
    if col_dim is None:
        keys = [_key((*fixed, (row_dim, r))) for r in rows]
        figures += [Figure(k, table["cells"][i][0], true_table["cells"][i][0]) for i, k in enumerate(keys)]
        figures.append(Figure(grand, table["total"], true_table["total"]))
        return figures, [(keys, [grand])]
    cell = {(r, c): _key((*fixed, (row_dim, r), (col_dim, c))) for r in rows for c in cols}
    row_key = {r: _key((*fixed, (row_dim, r))) for r in rows}
    col_key = {c: _key((*fixed, (col_dim, c))) for c in cols}
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            figures.append(Figure(cell[(r, c)], table["cells"][i][j], true_table["cells"][i][j]))
        figures.append(Figure(row_key[r], table["row_totals"][i], true_table["row_totals"][i]))
    lines += [([cell[(r, c)] for c in cols], [row_key[r]]) for r in rows]
    if table["col_totals"] is None:  # cells and row totals only (the measures per level)
        return figures, lines
    for j, c in enumerate(cols):
        figures.append(Figure(col_key[c], table["col_totals"][j], true_table["col_totals"][j]))
    figures.append(Figure(grand, table["total"], true_table["total"]))
    lines += [([cell[(r, c)] for r in rows], [col_key[c]]) for c in cols]
    lines.append(([row_key[r] for r in rows], [grand]))
    lines.append(([col_key[c] for c in cols], [grand]))
    return figures, lines


def _direction(proposed: int, chosen: int) -> str:
    return "followed" if chosen == proposed else ("raised" if chosen > proposed else "lowered")


def structure(doc: dict, measures_version: str) -> Structure:
    """The relations of a view's tables, within and between tables."""
    s = Structure()
    for table in doc["tables"]:
        if table["name"].startswith("own:"):
            continue
        figures, lines = table_figures(table, table, measures_version)
        s.keys |= {f.key for f in figures}
        s.lines += lines
    for v in {dict(k).get("version") for k in s.keys if ("proposed" in dict(k))} - {None}:
        cal = [k for k in s.keys if dict(k).keys() == {"version", "proposed", "level"}
               and dict(k)["version"] == v]
        dirs = [k for k in s.keys if dict(k).keys() == {"version", "proposed", "direction"}
                and dict(k)["version"] == v]
        for d in dirs:
            p, want = int(dict(d)["proposed"]), dict(d)["direction"]
            s.lines.append(([c for c in cal if int(dict(c)["proposed"]) == p
                             and _direction(p, int(dict(c)["level"])) == want], [d]))
        over = _key((("version", v), ("override", "yes")))
        if over in s.keys:
            parts = [_key((("version", v), ("direction", d))) for d in ("raised", "lowered")]
            s.lines.append((parts, [over]))
    for k in [k for k in s.keys if dict(k).get(UNIT) == "measure" and dict(k).keys() == {UNIT, "version",
                                                                                         "level", "measure"}]:
        d = dict(k)
        cases = _key((("level", d["level"]), ("version", d["version"])))
        if cases not in s.keys:
            continue
        model = model_of(d["version"]) if d["version"] in version_names() else None
        own = model and int(d["level"]) in model.level_numbers and d["measure"] in {
            m.key for m in model.level(int(d["level"])).measures}
        (s.lines if own else s.at_most).append(([k], [cases]))
    mentions, takedowns = _key(((UNIT, "mention"),)), _key(((UNIT, "takedown"),))
    if mentions in s.keys and takedowns in s.keys:
        s.at_most.append(([takedowns], [mentions]))
    return s


@dataclass
class Part:
    """A population whose figures are unknowns, or known exactly (`known`: key -> count)."""

    name: str
    true: dict[Key, int]
    zero: Callable[[Key], bool] = lambda key: False
    known: bool = False


@dataclass
class View:
    """One published document and the parts whose union it counts."""

    doc: dict
    true_doc: dict
    parts: Sequence[str]


@dataclass
class Result:
    targets: int = 0
    disclosed: list[str] = field(default_factory=list)
    solves: int = 0


class Attack:
    """The integer program of one or more views; `run` finds every pinned count of 1-4."""

    def __init__(self, views: Sequence[View], parts: Sequence[Part], ptable: PTable,
                 measures_version: str, seed: int = 0) -> None:
        self.ptable, self.rng, self.measures_version = ptable, random.Random(seed), measures_version
        self.labels: dict[tuple[tuple[int, ...], str], str] = {}
        self.parts = {p.name: p for p in parts}
        self.structure = Structure()
        per_view = []
        for view in views:
            s = structure(view.doc, measures_version)
            self.structure.keys |= s.keys
            per_view.append((view, s))
        self.col: dict[tuple[str, Key], int] = {}
        lower, upper = [], []
        for part in parts:
            for key in sorted(self.structure.keys, key=sorted):
                value = part.true.get(key, 0)
                if part.known or part.zero(key):
                    bound = value if part.known else 0
                    if not part.known and value != 0:
                        raise AssertionError(f"{part.name}: {sorted(key)} is {value}, not a structural zero")
                    lower.append(bound)
                    upper.append(bound)
                else:
                    lower.append(0)
                    upper.append(BIG)
                self.col[(part.name, key)] = len(lower) - 1
        self.n = len(lower)
        self.truth = np.zeros(self.n)
        for (pname, key), i in self.col.items():
            self.truth[i] = self.parts[pname].true.get(key, 0)
        self.rows: dict[tuple, tuple[float, float, dict[int, float]]] = {}
        for view, s in per_view:  # a view's categories cover the parts it counts, and only those
            for pname in view.parts:
                for inner, totals in s.lines:
                    self._row(0, 0, {**{self.col[(pname, k)]: 1.0 for k in inner},
                                     **{self.col[(pname, k)]: -1.0 for k in totals}})
                for inner, totals in s.at_most:
                    self._row(-highspy.kHighsInf, 0, {**{self.col[(pname, k)]: 1.0 for k in inner},
                                                      **{self.col[(pname, k)]: -1.0 for k in totals}})
        self.targets: dict[tuple[tuple[int, ...], str], int] = {}
        for view in views:
            self._view(view)
        self._check_truth(lower, upper)
        self.h = highspy.Highs()
        self.h.setOptionValue("output_flag", False)
        self.h.setOptionValue("mip_rel_gap", 0.0)
        self.h.setOptionValue("threads", 1)
        self.h.addCols(self.n, np.zeros(self.n), np.array(lower, float), np.array(upper, float), 0,
                       np.array([], np.int32), np.array([], np.int32), np.array([], float))
        self.h.changeColsIntegrality(self.n, np.arange(self.n, dtype=np.int32),
                                     np.array([highspy.HighsVarType.kInteger] * self.n))
        for lo, up, coeffs in self.rows.values():
            idx = np.array(list(coeffs), dtype=np.int32)
            self.h.addRow(lo, up, len(idx), idx, np.array([coeffs[i] for i in idx], float))

    def _row(self, lo: float, up: float, coeffs: dict[int, float]) -> None:
        coeffs = {i: c for i, c in coeffs.items() if c}
        if coeffs:
            signature = (tuple(sorted(coeffs.items())), lo, up)
            self.rows[signature] = (lo, up, coeffs)

    def _view(self, view: View) -> None:
        """Bounds from each published value, the equal-key inference, and the targets of the view."""
        unknown = [p for p in view.parts if not self.parts[p].known]
        published: dict[Key, int | None] = {}
        true: dict[Key, int] = {}
        for table, true_table in zip(view.doc["tables"], view.true_doc["tables"], strict=True):
            if table["name"].startswith("own:"):
                continue
            figures, lines = table_figures(table, true_table, self.measures_version)
            for f in figures:
                published[f.key], true[f.key] = f.published, f.true
            for inner, totals in lines:  # equal values unless the sets of cases differ
                for k in inner:
                    if len(totals) == 1 and published[k] is not None and published[k] != published[totals[0]]:
                        self._row(1, highspy.kHighsInf, {**self._sum(view.parts, totals[0]),
                                                         **_neg(self._sum(view.parts, k))})
        for key, p in published.items():
            if p is not None:
                possible = self.ptable.possible(p)
                self._row(possible[0], possible[-1], self._sum(view.parts, key))
            parts_true = sum(self.parts[q].true.get(key, 0) for q in view.parts)
            if parts_true != true[key]:
                raise AssertionError(f"parts do not add up to the view at {sorted(key)}")
            label = f"{'+'.join(view.parts)}:{sorted(key)}"
            if unknown:
                self._target(self._sum(unknown, key), label)
            for q in unknown:
                if len(unknown) > 1 or len(view.parts) > 1:
                    self._target(self._sum([q], key), f"{q}:{sorted(key)}")

    def _sum(self, parts: Iterable[str], key: Key) -> dict[int, float]:
        return {self.col[(p, key)]: 1.0 for p in parts}

    def _target(self, coeffs: dict[int, float], label: str) -> None:
        idx = tuple(sorted(coeffs))
        value = round(sum(self.truth[i] for i in idx))
        if 1 <= value <= 4:
            target = (idx, label.split(":")[0])
            self.targets.setdefault(target, value)
            self.labels.setdefault(target, label)

    def _check_truth(self, lower: list[float], upper: list[float]) -> None:
        x = self.truth
        assert all(lo <= v <= up for v, lo, up in zip(x, lower, upper, strict=True)), "truth outside bounds"
        for lo, up, coeffs in self.rows.values():
            value = sum(c * x[i] for i, c in coeffs.items())
            if not lo - 1e-9 <= value <= up + 1e-9:
                raise AssertionError(f"the truth breaks a relation of the attacker's model: {lo} <= {value}"
                                     f" <= {up}")

    def _solve(self, costs: np.ndarray, sense: highspy.ObjSense) -> np.ndarray | None:
        self.h.changeObjectiveSense(sense)
        self.h.changeColsCost(self.n, np.arange(self.n, dtype=np.int32), costs)
        self.h.run()
        self.result.solves += 1
        if self.h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return np.array(self.h.getSolution().col_value)

    def run(self, rounds: int = 4) -> Result:
        self.result = Result(targets=len(self.targets))
        open_ = dict(self.targets)
        for _ in range(rounds):  # cheap first: push many targets at once in random directions
            if not open_:
                break
            costs = np.zeros(self.n)
            for idx, _ in open_:
                costs[list(idx)] += self.rng.choice((-1.0, 1.0))
            self._resolve(open_, self._solve(costs, highspy.ObjSense.kMaximize))
        for target in list(open_):
            if target not in open_:
                continue
            idx, _ = target
            costs = np.zeros(self.n)
            costs[list(idx)] = 1.0
            for sense in (highspy.ObjSense.kMaximize, highspy.ObjSense.kMinimize):
                self._resolve(open_, self._solve(costs, sense))
                if target not in open_:
                    break
            if target in open_:
                self.result.disclosed.append(f"{self.labels[target]} = {open_.pop(target)}")
        return self.result

    def _resolve(self, open_: dict, x: np.ndarray | None) -> None:
        if x is None:
            raise AssertionError("the attacker's model is infeasible although the truth solves it")
        for target, value in list(open_.items()):
            if round(sum(x[i] for i in target[0])) != value:
                del open_[target]


def _neg(coeffs: dict[int, float]) -> dict[int, float]:
    return {i: -c for i, c in coeffs.items()}


def true_values(doc: dict, true_doc: dict, measures_version: str) -> dict[Key, int]:
    """Key -> true count of every figure of a view."""
    out: dict[Key, int] = {}
    for table, true_table in zip(doc["tables"], true_doc["tables"], strict=True):
        if table["name"].startswith("own:"):
            continue
        for f in table_figures(table, true_table, measures_version)[0]:
            out[f.key] = f.true
    return out
