# Assay server image: the API, OTLP collector and dashboard on one port.
# For a team server use docker-compose.yml (ClickHouse + Postgres + Assay).

# The dashboard is a static export: build it with the dev dependencies
# (Next.js, React), then ship only its files.
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
COPY apps ./apps
COPY collector ./collector
COPY evals ./evals
COPY examples ./examples
RUN npm ci --no-audit --no-fund && NEXT_TELEMETRY_DISABLED=1 npm run build -w @assay/web

FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
COPY apps ./apps
COPY collector ./collector
COPY evals ./evals
COPY examples ./examples
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=web /app/apps/web/out ./apps/web/out
ENV HOST=0.0.0.0 \
    PORT=4318 \
    ASSAY_DATA_DIR=/data
VOLUME /data
EXPOSE 4318 4317
CMD ["node", "--max-semi-space-size=64", "apps/server/bin/assay.js", "serve"]
