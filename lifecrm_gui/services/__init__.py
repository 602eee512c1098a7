"""Services: operations over the whole studio database (demo data, recompute, ...)."""
