"""Buyer messages: template rendering, the message lint engine and the checks that use both."""
