"""The bounding box of each of the 46 eTwinning countries: south, west, north, east, in degrees.

For France, the Netherlands and Norway the box is the European mainland with
its islands (Corsica, the Wadden Islands, Lofoten); Spain and Portugal include
the Canaries, the Azores and Madeira. Tests check every generated town against
its country's box, which catches a town typed with the wrong coordinates.
"""

from __future__ import annotations

from typing import NamedTuple


class Box(NamedTuple):
    south: float
    west: float
    north: float
    east: float

    def holds(self, latitude: float, longitude: float) -> bool:
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east


COUNTRY_BOXES: dict[str, Box] = {
    "AL": Box(39.6, 19.2, 42.7, 21.1),
    "AM": Box(38.8, 43.4, 41.3, 46.7),
    "AT": Box(46.3, 9.5, 49.1, 17.2),
    "AZ": Box(38.3, 44.7, 41.95, 50.9),
    "BA": Box(42.5, 15.7, 45.3, 19.7),
    "BE": Box(49.5, 2.5, 51.6, 6.5),
    "BG": Box(41.2, 22.3, 44.3, 28.7),
    "CY": Box(34.5, 32.2, 35.7, 34.6),
    "CZ": Box(48.5, 12.0, 51.1, 18.9),
    "DE": Box(47.2, 5.8, 55.1, 15.1),
    "DK": Box(54.5, 8.0, 57.8, 15.2),
    "EE": Box(57.5, 21.7, 59.8, 28.3),
    "EG": Box(22.0, 24.7, 31.7, 36.9),
    "ES": Box(27.6, -18.2, 43.8, 4.4),
    "FI": Box(59.7, 19.0, 70.1, 31.6),
    "FR": Box(41.3, -5.2, 51.1, 9.6),
    "GE": Box(41.0, 40.0, 43.6, 46.8),
    "GR": Box(34.8, 19.3, 41.8, 29.7),
    "HR": Box(42.3, 13.4, 46.6, 19.5),
    "HU": Box(45.7, 16.1, 48.6, 22.9),
    "IE": Box(51.4, -10.7, 55.4, -5.9),
    "IS": Box(63.3, -24.6, 66.6, -13.4),
    "IT": Box(35.5, 6.6, 47.1, 18.6),
    "JO": Box(29.1, 34.9, 33.4, 39.3),
    "LB": Box(33.0, 35.1, 34.7, 36.7),
    "LI": Box(47.0, 9.4, 47.3, 9.7),
    "LT": Box(53.9, 20.9, 56.5, 26.9),
    "LU": Box(49.4, 5.7, 50.2, 6.6),
    "LV": Box(55.6, 20.9, 58.1, 28.3),
    "MA": Box(27.6, -13.2, 35.95, -1.0),
    "MD": Box(45.4, 26.6, 48.5, 30.2),
    "ME": Box(41.8, 18.4, 43.6, 20.4),
    "MK": Box(40.8, 20.4, 42.4, 23.1),
    "MT": Box(35.8, 14.1, 36.1, 14.6),
    "NL": Box(50.7, 3.3, 53.6, 7.3),
    "NO": Box(57.9, 4.5, 71.2, 31.2),
    "PL": Box(49.0, 14.1, 54.9, 24.2),
    "PT": Box(30.0, -31.3, 42.2, -6.2),
    "RO": Box(43.6, 20.2, 48.3, 29.8),
    "RS": Box(42.2, 18.8, 46.2, 23.1),
    "SE": Box(55.3, 10.9, 69.1, 24.2),
    "SI": Box(45.4, 13.3, 46.9, 16.7),
    "SK": Box(47.7, 16.8, 49.7, 22.6),
    "TN": Box(30.2, 7.5, 37.6, 11.6),
    "TR": Box(35.8, 25.6, 42.1, 44.9),
    "UA": Box(44.3, 22.1, 52.4, 40.3),
}
