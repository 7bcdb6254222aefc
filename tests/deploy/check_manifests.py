#!/usr/bin/env python3
"""Checks the AWS Copilot manifests in copilot/ and the Dockerfile against the facts they rely on.

    python3 tests/deploy/check_manifests.py [REPO_ROOT]

Copilot itself cannot run here (no AWS account, and the CLI reached end of support in 2026), so
this test reads every manifest and override the way Copilot would and checks what a deploy would
otherwise find out late, or never: the manifest paths and names, service types, keys, duration
units, a valid Fargate cpu/memory pair, the `count` syntax (no `count.min`, no scale-to-zero for
the public API, Spot only beyond the first task), health checks, the order of the shutdown
timers (deregistration delay < SHUTDOWN_GRACE_SECONDS < StopTimeout <= 120 s), the ALB idle
timeout above the generate wait window and below the server's keep-alive timeout, secrets and variables that the server's configuration
(server/config/config.cpp) really reads, and the api/worker split over the PostgreSQL queue.

After checking the real files it checks copies with known mistakes in them, and fails if any of
those copies passes: the test must catch the mistakes it is written for.
Needs python3 and PyYAML (Debian: python3-yaml).
"""

import copy
import os
import re
import shutil
import sys
import tempfile

try:
    import yaml
except ImportError:  # a missing dependency is a failure, not a skip
    sys.exit("check_manifests: PyYAML is missing (Debian: apt-get install python3-yaml)")

REQUIRED_ENVIRONMENTS = ("staging", "production")
REQUIRED_SECRETS = ("GOOGLE_PLACES_API_KEY", "PERPLEXITY_API_KEY", "DATABASE_URL", "API_KEYS")
SERVICE_TYPES = ("Load Balanced Web Service", "Backend Service", "Worker Service")
DEFAULT = "any other environment"
PREDEFINED_VARIABLES = ("COPILOT_APPLICATION_NAME", "COPILOT_ENVIRONMENT_NAME")
SECRET_PATH = "/copilot/${COPILOT_APPLICATION_NAME}/${COPILOT_ENVIRONMENT_NAME}/secrets/"
FARGATE_MAX_STOP_TIMEOUT = 120  # seconds (ECS ContainerDefinition.stopTimeout on Fargate)
SPOT_MAX_DEREGISTRATION = 120   # AWS advice for target groups with Fargate Spot tasks
IDLE_TIMEOUT_MARGIN = 30        # seconds the ALB idle timeout must exceed the wait window by
STOP_TIMEOUT_MARGIN = 10        # seconds StopTimeout must exceed SHUTDOWN_GRACE_SECONDS by

# Top-level manifest keys Copilot knows, per service type (aws/copilot-cli manifest structs).
COMMON_KEYS = {"name", "type", "image", "entrypoint", "command", "cpu", "memory", "platform", "count",
               "exec", "variables", "env_file", "secrets", "storage", "logging", "network", "sidecars",
               "taskdef_overrides", "deployment", "observability", "publish", "environments"}
SERVICE_KEYS = {
    "Load Balanced Web Service": COMMON_KEYS | {"http", "nlb"},
    "Backend Service": COMMON_KEYS | {"http"},
    "Worker Service": COMMON_KEYS | {"subscribe"},
}
ENVIRONMENT_KEYS = {"name", "type", "network", "http", "cdn", "observability"}
COUNT_KEYS = {"range", "cooldown", "cpu_percentage", "memory_percentage", "requests", "response_time",
              "queue_delay", "spot"}
SCALING_METRICS = {
    "Load Balanced Web Service": {"cpu_percentage", "memory_percentage", "requests", "response_time"},
    "Backend Service": {"cpu_percentage", "memory_percentage", "requests", "response_time"},
    "Worker Service": {"cpu_percentage", "memory_percentage", "queue_delay"},
}
HTTP_KEYS = {"path", "alb", "healthcheck", "deregistration_delay", "target_container", "target_port",
             "stickiness", "allowed_source_ips", "alias", "hosted_zone", "redirect_to_https", "version",
             "additional_rules"}


def fargate_memory_choices(cpu):
    """Valid Fargate (Linux) memory sizes in MiB for a task CPU size."""
    table = {
        256: [512, 1024, 2048],
        512: list(range(1024, 4096 + 1, 1024)),
        1024: list(range(2048, 8192 + 1, 1024)),
        2048: list(range(4096, 16384 + 1, 1024)),
        4096: list(range(8192, 30720 + 1, 1024)),
        8192: list(range(16384, 61440 + 1, 4096)),
        16384: list(range(32768, 122880 + 1, 8192)),
    }
    return table.get(cpu)


class CfnLoader(yaml.SafeLoader):
    """A safe loader that also reads CloudFormation short tags (!Ref, !Sub, ...) in patches."""


CfnLoader.add_multi_constructor("!", lambda loader, suffix, node: {"tag": suffix})


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=CfnLoader)


DURATION = re.compile(r"^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$")


def seconds(value):
    """A Go duration string ("30s", "1m30s") in seconds, or None if it is not one."""
    if not isinstance(value, str) or not DURATION.match(value):
        return None
    unit = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}
    return sum(float(n) * unit[u] for n, _, u in re.findall(r"(\d+(\.\d+)?)(ns|us|µs|ms|s|m|h)", value))


