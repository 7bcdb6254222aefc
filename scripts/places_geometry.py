"""Polygon tests for build-places-data.py: which sight outline a POI lies inside (pure Python).

Rings are lists of (lon, lat) with the first point repeated at the end; a polygon is a list of
(is_outer, ring). Areas are computed on a local flat projection, which is exact enough for
buildings and parks (a few km at most).
"""

import math

METRES_PER_DEG = 111320.0


def _inside_ring(lon, lat, ring):
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > lat) != (y1 > lat):
            x = x0 + (lat - y0) * (x1 - x0) / (y1 - y0)
            if x > lon:
                inside = not inside
    return inside


def polygon_contains(rings, lon, lat):
    """True if (lon, lat) lies inside an outer ring and in none of the holes."""
    outer = any(is_outer and _inside_ring(lon, lat, ring) for is_outer, ring in rings)
    return outer and not any(not is_outer and _inside_ring(lon, lat, ring) for is_outer, ring in rings)


def polygon_area_m2(rings):
    """Area in square metres (outer rings minus holes), on a local flat projection."""
    total = 0.0
    for is_outer, ring in rings:
        if len(ring) < 4:
            continue
        lat0 = math.radians(ring[0][1])
        ox, oy = ring[0]
        acc = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            ax = (x0 - ox) * math.cos(lat0) * METRES_PER_DEG
            ay = (y0 - oy) * METRES_PER_DEG
            bx = (x1 - ox) * math.cos(lat0) * METRES_PER_DEG
            by = (y1 - oy) * METRES_PER_DEG
            acc += ax * by - bx * ay
        total += abs(acc) / 2.0 * (1 if is_outer else -1)
    return max(total, 0.0)


def containing_sight(lon, lat, own_area_m2, polygons):
    """The key of the smallest polygon in `polygons` ({key: (rings, area_m2)}) that contains the
    point and is larger than the object itself (own_area_m2, 0 for a point); None if none does.
    Ties on area go to the smaller key, so the answer does not depend on dict order."""
    best = None
    for key in sorted(polygons):
        rings, area = polygons[key]
        if area <= own_area_m2 or not polygon_contains(rings, lon, lat):
            continue
        if best is None or area < polygons[best][1]:
            best = key
    return best
