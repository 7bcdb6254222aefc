#!/usr/bin/env python3
"""Build Narrando's embedded offline places data set (data/places/places.tsv).

Usage (from anywhere; python3 with Debian's python3-pyosmium, which
`scripts/install-deps.sh --data` installs; when the python3 on PATH lacks it,
the script runs itself again with /usr/bin/python3):

    python3 scripts/build-places-data.py [--shared ../shared] [--out data/places/places.tsv]
    python3 scripts/build-places-data.py --check    # exit 1 if the committed file is stale
    python3 scripts/build-places-data.py --stats    # print the per-city table (Markdown)

Defaults: --shared is <repo>/../shared, --out is <repo>/data/places/places.tsv.
Explicit relative paths are taken relative to the current directory.

Inputs (all read-only, real data, see the READMEs next to them):
  <shared>/data/osm/pois.csv                       OpenStreetMap POIs, ODbL 1.0
  <shared>/data/poi/poi_partial_geocoder_tester.csv Wikivoyage-fr names + Wikidata
                                                    coordinates, CC BY-SA 3.0
  <shared>/data/poi/world_cities.csv               GeoNames cities, CC BY 4.0
  <shared>/data/osm/pbf/*.osm.pbf                  the OpenStreetMap extracts pois.csv was
                                                    made from: secondary tags, names,
                                                    outlines (scripts/osm_extras.py)

Output: see data/places/README.md for the exact format. In short, UTF-8,
tab-separated, no quoting, '#' comment lines first, then `city` rows sorted by
key, then `poi` rows sorted by (city key, source_id).

The build is deterministic: no clocks, no absolute paths, no dict-order or
locale dependence; floats are formatted with a fixed number of decimals.
Running it twice gives byte-identical output.
"""

import argparse
import collections
import csv
import hashlib
import json
import math
import os
import re
import sys
import tempfile
import unicodedata

import places_geometry

try:
    import osm_extras
except ImportError:  # pyosmium missing: Debian's python3 has it (python3-pyosmium)
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("build-places-data: needs pyosmium: apt-get install python3-pyosmium (scripts/install-deps.sh --data)")

SCRIPT_NAME = "scripts/build-places-data.py"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SHARED = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared"))
DEFAULT_OUT = os.path.join(REPO_ROOT, "data", "places", "places.tsv")

OSM_CSV = os.path.join("data", "osm", "pois.csv")
GT_CSV = os.path.join("data", "poi", "poi_partial_geocoder_tester.csv")
CITIES_CSV = os.path.join("data", "poi", "world_cities.csv")
PBF_DIR = os.path.join("data", "osm", "pbf")

# A city is kept when it has at least this many usable POIs (positive, not a
# near_dup_of row, not a geocoder-tester duplicate of an OSM row) ...
MIN_USABLE = 15
# ... and these are kept whatever their count (Paris is the seed city).
ALWAYS_KEEP = ("paris",)
# These must qualify on their own; the build fails loudly if one does not.
MUST_QUALIFY = ("porto", "munich", "london", "helsinki", "copenhagen",
                "monaco", "andorra", "liechtenstein")

# The product's seed city. Paris's place_id is the real Google place id the
# seed uses; the product also accepts geonames:2988507 (geonames_id column).
# No other Google place id is used anywhere: every other place_id is
# geonames:<geonameid>.
GOOGLE_PLACE_IDS = {"paris": "ChIJD7fiBh9u5kcRYJSMaMOCCwQ"}

# OSM city key (the `city` column of pois.csv) -> the GeoNames row that is the
# city itself, looked up by (name, country_code) in world_cities.csv (the most
# populous match; the file is sorted by population). For the three
# micro-states the extract covers the whole country, and the city is its
# capital (Monaco, Andorra la Vella, Vaduz). Krems an der Donau (pop. < 15000,
# not a capital) is not in world_cities.csv; it does not qualify anyway.
OSM_CITY_GEONAMES = {
    "andorra": ("Andorra la Vella", "AD"),
    "berlin": ("Berlin", "DE"),
    "copenhagen": ("Copenhagen", "DK"),
    "heidelberg": ("Heidelberg", "DE"),
    "helsinki": ("Helsinki", "FI"),
    "krems": ("Krems an der Donau", "AT"),
    "liechtenstein": ("Vaduz", "LI"),
    "london": ("London", "GB"),
    "milan": ("Milan", "IT"),
    "monaco": ("Monaco", "MC"),
    "moscow": ("Moscow", "RU"),
    "munich": ("Munich", "DE"),
    "paris": ("Paris", "FR"),
    "porto": ("Porto", "PT"),
    "rome": ("Rome", "IT"),
    "stockholm": ("Stockholm", "SE"),
}

