"""Map projection for the corridor map: spherical Lambert conformal conic, in kilometres.

Pure arithmetic (no Qt). y grows north; the drawing side flips it for screen coordinates.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

REGION = (25.0, 30.0, 80.0, 56.0)  # lon_min, lat_min, lon_max, lat_max: Black Sea to western China

_QUARTER_PI = math.pi / 4.0


class LambertConformal:
    """Spherical Lambert conformal conic with two standard parallels (Snyder, Map Projections, eq. 15-1 to 15-5).

    The defaults centre the projection on the REGION: central meridian 52.5 E, origin latitude 43 N,
    standard parallels 36 N and 50 N. forward() gives kilometres east and north of the origin.
    """

    def __init__(
        self,
        lon0: float = 52.5,
        lat0: float = 43.0,
        lat1: float = 36.0,
        lat2: float = 50.0,
        radius_km: float = 6371.0,
    ) -> None:
        if radius_km <= 0:
            raise ValueError("radius_km must be positive")
        if abs(lat1 + lat2) < 1e-9:
            raise ValueError("standard parallels symmetric about the equator make a cylinder, not a cone")
        self.lon0 = lon0
        self.lat0 = lat0
        self.lat1 = lat1
        self.lat2 = lat2
        self.radius_km = radius_km
        phi1 = math.radians(lat1)
        phi2 = math.radians(lat2)
        if abs(lat1 - lat2) < 1e-9:
            n = math.sin(phi1)
        else:
            n = math.log(math.cos(phi1) / math.cos(phi2)) / math.log(
                math.tan(_QUARTER_PI + phi2 / 2.0) / math.tan(_QUARTER_PI + phi1 / 2.0)
            )
        self._n = n
        self._rf = radius_km * math.cos(phi1) * math.pow(math.tan(_QUARTER_PI + phi1 / 2.0), n) / n  # R * F
        self._rho0 = self._rho(lat0)

    def _rho(self, lat: float) -> float:
        """Distance from the cone's apex, in km; 0 at the pole the cone points to."""
        phi = math.radians(lat)
        t = math.tan(_QUARTER_PI + phi / 2.0)
        if t <= 0.0 or math.isinf(t):  # the other pole: infinitely far
            if (t <= 0.0) == (self._n > 0):
                return math.inf
            return 0.0
        return self._rf / math.pow(t, self._n)

    def forward(self, lon: float, lat: float) -> tuple[float, float]:
        """(lon, lat) in degrees to (x, y) in km; x east, y north of (lon0, lat0)."""
        d = (lon - self.lon0 + 180.0) % 360.0 - 180.0
        theta = self._n * math.radians(d)
        rho = self._rho(lat)
        return rho * math.sin(theta), self._rho0 - rho * math.cos(theta)

    def inverse(self, x: float, y: float) -> tuple[float, float]:
        """(x, y) in km back to (lon, lat) in degrees."""
        n = self._n
        dy = self._rho0 - y
        rho = math.copysign(math.hypot(x, dy), n)
        if rho == 0.0:
            return self.lon0, math.copysign(90.0, n)
        theta = math.atan2(x, dy) if n > 0 else math.atan2(-x, -dy)
        lat = math.degrees(2.0 * math.atan((self._rf / rho) ** (1.0 / n)) - math.pi / 2.0)
        lon = self.lon0 + math.degrees(theta / n)
        lon = (lon + 180.0) % 360.0 - 180.0
        return lon, lat

    def forward_many(self, flat: Sequence[float]) -> list[float]:
        """forward() over a flat interleaved lon,lat sequence; returns the flat interleaved x,y list.

        Latitudes must be strictly between -90 and 90 (the basemap's are).
        """
        n = self._n
        rf = self._rf
        rho0 = self._rho0
        lon0 = self.lon0
        k = math.pi / 360.0  # half a degree in radians: tan(pi/4 + phi/2) with phi in degrees
        to_rad = n * math.pi / 180.0
        tan = math.tan
        sin = math.sin
        cos = math.cos
        qp = _QUARTER_PI
        neg_n = -n
        out = [0.0] * len(flat)
        it = iter(flat)
        i = 0
        for lon in it:
            lat = next(it)
            d = lon - lon0
            if d > 180.0 or d < -180.0:
                d = (d + 180.0) % 360.0 - 180.0
            theta = d * to_rad
            rho = rf * tan(qp + lat * k) ** neg_n
            out[i] = rho * sin(theta)
            out[i + 1] = rho0 - rho * cos(theta)
            i += 2
        return out
