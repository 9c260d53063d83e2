"""zjdesk as it is delivered: what a build records about itself, the licences it ships, and the mark
a running zjdesk leaves for its installer.

Plain Python (no Qt): used by the build (``installer/zjdesk.spec``), the About dialog, the self-test
and the command line's start.
"""
