"""`python -m synopsis` runs the command line."""

from .cli import main

main()
