# The Narrando server image: built and unit-tested on Debian 12, shipped on Debian 12 slim.
#
#   docker build -t narrando-server .
#   docker run --rm -p 8080:8080 -e API_KEYS=<key>:app,<key>:editor narrando-server
#
# Without API_KEYS the server runs in development mode and listens on 127.0.0.1 only, so it is
# reachable from inside the container's network namespace but not through a published port.
# Production sets API_KEYS (and DATABASE_URL); see the README's "Deploy" section.
# Nothing is downloaded at build time except Debian packages.

FROM debian:bookworm AS build
# The same dependency script as CI, copied alone first so the package layer stays cached. Its
# --build list has every -dev package the server needs (libcli11-dev for the command line too).
COPY scripts/install-deps.sh /src/scripts/install-deps.sh
RUN /src/scripts/install-deps.sh --build && apt-get clean && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# Warnings are errors, as in CI. Release, at the optimisation level CI builds and tests (-O2;
# GCC 12's -O3 also raises false -Wrestrict warnings on `"literal" + std::string`).
# Only the `unit` tests run here: `db` tests need PostgreSQL, `gui` tests need Xvfb, and the
# `source` checks (deploy_manifests, layering) read files that are not in the build context, with
# python3, which the builder does not have.
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
      -DNARRANDO_WERROR=ON \
      -DNARRANDO_BUILD_CONSOLE=OFF -DNARRANDO_BUILD_BENCH=OFF -DNARRANDO_BUILD_TESTS=ON \
 && cmake --build /build -j"$(nproc)"
RUN ctest --test-dir /build -L unit --output-on-failure -j"$(nproc)" \
 && strip --strip-unneeded /build/bin/narrando-server

FROM debian:bookworm-slim AS runtime
# Runtime libraries only (the --runtime list of the same script), then no apt lists or caches.
COPY scripts/install-deps.sh /tmp/install-deps.sh
RUN /tmp/install-deps.sh --runtime \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/install-deps.sh \
 && useradd --system --uid 10001 --user-group --home-dir /var/lib/narrando --no-create-home \
      --shell /usr/sbin/nologin narrando \
 && install -d -o 10001 -g 10001 -m 0750 /var/lib/narrando
# The binary is self-contained apart from shared libraries: the places data set, the walking
# graphs (data/walking/), the OpenAPI document and the SQL migrations are compiled in.
COPY --from=build /build/bin/narrando-server /usr/local/bin/narrando-server
# Fail the build if a shared library is missing or the configuration cannot be read.
RUN if ldd /usr/local/bin/narrando-server | grep 'not found'; then exit 1; fi \
 && /usr/local/bin/narrando-server config >/dev/null

# PORT: the ALB target port. LOG_FORMAT=json: one JSON object per line on stdout (CloudWatch).
# NARRANDO_DB: the SQLite file used only when DATABASE_URL is unset, in a directory the
# non-root user owns (not persistent: a task's disk goes away with the task).
ENV PORT=8080 \
    LOG_FORMAT=json \
    NARRANDO_DB=/var/lib/narrando/narrando.db
WORKDIR /var/lib/narrando
# Numeric, so runtimes that check "non-root" without reading /etc/passwd accept it.
USER 10001:10001
EXPOSE 8080
# The default; ECS sends it, waits stopTimeout, then SIGKILL. The binary handles it as PID 1
# (exec form, no shell in between): stops accepting, lets jobs finish within
# SHUTDOWN_GRACE_SECONDS, re-queues the rest, exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/narrando-server"]
CMD ["serve"]
