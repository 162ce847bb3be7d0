"""PackOrder, pure: every move keeps positions 0..n-1 grouped by category."""

from hypothesis import given
from hypothesis import strategies as st

from pmp.gear.ordering import PackOrder


def order() -> PackOrder:
    # categories 10, 20, 30 (30 empty); entries 1, 2 in 10 and 3 in 20
    return PackOrder([10, 20, 30], [(1, 10), (2, 10), (3, 20)])


def test_positions_follow_categories_then_entries():
    assert order().positions() == {1: (10, 0), 2: (10, 1), 3: (20, 2)}


def test_move_within_and_across_categories():
    pack = order()
    pack.move_entry(2, 10, 0)
    assert list(pack.positions()) == [2, 1, 3]
    pack.move_entry(2, 30, None)
    assert pack.positions()[2] == (30, 2)
    pack.move_entry(1, 20, 99)  # beyond the end: the end
    assert pack.positions() == {3: (20, 0), 1: (20, 1), 2: (30, 2)}


def test_move_to_a_pack_wide_position_stays_in_the_category():
    pack = order()
    pack.move_entry_to_position(1, 5)
    assert pack.positions() == {2: (10, 0), 1: (10, 1), 3: (20, 2)}
    pack.move_entry_to_position(3, 0)
    assert pack.positions()[3] == (20, 2)


def test_categories_move_and_go_with_their_entries():
    pack = order()
    pack.move_category(20, 0)
    assert pack.positions() == {3: (20, 0), 1: (10, 1), 2: (10, 2)}
    assert pack.category_positions() == {20: 0, 10: 1, 30: 2}
    assert pack.remove_category(10) == [1, 2]
    assert pack.positions() == {3: (20, 0)}
    pack.add_category(40, 0)
    assert pack.category_positions() == {40: 0, 20: 1, 30: 2}


moves = st.lists(st.tuples(st.sampled_from(["entry", "category", "position", "add", "remove"]),
                           st.integers(0, 20), st.integers(0, 4), st.integers(0, 30)),
                 max_size=40)


@given(moves)
def test_any_sequence_of_moves_keeps_the_order_dense(steps):
    pack = PackOrder([1, 2, 3, 4], [(100 + n, 1 + n % 3) for n in range(8)])
    next_id = 200
    for kind, entry_pick, category_pick, index in steps:
        entries = list(pack.positions())
        category = pack.categories[category_pick % len(pack.categories)]
        if kind == "add":
            pack.add_entry(next_id, category, index)
            next_id += 1
        elif not entries:
            continue
        elif kind == "entry":
            pack.move_entry(entries[entry_pick % len(entries)], category, index)
        elif kind == "position":
            pack.move_entry_to_position(entries[entry_pick % len(entries)], index)
        elif kind == "remove":
            pack.remove_entry(entries[entry_pick % len(entries)])
        else:
            pack.move_category(category, index)
    placed = pack.positions()
    assert sorted(p for _, p in placed.values()) == list(range(len(placed)))
    rank = pack.category_positions()
    by_position = sorted(placed.values(), key=lambda cp: cp[1])
    assert [rank[c] for c, _ in by_position] == sorted(rank[c] for c, _ in by_position)