# geocoder-tester `category_heuristic` -> nearest OSM `category` value of
# pois.csv. tower_viewpoint is split by name: a name that says it is a tower
# (tour/tower/torre/turm, or SkyTree) -> tower_lighthouse, anything else
# (Atomium, Sunshine 60, the Daikanransha Ferris wheel) -> viewpoint.
GT_CATEGORY = {
    "museum": "museum_gallery",
    "temple": "religious",        # the heuristic's temple also covers synagogues
    "shrine": "religious",
    "church": "religious",
    "park_garden": "park_garden",
    "palace_castle": "castle_palace_fortification",
    "tower_viewpoint": None,      # by name, see TOWER_NAME_RE
    "bridge": "attraction",
    "market_street": "attraction",
    "attraction": "attraction",
    "cemetery": "historic_other",
}
TOWER_NAME_RE = re.compile(r"\b(tour|tower|torre|turm)\b|skytree", re.IGNORECASE)

# Coverage notes (short, honest, English). {osm}, {gt}, {gt_dropped} are
# filled with the city's counts of usable OSM POIs, kept geocoder-tester rows
# and geocoder-tester rows dropped as duplicates of an OSM row; {max_km} with
# the distance of the farthest usable POI from the GeoNames centre (whole km).
NOTES = {
    "andorra": "POIs across the whole country (all of Andorra, OSM 2021, up to {max_km} km from Andorra la Vella)",
    "brussels": "No OpenStreetMap extract: only {gt} Wikivoyage/Wikidata POIs (names in French), mostly parks on the Promenade verte ring 4-{max_km} km out; nothing in the historic centre, no popularity signal, no negatives",
    "copenhagen": "Central Copenhagen only (Indre By, Christianshavn, Frederiksstaden); 2012 OpenStreetMap extract without wikidata tags, so popularity signals are weak",
    "heidelberg": "Heidelberg and the Rhein-Neckar region (routing-filtered OpenStreetMap extract): POIs spread up to {max_km} km from Heidelberg, almost no wikidata tags",
    "helsinki": "Central Helsinki only (Senate Square, Esplanadi, Kamppi)",
    "krakow": "No OpenStreetMap extract: only {gt} Wikivoyage/Wikidata POIs (names in French): mostly Kazimierz synagogues plus a few museums and churches, up to {max_km} km out; no popularity signal, no negatives",
    "kyoto": "No OpenStreetMap extract: only {gt} Wikivoyage/Wikidata POIs (names in French; mostly temples and shrines up to {max_km} km out, a few in Ōtsu); no popularity signal, no negatives",
    "liechtenstein": "POIs across the whole country (all of Liechtenstein, OSM 2021, up to {max_km} km from Vaduz)",
    "london": "City of London and Holborn only: Westminster and the Tower are outside the extract ({osm} OpenStreetMap POIs); plus {gt} museums elsewhere in London from Wikivoyage/Wikidata",
    "milan": "Milan metropolitan area, routing-filtered 2015 OpenStreetMap extract: no wikidata tags, some centroids approximate (Duomo point 77 m off)",
    "monaco": "All of Monaco (the whole country)",
    "moscow": "Kitay-gorod and Maroseyka only (east of the Kremlin): Red Square and the Kremlin are outside the extract",
    "munich": "Altstadt only from OpenStreetMap ({osm} POIs) plus {gt} museums from Wikivoyage/Wikidata ({gt_dropped} more dropped: same wikidata as an OSM row)",
    "paris": "Offline data holds only the few real Paris POIs available: {osm} from OpenStreetMap (Marais/République) and {gt} from Wikivoyage/Wikidata (mostly museums, up to {max_km} km out); no Eiffel Tower",
    "porto": "Historic centre only (Ribeira, Clérigos, Baixa, Sé)",
    "rome": "Two tiny OpenStreetMap patches (Trajan's Forum, Via Montebello) with {osm} POIs plus {gt} Wikivoyage/Wikidata POIs (mostly museums); no Colosseum",
    "stockholm": "Södermalm around Mariatorget only: Gamla Stan and City Hall are outside the extract",
    "tokyo": "No OpenStreetMap extract: only {gt} Wikivoyage/Wikidata POIs (names in French, up to {max_km} km from the centre); no popularity signal, no negatives",
}

