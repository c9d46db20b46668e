#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of N referral sources in two forms:

  OUT/refkit/  a refkit kit: the example kit's site, pages, offers and logos, and N sources
               (alternating partners with brands and customers), each with its own code;
  OUT/hugo/    the equivalent Hugo site: per source the same pages refkit renders (home, kit pages,
               offer, handout, e-mail) as Hugo content with the source's fields in front matter,
               one baseof layout, single and list templates showing the same fields, and
               taxonomies, RSS and sitemap off.

Usage: corpus.py N OUT [REPO_ROOT]"""
import pathlib
import re
import shutil
import sys


def front_matter(text):
    match = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    return match.group(1), match.group(2)


def main(n, out, root):
    root, out = pathlib.Path(root), pathlib.Path(out)
    kit, hugo = out / "refkit", out / "hugo"
    shutil.rmtree(out, ignore_errors=True)
    (kit / "content" / "sources").mkdir(parents=True)
    # Translations (PAGE.LANG.md) are left out: the roster's sources all read the site's language,
    # so the corpus stays the one both tools were measured on before languages came.
    def translations(folder, names):
        return [name for name in names if name.endswith(".md") and "." in name[:-3]]

    for part in ("kit", "offers", "assets"):
        shutil.copytree(root / "content" / part, kit / "content" / part, ignore=translations)
    shutil.copy(root / "content" / "site.yml", kit / "content" / "site.yml")
    logos = ["harbor-street-law.svg", "maple-insurance.png", "brightside-coworking.svg"]
    colours = ["#5B2A86", "#B3261E", "#FFE66D", "#1D4ED8", "#0F766E"]

    pages = []
    for path in sorted(p for p in (root / "content" / "kit").glob("*.md") if "." not in p.stem):
        head, body = front_matter(path.read_text())
        title = re.search(r"^title: (.*)$", head, re.M).group(1)
        audience = (re.search(r"^audience: (.*)$", head, re.M) or [None, "all"])[1]
        pages.append((re.sub(r"^\d+-", "", path.stem), title, audience, body))
    offers = []
    for path in sorted(p for p in (root / "content" / "offers").glob("*.md") if "." not in p.stem):
        head, body = front_matter(path.read_text())
        fields = dict(re.findall(r"^(\w+): \"?(.*?)\"?$", head, re.M))
        offers.append((path.stem, fields, body))

    site = (root / "content" / "site.yml").read_text()
    site_name = re.search(r"^name: (.*)$", site, re.M).group(1)
    hugo_content = hugo / "content"
    hugo_content.mkdir(parents=True)
    for i in range(n):
        slug = f"source-{i:05d}"
        partner = i % 2 == 0
        segment = "partner" if partner else "customer"
        name = f"Source {i:05d} {'Partners' if partner else 'Bakery'}"
        code = f"SRC{i:05d}"
        source = f"name: {name}\nsegment: {segment}\ncode: {code}\ncontact: {{ name: Person {i}, email: p{i}@example.org }}\n"
        source += f"message: \"Thank you, {name}, for every introduction.\"\n"
        if partner:
            source += f"brand:\n  logo: assets/{logos[i % 3]}\n  colors: {{ primary: \"{colours[i % 5]}\" }}\n"
        (kit / "content" / "sources" / f"{slug}.yml").write_text(source)

        # Hugo: the same pages for this source, with the placeholders filled as refkit fills them.
        link = f"https://northwind.example/start?ref={code}&utm_source={slug}&utm_medium=referral&utm_campaign=referral-kit"
        values = {"source.name": name, "source.code": code, "referral.link": link, "site.name": site_name,
                  "site.contact.name": "Dana Lee", "site.contact.email": "refer@northwind.example",
                  "site.contact.phone": "+1 555 0100", "source.reward": "A free month", "source.slug": slug}

        def fill(text):
            return re.sub(r"\{\{\s*([a-z_.]+)\s*\}\}", lambda m: values.get(m.group(1), ""), text)

        section = hugo_content / slug
        section.mkdir()
        params = (f"source_name: \"{name}\"\nsource_code: {code}\nreferral_link: \"{link}\"\nsegment: {segment}\n"
                  f"logo: /assets/{logos[i % 3] if partner else 'northwind.svg'}\nprimary: \"{colours[i % 5]}\"\n")
        (section / "_index.md").write_text(f"---\ntitle: \"Referral kit for {name}\"\n{params}---\nThank you, {name}.\n")
        weight = 0
        for page_slug, title, audience, body in pages:
            if audience == "all" or audience == segment + "s":
                weight += 1
                (section / f"{page_slug}.md").write_text(
                    f"---\ntitle: \"{title}\"\nweight: {weight}\n{params}---\n{fill(body)}")
        for offer_id, fields, body in offers:
            if fields.get("audience", "all") in ("all", segment + "s"):
                (section / f"offer-{offer_id}.md").write_text(
                    f"---\ntitle: \"{fields['title']}\"\nweight: 90\n{params}value: \"{fields['value']}\"\n---\n{fill(body)}")
        for extra in ("handout", "email"):
            (section / f"{extra}.md").write_text(f"---\ntitle: \"{extra.title()}\"\nweight: 99\n{params}---\n{fill(pages[0][3])}")

    (hugo / "static" / "assets").mkdir(parents=True)
    for logo in (root / "content" / "assets").iterdir():
        shutil.copy(logo, hugo / "static" / "assets" / logo.name)
    (hugo / "hugo.toml").write_text(
        'baseURL = "https://kits.northwind.example/"\ntitle = "Northwind Bookkeeping"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\nrelativeURLs = true\n')
    layouts = hugo / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "baseof.html").write_text("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
<style>:root{--primary:{{ .Params.primary }}}</style></head>
<body><header><img src="{{ .Params.logo | relURL }}" alt="{{ .Params.source_name }}"> × {{ .Site.Title }}
<nav>{{ range .CurrentSection.Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>Referral kit for {{ .Params.source_name }} · code {{ .Params.source_code }}
<a href="{{ .Params.referral_link }}">{{ .Params.referral_link }}</a></footer></body></html>
""")
    (layouts / "single.html").write_text('{{ define "main" }}<h1>{{ .Title }}</h1>{{ with .Params.value }}<p>{{ . }}</p>{{ end }}{{ .Content }}{{ end }}\n')
    (layouts / "list.html").write_text('{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')
    (layouts / "index.html").write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head><body><ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n')


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else ".")
