"""README.md and docs/*.md point a reader at files, headings, commands and options: each must exist,
so that a page renamed, a heading reworded or an option dropped shows here, not to a user who
follows the link or types the command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def _prose(page: Path) -> str:
    """The page without its code blocks (a `# comment` in a bash block is no heading)."""
    return _FENCE.sub("", page.read_text(encoding="utf-8"))


def anchors(page: Path) -> set[str]:
    """The #anchors GitHub makes for the page's headings: lower case, punctuation but - and _
    dropped, spaces made hyphens, a repeated heading numbered -1, -2 ..."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    for heading in _HEADING.findall(_prose(page)):
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "")
        slug = re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    found.update(re.findall(r"<a\s+(?:name|id)=\"([^\"]+)\"", _prose(page)))
    return found


def broken_links(page: Path) -> list[str]:
    """The page's relative links whose file, or #anchor in a Markdown file, does not exist."""
    broken = []
    for link in _LINK.findall(_prose(page)):
        if re.match(r"[a-z][a-z0-9+.-]*:", link):  # http:, https:, mailto:
            continue
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        if not target.exists():
            broken.append(f"{link} (no such file)")
        elif anchor and target.suffix == ".md" and anchor not in anchors(target):
            broken.append(f"{link} (no such heading in {target.name})")
    return broken


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_relative_link_and_anchor_resolves(page: Path) -> None:
    assert broken_links(page) == []


def test_the_link_check_catches_a_missing_file_and_a_missing_heading(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Load figures\n\n## Load figures\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "## How it compares\n\n```bash\n# not a heading\n```\n"
        "[a](other.md#load-figures) [b](other.md#load-figures-1) [c](#how-it-compares) [d](https://x.org/y)\n"
        "[e](missing.md) [f](other.md#speed) [g](#not-a-heading)\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        "missing.md (no such file)",
        "other.md#speed (no such heading in other.md)",
        "#not-a-heading (no such heading in page.md)",
    ]


def test_every_option_the_pages_give_a_synopsis_command_is_one_of_its_options() -> None:
    """`synopsis summarize ... --words 150` and the like, in code blocks and in running text."""
    import typer

    from synopsis.cli import app

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    options = {
        name: {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
        for name, command in commands.items()
    }
    wrong = []
    for page in PAGES:
        for line in page.read_text(encoding="utf-8").splitlines():
            for name, rest in re.findall(r"synopsis (\w+)((?:[^`|;#]|#(?! ))*)", line):
                if name not in options:
                    continue  # "synopsis reads ...": prose, not a command
                for option in re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", rest):
                    if option not in options[name]:
                        wrong.append(f"{page.name}: synopsis {name} {option}")
    assert wrong == []


def test_every_repository_path_the_pages_name_exists() -> None:
    """`python benchmarks/speed.py`, `tests/server/test_flood.py`, `src/synopsis/limits.py` ...: a
    reader who opens the file or runs the script must find it (`<code>` stands for any language)."""
    named = set()
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        named.update(re.findall(r"benchmarks/[\w/]+\.py", text))
        named.update(re.findall(r"`((?:tests|src|benchmarks|docs|examples)/[^`\s<]+)`", text))
    assert len(named) > 50, "the pages name few repository files any more; update this test"
    assert sorted(path for path in named if not (ROOT / path).exists()) == []