CITY_COLUMNS = ["city", "key", "place_id", "geonames_id", "name", "country_code",
                "lat", "lon", "south", "west", "north", "east", "population", "note"]
POI_COLUMNS = ["poi", "city_key", "source_id", "name", "name_en", "lat", "lon", "tag",
               "category", "sub_tag", "wikidata", "wikipedia", "name_variants",
               "description", "source", "tags", "inside"]

BBOX_PAD_M = 300.0
METRES_PER_DEG_LAT = 111320.0

ATTRIBUTION_LINES = [
    "# Licence: this file is a derived database of OpenStreetMap data and is available under the Open Database License (ODbL) 1.0; share-alike applies.",
    "# © OpenStreetMap contributors, ODbL 1.0, https://www.openstreetmap.org/copyright (rows whose source_id starts with osm:).",
    "# Contains data from GeoNames (geonames.org), licensed under CC BY 4.0. (city rows: centroid, population, geonames_id)",
    "# Contains listing names from French Wikivoyage (fr.wikivoyage.org, CC BY-SA 3.0) and coordinates/identifiers from Wikidata (CC0), compiled by the geocoder-tester contributors (MIT); those rows (source geocoder-tester:*) are CC BY-SA 3.0.",
]

# Characters that must never appear inside a value (field/record separators
# and anything a line-based reader could take as a line break).
_BAD_CHARS_RE = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def clean(value):
    """A value safe for one TSV field: separators and line breaks -> space."""
    return _BAD_CHARS_RE.sub(" ", value or "")


def slug(name):
    """Lowercase ASCII slug: 'Kraków' -> 'krakow'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def fmt(value, decimals):
    text = "%.*f" % (decimals, value)
    if float(text) == 0.0:
        text = "%.*f" % (decimals, 0.0)  # never print -0.00000
    return text


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class BuildError(Exception):
    pass


def gt_category(row):
    heuristic = row["category_heuristic"]
    if heuristic not in GT_CATEGORY:
        raise BuildError("unknown category_heuristic %r (wikidata %s)" % (heuristic, row["wikidata_qid"]))
    mapped = GT_CATEGORY[heuristic]
    if mapped is None:  # tower_viewpoint
        mapped = "tower_lighthouse" if TOWER_NAME_RE.search(row["name"]) else "viewpoint"
    return mapped


def haversine_m(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371008.8 * math.asin(math.sqrt(h))


def padded_bbox(points):
    """Bounding box of (lat, lon) points padded by BBOX_PAD_M, rounded outwards to 5 decimals."""
    south = min(p[0] for p in points)
    north = max(p[0] for p in points)
    west = min(p[1] for p in points)
    east = max(p[1] for p in points)
    dlat = BBOX_PAD_M / METRES_PER_DEG_LAT
    # Longitude degrees are shortest at the edge farthest from the equator, so
    # padding computed there is at least BBOX_PAD_M everywhere in the box.
    ref_lat = math.radians(max(abs(south), abs(north)))
    dlon = BBOX_PAD_M / (METRES_PER_DEG_LAT * math.cos(ref_lat))
    return (math.floor((south - dlat) * 1e5) / 1e5,
            math.floor((west - dlon) * 1e5) / 1e5,
            math.ceil((north + dlat) * 1e5) / 1e5,
            math.ceil((east + dlon) * 1e5) / 1e5)


def tags_json(tags):
    """The `tags` field: a JSON object with sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(tags, ensure_ascii=False, sort_keys=True, separators=(",", ":")) if tags else "{}"


