#!/usr/bin/env python3
"""Tests of the places data builder (scripts/build-places-data.py).

  check_places_data.py geometry REPO   the outline tests the builder uses (pure Python, always runs)
  check_places_data.py check REPO      the committed data/places/places.tsv is what the builder makes
                                       from ../shared now (exit 77, "skipped", without ../shared or
                                       without pyosmium: the data build needs both, the product neither)
"""
import importlib.util
import os
import subprocess
import sys


def load_geometry(repo):
    spec = importlib.util.spec_from_file_location("places_geometry", os.path.join(repo, "scripts", "places_geometry.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def square(x0, y0, size):
    return [(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0)]


def geometry(repo):
    g = load_geometry(repo)
    castle = [(True, square(0.0, 0.0, 0.01)), (False, square(0.004, 0.004, 0.002))]  # a courtyard hole
    assert g.polygon_contains(castle, 0.001, 0.001)
    assert not g.polygon_contains(castle, 0.005, 0.005), "a point in the courtyard is outside the building"
    assert not g.polygon_contains(castle, 0.02, 0.001)
    area = g.polygon_area_m2(castle)
    expected = (0.01 * 111320.0) ** 2 - (0.002 * 111320.0) ** 2  # at the equator
    assert abs(area - expected) / expected < 1e-3, area
    museum = [(True, square(0.001, 0.001, 0.002))]
    outlines = {"osm:way/castle": (castle, area), "osm:way/museum": (museum, g.polygon_area_m2(museum))}
    # The smallest outline around a point wins; an outline never contains something larger.
    assert g.containing_sight(0.0015, 0.0015, 0.0, outlines) == "osm:way/museum"
    assert g.containing_sight(0.008, 0.008, 0.0, outlines) == "osm:way/castle"
    assert g.containing_sight(0.0015, 0.0015, area * 2, outlines) is None
    assert g.containing_sight(0.5, 0.5, 0.0, outlines) is None
    print("places geometry: ok")
    return 0


def check(repo):
    shared = os.path.normpath(os.path.join(repo, "..", "shared"))
    if not os.path.isdir(os.path.join(shared, "data", "osm", "pbf")):
        print("skipped: no %s (the data build needs it; the product does not)" % shared)
        return 77
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    if subprocess.run([python, "-c", "import osmium"], capture_output=True).returncode != 0:
        print("skipped: no pyosmium (scripts/install-deps.sh --data)")
        return 77
    result = subprocess.run([python, os.path.join(repo, "scripts", "build-places-data.py"), "--check",
                             "--shared", shared], capture_output=True, text=True)
    sys.stdout.write(result.stdout + result.stderr)
    return result.returncode


if __name__ == "__main__":
    mode, repo = sys.argv[1], sys.argv[2]
    sys.exit({"geometry": geometry, "check": check}[mode](repo))
