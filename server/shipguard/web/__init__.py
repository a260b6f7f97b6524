"""The HTTP side: API blueprint, status page and editor, access, CORS and errors."""