def osm_details(shared, kept, merged):
    """Secondary tags and the containing sight of every OSM row of the kept cities, read from the
    extracts themselves: ({(city_key, source_id): (tags, inside_source_id)}, {pbf name: sha256})."""
    wanted = collections.defaultdict(set)
    for key in kept:
        for r in merged[key][0]:
            wanted[r["source"]].add((r["osm_type"], int(r["osm_id"])))
    extras, checksums = {}, {}
    for source in sorted(wanted):
        path = os.path.join(shared, PBF_DIR, source)
        if not os.path.isfile(path):
            raise BuildError("missing extract %s (is --shared right?)" % os.path.join(PBF_DIR, source))
        checksums[source] = sha256_of(path)
        found = osm_extras.read_extract(path, wanted[source])
        for obj in wanted[source]:
            if obj not in found:
                raise BuildError("%s/%d is not in %s" % (obj[0], obj[1], source))
            extras[(source,) + obj] = found[obj]
    details = {}
    for key in kept:
        rows = merged[key][0]
        ref = {id(r): (r["source"], r["osm_type"], int(r["osm_id"])) for r in rows}
        # Only sights can contain parts: a shop's outline never makes a museum a part of it.
        outlines = {}
        for r in rows:
            extra = extras[ref[id(r)]]
            if r["is_negative"] == "0" and extra.rings:
                outlines["osm:%s/%s" % (r["osm_type"], r["osm_id"])] = (extra.rings, places_geometry.polygon_area_m2(extra.rings))
        for r in rows:
            source_id = "osm:%s/%s" % (r["osm_type"], r["osm_id"])
            extra = extras[ref[id(r)]]
            own_area = places_geometry.polygon_area_m2(extra.rings) if extra.rings else 0.0
            others = {k: v for k, v in outlines.items() if k != source_id}
            inside = places_geometry.containing_sight(float(r["lon"]), float(r["lat"]), own_area, others) or ""
            details[(key, source_id)] = (extra.tags, inside)
    return details, checksums


