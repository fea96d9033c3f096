#!/usr/bin/env python3
"""Regenerate news.warc.gz for the eventwire examples (standard library only).

Writes a WARC/1.1 file in which every record is its own gzip member:
  1. warcinfo
  2. request   (for the first story)
  3. response  (Kharkiv drone attack)
  4. response  (Islamabad arrests)
  5. response  (North Korea missile launch / threat)

Usage:  python3 make_warc.py [output_path]   (default: news.warc.gz next to this script)
The output is byte-for-byte reproducible (fixed record IDs, gzip mtime=0).
"""
import base64
import gzip
import hashlib
import os
import sys
import uuid

NS = uuid.UUID("6f1c3a52-9e0b-4c1e-8a57-0c2d7e1b9a44")


def record_id(name):
    return "<urn:uuid:%s>" % uuid.uuid5(NS, name)


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def page(title, og_title, site, url, published, kicker, h1, dek, paragraphs, caption, related):
    paras = "\n".join("      <p>%s</p>" % p for p in paragraphs)
    rel = "\n".join('        <li><a href="%s">%s</a></li>' % r for r in related)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title}</title>
  <meta property="og:title" content="{og_title}">
  <meta property="og:site_name" content="{site}">
  <meta property="article:published_time" content="{published}">
  <link rel="canonical" href="{url}">
</head>
<body>
  <nav class="site-nav"><a href="/">{site}</a> <a href="/world">World</a> <a href="/politics">Politics</a> <a href="/business">Business</a></nav>
  <div class="cookie-banner">This site uses cookies. <button>Accept</button></div>
  <main>
    <article>
      <p class="kicker">{kicker}</p>
      <h1>{h1}</h1>
      <p class="dek">{dek}</p>
{paras}
      <figure><img src="/img/lead.jpg" alt=""><figcaption>{caption}</figcaption></figure>
      <div class="share">Share: <a href="#">X</a> <a href="#">Facebook</a> <a href="#">Email</a></div>
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
{rel}
      </ul>
    </aside>
  </main>
  <footer>&copy; 2025 {site}</footer>
