"""``peixun new``: a complete course project written from the template in this package."""