def build(shared):
    """Return (text, stats) for the data set built from the shared folder."""
    paths = {rel: os.path.join(shared, rel) for rel in (OSM_CSV, GT_CSV, CITIES_CSV)}
    for rel, path in paths.items():
        if not os.path.isfile(path):
            raise BuildError("missing input %s (is --shared right? got %s)" % (rel, shared))
    osm_rows = read_csv(paths[OSM_CSV])
    gt_rows = read_csv(paths[GT_CSV])
    world = read_csv(paths[CITIES_CSV])

    # GeoNames: (name, country) -> most populous row; id -> row.
    by_name = {}
    by_id = {}
    for row in sorted(world, key=lambda r: (-int(r["population"]), int(r["geonameid"]))):
        by_name.setdefault((row["name"], row["country_code"]), row)
        by_id[row["geonameid"]] = row

    # Every city key -> GeoNames row (None when the city is not in the file).
    city_geo = {}
    for key, (name, country) in OSM_CITY_GEONAMES.items():
        city_geo[key] = by_name.get((name, country))
    osm_keys = sorted({r["city"] for r in osm_rows})
    for key in osm_keys:
        if key not in OSM_CITY_GEONAMES:
            raise BuildError("OSM city %r has no entry in OSM_CITY_GEONAMES" % key)
    geo_to_key = {geo["geonameid"]: key for key, geo in city_geo.items() if geo}

    # Assign geocoder-tester rows to a city key by city_geonameid (checked
    # against the city/country columns).
    gt_by_key = collections.defaultdict(list)
    for row in gt_rows:
        geo = by_id.get(row["city_geonameid"])
        if geo is None or geo["name"] != row["city"] or geo["country_code"] != row["country_code"]:
            raise BuildError("geocoder-tester city %r/%s/%s does not match world_cities.csv"
                             % (row["city"], row["country_code"], row["city_geonameid"]))
        key = geo_to_key.get(geo["geonameid"])
        if key is None:
            key = slug(geo["name"])
            if key in city_geo and city_geo[key] is not geo:
                raise BuildError("slug clash for %r" % key)
            city_geo[key] = geo
            geo_to_key[geo["geonameid"]] = key
        gt_by_key[key].append(row)

    osm_by_key = collections.defaultdict(list)
    for row in osm_rows:
        osm_by_key[row["city"]].append(row)

    # Per-city merge and counts.
    stats = {}
    merged = {}
    for key in sorted(set(osm_by_key) | set(gt_by_key)):
        osm = osm_by_key.get(key, [])
        # Only positive OSM rows can make a geocoder-tester row redundant: a
        # negative (a shop or hotel) never stands in for the sight itself.
        osm_qids = {r["wikidata"] for r in osm if r["wikidata"] and r["is_negative"] == "0"}
        gt_kept, gt_dropped = [], []
        for row in gt_by_key.get(key, []):
            (gt_dropped if row["wikidata_qid"] in osm_qids else gt_kept).append(row)
        negatives = [r for r in osm if r["is_negative"] == "1"]
        near_dups = [r for r in osm if r["is_negative"] == "0" and r["near_dup_of"]]
        osm_usable = [r for r in osm if r["is_negative"] == "0" and not r["near_dup_of"]]
        for r in osm:
            if r["is_negative"] not in ("0", "1"):
                raise BuildError("bad is_negative %r" % r["is_negative"])
        stats[key] = {
            "osm_usable": len(osm_usable),
            "gt_kept": len(gt_kept),
            "gt_dropped": len(gt_dropped),
            "gt_dropped_ids": sorted(r["wikidata_qid"] for r in gt_dropped),
            "usable": len(osm_usable) + len(gt_kept),
            "negatives": len(negatives),
            "near_dups": len(near_dups),
        }
        merged[key] = (osm, gt_kept)

    kept = sorted(k for k, s in stats.items() if s["usable"] >= MIN_USABLE or k in ALWAYS_KEEP)
    for key in MUST_QUALIFY:
        if stats.get(key, {}).get("usable", 0) < MIN_USABLE:
            raise BuildError("%s was expected to qualify but has %s usable POIs"
                             % (key, stats.get(key, {}).get("usable", 0)))
    for key in kept:
        if city_geo.get(key) is None:
            raise BuildError("kept city %r has no GeoNames row in world_cities.csv" % key)

    details, pbf_checksums = osm_details(shared, kept, merged)

    # POI rows.
    poi_lines = []
    city_points = collections.defaultdict(list)
    usable_points = collections.defaultdict(list)
    seen_ids = set()
    for key in kept:
        osm, gt_kept = merged[key]
        records = []
        for r in osm:
            source_id = "osm:%s/%s" % (r["osm_type"], r["osm_id"])
            lat, lon = float(r["lat"]), float(r["lon"])
            records.append([
                "poi", key, source_id, r["name"], r["name_en"], fmt(lat, 7), fmt(lon, 7),
                r["main_tag"], r["category"], r["sub_tag"], r["wikidata"], r["wikipedia"],
                str(int(r["name_variants"] or "0")), r["description"], r["source"],
                tags_json(details[(key, source_id)][0]), details[(key, source_id)][1],
            ])
            city_points[key].append((lat, lon))
            if r["is_negative"] == "0" and not r["near_dup_of"]:
                usable_points[key].append((lat, lon))
        for r in gt_kept:
            source_id = "wikidata:%s" % r["wikidata_qid"]
            lat, lon = float(r["lat"]), float(r["lon"])
            records.append([
                "poi", key, source_id, r["name"], "", fmt(lat, 7), fmt(lon, 7),
                "heuristic=" + r["category_heuristic"], gt_category(r), "", r["wikidata_qid"], "",
                "0", "", "geocoder-tester:" + r["source"],
                # Wikivoyage-fr listing names are French: say so, as name:fr.
                tags_json({"name:fr": r["name"]}), "",
            ])
            city_points[key].append((lat, lon))
            usable_points[key].append((lat, lon))
        for rec in records:
            if (rec[1], rec[2]) in seen_ids:
                raise BuildError("duplicate source_id %s in %s" % (rec[2], key))
            seen_ids.add((rec[1], rec[2]))
            if not rec[3].strip():
                raise BuildError("empty name for %s" % rec[2])
        poi_lines.extend(records)
    poi_lines.sort(key=lambda rec: (rec[1], rec[2]))

    # City rows.
    city_lines = []
    for key in kept:
        geo = city_geo[key]
        s = stats[key]
        south, west, north, east = padded_bbox(city_points[key])
        lat, lon = float(geo["lat"]), float(geo["lon"])
        max_m = max(haversine_m(lat, lon, p[0], p[1]) for p in usable_points[key])
        s["max_km"] = max_m / 1000.0
        note = NOTES.get(key, "").format(osm=s["osm_usable"], gt=s["gt_kept"], gt_dropped=s["gt_dropped"],
                                         max_km=int(max_m / 1000.0 + 0.5))
        city_lines.append([
            "city", key, GOOGLE_PLACE_IDS.get(key, "geonames:" + geo["geonameid"]), geo["geonameid"],
            geo["name"], geo["country_code"], fmt(lat, 5), fmt(lon, 5),
            fmt(south, 5), fmt(west, 5), fmt(north, 5), fmt(east, 5),
            str(int(geo["population"])), note,
        ])
        s.update(place_id=city_lines[-1][2], name=geo["name"], country=geo["country_code"],
                 note=note, rows=len(city_points[key]), centre=(lat, lon),
                 bbox=(south, west, north, east))
    for key in GOOGLE_PLACE_IDS:
        if key not in kept:
            raise BuildError("Google place id given for %r, which is not kept" % key)

    header = list(ATTRIBUTION_LINES)
    header += [
        "# Generated by %s; do not edit by hand. Regenerate: python3 %s [--shared ../shared]" % (SCRIPT_NAME, SCRIPT_NAME),
        "# Inputs (sha256): %s %s; %s %s; %s %s" % (
            OSM_CSV.replace(os.sep, "/"), sha256_of(paths[OSM_CSV]),
            GT_CSV.replace(os.sep, "/"), sha256_of(paths[GT_CSV]),
            CITIES_CSV.replace(os.sep, "/"), sha256_of(paths[CITIES_CSV])),
        "# OSM extracts (sha256): %s" % "; ".join(
            "%s %s" % (name, digest) for name, digest in sorted(pbf_checksums.items())),
        "# Format: UTF-8, tab-separated, no quoting; '#' lines are comments. Format and column meanings: data/places/README.md",
        "# columns: " + " ".join(CITY_COLUMNS),
        "# columns: " + " ".join(POI_COLUMNS),
        "# %d cities, %d poi rows. The category column is ground truth for tests only: the product's filter must not read it." % (
            len(city_lines), len(poi_lines)),
    ]
    out = [line for line in header]
    for rec in city_lines:
        assert len(rec) == len(CITY_COLUMNS)
        out.append("\t".join(clean(v) for v in rec))
    for rec in poi_lines:
        assert len(rec) == len(POI_COLUMNS)
        out.append("\t".join(clean(v) for v in rec))
    text = "\n".join(out) + "\n"
    self_check(text)
    return text, {k: stats[k] for k in kept}, stats


