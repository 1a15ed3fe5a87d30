# Wraps a prebuilt allspark-node binary in a slim Debian image (the pattern Parity uses for its
# own images): build the binary first, put it in the build context, then
#   cp target/production/allspark-node docker/context/ && \
#   docker build -f docker/injected.Dockerfile -t allspark/node docker/context

FROM docker.io/library/debian:bookworm-slim
# The node loads the system's root certificates at start (TLS for telemetry and HTTP clients).
RUN apt-get update \
	&& DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates \
	&& rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 --home-dir /allspark allspark \
	&& mkdir -p /data \
	&& chown -R allspark:allspark /data
# Copied after the package layers, executable as copied: the binary is stored once.
COPY --chmod=0755 allspark-node /usr/local/bin/allspark-node
RUN /usr/local/bin/allspark-node --version
USER allspark
# p2p, JSON-RPC (WebSocket and HTTP), Prometheus
EXPOSE 30333 9944 9615
VOLUME ["/data"]
ENTRYPOINT ["/usr/local/bin/allspark-node"]
CMD ["--base-path", "/data", "--chain", "dev"]
