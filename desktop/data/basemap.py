"""The offline basemap: Natural Earth 1:50m country outlines around the corridor region.

The file resources/basemap/countries-50m-region.json is made once by resources/basemap/make_basemap.py.
Each ring is stored as integers in hundredths of a degree, lon,lat interleaved, the first point absolute
and the rest as deltas. Rings are implicitly closed; outer rings and holes are mixed, so fill with the
odd-even rule.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from desktop.paths import resource

BASEMAP_FORMAT = 1


@dataclass(frozen=True)
class CountryShape:
    """One country's rings, each a flat interleaved lon,lat tuple in degrees."""

    iso3: str | None
    name: str
    rings: tuple[tuple[float, ...], ...]


@dataclass(frozen=True)
class Basemap:
    """All country shapes of the basemap, with where they came from."""

    source: str
    licence: str
    bbox: tuple[float, float, float, float]
    countries: tuple[CountryShape, ...]
    _by_iso3: dict[str, CountryShape] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_iso3 = {c.iso3: c for c in self.countries if c.iso3 is not None}
        object.__setattr__(self, "_by_iso3", by_iso3)

    def country(self, iso3: str) -> CountryShape | None:
        """The shape of a country by its ISO 3166-1 alpha-3 code (case-insensitive), or None."""
        return self._by_iso3.get(iso3.upper())


def _decode_ring(deltas: list[int], divide) -> tuple[float, ...]:
    if len(deltas) < 6 or len(deltas) % 2:
        raise ValueError(f"a ring needs an even number of at least 6 values, got {len(deltas)}")
    out: list[int] = [0] * len(deltas)
    out[0::2] = accumulate(deltas[0::2])
    out[1::2] = accumulate(deltas[1::2])
    return tuple(map(divide, out))


def _parse(document: dict) -> Basemap:
    if document.get("format") != BASEMAP_FORMAT:
        raise ValueError(f"unsupported basemap format {document.get('format')!r} (expected {BASEMAP_FORMAT})")
    scale = document["scale"]
    if not isinstance(scale, int) or scale <= 0:
        raise ValueError(f"bad basemap scale {scale!r}")
    divide = scale.__rtruediv__  # divide(v) == v / scale, correctly rounded (71.45, not 71.45000000000001)
    countries = []
    for entry in document["countries"]:
        rings = tuple(_decode_ring(ring, divide) for ring in entry["rings"])
        countries.append(CountryShape(iso3=entry["iso3"], name=entry["name"], rings=rings))
    x0, y0, x1, y1 = document["bbox"]
    return Basemap(
        source=document["source"],
        licence=document["licence"],
        bbox=(float(x0), float(y0), float(x1), float(y1)),
        countries=tuple(countries),
    )


def load_basemap(path: Path | None = None) -> Basemap:
    """Read and decode the basemap (the bundled one by default); ValueError for a missing or corrupt file."""
    if path is None:
        try:
            path = resource("basemap", "countries-50m-region.json")
        except FileNotFoundError as exc:
            raise ValueError(f"basemap file is missing: {exc}") from exc
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ValueError(f"basemap file is missing: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read basemap file {path}: {exc}") from exc
    try:
        document = json.loads(text)
        if not isinstance(document, dict):
            raise ValueError("top level is not an object")
        return _parse(document)
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"corrupt basemap file {path}: {exc}") from exc
