#!/usr/bin/env python3
"""The include rules of style.md §1 and §7, checked on the sources (ctest: layering).

  - console/state and console/net never include ImGui, GLFW or OpenGL headers: they are
    console_core, unit-tested without a window;
  - shared/ includes nothing from server/ or console/;
  - server/ and console/ never include each other: they talk over HTTP only;
  - inside server/, includes point down (SERVER_RANKS below): cli above http and replay, those
    above wiring (the composition root: every layer but its users), wiring above service, service
    above jobs, jobs above pipeline, pipeline above clients, offline and storage, and config and
    support as leaves. Layers of one rank are peers and do not include each other. Two
    exceptions: clients/ and offline/ implement the pipeline's ports (PIPELINE_PORTS), and http/
    reaches the pipeline, its providers and the wiring only through the services (HTTP_SKIPS).

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


# Who may include whom inside server/: a layer includes only layers of a lower rank. Files directly
# in server/ count as layers of their own (main.cpp, the wiring's executable; errors.h, a leaf).
SERVER_RANKS = {
    "main.cpp": 10,
    "cli": 9,
    "http": 8, "replay": 8,
    "wiring": 7,
    "service": 6, "auth": 6,
    "jobs": 5,
    "pipeline": 4,
    "clients": 3, "offline": 3, "storage": 3,
    "config": 2,
    "support": 1, "errors.h": 1,
}
# The pipeline's ports: the interfaces its stages call (and the run context's concurrent calls),
# which the providers in clients/ and offline/ implement.
PIPELINE_PORTS = {"server/pipeline/interfaces.h", "server/pipeline/concurrent_calls.h"}
PORT_IMPLEMENTERS = {"clients", "offline"}
# Layers below http that it must not reach around the services.
HTTP_SKIPS = {"wiring", "pipeline", "clients", "offline"}


def server_layer(path):
    """The server layer of a path under server/ ('http', 'main.cpp'), or None outside server/."""
    parts = path.parts
    if len(parts) < 2 or parts[0] != "server":
        return None
    return parts[1]


def server_direction(source, header):
    """Why `source` may not include `header` by the server's internal direction, or None."""
    header_path = pathlib.PurePosixPath(header)
    mine, theirs = server_layer(source), server_layer(header_path)
    if mine is None or theirs is None or mine == theirs:
        return None
    for layer in (mine, theirs):
        if layer not in SERVER_RANKS:
            return f"server/{layer} is no known layer: give it a rank in tests/layering (SERVER_RANKS)"
    if mine in PORT_IMPLEMENTERS and header in PIPELINE_PORTS:
        return None
    if mine == "http" and theirs in HTTP_SKIPS:
        return f"http reaches {theirs}/ only through the application services (server/service)"
    if SERVER_RANKS[theirs] == SERVER_RANKS[mine]:
        return f"server/{mine} and server/{theirs} are peers: neither includes the other"
    if SERVER_RANKS[theirs] > SERVER_RANKS[mine]:
        return f"back-edge: server/{mine} is below server/{theirs}"
    return None


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
    if top == "server":
        return server_direction(source, header)
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
    for layer in SERVER_RANKS:
        if not layer.endswith((".h", ".cpp")):
            scanned["server/" + layer] = len(sources(root, "server/" + layer))
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
        # The server's own direction.
        "server/http/ok_service.cpp": '#include "server/service/read_service.h"\n#include "server/storage/store.h"\n',
        "server/http/bad_pipeline.cpp": '#include "server/pipeline/pipeline.h"\n',
        "server/replay/ok.cpp": '#include "server/wiring/providers.h"\n#include "server/clients/pricing.h"\n',
        "server/replay/bad_cli.cpp": '#include "server/cli/commands.h"\n',
        "server/replay/bad_http.cpp": '#include "server/http/routes.h"\n',
        "server/wiring/bad_http.cpp": '#include "server/http/api_context.h"\n',
        "server/service/ok.cpp": '#include "server/jobs/job_board.h"\n#include "server/config/config.h"\n',
        "server/pipeline/bad_jobs.cpp": '#include "server/jobs/job_runner.h"\n',
        "server/clients/ok_port.cpp": '#include "server/pipeline/interfaces.h"\n#include "server/errors.h"\n',
        "server/clients/bad_pipeline.cpp": '#include "server/pipeline/pipeline.h"\n',
        "server/clients/bad_peer.cpp": '#include "server/storage/store.h"\n',
        "server/config/bad_clients.cpp": '#include "server/clients/base_url.h"\n',
        "server/config/ok.cpp": '#include "server/support/secrets.h"\n',
        "server/support/bad_config.cpp": '#include "server/config/config.h"\n',
        "server/bad_unknown/x.cpp": '#include "server/support/log.h"\n',
        "server/main.cpp": '#include "server/cli/cli.h"\n',
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
