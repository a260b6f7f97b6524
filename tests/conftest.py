"""Fixtures every browser suite uses live in tests/support/browser_suite.py."""

pytest_plugins = ["browser_suite"]
