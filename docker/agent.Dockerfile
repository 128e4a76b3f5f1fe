# syntax=docker/dockerfile:1
# dc-agent, the subcloud agent. Build from the repository root:
#   docker build -f docker/agent.Dockerfile -t dual-stack-dc/agent .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ENV CI=true
# Node 20's bundled corepack predates the keys pnpm 12 is signed with; a current corepack knows them.
RUN npm install -g corepack@0.36.0 && corepack enable && corepack prepare pnpm@12.4.2 --activate
WORKDIR /app
COPY . .
RUN --mount=type=cache,id=dc-pnpm-store,target=/pnpm-store \
    pnpm install --frozen-lockfile --store-dir /pnpm-store
RUN pnpm run build
# Drop dev dependencies (TypeScript, tsx, lint) from node_modules; the store cache makes this offline.
RUN --mount=type=cache,id=dc-pnpm-store,target=/pnpm-store \
    pnpm install --prod --frozen-lockfile --offline --store-dir /pnpm-store

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DC_HEALTH_TARGET=127.0.0.1:50051 \
    DC_TLS_DIR=/etc/dc/tls
RUN groupadd --system --gid 10001 dc \
    && useradd --system --uid 10001 --gid dc --no-create-home --shell /usr/sbin/nologin dc \
    && install -d -o dc -g dc /var/lib/dc-agent
WORKDIR /app
# pnpm's node_modules links are relative, so the tree works as long as it stays at /app.
COPY --from=build /app /app
USER dc
EXPOSE 50051
VOLUME ["/var/lib/dc-agent"]
# TLS: mount server.crt, server.key and ca.crt (from dc-pki) at /etc/dc/tls; the entrypoint serves
# mutual TLS from them or stops naming the missing ones, and the health check calls with them.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "docker/healthcheck.mjs"]
ENTRYPOINT ["node", "docker/entrypoint.mjs", "agent"]
CMD ["--listen", "[::]:50051", "--state-dir", "/var/lib/dc-agent"]
