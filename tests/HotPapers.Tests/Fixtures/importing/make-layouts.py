#!/usr/bin/env python3
"""Writes the layout fixtures in layouts/: the post posts/2021-05-10---Hot-Papers.md (a paper with
tweets, one without, one with an empty abstract) with other numbers of empty lines in each place the
old generator's layout varied over its two years. Run it again only to change a fixture.

Places (ORIGINAL.md's layout has 1, 1, 4 and 3 empty lines):
  F  between the front matter's closing --- and the first paper
  S  between a paper's sections (heading, authors, counts, links, abstract, each embed)
  G  between a paper's last line (last embed, else abstract) and the next paper's heading
  E  after the post's last line
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "posts", "2021-05-10---Hot-Papers.md")


def split(text):
    """The front matter (through its closing ---) and each paper's parts, read from the standard layout."""
    lines = text.split("\n")
    close = lines.index("---", 1)
    front = "\n".join(lines[: close + 1]) + "\n"
    starts = [i for i, l in enumerate(lines) if l.startswith("# ") and i > close]
    papers = []
    for n, s in enumerate(starts):
        chunk = lines[s : starts[n + 1] if n + 1 < len(starts) else len(lines)]
        heading, authors, counts, links, cats, abstract = chunk[0], chunk[2], chunk[4], chunk[6], chunk[7], chunk[9]
        rest = chunk[11:]
        embeds = []
        while rest and rest[0].startswith("<blockquote"):
            embeds.append(rest[0] + "\n" + rest[1])
            rest = rest[3:]
        papers.append((heading, authors, counts, links + "\n" + cats, abstract, embeds))
    return front, papers


def write(front, papers, F=1, S=1, G=4, E=3):
    out = front + ("\n" * F if papers else "")
    for n, (heading, authors, counts, links, abstract, embeds) in enumerate(papers):
        gap = "\n" * S
        out += heading + "\n" + gap + authors + "\n" + gap + counts + "\n" + gap + links + "\n" + gap + abstract + "\n"
        for e in embeds:
            out += gap + e + "\n"
        out += "\n" * (E if n == len(papers) - 1 else G)
    return out


VARIANTS = {
    "after-front-matter-0": dict(F=0),
    "after-front-matter-3": dict(F=3),
    "between-sections-0": dict(S=0),
    "between-sections-2": dict(S=2),
    "after-embeds-2": dict(G=2),
    "after-embeds-6": dict(G=6),
    "end-of-file-0": dict(E=0),
    "end-of-file-1": dict(E=1),
    "end-of-file-5": dict(E=5),
    "early-layout": dict(F=2, S=2, G=3, E=1),
}

if __name__ == "__main__":
    text = open(SOURCE, encoding="utf-8").read()
    front, papers = split(text)
    assert write(front, papers) == text, "the standard counts give the source back"
    for name, counts in VARIANTS.items():
        with open(os.path.join(HERE, "layouts", name + ".md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(write(front, papers, **counts))
