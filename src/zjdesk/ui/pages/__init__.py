"""One page per step of the report."""
