"""Partnership Atlas: an offline reference on Kazakhstan's partnerships."""

__version__ = "0.1.0"
APP_NAME = "Partnership Atlas"
APP_ID = "PartnershipAtlas"
