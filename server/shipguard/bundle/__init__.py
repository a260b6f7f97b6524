"""The bundle: data files, their schemas, the layered data store and live reload."""
