"""marshmallow schemas: one module per resource, shared by data loading, the API and its docs."""