</body>
</html>
"""


STORIES = [
    {
        "url": "https://www.eastgate-news.test/europe/2025/01/16/kharkiv-drone-attack-kills-seven.html",
        "date": "2025-01-16T09:41:12Z",
        "http_date": "Thu, 16 Jan 2025 09:41:12 GMT",
        "html": page(
            "Russian drone attack on Kharkiv region kills seven, governor says | Eastgate News",
            "Russian drone attack on Kharkiv region kills seven, governor says",
            "Eastgate News",
            "https://www.eastgate-news.test/europe/2025/01/16/kharkiv-drone-attack-kills-seven.html",
            "2025-01-16T08:15:00+02:00",
            "Ukraine war",
            "Russian drone attack on Kharkiv region kills seven, governor says",
            "Moscow said it struck only military targets; Kyiv said a residential block and a bus depot were hit.",
            [
                "KYIV, Jan 16 (Eastgate News) &ndash; A wave of Russian attack drones struck the city of Kharkiv and the town of Chuhuiv overnight, killing seven people, including a 12-year-old boy, and wounding at least 29, the governor of the Kharkiv region said on Thursday.",
                "Ukraine's air force said Russia launched 84 Shahed-type drones and two Iskander-M ballistic missiles at Ukraine overnight, and that air defences shot down 56 of the drones. Rescue workers were still searching the rubble of a five-storey apartment building in Kharkiv's Saltivskyi district on Thursday morning, the State Emergency Service said.",
                "&ldquo;Every night Russia chooses to kill civilians while talking about peace,&rdquo; President Volodymyr Zelenskyy wrote on Telegram, renewing his appeal to Western allies for more Patriot air-defence systems.",
                "Russia's defence ministry said its forces had carried out a &ldquo;massive strike&rdquo; on facilities of Ukraine's military-industrial complex and did not attack residential areas. Kremlin spokesman Dmitry Peskov told reporters that Russian forces &ldquo;do not strike civilian targets&rdquo; and accused Kyiv of placing air-defence units in populated districts.",
                "The strike came a day after Ukrainian drones hit an oil depot in Russia's Bryansk region, according to the regional governor there, who said no one was hurt.",
            ],
            "Rescuers work at the site of a damaged apartment building in Kharkiv, January 16, 2025. Photo: Oleksii Hrytsenko / Eastgate News",
            [
                ("/europe/2025/01/14/zaporizhzhia-shelling.html", "Shelling in Zaporizhzhia region kills two, officials say"),
                ("/europe/2025/01/10/patriot-deliveries.html", "Germany pledges additional Patriot launcher to Ukraine"),
            ],
        ),
    },
    {
        "url": "https://news.indus-daily.test/pakistan/islamabad-police-arrest-opposition-lawmakers-20250312",
        "date": "2025-03-12T17:03:40Z",
        "http_date": "Wed, 12 Mar 2025 17:03:40 GMT",
        "html": page(
            "Islamabad police arrest 11 opposition lawmakers ahead of planned rally - Indus Daily",
            "Islamabad police arrest 11 opposition lawmakers ahead of planned rally",
            "Indus Daily",
            "https://news.indus-daily.test/pakistan/islamabad-police-arrest-opposition-lawmakers-20250312",
            "2025-03-12T21:30:00+05:00",
            "Pakistan",
            "Islamabad police arrest 11 opposition lawmakers ahead of planned rally",
            "The opposition said the arrests were an attempt to crush dissent; the interior ministry said the lawmakers had violated a ban on public gatherings.",
            [
                "ISLAMABAD &ndash; Police in Islamabad arrested 11 opposition members of parliament and more than 200 party workers on Wednesday, hours before a rally the opposition had planned outside the parliament building, party officials and police said.",
                "Officers detained several of the lawmakers outside the parliament lodges late on Tuesday night, according to video footage circulated by the party. An Islamabad police spokesman said those arrested had defied an order under Section 144 banning gatherings of more than four people in the capital.",
                "The interior ministry said in a statement that the government &ldquo;respects the right to peaceful protest&rdquo; but would not allow &ldquo;anyone to lay siege to the capital.&rdquo; The interior minister told Geo News that the police had not entered the parliament building itself, denying an opposition claim that officers had forced their way inside.",
                "The opposition accused the government of staging a crackdown to silence critics and demanded the immediate release of all those held. &ldquo;This is what happens when a government is afraid of its own people,&rdquo; a senior party leader said at a news conference in Lahore.",
                "The Human Rights Commission of Pakistan called for the detainees to be produced before a magistrate within 24 hours, as required by law. Containers blocked the main roads into Islamabad from Rawalpindi on Wednesday evening, and mobile internet was suspended in parts of the city.",
            ],
            "Police stand guard next to shipping containers blocking a road in Islamabad, March 12, 2025. Photo: Indus Daily",
            [
                ("/pakistan/section-144-imposed-islamabad-20250311", "Section 144 imposed in Islamabad for three days"),
                ("/pakistan/opposition-rally-plan-20250308", "Opposition announces march on parliament"),
            ],
        ),
    },
    {
        "url": "https://www.hanpeninsula-times.test/politics/2025/08/21/north-korea-fires-missiles-warns-drills-could-lead-to-war",
        "date": "2025-08-21T03:27:55Z",
        "http_date": "Thu, 21 Aug 2025 03:27:55 GMT",
        "html": page(
            "North Korea fires two ballistic missiles, warns drills 'could lead to war' | Han Peninsula Times",
            "North Korea fires two ballistic missiles, warns US-South Korea drills could lead to war",
            "Han Peninsula Times",
            "https://www.hanpeninsula-times.test/politics/2025/08/21/north-korea-fires-missiles-warns-drills-could-lead-to-war",
            "2025-08-21T11:50:00+09:00",
            "North Korea",
            "North Korea fires two ballistic missiles, warns drills &lsquo;could lead to war&rsquo;",
            "Seoul's military said the missiles flew about 600 km before falling into the sea; Pyongyang blamed annual allied exercises.",
            [
                "SEOUL &ndash; North Korea fired two short-range ballistic missiles into the sea off its east coast early on Thursday, South Korea's Joint Chiefs of Staff said, hours after Pyongyang warned that joint military exercises by the United States and South Korea could lead to war on the Korean peninsula.",
                "The missiles were launched from the Sunan area near Pyongyang at about 7:10 a.m. and flew roughly 600 km, the Joint Chiefs said in a text message to reporters. Japan's defence ministry said they landed outside its exclusive economic zone and that there were no reports of damage to ships or aircraft.",
                "In a statement carried by the state news agency KCNA on Wednesday night, North Korea's defence ministry said the allied drills were &ldquo;a rehearsal for invasion&rdquo; and threatened &ldquo;overwhelming countermeasures&rdquo;. It said any provocation near its maritime border &ldquo;could lead to an actual war.&rdquo;",
                "South Korea's presidential office condemned the launch as a violation of UN Security Council resolutions and urged Pyongyang to return to dialogue. Washington and Seoul say the exercises, which began on Monday and involve about 19,000 South Korean troops, are purely defensive.",
                "A South Korean military official said there was no sign that the North had moved troops closer to the border last week, but that the military had raised its surveillance posture, according to the Yonhap news agency.",
            ],
            "People watch a television news broadcast about the missile launch at a railway station in Seoul, August 21, 2025. Photo: Han Peninsula Times",
            [
                ("/politics/2025/08/18/ulchi-freedom-shield-begins", "Allied drills begin despite warnings from Pyongyang"),
                ("/politics/2025/08/05/kim-yo-jong-statement", "Kim Yo Jong dismisses Seoul's offer of talks"),
            ],
        ),
    },
]


def http_response(story):
    body = story["html"].encode("utf-8")
    head = (
        "HTTP/1.1 200 OK\r\n"
        f"Date: {story['http_date']}\r\n"
        "Server: nginx\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Cache-Control: max-age=60\r\n"
        "Connection: close\r\n"
        "\r\n"
    ).encode("ascii")
    return head + body, body


def warc_record(headers, block):
    lines = ["WARC/1.1"]
    for k, v in headers:
        lines.append(f"{k}: {v}")
    lines.append(f"Content-Length: {len(block)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    return head + block + b"\r\n\r\n"


def build():
    records = []
    info = (
        "software: eventwire-examples make_warc.py (Python stdlib)\r\n"
        "format: WARC File Format 1.1\r\n"
        "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
        "description: Invented wire-style political news pages for eventwire examples\r\n"
        "isPartOf: eventwire-examples\r\n"
    ).encode("utf-8")
    records.append(warc_record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", "2025-08-21T04:00:00Z"),
        ("WARC-Filename", "news.warc.gz"),
        ("WARC-Record-ID", record_id("warcinfo")),
        ("Content-Type", "application/warc-fields"),
    ], info))

    for i, story in enumerate(STORIES):
        resp_id = record_id("response-%d" % i)
        if i == 0:
            host = story["url"].split("/")[2]
            path = "/" + story["url"].split("/", 3)[3]
            req = (
                f"GET {path} HTTP/1.1\r\n"
                f"Host: {host}\r\n"
                "User-Agent: Mozilla/5.0 (compatible; eventwire-example-crawler/0.1)\r\n"
                "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8\r\n"
                "Accept-Language: en\r\n"
                "\r\n"
            ).encode("ascii")
            records.append(warc_record([
                ("WARC-Type", "request"),
                ("WARC-Target-URI", story["url"]),
                ("WARC-Date", story["date"]),
                ("WARC-Record-ID", record_id("request-%d" % i)),
                ("WARC-Concurrent-To", resp_id),
                ("WARC-Warcinfo-ID", record_id("warcinfo")),
                ("Content-Type", "application/http; msgtype=request"),
                ("WARC-Block-Digest", sha1_b32(req)),
            ], req))
        block, payload = http_response(story)
        records.append(warc_record([
            ("WARC-Type", "response"),
            ("WARC-Target-URI", story["url"]),
            ("WARC-Date", story["date"]),
            ("WARC-Record-ID", resp_id),
            ("WARC-Warcinfo-ID", record_id("warcinfo")),
            ("WARC-IP-Address", "192.0.2.%d" % (10 + i)),
            ("Content-Type", "application/http; msgtype=response"),
            ("WARC-Block-Digest", sha1_b32(block)),
            ("WARC-Payload-Digest", sha1_b32(payload)),
            ("WARC-Identified-Payload-Type", "text/html"),
        ], block))
    return records


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "news.warc.gz")
    with open(out, "wb") as fh:
        for rec in build():
            fh.write(gzip.compress(rec, mtime=0))
    print("wrote", out)


if __name__ == "__main__":
    main()
