"""`shipguard demo`: sample Seller Central pages in Chromium with the built extension."""
