"""Short test articles of our own for the batch and report tests (never ../shared data)."""

from __future__ import annotations

from pathlib import Path

OPENINGS = (
    "Officials said the ferry to {place} may run late this week.",
    "Mayor Jonas Berg told reporters that the {place} bridge would reopen on Monday.",
    "The {place} council said in a statement that nearly 40 buses were added.",
    "Critics say the timetable for {place} is unrealistic.",
    "Reports emerged of flooding near {place}.",
)
FOLLOW = (
    "The harbour opened in 1904.",
    "A source familiar with the plans said costs could rise.",
    "According to a report by the port authority, traffic fell by about a third.",
    "The line is reportedly the busiest in the region.",
)
PLACES = ("Alder", "Brook", "Cove", "Dunmore", "Elm", "Fernley")


def write_articles(root: Path, count: int = 30) -> list[Path]:
    """Short articles of our own, in two outlets' folders, with dates in the front matter."""
    paths = []
    for n in range(count):
        place = PLACES[n % len(PLACES)]
        outlet = root / ("harbour-times" if n % 3 else "coast-wire")
        outlet.mkdir(parents=True, exist_ok=True)
        body = " ".join((OPENINGS[n % 5].format(place=place), *FOLLOW[: 1 + n % 4]))
        text = (
            f"---\ntitle: Story {n} from {place}\ndate: 2024-{1 + n % 6:02}-0{1 + n % 9}\n---\n\n"
        )
        path = outlet / f"story{n:02}.md"
        path.write_text(text + body + "\n", encoding="utf-8")
        paths.append(path)
    return paths
