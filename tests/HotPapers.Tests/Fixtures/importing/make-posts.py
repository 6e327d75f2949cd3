#!/usr/bin/env python3
"""Writes the import round-trip fixtures in posts/ as the old Python generator wrote its posts.

An independent restatement of the layout that /work/shared/reference/ORIGINAL.md states (not
HotPapers' template), so that the round-trip tests compare HotPapers against the old format
rather than against itself. Run it again only to change a fixture; the .md files are committed.
"""
import html, os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "posts")
SCRIPT = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
TAGS = ["arXiv", "Twitter", "Machine Learning", "Computer Science"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def front(title, date, slug, description, tags=TAGS, image="/media/flying-marine.jpg",
          category="arXiv", draft="false"):
    lines = ["---", f"title: {title}", f"date: {date}", 'template: "post"', f"draft: {draft}",
             f'slug: "{slug}"', f'category: "{category}"', "tags:"]
    lines += [f'  - "{t}"' for t in tags]
    lines += [f'description: "{description}"', f'socialImage: "{image}"', "", "---"]
    return "\n".join(lines) + "\n"


def embed(name, handle, status, text, day, lang="en", direction="ltr"):
    """Twitter's oEmbed answer: text with links as anchors and line breaks as <br>, then the script."""
    body = []
    for word in text.split(" "):
        if word.startswith("https://"):
            body.append(f'<a href="{word}">{html.escape(word, quote=False)}</a>')
        else:
            body.append(html.escape(word, quote=False))
    body = " ".join(body).replace("\n", "<br>")
    y, m, d = day.split("-")
    date_text = f"{MONTHS[int(m) - 1]} {int(d)}, {y}"
    return (f'<blockquote class="twitter-tweet"><p lang="{lang}" dir="{direction}">{body}</p>&mdash; '
            f'{html.escape(name, quote=False)} (@{handle}) <a href="https://twitter.com/{handle}/status/{status}'
            f'?ref_src=twsrc%5Etfw">{date_text}</a></blockquote>\n{SCRIPT}')


def paper(title, authors, retweets, favorites, stamp, arxiv, categories, abstract, embeds, pdf=True):
    links = f"[abs](https://arxiv.org/abs/{arxiv})"
    if pdf:
        links += f" | [pdf](https://arxiv.org/pdf/{arxiv})"
    cats = " | ".join(f"[{c}](https://arxiv.org/list/{c}/recent)" for c in categories)
    out = (f"# {{n}}. {title}\n\n{', '.join(authors)}\n\n- retweets: {retweets}, favorites: {favorites} ({stamp})\n\n"
           f"- links: {links}\n- {cats}\n\n{abstract}\n\n")
    for e in embeds:
        out += e + "\n\n"
    return out + "\n\n"


def post(name, head, papers):
    text = head
    for i, p in enumerate(papers, 1):
        text += "\n" + p.replace("{n}", str(i), 1)
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


os.makedirs(HERE, exist_ok=True)

# A day on which no paper reached the threshold: the front matter and nothing else.
post("2021-01-03---Hot-Papers.md",
     front("Hot Papers 2021-01-03", "2021-01-04T09:00:12.Z", "hot-papers-2021-01-03", "Hot papers 2021-01-03"), [])

# No tweet shown for one paper (all below 25), ten for another, an empty abstract.
many = [embed(f"Reader {k}", f"reader_{k}", 1390000000000000000 + k, f"Thread {k}/10 on this paper https://t.co/abc{k}", "2021-05-10")
        for k in range(1, 11)]
post("2021-05-10---Hot-Papers.md",
     front("Hot Papers 2021-05-10", "2021-05-11T18:40:02.Z", "hot-papers-2021-05-10", "Hot papers 2021-05-10"),
     [paper("A Paper Everyone Tweeted About", ["Ada Lovelace", "Alan Turing"], 900, 4100, "05/11/2021 18:40:02",
            "2105.04001", ["cs.LG", "stat.ML"], "We study threads. Many people wrote them.", many),
      paper("Quietly Popular:  Many Small Tweets", ["Grace Hopper"], 30, 40, "05/11/2021 18:40:03",
            "2105.04002", ["cs.SE"], "Seventy small engagements, none of them in a tweet that scored 25.", []),
      paper("A Paper Without an Abstract", ["Edsger W. Dijkstra"], 40, 22, "05/11/2021 18:40:03",
            "2105.04003", ["cs.DS"], "",
            [embed("Algo Fan", "algofan", 1391000000000000001, "No abstract, but a great title https://t.co/x1", "2021-05-10")])])

# LaTeX in titles and abstracts, and text that looks like markup but is not meant as markup.
post("2021-06-01---Hot-Papers.md",
     front("Hot Papers 2021-06-01", "2021-06-02T07:05:59.Z", "hot-papers-2021-06-01", "Hot papers 2021-06-01"),
     [paper(r"Tight $\mathcal{O}(\sqrt{T})$ Regret Bounds for $\ell_1$-Regularized *Online* Learning",
            ["Jean-Pierre Serre", "Dror Bar-Natan"], 120, 300, "06/02/2021 07:05:59", "2106.00101", ["cs.LG", "math.OC"],
            r"We prove that $\sum_{t=1}^T \|x_t\|_2^2 \le \epsilon$ implies regret $O(\sqrt{T})$, where $\epsilon > 0$ and $T \geq 1$. The bound is tight for $d \ge 2$; see Thm. 3 & Eq. (4_a).",
            [embed("Math Bot", "mathbot", 1399000000000000001, "New bound: O(sqrt T) & tight! <3 https://t.co/m1", "2021-06-01")]),
      paper("<b>Bold</b> and [Other](https://example.org/other) Hostile-Looking Titles #1",
            ["Robert'); DROP TABLE Students;--", "O'Brien, Jr."], 50, 20, "06/02/2021 07:06:00", "2106.00102", ["cs.CR"],
            "# Not a heading. - Not a list. We study strings such as <sup>2</sup> and a<b, `rm -rf /`, **bold** claims, __init__ and [links](http://example.com) that appear verbatim in abstracts.   Three spaces above.",
            [embed("Sec Person", "sec_person", 1399000000000000002, "Title has <script> in it & that's fine https://t.co/s1", "2021-06-01")]),
      # Unescaped, this opens a code fence that runs to the end of the document. (An abstract that opens
      # an HTML comment is not here: hotpapers escapes that even under rawText, as it hides the rest
      # of the page; see ImportSafetyTests.)
      paper("``` Fenced Titles Are Not Code", ["F. Ence"], 30, 25, "06/02/2021 07:06:00", "2106.00103", ["cs.PL"],
            "``` the abstract starts with three backticks and never closes them",
            [embed("Dev", "dev_person", 1399000000000000003, "three backticks https://t.co/b1", "2021-06-01")]),
      paper("Comments <!-- Left Open", ["G. Comment"], 30, 24, "06/02/2021 07:06:01", "2106.00104", ["cs.PL"],
            "an HTML comment opener in the title only, and *emphasis* here", [])])

# Non-Latin scripts: Japanese and Arabic tweets (right to left), Chinese and Cyrillic names, emoji.
post("2021-07-15---Hot-Papers.md",
     front("Hot Papers 2021-07-15", "2021-07-16T12:00:00.Z", "hot-papers-2021-07-15", "Hot papers 2021-07-15"),
     [paper("Multilingual Models Read Everything", ["Zhang Wei (张伟)", "Иван Петров", "Hervé Jégou", "Nuno Vasconcelos", "محمد علي"],
            700, 1500, "07/16/2021 12:00:00", "2107.07001", ["cs.CL"],
            "We evaluate on Japanese (日本語), Arabic (العربية), Korean (한국어) and Hindi (हिन्दी) text; accuracy improves by 3.2% ± 0.4% and √n scaling holds.",
            [embed("小猫遊りょう（たかにゃし・りょう）", "jaguring1", 1415000000000000001, "多言語モデルがすべてを読む。特に日本語での性能が高い\n\nhttps://t.co/j1", "2021-07-15", lang="ja"),
             embed("باحث", "arabic_nlp", 1415000000000000002, "نموذج جديد يقرأ العربية https://t.co/a1", "2021-07-15", lang="ar", direction="rtl"),
             embed("Emoji Fan 🚀", "emojifan", 1415000000000000003, "This is huge 🔥🔥 👩🏾‍💻 https://t.co/e1", "2021-07-16")])])

# The same tweet under two papers (it discussed both), and a paper without a PDF link.
shared = embed("AK", "ak92501", 1420000000000000001, "Two papers today:\npdf: https://t.co/p1\npdf: https://t.co/p2", "2021-08-02")
post("2021-08-02---Hot-Papers.md",
     front("Hot Papers 2021-08-02", "2021-08-03T18:50:48.Z", "hot-papers-2021-08-02", "Hot papers 2021-08-02"),
     [paper("First of a Pair", ["A. Author"], 200, 300, "08/03/2021 18:50:48", "2108.01001", ["cs.CV"], "The first one.", [shared]),
      paper("Second of a Pair", ["B. Author"], 200, 300, "08/03/2021 18:50:49", "2108.01002", ["cs.CV"], "The second one.", [shared])])

# A range post (a weekend): title, slug and description carry both days; file named A-B.
post("2021-09-04-2021-09-05---Hot-Papers.md",
     front("Hot Papers 2021-09-04 - 2021-09-05", "2021-09-06T08:00:01.Z", "hot-papers-2021-09-04 - 2021-09-05",
           "Hot papers 2021-09-04 - 2021-09-05"),
     [paper("Weekend Reading", ["C. Writer"], 60, 70, "09/06/2021 08:00:01", "2109.01001v2", ["cs.AI"], "Read on a weekend.",
            [embed("Weekend", "weekend_reader", 1434000000000000001, "Good weekend read https://t.co/w1", "2021-09-05")])])

# An early post: other tags and image of its time, and the same embed printed twice (early versions
# did not drop a second identical embed).
dup = embed("Early Bird", "earlybird", 1250000000000000001, "An early tweet https://t.co/eb1", "2020-04-14")
post("2020-04-14---Hot-Papers.md",
     front("Hot Papers 2020-04-14", "2020-04-15T10:11:12.Z", "hot-papers-2020-04-14", "Hot papers 2020-04-14",
           tags=["arXiv", "Twitter"], image="/media/gutenberg.jpg"),
     [paper("An Early Paper", ["D. Pioneer", "E. Settler"], 100, 150, "04/15/2020 10:11:12", "2004.05001", ["cs.LG"],
            "From the first weeks of the blog.", [dup, dup,
            embed("Other", "other_reader", 1250000000000000002, "Another view https://t.co/ov1", "2020-04-14")])])
