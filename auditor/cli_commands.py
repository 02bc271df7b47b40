"""The audit commands: check, score, rules, explain, train, evaluate."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from auditor.cli import fail, guarded, main, split_selectors
from auditor.config import Settings, load_settings
from auditor.errors import InputError
from auditor.report.model import display_path

FORMATS = ("text", "json", "jsonl", "sarif", "github", "markdown", "html")


@dataclass(frozen=True)
class RunSettings:
    """The run's settings, and how to resolve them again for each audited file.

    Each file uses the nearest configuration above it (as ruff does), with the command-line
    options on top; ``--config`` pins one file for all.
    """

    settings: Settings
    config: str | None
    overrides: tuple[tuple[str, object], ...]

    def for_source(self, source: str) -> Settings:
        if self.config or source == "-":
            return self.settings
        return load_settings(source, None, **dict(self.overrides))


def _settings(paths: tuple[str, ...], config: str | None, **overrides: object) -> RunSettings:
    start = paths[0] if paths and paths[0] != "-" else "."
    return RunSettings(load_settings(start, config, **overrides), config, tuple(overrides.items()))


def _audit_all(paths: tuple[str, ...], run: RunSettings, include: tuple[str, ...], exclude: tuple[str, ...]) -> list:
    from auditor.ingest import iter_paths
    from auditor.ingest.sources import DEFAULT_INCLUDE
    from auditor.pipeline import audit_path

    from auditor.pipeline import AuditResult

    settings = run.settings
    # Each path is expanded on its own: with several, a missing one is an error record (HC901) and
    # the others are still audited, as a linter reports an unreadable file and goes on.
    sources: list[str | AuditResult] = []
    for raw in paths:
        try:
            sources.extend(iter_paths([raw], include or settings.include or DEFAULT_INCLUDE, exclude + settings.exclude))
        except InputError as exc:
            if len(paths) == 1:
                raise
            sources.append(AuditResult(raw, None, error=exc.problem))
    single = len(sources) == 1
    results = []
    for source in sources:
        if isinstance(source, AuditResult):
            results.append(source)
            continue
        result = audit_path(source, run.for_source(source))
        if single and not result.ok:
            raise InputError(source, result.error or "could not be audited")
        results.append(result)
    return results


def _exit_status(results: list, settings: Settings) -> int:
    level = settings.fail_level()
    failed = any(not r.ok for r in results)
    if level is not None:
        failed = failed or any(f.severity >= level for r in results for f in r.findings if f.category != "engine" or f.rule in ("HC901", "HC903"))
    if settings.min_score is not None:
        for r in results:
            if r.scorecard is not None and r.scorecard.score < settings.min_score:
                # The report rounds scores; say which exact score missed the bar.
                click.echo(f"auditor: {display_path(r.source)}: score {r.scorecard.score:g} is below "
                           f"the minimum score {settings.min_score:g} (min-score)", err=True)
                failed = True
    return 1 if failed else 0


def _write(text: str, output: str | None) -> None:
    if output:
        tmp = Path(output + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)
    else:
        click.echo(text, nl=False)


def _common(func):  # noqa: ANN001, ANN202 - click decorator stack
    options = [
        click.option("--config", type=click.Path(dir_okay=False), help="Configuration file (default: nearest pyproject.toml/.auditor.toml)."),
        click.option("--select", multiple=True, callback=split_selectors,
                     help="Rules, prefixes, names or categories to run (repeatable, or comma-separated)."),
        click.option("--ignore", multiple=True, callback=split_selectors,
                     help="Rules, prefixes, names or categories to skip (repeatable, or comma-separated)."),
        click.option("--target-grade", type=click.FloatRange(0, 30, min_open=True), help="Reading grade above which HC801 fires."),
        click.option("--include", multiple=True, help="Glob of files to audit inside directories."),
        click.option("--exclude", multiple=True, help="Glob of files or folders to skip."),
        click.option("--max-bytes", type=int, help="Refuse inputs larger than this (default 20 MB)."),
        click.option("--tone-model", type=click.Path(dir_okay=False), help="Tone model from `auditor train` (default: the shipped one)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_common
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error", "never"]), help="Exit 1 when a finding reaches this severity (default: error).")
@click.option("--min-score", type=click.FloatRange(0, 100), help="Exit 1 when a document scores below this (0-100).")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Only findings not in this baseline file count.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the current findings as the baseline.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when a terminal).")
@click.option("--absolute-paths", is_flag=True, help="Show absolute paths in reports.")
@guarded
def check(paths: tuple[str, ...], config: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          target_grade: float | None, include: tuple[str, ...], exclude: tuple[str, ...], max_bytes: int | None,
          tone_model: str | None,
          fmt: str, output: str | None, fail_on: str | None, min_score: float | None, baseline: str | None,
          write_baseline: str | None, color: bool | None, absolute_paths: bool) -> None:
    """Audit PATHS (files, directories, or - for stdin) and report findings."""
    from auditor.baseline import apply_baseline, write_baseline_file
    from auditor.report import render

    run = _settings(paths, config, select=select or None, ignore=ignore or None, target_grade=target_grade,
                    fail_on=fail_on, min_score=min_score, max_bytes=max_bytes, baseline=baseline,
                    tone_model=tone_model)
    settings = run.settings
    results = _audit_all(paths, run, include, exclude)
    if write_baseline:
        count = write_baseline_file(write_baseline, results)
        click.echo(f"auditor: wrote {count} findings to baseline {write_baseline}", err=True)
    if settings.baseline:
        results = apply_baseline(settings.baseline, results)
    use_color = sys.stdout.isatty() if color is None else color
    _write(render(fmt, results, color=use_color and not output, absolute_paths=absolute_paths), output)
    # Writing a baseline records today's findings: none of them is new, so the run succeeds.
    sys.exit(0 if write_baseline else _exit_status(results, settings))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_common
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@guarded
def score(paths: tuple[str, ...], config: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          target_grade: float | None, include: tuple[str, ...], exclude: tuple[str, ...], max_bytes: int | None,
          tone_model: str | None,
          fmt: str) -> None:
    """Print only the scorecards of PATHS (a table for many documents)."""
    from auditor.report.model import document_dict
    from auditor.report.text import render_score_table

    run = _settings(paths, config, select=select or None, ignore=ignore or None, target_grade=target_grade,
                    max_bytes=max_bytes, tone_model=tone_model)
    documents = [document_dict(r) for r in _audit_all(paths, run, include, exclude)]
    if fmt == "json":
        keys = ("source", "score", "grade", "not_scored", "dimensions", "not_assessed", "counts", "tone", "checklist",
                "readability", "versions", "error")
        click.echo(json.dumps([{k: d.get(k) for k in keys} for d in documents], indent=2, ensure_ascii=False))
    else:
        click.echo(render_score_table(documents), nl=False)


@main.command()
@click.option("--category", multiple=True, help="Only rules of this category.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--config", type=click.Path(dir_okay=False), help="Configuration file (for extend-rule-paths).")
@click.option("--check", is_flag=True,
              help="Run the listed rules' own examples (exit 1 when one does not fire or pass as it says).")
@guarded
def rules(category: tuple[str, ...], fmt: str, config: str | None, check: bool) -> None:
    """List every rule: code, name, category, severity, status."""
    from auditor.engine import load_pack

    pack = load_pack(load_settings(".", config).extend_rule_paths)
    specs = sorted((s for s in pack.specs.values() if not category or s.category in category), key=lambda s: s.id)
    if check:
        from auditor.engine.examples import example_failures

        failures = example_failures(pack, [s for s in specs if s.category != "engine"])
        for line in failures:
            click.echo(line)
        examples = sum(len(s.fires) + len(s.passes) for s in specs if s.category != "engine")
        click.echo(f"{examples - len(failures)} of {examples} rule examples behave as they say", err=True)
        sys.exit(1 if failures else 0)
    if fmt == "markdown":
        from auditor.engine.docs import rules_markdown

        click.echo(rules_markdown(pack), nl=False)
        return
    if fmt == "json":
        click.echo(json.dumps([{"code": s.id, "name": s.name, "category": s.category, "severity": str(s.severity),
                                "status": s.status, "default": s.default, "kind": s.kind, "family": s.family}
                               for s in specs], indent=2))
        return
    for s in specs:
        click.echo(f"{s.id}  {s.name:<32} {s.category:<16} {str(s.severity):<8} {s.status}"
                   + ("" if s.default else " (off by default)"))
    click.echo(f"{len(specs)} rules (rule pack {pack.version})")


@main.command()
@click.argument("rule")
@click.option("--config", type=click.Path(dir_okay=False), help="Configuration file (for extend-rule-paths).")
@guarded
def explain(rule: str, config: str | None) -> None:
    """Print what RULE (code or name) checks, why, an example, and what to write instead."""
    from auditor.engine import load_pack
    from auditor.engine.explain import explain_rule

    pack = load_pack(load_settings(".", config).extend_rule_paths)
    spec = pack.lookup(rule)
    if spec is None:
        # A prefix or a category, as `select` takes them: list the rules it covers.
        covered = pack.covered(rule)
        if not covered:
            fail(f"unknown rule {rule!r} (see `auditor rules`)")
            return
        if len(covered) == 1:
            click.echo(explain_rule(covered[0]))
            return
        click.echo(f"{rule} covers {len(covered)} rules; `auditor explain CODE` explains one:")
        for s in covered:
            click.echo(f"  {s.id}  {s.name:<32} {s.category}")
        return
    click.echo(explain_rule(spec))


@main.command()
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
@click.option("--out", "out", type=click.Path(dir_okay=False), required=True, help="Where to write the model JSON.")
@guarded
def train(corpus: str, out: str) -> None:
    """Train the tone model on CORPUS (labels/*.json + documents) and write it to OUT."""
    from auditor.tone.corpus import load_corpus
    from auditor.tone.evaluate import cross_validate
    from auditor.tone.train import train_model

    documents = load_corpus(Path(corpus))
    model, _pipe = train_model(documents, evaluation=cross_validate(documents))
    digest = model.save(Path(out))
    click.echo(f"trained {model.version} on {model.metadata['documents']} documents, "
               f"{model.metadata['sentences']} sentences; wrote {out} (sha256 {digest[:16]}…)")


@main.command()
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
@click.option("--rules", "rules_mode", is_flag=True, help="Measure the rule pack's precision and recall per category instead.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--split", type=click.Choice(["all", "train", "test"]), default="all", show_default=True, help="Documents to measure rules on.")
@guarded
def evaluate(corpus: str, rules_mode: bool, fmt: str, split: str) -> None:
    """Cross-validated tone figures on CORPUS (or, with --rules, rule precision/recall)."""
    from auditor.tone.corpus import load_corpus

    documents = load_corpus(Path(corpus))
    if rules_mode:
        from auditor.evaluation import evaluate_rules, format_rule_report

        chosen = [d for d in documents if split == "all" or d.split == split]
        report = evaluate_rules(chosen)
        click.echo(json.dumps(report, indent=2) if fmt == "json" else format_rule_report(report))
        return
    from auditor.tone.evaluate import cross_validate, format_tone_report

    report = cross_validate(documents)
    click.echo(json.dumps(report, indent=2) if fmt == "json" else format_tone_report(report))