def self_check(text):
    """Invariants of the output, checked on every build."""
    cities = {}
    pois = collections.Counter()
    ids, insides = set(), []
    for number, line in enumerate(text.split("\n")[:-1], 1):
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == "city":
            if len(fields) != len(CITY_COLUMNS):
                raise BuildError("line %d: %d fields in a city row" % (number, len(fields)))
            if pois:
                raise BuildError("line %d: city row after poi rows" % number)
            lat, lon, s, w, n, e = (float(x) for x in fields[6:12])
            cities[fields[1]] = (s, w, n, e)
        elif fields[0] == "poi":
            if len(fields) != len(POI_COLUMNS):
                raise BuildError("line %d: %d fields in a poi row" % (number, len(fields)))
            key = fields[1]
            if key not in cities:
                raise BuildError("line %d: poi of unknown city %r" % (number, key))
            lat, lon = float(fields[5]), float(fields[6])
            s, w, n, e = cities[key]
            if not (s < lat < n and w < lon < e):
                raise BuildError("line %d: poi outside its city's bbox" % number)
            tags = json.loads(fields[15])
            if not isinstance(tags, dict) or not all(isinstance(v, str) for v in tags.values()):
                raise BuildError("line %d: tags is not a JSON object of strings" % number)
            ids.add((key, fields[2]))
            if fields[16]:
                insides.append((number, key, fields[16]))
            pois[key] += 1
        else:
            raise BuildError("line %d: unknown record kind %r" % (number, fields[0]))
    for key in cities:
        if not pois[key]:
            raise BuildError("city %r has no poi rows" % key)
    for number, key, inside in insides:
        if (key, inside) not in ids:
            raise BuildError("line %d: inside names %s, which is not a poi of %s" % (number, inside, key))


