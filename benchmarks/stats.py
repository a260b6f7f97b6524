"""Medians and spreads of repeated measurements, and how the benchmark prints numbers."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """Median and spread of a list of samples."""

    median: float
    low: float
    high: float
    q1: float
    q3: float
    count: int

    def spread(self, digits: int = 1) -> str:
        """ "min-max (IQR a-b), n=5"."""
        return (
            f"{num(self.low, digits)}-{num(self.high, digits)} "
            f"(IQR {num(self.q1, digits)}-{num(self.q3, digits)}), n={self.count}"
        )


def summarise(samples) -> Summary:
    values = sorted(float(v) for v in samples)
    if not values:
        nan = float("nan")
        return Summary(nan, nan, nan, nan, nan, 0)
    if len(values) == 1:
        q1 = q3 = values[0]
    else:
        q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return Summary(statistics.median(values), values[0], values[-1], q1, q3, len(values))


def percentile(values, fraction: float) -> float:
    """The nearest-rank percentile (0 < fraction <= 1) of values; nan when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-fraction * len(ordered) // 1))))
    return ordered[rank - 1]


def num(value: float, digits: int = 1) -> str:
    """A number for a table: fixed digits, thousands separated, "n/a" for nan."""
    if value != value:  # nan
        return "n/a"
    return f"{value:,.{digits}f}"


def ratio(value: float, baseline: float) -> float:
    return value / baseline if baseline else float("nan")
