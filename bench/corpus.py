"""A generated corpus of news pages for benchmarks: realistic structure, deterministic content.

Sentences are assembled from small team-written pools (actors, actions, places, times), so a
corpus of any size can be made without shipping one; pages carry the furniture real pages have
(navigation, share bars, captions, related-story lists, cookie banners).
"""

from __future__ import annotations

import random

ACTORS = [
    "The defence ministry",
    "Police in the capital",
    "Opposition leaders",
    "The foreign minister",
    "Rebel commanders",
    "The prime minister's office",
    "Border guards",
    "A government spokesperson",
    "Protest organisers",
    "The central bank",
    "Union leaders",
    "The army",
    "Election officials",
    "The interior ministry",
    "Local officials",
    "Peace negotiators",
]
ACTIONS = [
    "said {n} troops had been sent to the border region",
    "accused the government of delaying talks",
    "denied reports that {n} people had been detained",
    "called on both sides to return to talks",
    "announced sanctions on {n} officials",
    "rejected the proposal as unacceptable",
    "warned that the fighting could spread",
    "agreed to resume negotiations next month",
    "arrested {n} protesters after clashes",
    "condemned the air strikes",
    "promised to hold elections within a year",
    "expelled {n} diplomats",
    "met mediators to discuss a ceasefire",
    "threatened to withdraw from the agreement",
]
PLACES = [
    "in the capital",
    "near the northern border",
    "in the coastal province",
    "outside parliament",
    "in the disputed region",
    "at the main crossing",
]
TIMES = [
    "on Monday",
    "on Tuesday",
    "late on Wednesday",
    "on Thursday",
    "over the weekend",
    "earlier this month",
    "last week",
]
HEADLINE_VERBS = ["warns", "denies", "agrees", "rejects", "accuses", "urges", "sends", "arrests"]


def sentence(rng: random.Random) -> str:
    action = rng.choice(ACTIONS).format(n=rng.choice([12, 40, 300, 1500, 10000]))
    return f"{rng.choice(ACTORS)} {action} {rng.choice(PLACES)} {rng.choice(TIMES)}."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))


def article(rng: random.Random) -> tuple[str, str, list[str]]:
    actor = rng.choice(ACTORS).replace("The ", "")
    title = f"{actor} {rng.choice(HEADLINE_VERBS)} {rng.choice(PLACES)} as tensions rise"
    dek = sentence(rng)
    return title, dek, [paragraph(rng) for _ in range(rng.randint(4, 9))]


def html_page(rng: random.Random, i: int) -> str:
    title, dek, paras = article(rng)
    body = "".join(f"<p>{p}</p>" for p in paras)
    related = "".join(f"<li><a href='/s/{i}-{k}'>{article(rng)[0]}</a></li>" for k in range(4))
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{title} | Bench Wire</title>"
        '<meta property="og:site_name" content="Bench Wire">'
        f'<meta property="article:published_time" content="2025-0{1 + i % 9}-1{i % 10}T08:00:00Z">'
        f'<link rel="canonical" href="https://bench.test/story/{i}">'
        "</head><body>"
        "<div class='cookie'>We use cookies to improve your experience. Accept all</div>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> "
        "<a href='/politics'>Politics</a></nav>"
        f"<article><h1>{title}</h1><p class='dek'>{dek}</p>"
        "<figure><img src='x.jpg'><figcaption>Photo: Bench Wire</figcaption></figure>"
        f"{body}<div class='share'>Share Facebook X Email</div></article>"
        f"<aside><h3>Related stories</h3><ul>{related}</ul></aside>"
        "<footer>Copyright Bench Wire. All rights reserved.</footer></body></html>"
    )


def text_page(rng: random.Random) -> str:
    title, dek, paras = article(rng)
    lines = [title, dek, dek, "Advertisement", *paras, "More from World"]
    for _ in range(3):
        lines += [article(rng)[0], sentence(rng)[:60] + "..."]
    return "\n\n".join(lines)