def stats_table(kept_stats):
    lines = [
        "| key | place_id | name | country | usable POIs (OSM + geocoder-tester) | negatives | near-dups | geocoder-tester rows kept (dropped as dup) | rows | coverage note |",
        "|---|---|---|---|---:|---:|---:|---:|---:|---|",
    ]
    total = collections.Counter()
    for key, s in sorted(kept_stats.items()):
        lines.append("| %s | `%s` | %s | %s | %d (%d + %d) | %d | %d | %d (%d) | %d | %s |" % (
            key, s["place_id"], s["name"], s["country"], s["usable"], s["osm_usable"], s["gt_kept"],
            s["negatives"], s["near_dups"], s["gt_kept"], s["gt_dropped"], s["rows"], s["note"]))
        for field in ("usable", "osm_usable", "gt_kept", "negatives", "near_dups", "gt_dropped", "rows"):
            total[field] += s[field]
    lines.append("| **total** | | | | %d (%d + %d) | %d | %d | %d (%d) | %d | |" % (
        total["usable"], total["osm_usable"], total["gt_kept"], total["negatives"],
        total["near_dups"], total["gt_kept"], total["gt_dropped"], total["rows"]))
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Build data/places/places.tsv from the shared sources.")
    parser.add_argument("--shared", default=DEFAULT_SHARED,
                        help="the shared folder (default: <repo>/../shared)")
    parser.add_argument("--out", default=DEFAULT_OUT,
                        help="output file (default: <repo>/data/places/places.tsv)")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if --out differs from a fresh build")
    parser.add_argument("--stats", action="store_true",
                        help="print the per-city table (Markdown) and the cities left out")
    args = parser.parse_args(argv)

    try:
        text, kept_stats, all_stats = build(args.shared)
    except BuildError as error:
        print("build-places-data: error: %s" % error, file=sys.stderr)
        return 2
    data = text.encode("utf-8")

    if args.stats:
        print(stats_table(kept_stats))
        left_out = sorted(k for k in all_stats if k not in kept_stats)
        print()
        print("Left out (usable < %d): %s" % (MIN_USABLE, ", ".join(
            "%s %d" % (k, all_stats[k]["usable"]) for k in left_out)))
        for key, s in sorted(kept_stats.items()):
            lat, lon = s["centre"]
            south, west, north, east = s["bbox"]
            if not (south <= lat <= north and west <= lon <= east):
                print("%s: the GeoNames centre %.5f,%.5f lies outside the POI bbox" % (key, lat, lon))
            if s["gt_dropped_ids"]:
                print("%s: geocoder-tester rows dropped as duplicates of OSM rows: %s"
                      % (key, ", ".join(s["gt_dropped_ids"])))
        return 0

    if args.check:
        try:
            with open(args.out, "rb") as handle:
                current = handle.read()
        except OSError as error:
            print("build-places-data: %s is missing (%s); run: python3 %s" % (args.out, error, SCRIPT_NAME),
                  file=sys.stderr)
            return 1
        if current != data:
            print("build-places-data: %s is stale; run: python3 %s" % (args.out, SCRIPT_NAME), file=sys.stderr)
            return 1
        print("build-places-data: %s is up to date (%d bytes)" % (args.out, len(data)))
        return 0

    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".places-", suffix=".tmp", dir=out_dir)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, args.out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    print("build-places-data: wrote %s (%d cities, %d bytes)" % (args.out, len(kept_stats), len(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
