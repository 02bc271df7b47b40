"""Command line: thin click commands over the library."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from auditor import __version__
from auditor.errors import AuditorError

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 2) -> None:
    """Print one error line and exit with ``code``."""
    click.echo(f"auditor: error: {message}", err=True)
    sys.exit(code)


def split_selectors(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select HC1,HC5 --select hype`` -> ("HC1", "HC5", "hype"): commas work as in ruff."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def guarded(func: F) -> F:
    """Turn library errors into one line and the right exit status, never a traceback."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AuditorError as exc:
            fail(str(exc), exc.exit_code)
        except BrokenPipeError:  # "auditor rules | head": the reader left; nothing to report
            sys.stdout = None  # type: ignore[assignment]
            sys.exit(0)
        except OSError as exc:  # an output path that cannot be written: name it, no traceback
            name = str(exc.filename).removesuffix(".tmp") if exc.filename else "output"
            fail(f"{name}: cannot write ({exc.strerror or exc})")
        except KeyboardInterrupt:
            fail("interrupted", 130)
        return None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditor")
def main() -> None:
    """Audit health content for quality and marketing bias."""


@main.command()
@click.argument("path")
@click.option("--max-bytes", type=int, default=20 * 1024 * 1024, show_default=True, help="Refuse larger inputs.")
@click.option("--format", "fmt", type=click.Choice(["html", "markdown", "text"]), default=None,
              help="Input format (default: detect).")
@click.option("--text/--no-text", "with_text", default=False, help="Include the joined document text.")
@guarded
def normalize(path: str, max_bytes: int, fmt: str | None, with_text: bool) -> None:
    """Print the normalized Document of PATH as JSON."""
    from auditor.ingest import read_input
    from auditor.normalize import normalize as run
    from auditor.normalize.export import document_to_dict

    doc = run(read_input(path, max_bytes=max_bytes, format=fmt))
    click.echo(json.dumps(document_to_dict(doc, with_text), ensure_ascii=False, indent=2))


from auditor import cli_batch as _batch  # noqa: E402,F401
from auditor import cli_commands as _commands  # noqa: E402,F401  (registers the other commands)
