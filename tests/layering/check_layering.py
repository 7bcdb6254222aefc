#!/usr/bin/env python3
"""The include rules of style.md §1 and §7, checked on the sources (ctest: layering).

  - console/state and console/net never include ImGui, GLFW or OpenGL headers: they are
    console_core, unit-tested without a window;
  - shared/ includes nothing from server/ or console/;
  - server/ and console/ never include each other: they talk over HTTP only.

Usage: check_layering.py ROOT          checks the tree at ROOT; exit 1 listing each violation
       check_layering.py --self-test   checks the checker on a made-up tree with known faults
"""
import contextlib
import io
import pathlib
import re
import sys
import tempfile

SOURCE_SUFFIXES = {".h", ".hpp", ".cpp", ".cc", ".inc", ".ipp"}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
# ImGui (and its backends, however they are reached), GLFW, OpenGL and the usual GL loaders.
GRAPHICS = re.compile(r'(^|/)imgui[^/]*$|^imgui/|^(GLFW|GL|KHR|glad|epoxy)/', re.IGNORECASE)


def layer_of(path):
    return path.parts[0] if path.parts else ""


def forbidden(source, header):
    """Why `source` (relative to the root) may not include `header`, or None."""
    top = layer_of(source)
    included = layer_of(pathlib.PurePosixPath(header))
    if source.parts[:2] in (("console", "state"), ("console", "net")) and GRAPHICS.search(header):
        return "console/state and console/net stay free of ImGui, GLFW and OpenGL"
    if top == "shared" and included in ("server", "console"):
        return "shared/ depends on no application"
    if top == "server" and included == "console":
        return "the server does not depend on the console"
    if top == "console" and included == "server":
        return "the console talks to the server over HTTP only"
    return None


def sources(root, folder):
    base = root / folder
    return sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES)


def check(root):
    """(violations, files scanned per folder). Each violation is 'path:line: include: why'."""
    violations = []
    scanned = {}
    for folder in ("shared", "server", "console", "console/state", "console/net"):
        scanned[folder] = len(sources(root, folder))
    for folder in ("shared", "server", "console"):
        for path in sources(root, folder):
            relative = path.relative_to(root)
            for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                why = forbidden(relative, match.group(1))
                if why:
                    violations.append(f"{relative}:{number}: #include {match.group(1)}: {why}")
    return violations, scanned


def run(root):
    violations, scanned = check(root)
    # A rule that scans nothing passes for the wrong reason: a moved folder must fail loudly.
    empty = [folder for folder, count in scanned.items() if count == 0]
    for folder in empty:
        print(f"no sources found under {root / folder}: the layering rules check nothing", file=sys.stderr)
    for violation in violations:
        print(violation, file=sys.stderr)
    if violations or empty:
        return 1
    print("layering: " + ", ".join(f"{folder} {count} files" for folder, count in scanned.items()) + ": ok")
    return 0


def self_test():
    files = {
        "shared/model/ok.h": '#include <string>\n#include "shared/model/city.h"\n',
        "shared/model/bad.cpp": '#include "server/http/routes.h"\n',
        "shared/json/bad.h": '  #  include <console/state/app_state.h>\n',
        "server/http/ok.cpp": '#include "server/http/routes.h"\n#include "shared/json/documents.h"\n',
        "server/http/bad.cpp": '#include "console/net/api_client.h"\n',
        "console/state/ok.cpp": '#include "console/state/app_state.h"\n#include "shared/model/city.h"\n',
        "console/state/bad_imgui.h": '#include <imgui.h>\n',
        "console/state/bad_backend.cpp": '#include "backends/imgui_impl_glfw.h"\n',
        "console/net/bad_glfw.cpp": '#include <GLFW/glfw3.h>\n',
        "console/net/bad_gl.cpp": '#define GL_GLEXT_PROTOTYPES 1\n#include <GL/glext.h>\n',
        "console/net/bad_server.cpp": '#include "server/storage/store.h"\n',
        # The executable's folders may draw.
        "console/panels/ok.cpp": '#include <imgui.h>\n#include "console/state/app_state.h"\n',
        "console/app/ok.cpp": '#include <GLFW/glfw3.h>\n#include <GL/gl.h>\n',
    }
    expected_bad = sorted(name for name in files if "/bad" in name)
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        violations, _ = check(root)
        flagged = sorted({violation.split(":")[0] for violation in violations})
        ok = flagged == expected_bad and len(violations) == len(expected_bad)
        for name in expected_bad:
            (root / name).unlink()
        clean, _ = check(root)
        ok = ok and not clean
        empty_root = pathlib.Path(folder) / "empty"
        empty_root.mkdir()
        with contextlib.redirect_stderr(io.StringIO()):
            ok = ok and run(empty_root) == 1  # nothing to scan is a failure, not a pass
    if not ok:
        print(f"self-test failed: flagged {flagged}, expected {expected_bad}; after the fixes: {clean}", file=sys.stderr)
        return 1
    print(f"layering self-test: {len(expected_bad)} faults found, clean tree passes, empty tree fails: ok")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(run(pathlib.Path(sys.argv[1])))
