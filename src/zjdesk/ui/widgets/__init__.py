"""Reusable widgets of the desktop program."""
