"""Identity shuffled by name on a Dask LocalCluster: the corpus resolve gives, whatever the partitions."""

from __future__ import annotations

import pytest

from govkg.extract.identity import identity_report, mentions_of, resolve
from tests.extract.test_identity import person, release


def cases() -> list:
    """Invented releases for every rule across releases, each with mentions in more than one chunk."""
    return [
        # one official across releases of a city; namesakes in another
        release("a1", "巴中市", person("何平", "市长", where="巴中市")),
        release("a2", "巴中市", person("何平", "市委书记", where="巴中市")),
        release("a3", "盐田区", person("何平", "区长", where="盐田区")),
        # releases without a place, placed in rounds from the officials they share
        release("b1", None, person("蒋庚", "川汇区人大常委会主任"), person("沈辛", "区委常委", "常务副区长")),
        release("b2", None, person("沈辛", "区委常委", "常务副区长"), person("吴甲", "区长")),
        release("b3", None, person("吴甲", "区长"), person("冯丙")),
        # an untitled name joins the one official of a related place
        release("c1", "黄石市", person("明丑", where="黄石市")),
        release("c2", "阳新县", person("明丑", "县长", where="阳新县")),
        # a national leader, a provincial official promoted to the centre
        release("d1", "中国", person("赵七", "中共中央总书记"), person("杨壬", "河北省委书记")),
        release("d2", "通江县", person("赵七")),
        release("d3", "中国", person("杨壬", "国务委员")),
        # a misspelling: the rarer of two names one confusable character apart, in one place
        release("e1", "川汇区", person("梁显文", "区人大常委会主任", where="川汇区")),
        release("e2", "川汇区", person("梁显文", where="川汇区")),
        release("e3", "川汇区", person("粱显文", where="川汇区")),
    ]


def test_identity_shuffled_on_a_local_cluster_is_the_whole_resolution():
    pytest.importorskip("distributed")
    from govkg.graph.cluster import dask_client
    from govkg.graph.shuffle import resolve_with_client

    rows = [mentions_of(extraction) for extraction in cases()]
    whole = resolve(rows)
    assert str(whole.keys["b3"].persons["冯丙"]) == "冯丙@川汇区"  # placed in the second round
    assert str(whole.keys["e3"].persons["粱显文"]) == "梁显文@川汇区"
    with dask_client("local", workers=2) as client:
        for partitions in (1, 3, 7):
            corpus = resolve_with_client(client, reversed(rows), partitions, chunk=2)  # seven map tasks
            assert corpus == whole
            assert identity_report(corpus) == identity_report(whole)
