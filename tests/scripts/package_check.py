#!/usr/bin/env python3
"""The Debian package (`./dev package`, CPack DEB) as a user installs it (issue 18).

  package_check.py BUILD_DIR WORK_DIR

Builds the package from BUILD_DIR's CPack configuration into WORK_DIR, then checks with
dpkg-deb that its control file declares the runtime dependencies and that it installs the
dashboard, the CLI and its renderer, the desktop entry, the icons, the MIME type, the manual
pages, the copyright file and the shipped forecasts (with their schema and examples); and that
lintian reports no error. Lintian's warnings are printed, not failed (README lists them).
A missing tool fails the test.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def run(args):
    return subprocess.run(args, capture_output=True, text=True, timeout=600)


def main():
    build, work = sys.argv[1:3]
    for tool in ("cpack", "dpkg-deb", "dpkg-shlibdeps", "lintian"):
        if shutil.which(tool) is None:
            print(f"FAIL: {tool} is not installed (./dev setup installs it)", file=sys.stderr)
            return 1
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    r = run(["cpack", "--config", os.path.join(build, "CPackConfig.cmake"), "-B", work])
    debs = glob.glob(os.path.join(work, "*.deb"))
    if r.returncode != 0 or len(debs) != 1:
        print(f"FAIL: cpack: exit {r.returncode}, debs {debs}\n{r.stdout}{r.stderr}",
              file=sys.stderr)
        return 1
    deb = debs[0]
    print("package:", os.path.basename(deb))

    info = run(["dpkg-deb", "--info", deb]).stdout
    fields = dict(re.findall(r"^ ([A-Z][\w-]*): (.*)$", info, re.M))
    check(fields.get("Package") == "jevons", f"Package field: {fields.get('Package')!r}")
    depends = fields.get("Depends", "")
    for lib in ("libqt6widgets6", "libqt6charts6", "libqt6svg6", "libqt6gui6", "libzip4",
                "libxlsxwriter", "libc6", "libstdc++6"):
        check(lib in depends, f"Depends lacks {lib}: {depends!r}")
    check("fonts-noto-cjk" in fields.get("Recommends", ""), "Recommends the Chinese fonts")

    listing = run(["dpkg-deb", "--contents", deb]).stdout
    paths = {line.split()[-1].lstrip(".") for line in listing.splitlines() if line.strip()}
    expected = [
        "/usr/bin/jevons",
        "/usr/bin/jevons-cli",
        "/usr/libexec/jevons/jevons-render",
        "/usr/libexec/jevons/jevons-deck",
        "/usr/share/applications/jevons.desktop",
        "/usr/share/icons/hicolor/scalable/apps/jevons.svg",
        "/usr/share/icons/hicolor/scalable/mimetypes/application-x-jevons-scenario.svg",
        "/usr/share/mime/packages/jevons.xml",
        "/usr/share/man/man1/jevons.1.gz",
        "/usr/share/man/man1/jevons-cli.1.gz",
        "/usr/share/doc/jevons/copyright",
        "/usr/share/doc/jevons/changelog.Debian.gz",
        "/usr/share/jevons/forecasts/default.json",
        "/usr/share/jevons/forecasts/jevons.schema.json",
        "/usr/share/jevons/forecasts/FORMAT.md",
        "/usr/share/jevons/forecasts/examples/illustrative_unit_sales.csv",
    ]
    for path in expected:
        check(path in paths, f"the package does not install {path}")
    # Every shipped forecast and template of the source tree is in the package.
    source = os.path.join(os.path.dirname(__file__), "..", "..", "forecasts")
    for f in glob.glob(os.path.join(source, "**", "*.json"), recursive=True):
        rel = os.path.relpath(f, source)
        check("/usr/share/jevons/forecasts/" + rel in paths, f"forecast {rel} not packaged")

    # The translations are compiled into the binary (Qt resource :/i18n/jevons_zh_CN.qm).
    extracted = os.path.join(work, "root")
    r = run(["dpkg-deb", "-x", deb, extracted])
    check(r.returncode == 0, f"dpkg-deb -x: {r.stderr}")
    binary = os.path.join(extracted, "usr", "bin", "jevons")
    if os.path.exists(binary):
        with open(binary, "rb") as f:
            data = f.read()
        check("jevons_zh_CN.qm".encode("utf-16-be") in data,
              "the zh_CN translation is not in the jevons binary")

    # Every library is a system one: no binary carries a search path of its own ($ORIGIN, or the
    # empty entries that make the loader look in the current folder).
    for program in ("usr/bin/jevons", "usr/bin/jevons-cli", "usr/libexec/jevons/jevons-deck",
                    "usr/libexec/jevons/jevons-render"):
        dynamic = run(["readelf", "-d", os.path.join(extracted, program)]).stdout
        check("NEEDED" in dynamic, f"{program}: readelf -d lists no library")
        check("RPATH" not in dynamic and "RUNPATH" not in dynamic,
              f"{program} carries a library search path")

    r = run(["lintian", "--no-tag-display-limit", deb])
    tags = [line for line in r.stdout.splitlines() if re.match(r"^[EWIPX]: ", line)]
    errors = [t for t in tags if t.startswith("E: ")]
    for t in tags:
        print("lintian:", t)
    check(not errors, f"lintian reports {len(errors)} error(s)")
    check("E:" not in r.stderr, f"lintian failed to run: {r.stderr}")

    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
