"""Persistence: the database connection, the models, the migrations. The only place SQL lives."""
