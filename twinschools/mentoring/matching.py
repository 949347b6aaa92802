"""Mentor-mentee matching for a whole country or region at once (pure: numpy and scipy, no Django).

The problem is a minimum-cost assignment with capacities: every mentor school
offers `capacity` slots, every mentee takes at most one, and the total cost of
the pairs is as low as it can be. We expand each mentor into one column per
slot and give every mentee its own "unmatched" column at a high cost, so a
full matching of the mentees always exists; scipy's
`min_weight_full_bipartite_matching` (LAPJVsp) then finds the optimum on the
sparse matrix. Only the K nearest mentors of each mentee become candidate
edges, which keeps the matrix small enough for a country of 5,000 mentees in
a few seconds. Sets (languages, levels, topics) are bitmasks, so costs are
computed for all candidate pairs at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

EARTH_RADIUS_KM = 6371.0
NO_SHARED_LANGUAGE = 300.0  # a mentor without a common language is worth 300 km more
NO_SHARED_LEVEL = 150.0
PER_MISSING_TOPIC = 40.0  # each topic the mentee asks for and the mentor does not offer
UNMATCHED = 10_000.0  # leaving a mentee without a mentor is worse than any real pair
NEAREST = 30


@dataclass(frozen=True)
class Party:
    """A school in the matching: its place and what it teaches or asks for, as bitmasks."""

    key: int  # the school's id; a school is never paired with itself
    latitude: float
    longitude: float
    languages: int = 0
    levels: int = 0
    topics: int = 0
    capacity: int = 1  # mentors only


@dataclass(frozen=True)
class Result:
    mentor_of: list[int]  # per mentee, the index of its mentor or -1
    cost: float  # total, unmatched mentees counted at UNMATCHED


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    lat1, lon1, lat2, lon2 = (np.radians(a) for a in (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def _column(parties: list[Party], name: str, dtype: type = float) -> np.ndarray:
    return np.array([getattr(party, name) for party in parties], dtype=dtype)


def _popcount(values: np.ndarray) -> np.ndarray:
    return np.array([int(v).bit_count() for v in values.ravel()], dtype=np.int64).reshape(values.shape)


def pair_cost(km: np.ndarray, mentee_bits: tuple, mentor_bits: tuple) -> np.ndarray:
    """Cost of pairs from distance and what they share; inputs broadcast against each other."""
    (e_lang, e_level, e_topics), (m_lang, m_level, m_topics) = mentee_bits, mentor_bits
    cost = 1.0 + km  # never zero: a sparse matrix would drop a zero-cost edge
    cost = cost + NO_SHARED_LANGUAGE * ((e_lang & m_lang) == 0)
    cost = cost + NO_SHARED_LEVEL * ((e_level & m_level) == 0)
    return cost + PER_MISSING_TOPIC * _popcount(e_topics & ~m_topics)


def _bits(parties: list[Party]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (
        _column(parties, "languages", int),
        _column(parties, "levels", int),
        _column(parties, "topics", int),
    )


def cost_matrix(mentees: list[Party], mentors: list[Party]) -> np.ndarray:
    """The full mentees x mentors cost matrix; a school facing itself costs infinity."""
    km = haversine_km(
        _column(mentees, "latitude")[:, None],
        _column(mentees, "longitude")[:, None],
        _column(mentors, "latitude")[None, :],
        _column(mentors, "longitude")[None, :],
    )
    e_bits = tuple(b[:, None] for b in _bits(mentees))
    m_bits = tuple(b[None, :] for b in _bits(mentors))
    cost = pair_cost(km, e_bits, m_bits)
    cost[_column(mentees, "key", int)[:, None] == _column(mentors, "key", int)[None, :]] = np.inf
    return cost


def nearest(mentees: list[Party], mentors: list[Party], k: int = NEAREST) -> tuple[np.ndarray, np.ndarray]:
    """Per mentee, the indices and costs of its k cheapest mentors (the candidate edges)."""
    cost = cost_matrix(mentees, mentors)
    k = min(k, len(mentors))
    chosen = np.argpartition(cost, k - 1, axis=1)[:, :k]
    return chosen, np.take_along_axis(cost, chosen, axis=1)


def optimal(mentees: list[Party], mentors: list[Party], k: int = NEAREST) -> Result:
    """The minimum-cost assignment of mentees to mentors' slots (unmatched at UNMATCHED each)."""
    n = len(mentees)
    if not n:
        return Result([], 0.0)
    if not mentors:
        return Result([-1] * n, UNMATCHED * n)
    chosen, costs = nearest(mentees, mentors, k)
    capacities = _column(mentors, "capacity", int)
    first_slot = np.concatenate([[0], np.cumsum(capacities)[:-1]])
    slots = int(capacities.sum())
    rows, cols, data = [], [], []
    for slot in range(int(capacities.max())):
        # every mentor's slot number `slot`, for the candidates that have that many slots
        has = (capacities[chosen] > slot) & np.isfinite(costs)
        r, c = np.nonzero(has)
        rows.append(r)
        cols.append(first_slot[chosen[r, c]] + slot)
        data.append(costs[r, c])
    rows.append(np.arange(n))
    cols.append(slots + np.arange(n))
    data.append(np.full(n, UNMATCHED))
    graph = csr_matrix(
        (np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))), shape=(n, slots + n)
    )
    _, matched = min_weight_full_bipartite_matching(graph)  # rows come back in order
    slot_owner = np.repeat(np.arange(len(mentors)), capacities)
    mentor_of = [int(slot_owner[col]) if col < slots else -1 for col in matched]
    return Result(mentor_of, float(graph[np.arange(n), matched].sum()))


def greedy(mentees: list[Party], mentors: list[Party]) -> Result:
    """The baseline: each mentee in turn takes its cheapest mentor with room left."""
    if not mentees or not mentors:
        return Result([-1] * len(mentees), UNMATCHED * len(mentees))
    cost = cost_matrix(mentees, mentors)
    room = _column(mentors, "capacity", int).copy()
    mentor_of, total = [], 0.0
    for row in cost:
        open_row = np.where(room > 0, row, np.inf)
        best = int(np.argmin(open_row))
        if open_row[best] < UNMATCHED:
            room[best] -= 1
            mentor_of.append(best)
            total += float(open_row[best])
        else:
            mentor_of.append(-1)
            total += UNMATCHED
    return Result(mentor_of, total)
