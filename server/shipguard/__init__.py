"""Shipguard: ship-by countdowns and late-shipment remedies for Amazon sellers."""

__version__ = "0.1.0"
