# syntax=docker/dockerfile:1
# The bot as a container: the same steps as README.md "Production start" (a test checks they match).
#   docker build -t astana-talks-bot .
#   docker run -d --env-file .env --restart unless-stopped astana-talks-bot
# or: docker compose up -d (compose.yaml)

# ---- build: all dependencies, TypeScript → dist/ ----------------------------------------------
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies and dist/ only, as the unprivileged `node` user ----------
FROM node:20-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
# Health and metrics inside the container only; publish the port to reach them (see compose.yaml).
ENV HEALTH_PORT=8080 HEALTH_HOST=0.0.0.0
EXPOSE 8080
# No curl in slim images: node's own fetch. 503 until the gateway is ready.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.HEALTH_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# One process, one shard. Sharded: docker run … astana-talks-bot node dist/shard.js
CMD ["node", "dist/index.js"]
