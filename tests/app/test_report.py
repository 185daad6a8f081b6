"""The report on a batch's results (issue 18): a self-contained page with every section, its
figures from the tables, links to the exports; bad folders are one sentence, exit code 2."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from readwise_desktop.app.report import ReportError, figures_of, is_results_folder, render_report
from readwise_desktop.cli.main import main
from tests.app.batch_articles import write_articles


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report")
    write_articles(root / "in")
    out = root / "results"
    assert main(["batch", str(root / "in"), "--output", str(out), "--rules-only"]) == 0
    return out


def test_the_report_is_self_contained_and_complete(results: Path) -> None:
    page = render_report(results)
    assert "<script" not in page and "@import" not in page and "url(http" not in page
    assert not re.search(r"""(src|href)=['"]?(https?:)?//""", page)
    for heading in (
        "Sourcing mix per outlet",
        "Unnamed and unsourced claims over time",
        "Most-cited sources and how each is typed",
        "Hedge rate per outlet",
        "The 20 articles with the most unsourced claims",
    ):
        assert heading in page
    assert page.count("<svg") == 4 and "<pattern" in page  # colour plus a pattern
    links = re.findall(r"<a href='([^']+)'>", page)
    assert len(links) == 20 and all((results / link).is_file() for link in links)


def test_the_window_gets_the_charts_as_svg_images(results: Path) -> None:
    import base64

    page = render_report(results, svg_as_images=True)
    assert "<svg" not in page
    images = re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert len(images) == 4
    assert all(base64.b64decode(i).startswith(b"<svg ") for i in images)


def test_the_figures_add_up_to_the_tables(results: Path) -> None:
    figures = figures_of(results, results)
    articles = pq.read_table(results / "articles.parquet").to_pylist()
    assert figures.articles == 30 and figures.claims == sum(a["claims"] for a in articles)
    assert {o.outlet for o in figures.outlets} == {"harbour-times", "coast-wire"}
    assert sum(sum(o.groups) for o in figures.outlets) == figures.claims
    assert [m.month for m in figures.months] == [f"2024-{m:02}" for m in range(1, 7)]
    worst = max(a["unsourced"] for a in articles)
    assert figures.most_unsourced[0].unsourced == worst
    assert any("Jonas Berg" in s.name for s in figures.sources)


def test_links_follow_the_report_elsewhere(results: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "page.html"
    target.parent.mkdir()
    assert main(["report", str(results), "--output", str(target)]) == 0
    link = re.findall(r"<a href='([^']+)'>", target.read_text(encoding="utf-8"))[0]
    assert (target.parent / link).resolve().is_file()


def test_report_writes_into_the_results_folder(results: Path) -> None:
    assert is_results_folder(results)
    assert main(["report", str(results)]) == 0
    assert (results / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("case", ["missing", "not results", "damaged", "foreign"])
def test_a_bad_folder_is_one_sentence(
    case: str, results: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "r"
    if case != "missing":
        folder.mkdir()
        (folder / "notes.txt").write_text("hello", encoding="utf-8")
    if case in ("damaged", "foreign"):
        for table in ("articles", "claims", "attributions"):
            (folder / f"{table}.parquet").write_bytes((results / f"{table}.parquet").read_bytes())
    if case == "damaged":
        (folder / "claims.parquet").write_bytes(b"PAR1 this is not a table")
    if case == "foreign":
        pq.write_table(pq.read_table(results / "articles.parquet").replace_schema_metadata(),
                       folder / "articles.parquet")  # fmt: skip
    with pytest.raises(ReportError):
        render_report(folder)
    assert main(["report", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("readwise-desktop:")
