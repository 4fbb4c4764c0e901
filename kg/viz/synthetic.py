"""A policy-shaped network of any size, for the page's benchmarks and browser tests.

Owns: generating a :class:`~kg.viz.model.Network` with the class mix of real builds (programmes,
agencies, places, people…), a few hubs and scale-free relations, many isolated entities (as a
corpus of work reports has), articles, years and provinces, deterministically from a seed.
"""
from __future__ import annotations

import random

from kg.viz.model import Article, Edge, Network, Node

_CLASSES = (["Programme"] * 6 + ["GovernmentAgency"] * 3 + ["Person"] * 2 + ["City"] * 2 +
            ["Company", "ResearchOrganization", "Organization", "Event", "Province", "District"])
_PREDICATES = ("partOf", "locatedIn", "issuedBy", "leads", "participatesIn", "部长")
_PROVINCES = ("江苏省", "浙江省", "广东省", "安徽省", "四川省")


def synthetic_network(n: int, seed: int = 7, isolated: float = 0.5) -> Network:
    """``n`` entities, a share ``isolated`` of them with no relation, the rest in a
    preferential-attachment forest with a few extra links."""
    rng = random.Random(seed)
    net = Network(articles=[Article(f"第{k}篇文章", f"doc{k % 60}.txt", 2000 + k % 25)
                            for k in range(200)])
    for i in range(n):
        cls = rng.choice(_CLASSES)
        node = Node(f"https://example.org/e/{i}", cls, f"实体{i}号{cls[:3]}",
                    aliases=[f"别名{i}"] if i % 7 == 0 else [], mentions=1 + int(rng.paretovariate(1.5)),
                    articles={rng.randrange(200) for _ in range(1 + i % 3)},
                    provinces={_PROVINCES[i % len(_PROVINCES)]})
        net.nodes.append(node)
    connected = list(range(int(n * (1 - isolated))))
    degree = [1] * n
    for k, i in enumerate(connected[1:], start=1):
        j = rng.choices(connected[:k], weights=degree[:k])[0]
        net.edges.append(Edge(i, j, rng.choice(_PREDICATES), [(f"第{i}句证据。", i % 200)]))
        degree[i] += 1
        degree[j] += 1
    for _ in range(len(connected) // 10):
        a, b = rng.sample(connected, 2)
        net.edges.append(Edge(a, b, rng.choice(_PREDICATES), []))
    return net


__all__ = ["synthetic_network"]
