#!/usr/bin/env python3
"""Exact optimum of a small Chao-format TOP instance (stdlib only).

usage: bench/top-exact.py FILE [--max-nodes N]

Only nodes that a path can reach alone (start -> node -> end <= tmax, unrounded Euclidean) can
score, so an instance with few such nodes can be solved exhaustively: a Held-Karp pass gives the
shortest start-to-end path through every subset of them, then a subset DP picks M disjoint
feasible subsets of maximum total score. Used to check whether a published value is reachable
with the data exactly as distributed (tmax as written in the file). Refuses instances with more
than --max-nodes (default 16) reachable nodes.
"""
import math
import sys


def read(path):
    with open(path) as f:
        tokens = f.read().split()
    n, m, tmax = int(tokens[1]), int(tokens[3]), float(tokens[5])
    rows = [tuple(float(v) for v in tokens[6 + 3 * i:9 + 3 * i]) for i in range(n)]
    return n, m, tmax, rows


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    limit = 16
    if "--max-nodes" in args:
        limit = int(args[args.index("--max-nodes") + 1])
    n, m, tmax, rows = read(args[0])
    d = lambda a, b: math.sqrt((rows[a][0] - rows[b][0]) ** 2 + (rows[a][1] - rows[b][1]) ** 2)
    start, end = 0, n - 1
    nodes = [i for i in range(1, n - 1) if rows[i][2] > 0 and d(start, i) + d(i, end) <= tmax]
    k = len(nodes)
    if k > limit:
        print(f"{args[0]}: {k} reachable scoring nodes, more than --max-nodes {limit}", file=sys.stderr)
        return 1
    full = 1 << k
    inf = float("inf")
    # path[mask][last]: shortest path from start through exactly `mask`, ending at nodes[last].
    path = [[inf] * k for _ in range(full)]
    for i in range(k):
        path[1 << i][i] = d(start, nodes[i])
    for mask in range(1, full):
        row = path[mask]
        for last in range(k):
            here = row[last]
            if here == inf:
                continue
            for nxt in range(k):
                bit = 1 << nxt
                if mask & bit:
                    continue
                cand = here + d(nodes[last], nodes[nxt])
                if cand < path[mask | bit][nxt]:
                    path[mask | bit][nxt] = cand
    score = [0.0] * full
    fits = [False] * full
    fits[0] = True
    for mask in range(1, full):
        low = (mask & -mask).bit_length() - 1
        score[mask] = score[mask & (mask - 1)] + rows[nodes[low]][2]
        length = 0.0
        best = min(path[mask][last] + d(nodes[last], end) for last in range(k) if mask >> last & 1)
        fits[mask] = best <= tmax
    # best[t][mask]: most score with t paths using only nodes of `mask`.
    best = [score[mask] if fits[mask] else 0.0 for mask in range(full)]
    for bit in range(k):  # best single path within a subset (subset maximum)
        for mask in range(full):
            if mask >> bit & 1 and best[mask ^ (1 << bit)] > best[mask]:
                best[mask] = best[mask ^ (1 << bit)]
    for _ in range(m - 1):
        nxt = best[:]
        for mask in range(full):
            sub = mask
            while sub:
                if fits[sub]:
                    value = score[sub] + best[mask ^ sub]
                    if value > nxt[mask]:
                        nxt[mask] = value
                sub = (sub - 1) & mask
        best = nxt
    name = args[0].rsplit("/", 1)[-1].removesuffix(".txt")
    print(f"{name}: {k} reachable scoring nodes, exact optimum {best[full - 1]:g} (tmax {tmax:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
