"""What build-places-data.py reads from the OpenStreetMap extracts themselves (pyosmium).

`pois.csv` carries each object's main tag and one sub-tag only. The filter decides better with the
secondary tags (a gallery that is also `shop=art`, a `historic=building` that is `office=government`,
`access=private`, `demolished:*`...), the names in the product's languages, and for each POI the
sight outline it lies inside (a museum inside a castle, a clock inside a town hall). This module
reads those from the `.osm.pbf` files, deterministically:

  read_extract(path, wanted) -> {(type, id): Extra}

where `wanted` is a set of ("node"|"way"|"relation", id) and Extra holds the kept tags (only the
keys of KEPT_KEYS / KEPT_PREFIXES, see data/places/README.md) and, for closed ways and multipolygon
relations, the polygon as lists of (lon, lat) rings (outer rings, then holes, each tagged).

The outlines are then matched to points by places_geometry.containing_sight (pure Python).

Needs Debian's python3-pyosmium (pyosmium 3.6); the data build only, never the product.
"""

import osmium

# The product's languages (shared/model/languages.cpp): names and descriptions in these are kept.
LANGUAGES = ("de", "en", "es", "fr", "it", "pt")

# Tags that matter for a keep/drop decision, a duplicate, or a description.
KEPT_KEYS = {
    # what the object is (the main tag is one of these; the others are its secondary tags)
    "tourism", "historic", "amenity", "building", "shop", "office", "leisure", "man_made", "railway",
    # what kind of that thing
    "memorial", "memorial:type", "artwork_type", "castle_type", "museum", "religion", "denomination",
    "tower:type", "site_type", "tomb",
    # may people go there, does it still exist
    "access", "foot", "disused", "abandoned", "demolished", "removed", "razed", "destroyed",
    # facts for a description
    "heritage", "heritage:operator", "heritage:ref", "start_date", "architect", "artist_name", "fee",
    "description",
    # other names of the same sight (one sight mapped twice under two names)
    "alt_name", "official_name",
}
KEPT_KEYS.update("name:%s" % lang for lang in LANGUAGES)
KEPT_KEYS.update("description:%s" % lang for lang in LANGUAGES)
# Lifecycle prefixes: "demolished:building=church" says the church is gone.
KEPT_PREFIXES = ("disused:", "abandoned:", "demolished:", "removed:", "razed:", "destroyed:", "was:")

TYPE_LETTER = {"node": "n", "way": "w", "relation": "r"}


def kept_tags(tags):
    """The tags of an object that the data set keeps, as a plain dict."""
    out = {}
    for tag in tags:
        key = tag.k
        if key in KEPT_KEYS or key.startswith(KEPT_PREFIXES):
            out[key] = tag.v
    return out


class Extra:
    """Kept tags and (for areas) the polygon of one OSM object."""

    __slots__ = ("tags", "rings")

    def __init__(self, tags):
        self.tags = tags
        self.rings = []  # [(is_outer, [(lon, lat), ...]), ...]


class _Reader(osmium.SimpleHandler):
    def __init__(self, wanted):
        super().__init__()
        self.wanted = wanted
        self.extras = {}
        self.areas = {}  # relation id -> rings, joined to the relation's Extra after the pass

    def node(self, n):
        if ("n", n.id) in self.wanted:
            self.extras[("node", n.id)] = Extra(kept_tags(n.tags))

    def way(self, w):
        if ("w", w.id) not in self.wanted:
            return
        extra = Extra(kept_tags(w.tags))
        # A closed way is an outline. Routing-filtered extracts lack some nodes: the ring is closed
        # again over the located ones (as extract_pois.py does for centroids).
        closed = len(w.nodes) >= 4 and w.nodes[0].ref == w.nodes[-1].ref
        ring = [(nr.location.lon, nr.location.lat) for nr in w.nodes if nr.location.valid()]
        if closed and len(ring) >= 3:
            if ring[0] != ring[-1]:
                ring.append(ring[0])
            if len(ring) >= 4:
                extra.rings.append((True, ring))
        self.extras[("way", w.id)] = extra

    def relation(self, r):
        if ("r", r.id) in self.wanted:
            self.extras.setdefault(("relation", r.id), Extra(kept_tags(r.tags)))

    def area(self, a):
        if a.from_way() or ("r", a.orig_id()) not in self.wanted:
            return
        rings = []
        for outer in a.outer_rings():
            rings.append((True, [(p.lon, p.lat) for p in outer]))
            for inner in a.inner_rings(outer):
                rings.append((False, [(p.lon, p.lat) for p in inner]))
        self.areas[a.orig_id()] = rings


def read_extract(path, wanted):
    """{(osm_type, id): Extra} for the wanted objects of one .osm.pbf file."""
    letters = {(TYPE_LETTER[t], i) for t, i in wanted}
    reader = _Reader(letters)
    reader.apply_file(path, locations=True)
    for rid, rings in reader.areas.items():
        extra = reader.extras.get(("relation", rid))
        if extra is not None:
            extra.rings = rings
    return reader.extras
