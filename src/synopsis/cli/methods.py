"""`synopsis methods`: list the registered methods (sumy-style discoverability)."""

from __future__ import annotations

from ..scorers import DEFAULT_METHOD, METHODS
from .app import app, output_console


@app.command("methods")
def methods_command() -> None:
    """List the summarization methods, marking the default (what --method auto uses)."""
    from rich.table import Table  # here, not at the top: other commands start faster

    table = Table(show_header=True, header_style="bold", box=None)
    table.add_column("method")
    table.add_column("description")
    table.add_column("parameters")
    for name in sorted(METHODS):
        method = METHODS[name]
        label = f"{name} (default)" if name == DEFAULT_METHOD else name
        params = ", ".join(f"{k}={v}" for k, v in method.params.items())
        table.add_row(label, method.description, params)
    output_console(width=160).print(table)
