# Assay server image: the API, OTLP collector and dashboard on one port.
# For a team server use docker-compose.yml (ClickHouse + Postgres + Assay).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
COPY apps ./apps
COPY collector ./collector
COPY evals ./evals
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
ENV HOST=0.0.0.0 \
    PORT=4318 \
    ASSAY_DATA_DIR=/data
VOLUME /data
EXPOSE 4318 4317
CMD ["node", "apps/server/bin/assay.js", "serve"]
