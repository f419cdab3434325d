"""The mention table: rows round trip exactly through Parquet, deterministic bytes, same decisions."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govkg.extract.identity import PersonMention, ReleaseMentions, TitleMention, mentions_of, resolve
from govkg.extract.titles import parse_title
from govkg.graph.mention_table import MentionWriter, iter_mentions, read_mentions, write_mentions

ODD = ReleaseMentions(
    release="r\t1 ✓",
    date=None,
    written_place="營口",
    place=None,
    text_places=(),
    text="标题\n正文\x00，含\u200b零宽空格与😀，\r\n\t行尾 ",
    persons=(
        PersonMention("何 平", "何平#2", None, ()),
        PersonMention("", "", "?", (TitleMention("", None, None), TitleMention("市长", "", "市委\n"))),
        PersonMention(
            "甲",
            "甲",
            None,
            (
                TitleMention("市长", office=parse_title("市长")),
                TitleMention("秘书长", office=parse_title("秘书长")),
            ),
        ),
    ),
    event_places=("", "巴中"),
    issuers=("国务院",),
    text_digest="0" * 64,
)
PLAIN = ReleaseMentions("r2", "2021-01-01", "巴中市", "巴中市", ("巴中市",))


@pytest.mark.parametrize("row", [ODD, PLAIN, ReleaseMentions("")], ids=["odd", "plain", "empty"])
def test_a_row_round_trips_through_plain_types_and_parquet(row, tmp_path):
    assert ReleaseMentions.from_row(row.to_row()) == row
    write_mentions(tmp_path / "m.parquet", [row])
    assert read_mentions(tmp_path / "m.parquet") == [row]


names = st.text(max_size=6)
maybe = st.none() | names
offices = st.none() | st.sampled_from(
    [parse_title(t) for t in ("市长", "秘书长", "国务院总理", "日照市委书记")]
)
titles = st.builds(TitleMention, names, maybe, maybe, offices).map(
    lambda t: replace(t, office=replace(t.office, title=t.title)) if t.office else t
)
persons = st.builds(PersonMention, names, names, maybe, st.lists(titles, max_size=3).map(tuple))
rows = st.builds(
    ReleaseMentions,
    names,
    maybe,
    maybe,
    maybe,
    st.lists(names, max_size=3).map(tuple),
    maybe,
    st.lists(persons, max_size=3).map(tuple),
    st.lists(names, max_size=3).map(tuple),
    st.lists(names, max_size=3).map(tuple),
    names,
)


@settings(max_examples=30, deadline=None)
@given(table=st.lists(rows, max_size=4))
def test_any_rows_round_trip_through_parquet(table, tmp_path_factory):
    path = tmp_path_factory.mktemp("m") / "m.parquet"
    write_mentions(path, table)
    assert read_mentions(path) == table


def test_the_same_rows_give_the_same_bytes(tmp_path):
    write_mentions(tmp_path / "a.parquet", [PLAIN, ODD])
    write_mentions(tmp_path / "b.parquet", [PLAIN, ODD])
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()


def test_a_table_written_in_batches_reads_back_in_order_in_any_batch_size(tmp_path):
    path = tmp_path / "m.parquet"
    with MentionWriter(path) as writer:
        writer.write([PLAIN, ODD])
        writer.write([])
        writer.write([ReleaseMentions("r3")])
    assert writer.rows == 3
    assert pq.ParquetFile(path).num_row_groups == 2
    assert (
        list(iter_mentions(path, batch_size=1)) == read_mentions(path) == [PLAIN, ODD, ReleaseMentions("r3")]
    )


def test_a_failed_batch_leaves_no_table(tmp_path):
    path = tmp_path / "m.parquet"
    with pytest.raises(RuntimeError), MentionWriter(path) as writer:
        writer.write([PLAIN])
        raise RuntimeError("worker died")
    assert list(tmp_path.iterdir()) == []


def test_another_parquet_file_is_refused(tmp_path):
    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"release": ["r1"]}), path)
    with pytest.raises(ValueError, match="not a mention table"):
        read_mentions(path)


def test_resolving_the_sample_from_its_mention_table_decides_as_from_its_records(sample_result, tmp_path):
    path = tmp_path / "mentions.parquet"
    write_mentions(path, (mentions_of(e) for e in sample_result.extractions))
    from_table = resolve(read_mentions(path))
    assert from_table == resolve(sample_result.extractions) == sample_result.corpus
    assert from_table.decisions and from_table.tenures and from_table.variants


def test_rows_travel_to_and_from_workers_pickled():
    assert pickle.loads(pickle.dumps([ODD, PLAIN])) == [ODD, PLAIN]


def test_rows_read_back_share_their_recurring_strings(tmp_path):
    twice = [PLAIN, ReleaseMentions("r3", "2021-01-01", "巴中市", "巴中市", ("巴中市",))]
    write_mentions(tmp_path / "m.parquet", twice)
    first, second = read_mentions(tmp_path / "m.parquet")
    assert first.place is second.place is second.written_place is second.text_places[0]
