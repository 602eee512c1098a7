"""The studio's rules as pure functions of facts and an `as_of` date.

Nothing here imports Qt or peewee, reads the clock or touches a file.
"""
