#!/usr/bin/env python3
"""`jevons-cli export` end to end (issue 4), run by ctest.

  export_cli_check.py png    JEVONS_CLI FORECAST WORKDIR   pixel sizes of --scale 1/2/3, transparency
  export_cli_check.py errors JEVONS_CLI FORECAST WORKDIR   unwritable path, unknown chart / scenario
  export_cli_check.py deck   JEVONS_CLI FORECAST WORKDIR   decks (en native, zh pictures) through
                                                           LibreOffice: page count and titles
  export_cli_check.py alone  JEVONS_CLI FORECAST WORKDIR   jevons-cli copied into an empty folder:
                                                           the core commands work, decks and pictures
                                                           name the missing helper (exit 1); with
                                                           jevons-deck beside it or in
                                                           ../libexec/jevons, native decks work
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=170, **kwargs)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def collapse(text):
    return re.sub(r"\s+", "", text)


def png(cli, forecast, work):
    for scale in (1, 2, 3):
        out = os.path.join(work, f"asic_market@{scale}x.png")
        r = run([cli, "export", "png", forecast, "--chart", "asic_market", "--scale", str(scale),
                 "--scenario", "bull", "-o", out])
        check(r.returncode == 0, f"export png --scale {scale}: exit {r.returncode}: {r.stderr}")
        check(png_size(out) == (1280 * scale, 720 * scale),
              f"--scale {scale}: size {png_size(out) if os.path.exists(out) else 'no file'}")
    out = os.path.join(work, "capex-zh-transparent.png")
    r = run([cli, "export", "png", forecast, "--chart", "capex", "--lang", "zh", "--transparent",
             "-o", out])
    check(r.returncode == 0, f"export png --transparent: {r.stderr}")
    check(png_size(out) == (1280, 720), "transparent png size")
    for fmt in ("svg", "pdf"):
        out = os.path.join(work, f"jevons.{fmt}")
        r = run([cli, "export", fmt, forecast, "--chart", "jevons", "-o", out])
        check(r.returncode == 0, f"export {fmt}: {r.stderr}")
        with open(out, "rb") as f:
            data = f.read()
        check(data.startswith(b"%PDF-") if fmt == "pdf" else b"<svg" in data, f"{fmt} content")
        if fmt == "svg":
            check("Jevons paradox" in data.decode("utf-8"), "svg has the chart title")


def errors(cli, forecast, work):
    # An unwritable path: a clear message, non-zero exit, nothing left.
    for what, extra, name in (("png", ["--chart", "asic_market"], "x.png"),
                              ("deck", [], "x.pptx")):
        bad = os.path.join(work, "no-such-dir", name)
        r = run([cli, "export", what, forecast, *extra, "-o", bad])
        check(r.returncode == 1, f"{what} to an unwritable path: exit {r.returncode}")
        check("cannot write" in r.stderr and bad in r.stderr,
              f"{what} unwritable message: {r.stderr!r}")
        check(not os.path.exists(bad), f"{what}: a file was left at {bad}")
    readonly = os.path.join(work, "readonly")
    os.makedirs(readonly, exist_ok=True)
    os.chmod(readonly, 0o555)
    try:
        if not os.access(readonly, os.W_OK):  # root writes anywhere
            bad = os.path.join(readonly, "x.png")
            r = run([cli, "export", "png", forecast, "--chart", "capex", "-o", bad])
            check(r.returncode == 1 and "cannot write" in r.stderr,
                  f"read-only folder: exit {r.returncode}: {r.stderr!r}")
            check(os.listdir(readonly) == [], f"read-only folder has {os.listdir(readonly)}")
    finally:
        os.chmod(readonly, 0o755)
    # Unknown ids are named, with the ones the file has.
    out = os.path.join(work, "unknown.png")
    r = run([cli, "export", "png", forecast, "--chart", "asic_markt", "-o", out])
    check(r.returncode == 2, f"unknown chart: exit {r.returncode}")
    check("no chart 'asic_markt'" in r.stderr and "asic_market" in r.stderr,
          f"unknown chart message: {r.stderr!r}")
    check(not os.path.exists(out), "unknown chart left a file")
    out = os.path.join(work, "unknown.pptx")
    r = run([cli, "export", "deck", forecast, "--charts", "capex,nope", "-o", out])
    check(r.returncode == 2 and "no chart 'nope'" in r.stderr, f"deck unknown chart: {r.stderr!r}")
    r = run([cli, "export", "deck", forecast, "--scenario", "bullish", "-o", out])
    check(r.returncode == 2 and "no scenario 'bullish'" in r.stderr, f"scenario: {r.stderr!r}")
    check(not os.path.exists(out), "unknown ids left a deck")
    r = run([cli, "export", "png", forecast, "--chart", "capex", "--scale", "4", "-o", out])
    check(r.returncode == 2 and "--scale is 1, 2 or 3" in r.stderr, f"scale 4: {r.stderr!r}")
    r = run([cli, "export", "png", forecast, "-o", out])
    check(r.returncode == 2 and "needs --chart" in r.stderr, f"no chart: {r.stderr!r}")
    # --uncertainty (issue 5): fan slides for the line charts, a tornado and a histogram.
    r = run([cli, "export", "deck", forecast, "--uncertainty", "--tornado", "asic_market",
             "-o", out])
    check(r.returncode == 2 and "--tornado expects SERIES:YEAR" in r.stderr,
          f"tornado without year: {r.stderr!r}")
    r = run([cli, "export", "deck", forecast, "--uncertainty", "--histogram", "asic_market:2050",
             "-o", out])
    check(r.returncode == 1 and "2050" in r.stderr, f"histogram year: {r.stderr!r}")
    check(not os.path.exists(out), "a refused uncertainty deck left a file")
    plain = os.path.join(work, "plain.pptx")
    uncertain = os.path.join(work, "uncertain.pptx")
    r = run([cli, "export", "deck", forecast, "-o", plain])
    check(r.returncode == 0, f"plain deck: {r.stderr}")
    r = run([cli, "export", "deck", forecast, "--uncertainty", "--tornado", "asic_market:2029",
             "-o", uncertain])
    check(r.returncode == 0, f"uncertainty deck: {r.stderr}")
    with open(forecast, encoding="utf-8") as f:
        lines = sum(1 for c in json.load(f)["charts"].values() if c["type"] == "line")
    check(slide_count(uncertain) == slide_count(plain) + lines + 2,
          f"uncertainty deck has {slide_count(uncertain)} slides, plain {slide_count(plain)}")
    # Pictures with --uncertainty carry the fan and its caption; without, neither.
    for flag, expected in (([], False), (["--uncertainty"], True)):
        svg = os.path.join(work, f"fan{len(flag)}.svg")
        r = run([cli, "export", "svg", forecast, "--chart", "asic_market_range", *flag, "-o", svg])
        check(r.returncode == 0, f"export svg {flag}: {r.stderr}")
        with open(svg, encoding="utf-8") as f:
            text = f.read()
        check(("simulated paths" in text) == expected and ("(P10–P90 39" in text) == expected,
              f"svg {flag}: fan caption / CAGR range {'missing' if expected else 'present'}")


def slide_count(pptx):
    with zipfile.ZipFile(pptx) as z:
        return sum(1 for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))


def deck(cli, forecast, work):
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        # A missing tool must not pass in CI (./dev test installs both).
        check(os.environ.get("CI") != "true", "soffice or pdftotext is not installed (CI=true)")
        print("soffice or pdftotext is not installed: skipped")
        return
    with open(forecast, encoding="utf-8") as f:
        charts = json.load(f)["charts"]
    native = os.path.join(work, "default-en.pptx")
    r = run([cli, "export", "deck", forecast, "--scenario", "bull", "-o", native])
    check(r.returncode == 0, f"export deck: {r.stderr}")
    subset = ["glasses", "asic_market", "capex"]
    pictures = os.path.join(work, "subset-zh-pictures.pptx")
    r = run([cli, "export", "deck", forecast, "--charts", ",".join(subset), "--lang", "zh",
             "--pictures", "-o", pictures])
    check(r.returncode == 0, f"export deck --pictures: {r.stderr}")
    if failures:
        return
    with zipfile.ZipFile(pictures) as z:
        media = [n for n in z.namelist() if n.startswith("ppt/media/")]
    check(len(media) == len(subset), f"picture deck has media {media}")

    profile = tempfile.mkdtemp(prefix="lo-jevons-cli-")
    try:
        r = run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                 "--convert-to", "pdf", "--outdir", work, native, pictures])
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for pptx, ids, lang in ((native, list(charts.keys()), "en"), (pictures, subset, "zh")):
        pdf = pptx[:-5] + ".pdf"
        if not os.path.exists(pdf):
            check(False, f"LibreOffice made no {pdf}: {r.stdout} {r.stderr}")
            continue
        info = run(["pdfinfo", pdf]).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        check(pages == slide_count(pptx), f"{pdf}: {pages} pages for {slide_count(pptx)} slides")
        check(slide_count(pptx) > len(ids), f"{pptx}: chart slides and the assumptions")
        text = collapse(run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).stdout)
        at = -1
        for chart_id in ids:
            title = collapse(charts[chart_id]["title"][lang])
            found = text.find(title, at + 1)
            check(found > at, f"{pdf}: title {title!r} missing or out of order")
            at = max(at, found)
        check(("情景" if lang == "zh" else "Scenario:Bull") in text, f"{pdf}: scenario named")


def native_deck_works(cli, forecast, deck, where):
    r = run([cli, "export", "deck", forecast, "--charts", "asic_market", "-o", deck])
    check(r.returncode == 0 and os.path.exists(deck), f"native deck ({where}): {r.stderr}")
    if os.path.exists(deck):
        with zipfile.ZipFile(deck) as z:
            check(z.testzip() is None, f"native deck ({where}): a member fails its CRC")
            check("ppt/charts/chart1.xml" in z.namelist(), f"native deck ({where}): native chart")


def alone(cli, forecast, work):
    lonely = os.path.join(work, "bin")
    os.makedirs(lonely)
    copy = os.path.join(lonely, "jevons-cli")
    shutil.copy2(cli, copy)
    r = run([copy, "check", forecast])
    check(r.returncode == 0 and "valid (15 assumptions" in r.stdout,
          f"check alone: exit {r.returncode}: {r.stdout}{r.stderr}")
    r = run([copy, "show", forecast, "--series", "asic_market", "--years", "2028:2028",
             "--format", "csv"])
    check(r.returncode == 0 and "Datacenter ASIC market,US$B,42.9" in r.stdout,
          f"show alone: {r.stdout!r}")
    deck = os.path.join(work, "alone.pptx")
    r = run([copy, "export", "deck", forecast, "--charts", "asic_market", "-o", deck])
    check(r.returncode == 1 and "jevons-deck" in r.stderr,
          f"deck without jevons-deck: exit {r.returncode}: {r.stderr!r}")
    check(not os.path.exists(deck), "deck without jevons-deck left a file")
    r = run([copy, "export", "deck", forecast, "--chart", "asic_market", "-o", deck])
    check(r.returncode == 2 and "--chart" in r.stderr,
          f"a usage mistake is reported without the helper: exit {r.returncode}: {r.stderr!r}")

    # The build tree's layout (the helper beside jevons-cli) and the installed one (libexec).
    helper = os.path.join(os.path.dirname(cli), "jevons-deck")
    shutil.copy2(helper, os.path.join(lonely, "jevons-deck"))
    native_deck_works(copy, forecast, deck, "jevons-deck beside jevons-cli")
    os.remove(os.path.join(lonely, "jevons-deck"))
    libexec = os.path.join(work, "libexec", "jevons")
    os.makedirs(libexec)
    shutil.copy2(helper, os.path.join(libexec, "jevons-deck"))
    native_deck_works(copy, forecast, os.path.join(work, "libexec.pptx"),
                      "jevons-deck in ../libexec/jevons")

    png_out = os.path.join(work, "alone.png")
    r = run([copy, "export", "png", forecast, "--chart", "asic_market", "-o", png_out])
    check(r.returncode == 1 and "jevons-render" in r.stderr,
          f"png without jevons-render: exit {r.returncode}: {r.stderr!r}")
    check(not os.path.exists(png_out), "png without jevons-render left a file")


def main():
    mode, cli, forecast, work = sys.argv[1:5]
    work = os.path.join(work, mode)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    {"png": png, "errors": errors, "deck": deck, "alone": alone}[mode](cli, forecast, work)
    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
