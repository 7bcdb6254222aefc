#!/usr/bin/env python3
"""Prints the shape of the tours of generated city documents, one line per city and one per tour.

usage: bench/tour-shape.py CITY.json [CITY.json ...]
  CITY.json: `narrando-server generate <place_id> --json` (or GET /api/cities/{id}).

Per city: tours, stops, how many tours fit their budget (legs + visits, recomputed from the
document), whether the highest-scored included sight is in a tour. Per tour: stops, minutes used
of the budget, walking km, longest leg (walking metres, as stored), radius (straight-line metres
of the smallest circle around one of its stops that holds them all) and title.
"""
import json, math, sys


def metres(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(h))


def radius(points):
    return min((max(metres(c, p) for p in points) for c in points), default=0.0)


def main():
    for path in sys.argv[1:]:
        doc = json.load(open(path))
        tours = doc.get("tours", [])
        included = [a for a in doc.get("attractions", []) if a.get("included")]
        placed = {s["attraction_id"] for t in tours for s in t["stops"]}
        top = max(included, key=lambda a: a.get("interest_score", 0), default=None)
        fit = 0
        for t in tours:
            used = sum(l["walk_minutes"] for l in t["legs"]) + sum(s["visit_minutes"] for s in t["stops"])
            fit += used <= t["budget_minutes"] + 1e-6
        print(f'{doc["city"]["name"]}: {len(tours)} tours, {sum(len(t["stops"]) for t in tours)} stops, '
              f'{fit} of {len(tours)} within budget; best sight '
              f'{(top["name"] + (" in a tour" if top["id"] in placed else " LEFT OUT")) if top else "none"}')
        for t in tours:
            legs = [l["distance_m"] for l in t["legs"]]
            print(f'  {len(t["stops"]):2d} stops {t["total_minutes"]:4.0f}/{t["budget_minutes"]} min '
                  f'{t["walk_distance_m"] / 1000:4.1f} km  longest leg {max(legs, default=0):5.0f} m  '
                  f'radius {radius([s["location"] for s in t["stops"]]):5.0f} m  {t["title"]}')


main()
