"""The matcher on its own: optimal against greedy, capacities, never a school with itself."""

from collections import Counter

from twinschools.mentoring.matching import UNMATCHED, Party, greedy, optimal

KM_PER_DEGREE = 111.2


def on_meridian(key: int, km_north: float, capacity: int = 1) -> Party:
    return Party(
        key=key,
        latitude=45.0 + km_north / KM_PER_DEGREE,
        longitude=25.0,
        languages=1,
        levels=1,
        capacity=capacity,
    )


def test_the_optimiser_beats_greedy_when_the_first_mentee_takes_the_mentor_the_second_needs():
    # Mentee 1 is 10 km from P and 20 km from Q; mentee 2 is 5 km from P and 35 km from Q.
    # Greedy gives P to mentee 1 (10 + 35); the optimum gives P to mentee 2 (20 + 5).
    mentors = [on_meridian(100, 10), on_meridian(101, -20)]
    mentees = [on_meridian(1, 0), on_meridian(2, 15)]
    best, baseline = optimal(mentees, mentors), greedy(mentees, mentors)
    assert best.mentor_of == [1, 0]
    assert baseline.mentor_of == [0, 1]
    assert best.cost < baseline.cost
    assert round(best.cost) == 27  # 20 + 5 km, plus 1 per pair


def test_the_optimiser_never_costs_more_than_greedy_on_a_random_country():
    import random

    rng = random.Random(7)
    mentees = [on_meridian(i, rng.uniform(0, 300)) for i in range(200)]
    mentors = [on_meridian(1000 + i, rng.uniform(0, 300), capacity=rng.randint(1, 4)) for i in range(60)]
    assert optimal(mentees, mentors).cost <= greedy(mentees, mentors).cost + 1e-6


def test_no_mentor_takes_more_mentees_than_its_capacity():
    mentors = [on_meridian(100, 0, capacity=2), on_meridian(101, 500, capacity=3)]
    mentees = [on_meridian(i, 1) for i in range(10)]
    best = optimal(mentees, mentors)
    taken = Counter(j for j in best.mentor_of if j >= 0)
    assert taken == {0: 2, 1: 3}
    assert best.mentor_of.count(-1) == 5


def test_a_school_that_both_offers_and_asks_is_never_paired_with_itself():
    mentors = [on_meridian(1, 0), on_meridian(2, 200)]
    mentees = [on_meridian(1, 0)]
    assert optimal(mentees, mentors).mentor_of == [1]
    assert greedy(mentees, mentors).mentor_of == [1]


def test_a_mentee_without_any_possible_mentor_stays_unmatched():
    best = optimal([on_meridian(1, 0)], [on_meridian(1, 0)])
    assert best.mentor_of == [-1]
    assert best.cost == UNMATCHED


def test_a_shared_language_weighs_more_than_a_short_distance():
    near_other_language = Party(key=100, latitude=45.0, longitude=25.0, languages=2, levels=1)
    far_same_language = Party(key=101, latitude=46.0, longitude=25.0, languages=1, levels=1)
    mentee = Party(key=1, latitude=45.0, longitude=25.0, languages=1, levels=1)
    assert optimal([mentee], [near_other_language, far_same_language]).mentor_of == [1]