def server_variables(root):
    """{name: (default, is_secret)} from documented_variables() in server/config/config.cpp."""
    path = os.path.join(root, "server", "config", "config.cpp")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.find("documented_variables()")
    if start < 0:
        raise RuntimeError(f"{path}: documented_variables() not found")
    # The description may be several adjacent literals (clang-format wraps long ones).
    description = r'"(?:[^"\\]|\\.)*"(?:\s*"(?:[^"\\]|\\.)*")*'
    entries = re.findall(r'\{\s*"([A-Z][A-Z0-9_]*)"\s*,\s*"([^"]*)"\s*,\s*' + description + r'\s*,\s*(true|false)\s*\}',
                         text[start:])
    if not entries:
        raise RuntimeError(f"{path}: no variables found in documented_variables()")
    return {name: (default, secret == "true") for name, default, secret in entries}


def deep_merge(base, override):
    """Copilot's environment override: maps merge key by key, scalars and lists are replaced."""
    if not isinstance(base, dict) or not isinstance(override, dict):
        return copy.deepcopy(override)
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if key == "count":
            merged[key] = merge_count(merged.get(key), value)
        elif key in merged and isinstance(merged[key], dict) and isinstance(value, dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def merge_count(base, override):
    """countTransformer/advancedCountTransformer: an int replaces a map and back; `spot` drops the
    autoscaling fields and autoscaling drops `spot`; a range string and a range map replace each other."""
    if override is None:
        return copy.deepcopy(base)
    if not isinstance(override, dict) or not isinstance(base, dict):
        return copy.deepcopy(override)
    if "spot" in override:
        return {"spot": override["spot"]}
    merged = {k: v for k, v in copy.deepcopy(base).items() if k != "spot"}
    for key, value in override.items():
        if key in merged and isinstance(merged[key], dict) and isinstance(value, dict):
            merged[key] = deep_merge(merged[key], value)  # range maps merge field by field too
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def walk_strings(node, where=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk_strings(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk_strings(value, f"{where}[{index}]")
    elif isinstance(node, str):
        yield where, node


class Checker:
    def __init__(self, root):
        self.root = root
        self.copilot = os.path.join(root, "copilot")
        self.errors = []
        self.config = server_variables(root)

    def error(self, where, message):
        self.errors.append(f"{where}: {message}")

    def rel(self, path):
        return os.path.relpath(path, self.root)

    # ---- helpers over one effective (environment-merged) service manifest -------------------

    def effective_int_variable(self, manifest, name):
        value = (manifest.get("variables") or {}).get(name, self.config.get(name, ("",))[0])
        try:
            return int(value)
        except (TypeError, ValueError):
            return None

    def duration(self, where, value, low=None, high=None):
        s = seconds(value)
        if s is None:
            self.error(where, f"{value!r} is not a duration with a unit such as \"30s\" (a bare number "
                              "would be read as nanoseconds)")
            return None
        if low is not None and s < low:
            self.error(where, f"{value} is below {low} s")
        if high is not None and s > high:
            self.error(where, f"{value} is above {high} s")
        return s

    def dockerfile_facts(self, path):
        with open(path, encoding="utf-8") as f:
            lines = [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]
        stages = [m.group(1).lower() for line in lines
                  for m in [re.match(r"(?i)^FROM\s+\S+\s+AS\s+(\S+)", line)] if m]
        last_stage_start = max((i for i, line in enumerate(lines) if line.upper().startswith("FROM ")), default=0)
        final = lines[last_stage_start:]
        expose = [int(p.split("/")[0]) for line in final if line.upper().startswith("EXPOSE ")
                  for p in line.split()[1:]]
        user = [line.split(None, 1)[1] for line in final if line.upper().startswith("USER ")]
        entry = [line.split(None, 1)[1] for line in final if line.upper().startswith(("ENTRYPOINT ", "CMD "))]
        return {"stages": stages, "expose": expose, "user": user[-1] if user else None, "exec": entry}

    # ---- the checks -------------------------------------------------------------------------

    def run(self):
        if not os.path.isdir(self.copilot):
            self.error("copilot/", "missing")
            return self.errors
        self.check_workspace()
        environments = self.check_environments()
        services = self.check_services(environments)
        self.check_environment_overrides(services)
        self.check_dockerfile()
        return self.errors

    def check_workspace(self):
        path = os.path.join(self.copilot, ".workspace")
        if not os.path.isfile(path):
            self.error("copilot/.workspace", "missing (Copilot records the application name there)")
            return
        summary = load_yaml(path) or {}
        if not isinstance(summary, dict) or not summary.get("application"):
            self.error("copilot/.workspace", "needs `application: <name>`")

    def check_environments(self):
        base = os.path.join(self.copilot, "environments")
        found = []
        if os.path.isdir(base):
            for name in sorted(os.listdir(base)):
                directory = os.path.join(base, name)
                if not os.path.isdir(directory) or name in ("addons", "overrides"):
                    continue
                manifest_path = os.path.join(directory, "manifest.yml")
                where = self.rel(manifest_path)
                if not os.path.isfile(manifest_path):
                    self.error(where, "missing (environment manifests live in copilot/environments/<env>/manifest.yml)")
                    continue
                if os.path.isdir(os.path.join(directory, "addons")):
                    self.error(self.rel(os.path.join(directory, "addons")),
                               "Copilot never reads this; environment addons live in copilot/environments/addons/")
                manifest = load_yaml(manifest_path) or {}
                found.append(name)
                if manifest.get("name") != name:
                    self.error(where, f"name {manifest.get('name')!r} must equal the directory name {name!r}")
                if manifest.get("type") != "Environment":
                    self.error(where, "type must be exactly \"Environment\"")
                for key in set(manifest) - ENVIRONMENT_KEYS:
                    self.error(where, f"unknown key {key!r}")
            self.check_addons(os.path.join(base, "addons"), {"App", "Env"})
        for name in REQUIRED_ENVIRONMENTS:
            if name not in found:
                self.error(f"copilot/environments/{name}/manifest.yml", "missing")
        return found

    def check_addons(self, directory, parameters):
        if not os.path.isdir(directory):
            return
        for name in sorted(os.listdir(directory)):
            if not name.endswith((".yml", ".yaml")) or name.startswith("addons.parameters."):
                continue
            template = load_yaml(os.path.join(directory, name)) or {}
            where = self.rel(os.path.join(directory, name))
            missing = parameters - set((template.get("Parameters") or {}))
            if missing:
                self.error(where, f"addon templates need the parameters {sorted(missing)}")
            if not template.get("Resources"):
                self.error(where, "an addon template needs at least one resource")

    def check_services(self, environments):
        services = {}
        for name in sorted(os.listdir(self.copilot)):
            directory = os.path.join(self.copilot, name)
            if not os.path.isdir(directory) or name in ("environments", "pipelines"):
                continue
            for stray in ("manifest.yaml", "Manifest.yml"):
                if os.path.exists(os.path.join(directory, stray)):
                    self.error(self.rel(os.path.join(directory, stray)), "Copilot reads only manifest.yml")
            manifest_path = os.path.join(directory, "manifest.yml")
            if not os.path.isfile(manifest_path):
                self.error(self.rel(directory), "a service directory without manifest.yml")
                continue
            services[name] = self.check_service(name, manifest_path, environments)
        if not any(s and s["type"] == "Load Balanced Web Service" for s in services.values()):
            self.error("copilot/", "no Load Balanced Web Service: the public API needs one (a Backend Service "
                                   "is not reachable from the internet)")
        self.check_roles(services, environments)
        return services

    def check_service(self, name, manifest_path, environments):
        where = self.rel(manifest_path)
        manifest = load_yaml(manifest_path) or {}
        if manifest.get("name") != name:
            self.error(where, f"name {manifest.get('name')!r} must equal the directory name {name!r}")
        kind = manifest.get("type")
        if kind not in SERVICE_TYPES:
            self.error(where, f"type {kind!r} is not one of {SERVICE_TYPES}")
            return None
        for key in set(manifest) - SERVICE_KEYS[kind]:
            self.error(where, f"unknown key {key!r} for a {kind}")
        overrides = manifest.get("environments") or {}
        for env in overrides:
            if env not in environments:
                self.error(f"{where}: environments.{env}", "no such environment in copilot/environments/")
            for key in set(overrides[env] or {}) - SERVICE_KEYS[kind] - {"name", "type"}:
                self.error(f"{where}: environments.{env}", f"unknown key {key!r}")
        for path, text in walk_strings(manifest):
            for variable in re.findall(r"(?<!\\)\$\{([_a-zA-Z][_a-zA-Z0-9]*)\}", text):
                if variable not in PREDEFINED_VARIABLES:
                    self.error(f"{where}: {path}", f"${{{variable}}} would have to be set in the shell of "
                                                   "whoever deploys (Copilot interpolates it)")
        stop_timeout = self.stop_timeout(name)
        effective = {}
        # DEFAULT: what an environment without an override section gets.
        for env in list(environments) + [DEFAULT]:
            merged = deep_merge({k: v for k, v in manifest.items() if k != "environments"}, overrides.get(env) or {})
            effective[env] = merged
            self.check_effective(f"{where} [{env}]", kind, merged, stop_timeout)
        self.check_addons(os.path.join(os.path.dirname(manifest_path), "addons"), {"App", "Env", "Name"})
        return {"type": kind, "manifest": manifest, "effective": effective, "where": where}

    def stop_timeout(self, name):
        path = os.path.join(self.copilot, name, "overrides", "cfn.patches.yml")
        if not os.path.isfile(path):
            return None
        value = None
        for patch in load_yaml(path) or []:
            if patch.get("op") not in ("add", "replace", "remove"):
                self.error(self.rel(path), f"unsupported op {patch.get('op')!r} (add, replace, remove)")
            if patch.get("path") == "/Resources/TaskDefinition/Properties/ContainerDefinitions/0/StopTimeout":
                value = patch.get("value")
        return value

    def check_effective(self, where, kind, m, stop_timeout):
        image = m.get("image") or {}
        build = image.get("build")
        if image.get("location") and build:
            self.error(f"{where}: image", "build and location are mutually exclusive")
        if isinstance(build, str):
            build = {"dockerfile": build}
        if not isinstance(build, dict) or not build.get("dockerfile"):
            self.error(f"{where}: image.build", "must name the Dockerfile")
        else:
            dockerfile = os.path.normpath(os.path.join(self.root, build["dockerfile"]))
            context = os.path.normpath(os.path.join(self.root, build.get("context", os.path.dirname(build["dockerfile"]))))
            if not os.path.isfile(dockerfile):
                self.error(f"{where}: image.build.dockerfile", f"{build['dockerfile']} does not exist "
                                                                "(paths are relative to the workspace root)")
            elif build.get("target") and build["target"].lower() not in self.dockerfile_facts(dockerfile)["stages"]:
                self.error(f"{where}: image.build.target", f"no stage {build['target']!r} in {build['dockerfile']}")
            if not os.path.isdir(context):
                self.error(f"{where}: image.build.context", f"{build.get('context')} does not exist")
        port = image.get("port")
        if kind == "Load Balanced Web Service" and not isinstance(port, int):
            self.error(f"{where}: image.port", "a Load Balanced Web Service needs the container port")
        variables = m.get("variables") or {}
        listen_port = self.effective_int_variable(m, "PORT")
        if isinstance(port, int) and listen_port != port:
            self.error(f"{where}: image.port", f"{port} but the server listens on PORT={listen_port}")
        self.check_container_healthcheck(where, image.get("healthcheck"), listen_port)

        cpu, memory = m.get("cpu"), m.get("memory")
        choices = fargate_memory_choices(cpu)
        if choices is None:
            self.error(f"{where}: cpu", f"{cpu!r} is not a Fargate task CPU size")
        elif memory not in choices:
            self.error(f"{where}: memory", f"{memory!r} MiB is not valid with cpu {cpu} (Fargate allows {choices})")

        grace = self.effective_int_variable(m, "SHUTDOWN_GRACE_SECONDS")
        wait = self.effective_int_variable(m, "WAIT_SECONDS")
        uses_spot = self.check_count(where, kind, m.get("count"), m)
        if uses_spot and m.get("platform", "linux/x86_64") not in ("linux/x86_64", "linux/amd64"):
            self.error(f"{where}: platform", "Fargate Spot runs only linux/x86_64 tasks")

        if kind == "Load Balanced Web Service" or m.get("http"):
            self.check_http(where, m.get("http"), grace, uses_spot)
        if kind == "Load Balanced Web Service" and wait is None:
            self.error(f"{where}: variables.WAIT_SECONDS", "not an integer")

        if stop_timeout is None:
            self.error(f"{where}", "no overrides/cfn.patches.yml setting ContainerDefinitions/0/StopTimeout: "
                                   "ECS sends SIGKILL 30 s after SIGTERM")
        elif not isinstance(stop_timeout, int) or not 2 <= stop_timeout <= FARGATE_MAX_STOP_TIMEOUT:
            self.error(f"{where}: StopTimeout", f"{stop_timeout!r} must be whole seconds, at most "
                                                f"{FARGATE_MAX_STOP_TIMEOUT} on Fargate")
        elif grace is not None and stop_timeout < grace + STOP_TIMEOUT_MARGIN:
            self.error(f"{where}: StopTimeout", f"{stop_timeout} s leaves no room after SHUTDOWN_GRACE_SECONDS="
                                                f"{grace} (needs at least {grace + STOP_TIMEOUT_MARGIN})")

        for name, value in variables.items():
            if name not in self.config:
                self.error(f"{where}: variables.{name}", "the server reads no such variable (server/config/config.cpp)")
            elif self.config[name][1]:
                self.error(f"{where}: variables.{name}", "is a secret: put it under `secrets`, not in plain text")
            if isinstance(value, (dict, list)) and not (isinstance(value, dict) and set(value) == {"from_cfn"}):
                self.error(f"{where}: variables.{name}", "must be a plain value")
        for name, value in (m.get("secrets") or {}).items():
            if name not in self.config:
                self.error(f"{where}: secrets.{name}", "the server reads no such variable (server/config/config.cpp)")
            elif not self.config[name][1]:
                self.error(f"{where}: secrets.{name}", "the server does not treat it as a secret; use `variables`")
            if name in variables:
                self.error(f"{where}: secrets.{name}", "also set under variables")
            if isinstance(value, str):
                if not value.startswith(SECRET_PATH) and not value.startswith("arn:"):
                    self.error(f"{where}: secrets.{name}", f"{value!r}: expected the SSM parameter "
                                                           f"{SECRET_PATH}<NAME> that `copilot secret init` makes")
            elif not (isinstance(value, dict) and set(value) <= {"secretsmanager", "from_cfn"} and value):
                self.error(f"{where}: secrets.{name}", "must be an SSM parameter name, or {secretsmanager: ...}")
        logging = m.get("logging") or {}
        if set(logging) - {"retention"}:
            self.error(f"{where}: logging", "any key but `retention` switches the service to a FireLens sidecar")

    def check_container_healthcheck(self, where, healthcheck, port):
        if not healthcheck:
            self.error(f"{where}: image.healthcheck", "missing: ECS would not notice a hung server")
            return
        command = healthcheck.get("command") if isinstance(healthcheck, dict) else None
        if not isinstance(command, list) or not command or command[0] not in ("CMD", "CMD-SHELL"):
            self.error(f"{where}: image.healthcheck.command", "must be a list starting with CMD or CMD-SHELL")
            return
        text = " ".join(str(part) for part in command[1:])
        for tool in ("curl", "wget"):
            if re.search(rf"\b{tool}\b", text):
                self.error(f"{where}: image.healthcheck.command", f"the runtime image has no {tool}")
        if "/dev/tcp/" in text:
            if command[0] != "CMD" or command[1] not in ("/bin/bash", "bash"):
                self.error(f"{where}: image.healthcheck.command", "/dev/tcp needs bash (CMD-SHELL runs /bin/sh, dash)")
            probe = re.search(r"/dev/tcp/([^/\s]+)/(\d+)", text)
            if not probe or int(probe.group(2)) != port:
                self.error(f"{where}: image.healthcheck.command", f"must probe the server's port {port}")
            elif probe.group(1) not in ("127.0.0.1", "localhost"):
                self.error(f"{where}: image.healthcheck.command", "must probe loopback")
        if "/healthz" not in text:
            self.error(f"{where}: image.healthcheck.command", "must ask /healthz (liveness, no I/O)")
        interval = self.duration(f"{where}: image.healthcheck.interval", healthcheck.get("interval", "10s"), 5, 300)
        timeout = self.duration(f"{where}: image.healthcheck.timeout", healthcheck.get("timeout", "5s"), 2, 60)
        self.duration(f"{where}: image.healthcheck.start_period", healthcheck.get("start_period", "0s"), 0, 300)
        retries = healthcheck.get("retries", 2)
        if not isinstance(retries, int) or not 1 <= retries <= 10:
            self.error(f"{where}: image.healthcheck.retries", f"{retries!r} must be 1..10")
        if interval and timeout and timeout >= interval:
            self.error(f"{where}: image.healthcheck.timeout", "must be shorter than the interval")

    def check_http(self, where, http, grace, uses_spot):
        if not isinstance(http, dict):
            self.error(f"{where}: http", "a Load Balanced Web Service needs an `http` section (ALB listener rule)")
            return
        for key in set(http) - HTTP_KEYS:
            self.error(f"{where}: http", f"unknown key {key!r} (the ALB idle timeout is an environment override)")
        if not http.get("path"):
            self.error(f"{where}: http.path", "missing")
        health = http.get("healthcheck")
        if isinstance(health, str):
            health = {"path": health}
        if not isinstance(health, dict) or health.get("path") != "/healthz":
            self.error(f"{where}: http.healthcheck.path", "must be /healthz (the default / is not a probe)")
            health = health if isinstance(health, dict) else {}
        if "200" not in str(health.get("success_codes", "200")):
            self.error(f"{where}: http.healthcheck.success_codes", "must accept 200")
        for key in ("healthy_threshold", "unhealthy_threshold"):
            value = health.get(key, 2)
            if not isinstance(value, int) or not 2 <= value <= 10:
                self.error(f"{where}: http.healthcheck.{key}", f"{value!r} must be 2..10")
        interval = self.duration(f"{where}: http.healthcheck.interval", health.get("interval", "30s"), 5, 300)
        timeout = self.duration(f"{where}: http.healthcheck.timeout", health.get("timeout", "5s"), 2, 120)
        if interval and timeout and timeout >= interval:
            self.error(f"{where}: http.healthcheck.timeout", "must be shorter than the interval")
        self.duration(f"{where}: http.healthcheck.grace_period", health.get("grace_period", "60s"), 0, 7200)
        if "deregistration_delay" not in http:
            self.error(f"{where}: http.deregistration_delay", "missing (Copilot's default is 60 s)")
            return
        delay = self.duration(f"{where}: http.deregistration_delay", http["deregistration_delay"], 0, 3600)
        if delay is not None and grace is not None and delay >= grace:
            self.error(f"{where}: http.deregistration_delay", f"{delay:g} s must stay below "
                                                              f"SHUTDOWN_GRACE_SECONDS={grace}")
        if delay is not None and uses_spot and delay >= SPOT_MAX_DEREGISTRATION:
            self.error(f"{where}: http.deregistration_delay", "must stay under 2 minutes with Spot tasks")

    def check_count(self, where, kind, count, m):
        """Returns whether the service may run Spot tasks."""
        if count is None:
            return False
        if isinstance(count, bool) or not isinstance(count, (int, dict)):
            self.error(f"{where}: count", f"{count!r} must be a number or a map")
            return False
        if isinstance(count, int):
            if kind == "Load Balanced Web Service" and count < 1:
                self.error(f"{where}: count", "a public API cannot scale to zero: the ALB answers 503 and "
                                              "nothing starts a task")
            return False
        for key in set(count) - COUNT_KEYS:
            hint = " (write count.range: {min: .., max: ..})" if key in ("min", "max") else ""
            self.error(f"{where}: count.{key}", f"not Copilot syntax{hint}")
        metrics = set(count) & (SCALING_METRICS["Worker Service"] | SCALING_METRICS["Backend Service"])
        for metric in metrics - SCALING_METRICS[kind]:
            self.error(f"{where}: count.{metric}", f"not available for a {kind}")
        if "spot" in count:
            if "range" in count or metrics:
                self.error(f"{where}: count.spot", "cannot be combined with range or autoscaling")
            if kind == "Load Balanced Web Service":
                self.error(f"{where}: count.spot", "would put every API task on Spot: use range.spot_from >= 2")
            if not isinstance(count["spot"], int) or count["spot"] < 1:
                self.error(f"{where}: count.spot", "must be a positive number")
            return True
        if "range" not in count:
            self.error(f"{where}: count", "an autoscaling map needs `range`")
            return False
        if not metrics:
            self.error(f"{where}: count", "`range` needs at least one scaling metric")
        rng = count["range"]
        spot_from = None
        if isinstance(rng, str):
            match = re.match(r"^(\d+)-(\d+)$", rng)
            if not match:
                self.error(f"{where}: count.range", f"{rng!r} must be \"min-max\" or a map")
                return False
            low, high = int(match.group(1)), int(match.group(2))
        elif isinstance(rng, dict):
            for key in set(rng) - {"min", "max", "spot_from"}:
                self.error(f"{where}: count.range.{key}", "unknown key")
            low, high, spot_from = rng.get("min"), rng.get("max"), rng.get("spot_from")
            if not isinstance(low, int) or not isinstance(high, int):
                self.error(f"{where}: count.range", "min and max must be numbers")
                return False
        else:
            self.error(f"{where}: count.range", "must be \"min-max\" or a map")
            return False
        if low > high:
            self.error(f"{where}: count.range", f"min {low} > max {high}")
        if kind == "Load Balanced Web Service":
            if low < 1:
                self.error(f"{where}: count.range.min", "a public API cannot scale to zero (the ALB answers 503, "
                                                         "and target tracking has no datapoints at 0 tasks)")
            for metric in ("cpu_percentage", "requests"):
                if metric not in count:
                    self.error(f"{where}: count.{metric}", "the API scales on CPU and on ALB requests")
            if spot_from is None:
                self.error(f"{where}: count.range.spot_from", "missing: tasks beyond the first run on Fargate Spot")
        if spot_from is not None:
            if not isinstance(spot_from, int) or spot_from < 1:
                self.error(f"{where}: count.range.spot_from", f"{spot_from!r} must be a positive number")
            elif kind == "Load Balanced Web Service" and spot_from < 2:
                self.error(f"{where}: count.range.spot_from", "the first API task must run on regular Fargate")
        cooldown = count.get("cooldown") or {}
        for key in set(cooldown) - {"in", "out"}:
            self.error(f"{where}: count.cooldown.{key}", "unknown key (in, out)")
        for key in ("in", "out"):
            if key in cooldown:
                self.duration(f"{where}: count.cooldown.{key}", cooldown[key], 0, 3600)
        if "response_time" in count and not isinstance(count["response_time"], dict):
            self.duration(f"{where}: count.response_time", count["response_time"], 0, 3600)
        for metric in ("cpu_percentage", "memory_percentage"):
            value = count.get(metric)
            value = value.get("value") if isinstance(value, dict) else value
            if metric in count and (not isinstance(value, int) or not 1 <= value <= 100):
                self.error(f"{where}: count.{metric}", f"{value!r} must be a percentage 1..100")
        return spot_from is not None

    def check_roles(self, services, environments):
        """The api queues jobs that only `--role worker` (or `all`) instances run; they share PostgreSQL."""
        for env in list(environments) + [DEFAULT]:
            roles = {}
            for name, service in services.items():
                if not service:
                    continue
                m = service["effective"][env]
                command = m.get("command") or ["serve"]
                if isinstance(command, str):
                    command = command.split()
                role = (m.get("variables") or {}).get("SERVE_ROLE", "all")
                if "--role" in command and command.index("--role") + 1 < len(command):
                    role = command[command.index("--role") + 1]
                if not command or command[0] != "serve":
                    self.error(f"{service['where']} [{env}]: command", "must run `serve`")
                if role not in ("all", "api", "worker"):
                    self.error(f"{service['where']} [{env}]: command", f"unknown role {role!r}")
                roles[name] = role
                if service["type"] == "Load Balanced Web Service" and role == "worker":
                    self.error(f"{service['where']} [{env}]: command", "a worker serves no API behind the ALB")
                if service["type"] != "Load Balanced Web Service" and role in ("all", "api"):
                    self.error(f"{service['where']} [{env}]: command", "only the public service serves the API")
                secrets = m.get("secrets") or {}
                if role in ("api", "worker") and "DATABASE_URL" not in secrets:
                    self.error(f"{service['where']} [{env}]: secrets", "role api/worker share the PostgreSQL queue: "
                                                                       "DATABASE_URL is required")
                self.check_supabase(f"{service['where']} [{env}]", m.get("variables") or {}, secrets)
                if service["type"] == "Load Balanced Web Service" and "API_KEYS" not in secrets:
                    self.error(f"{service['where']} [{env}]: secrets", "API_KEYS is required: without it the "
                                                                       "server binds 127.0.0.1 and the ALB cannot reach it")
            if "api" in roles.values() and not any(r in ("worker", "all") for r in roles.values()):
                self.error(f"copilot/ [{env}]", "a service runs --role api but none runs the jobs (--role worker)")
            named = set()
            for service in services.values():
                if service:
                    named |= set(service["effective"][env].get("secrets") or {})
            for secret in REQUIRED_SECRETS:
                if secret not in named:
                    self.error(f"copilot/ [{env}]", f"no service receives the secret {secret}")

    def check_supabase(self, where, variables, secrets):
        """What the server checks at start about SUPABASE_* (server/config/supabase_auth.cpp)."""
        url = variables.get("SUPABASE_URL")
        if "SUPABASE_JWT_SECRET" in secrets and not url:
            self.error(f"{where}: variables", "SUPABASE_JWT_SECRET needs SUPABASE_URL: the server refuses to start")
        if url is not None and not str(url).startswith("https://"):
            self.error(f"{where}: variables.SUPABASE_URL", f"{url!r}: the JWKS must be fetched over https://")

    def check_environment_overrides(self, services):
        path = os.path.join(self.copilot, "environments", "overrides", "cfn.patches.yml")
        where = self.rel(path)
        wait = max((self.effective_int_variable(s["effective"][env], "WAIT_SECONDS") or 0
                    for s in services.values() if s and s["type"] == "Load Balanced Web Service"
                    for env in s["effective"]), default=int(self.config["WAIT_SECONDS"][0]))
        if not os.path.isfile(path):
            self.error(where, f"missing: the ALB idle timeout (60 s by default) must exceed WAIT_SECONDS={wait}")
            return
        idle = None
        for patch in load_yaml(path) or []:
            if patch.get("op") not in ("add", "replace", "remove"):
                self.error(where, f"unsupported op {patch.get('op')!r}")
            target = patch.get("path", "")
            value = patch.get("value")
            if target.startswith("/Resources/PublicLoadBalancer/Properties/LoadBalancerAttributes"):
                items = value if isinstance(value, list) else [value]
                for item in items:
                    if isinstance(item, dict) and item.get("Key") == "idle_timeout.timeout_seconds":
                        if not isinstance(item.get("Value"), str):
                            self.error(where, "LoadBalancerAttributes values are strings: quote the number")
                        idle = int(item.get("Value"))
        if idle is None:
            self.error(where, "no idle_timeout.timeout_seconds attribute on PublicLoadBalancer")
        elif not wait + IDLE_TIMEOUT_MARGIN <= idle <= 4000:
            self.error(where, f"idle timeout {idle} s must be at least WAIT_SECONDS={wait} + {IDLE_TIMEOUT_MARGIN} s "
                              "(and at most 4000)")
        if idle is None:
            return
        # The ALB reuses idle connections to its targets; if the server closes one first, a request
        # the ALB sends on it at that moment fails with 502 (ALB attributes doc). So every service
        # behind the ALB keeps idle connections open longer than the ALB does.
        for name, s in services.items():
            if not s or s["type"] != "Load Balanced Web Service":
                continue
            for env in s["effective"]:
                keep_alive = self.effective_int_variable(s["effective"][env], "HTTP_KEEP_ALIVE_SECONDS")
                if keep_alive is None or keep_alive <= idle:
                    self.error(f"copilot/{name}/manifest.yml [{env}]",
                               f"HTTP_KEEP_ALIVE_SECONDS={keep_alive} must exceed the ALB idle timeout ({idle} s), "
                               "or the ALB may send a request on a connection the server is closing (502)")

    def check_dockerfile(self):
        path = os.path.join(self.root, "Dockerfile")
        if not os.path.isfile(path):
            self.error("Dockerfile", "missing")
            return
        facts = self.dockerfile_facts(path)
        if 8080 not in facts["expose"]:
            self.error("Dockerfile", "the final stage must EXPOSE 8080")
        if facts["user"] in (None, "root", "0", "0:0"):
            self.error("Dockerfile", "the final stage must switch to a non-root USER")
        if not facts["exec"] or not all(e.startswith("[") for e in facts["exec"]):
            self.error("Dockerfile", "ENTRYPOINT/CMD must use the exec form (the server is PID 1 and gets SIGTERM)")
        ignore = os.path.join(self.root, ".dockerignore")
        if not os.path.isfile(ignore):
            self.error(".dockerignore", "missing")
        else:
            with open(ignore, encoding="utf-8") as f:
                patterns = {line.strip() for line in f if line.strip() and not line.startswith("#")}
            for needed in (".git", "build", "**/*.db"):
                if needed not in patterns:
                    self.error(".dockerignore", f"should exclude {needed}")


# ---- mutation cases: copies of the files with one known mistake each -------------------------

def edit_yaml(relative, change):
    def apply(root):
        path = os.path.join(root, relative)
        data = load_yaml(path)
        change(data)
        with open(path, "w", encoding="utf-8") as f:
            yaml.safe_dump(data, f, sort_keys=False)
    return apply


def move(source, target):
    def apply(root):
        os.makedirs(os.path.dirname(os.path.join(root, target)), exist_ok=True)
        shutil.move(os.path.join(root, source), os.path.join(root, target))
    return apply


def edit_text(relative, old, new):
    def apply(root):
        path = os.path.join(root, relative)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if old not in text:
            raise KeyError(f"{old!r} not in {relative}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))
    return apply


def set_path(data, dotted, value):
    keys = dotted.split(".")
    for key in keys[:-1]:
        data = data.setdefault(key, {})
    if value is _DELETE:
        data.pop(keys[-1], None)
    else:
        data[keys[-1]] = value


_DELETE = object()
API = "copilot/api/manifest.yml"
WORKER = "copilot/worker/manifest.yml"


def api_set(dotted, value):
    return edit_yaml(API, lambda d: set_path(d, dotted, value))


MUTATIONS = [
    ("api as a Backend Service", api_set("type", "Backend Service")),
    ("count.min: 0 (not Copilot syntax)", api_set("count", {"min": 0, "max": 4, "cpu_percentage": 70})),
    ("public API scaling to zero", api_set("count.range.min", 0)),
    ("production API scaling to zero", api_set("environments.production.count.range.min", 0)),
    ("all API tasks on Spot", api_set("count", {"spot": 2})),
    ("first API task on Spot", api_set("count.range.spot_from", 1)),
    ("no request-based scaling", api_set("count.requests", _DELETE)),
    ("invalid Fargate pair", api_set("memory", 4096)),
    ("invalid Fargate pair in production", api_set("environments.production.cpu", 1024)),
    ("duration without unit", api_set("http.deregistration_delay", 20)),
    ("deregistration delay above the grace", api_set("http.deregistration_delay", "30s")),
    ("ALB health check on /", api_set("http.healthcheck.path", "/")),
    ("missing Dockerfile", api_set("image.build.dockerfile", "./server/Dockerfile")),
    ("unknown build target", api_set("image.build.target", "final")),
    ("wrong port", api_set("image.port", 80)),
    ("curl health check", api_set("image.healthcheck.command", ["CMD-SHELL", "curl -f localhost:8080/healthz"])),
    ("secret not read by the server", api_set("secrets.GOOGLE_API_KEY", "/copilot/x/y/secrets/GOOGLE_API_KEY")),
    ("secret in plain text", api_set("variables.API_KEYS", "k:app")),
    ("variable the server does not read", api_set("variables.WAIT_SECS", 60)),
    ("no API_KEYS for the public API", api_set("secrets.API_KEYS", _DELETE)),
    ("shell variable in a manifest", api_set("secrets.DATABASE_URL", "/copilot/${APP}/prod/secrets/DATABASE_URL")),
    ("Supabase JWT secret without SUPABASE_URL", api_set("variables.SUPABASE_URL", _DELETE)),
    ("SUPABASE_URL over plain HTTP", api_set("environments.production.variables.SUPABASE_URL",
                                             "http://abcd.supabase.co")),
    ("override for an unknown environment", api_set("environments.prod", {"cpu": 512})),
    ("idle timeout key in the service", api_set("http.idle_timeout", "120s")),
    ("wait window above the idle timeout", api_set("variables.WAIT_SECONDS", 100)),
    ("keep-alive shorter than the ALB idle timeout", api_set("variables.HTTP_KEEP_ALIVE_SECONDS", 60)),
    ("keep-alive left at the server default", api_set("variables.HTTP_KEEP_ALIVE_SECONDS", _DELETE)),
    ("grace above StopTimeout", api_set("variables.SHUTDOWN_GRACE_SECONDS", 35)),
    ("manifest name differs from directory", api_set("name", "web")),
    ("worker serving the API", edit_yaml(WORKER, lambda d: set_path(d, "command", ["serve", "--role", "api"]))),
    ("queue-based scaling on a Backend Service", edit_yaml(WORKER, lambda d: set_path(
        d, "count.queue_delay", {"acceptable_latency": "1m", "msg_processing_time": "10s"}))),
    ("no service runs the jobs", move(WORKER, "copilot/worker.off/manifest.yml")),
    ("no StopTimeout override", move("copilot/api/overrides/cfn.patches.yml", "copilot/api/overrides.off/cfn.patches.yml")),
    ("StopTimeout above the Fargate maximum", edit_yaml("copilot/worker/overrides/cfn.patches.yml",
                                                        lambda d: d[0].update(value=300))),
    ("idle timeout not above the wait window", edit_yaml("copilot/environments/overrides/cfn.patches.yml",
                                                         lambda d: d[0]["value"].update(Value="60"))),
    ("image running as root", edit_text("Dockerfile", "USER 10001:10001", "USER root")),
    ("shell-form entrypoint", edit_text("Dockerfile", 'ENTRYPOINT ["/usr/local/bin/narrando-server"]',
                                        "ENTRYPOINT /usr/local/bin/narrando-server")),
    ("environment manifest at the wrong path", move("copilot/environments/staging/manifest.yml",
                                                    "copilot/staging/manifest.yml")),
    ("environment type misspelt", edit_yaml("copilot/environments/production/manifest.yml",
                                            lambda d: d.update(type="Environments"))),
    ("environment addons in a per-environment folder", lambda root: os.makedirs(
        os.path.join(root, "copilot/environments/production/addons"))),
]


def self_test(root):
    """Each mutation must make the checker fail; returns the mutations it missed."""
    missed = []
    with tempfile.TemporaryDirectory(prefix="check_manifests.") as scratch:
        for description, mutate in MUTATIONS:
            copy_root = os.path.join(scratch, "tree")
            shutil.rmtree(copy_root, ignore_errors=True)
            shutil.copytree(os.path.join(root, "copilot"), os.path.join(copy_root, "copilot"))
            os.makedirs(os.path.join(copy_root, "server", "config"))
            shutil.copy(os.path.join(root, "server", "config", "config.cpp"), os.path.join(copy_root, "server", "config"))
            for name in ("Dockerfile", ".dockerignore"):
                shutil.copy(os.path.join(root, name), copy_root)
            try:
                mutate(copy_root)
            except (OSError, KeyError, IndexError, TypeError, AttributeError) as failure:
                missed.append(f"{description} (could not apply: {failure!r})")
                continue
            if not Checker(copy_root).run():
                missed.append(description)
    return missed


def main(argv):
    root = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
    errors = Checker(root).run()
    for message in errors:
        print(f"FAIL {message}")
    if errors:
        print(f"{len(errors)} problem(s) in the deployment files")
        return 1
    missed = self_test(root)
    for description in missed:
        print(f"FAIL self-test: a copy with this mistake passed the checks: {description}")
    if missed:
        return 1
    print(f"deployment files OK ({len(MUTATIONS)} known mistakes caught)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
