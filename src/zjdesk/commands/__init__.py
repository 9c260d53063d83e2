"""The commands of the ``zjdesk`` command line, one module per group."""
