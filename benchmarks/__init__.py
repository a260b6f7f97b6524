"""Shipguard's benchmarks: `python -m benchmarks` measures the overlay in headless Chromium
and the server on loopback against baselines and prints each figure beside its target
(see docs/performance.md). benchmarks/load.py is the separate server load test."""
