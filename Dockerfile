# syntax=docker/dockerfile:1
# Builds pk-companion and runs it as an unprivileged user. No secrets are baked in: pass DISCORD_TOKEN,
# TOKEN_ENCRYPTION_KEY etc. at run time (`docker run --env-file .env -v pk-data:/app/data pk-companion`).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# sqlite3 compiles from source on install.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json tsconfig.image.json ./
# The bot alone: the preview, the bench and the stand-ins they run on need a full checkout.
COPY src ./src
COPY commands ./commands
RUN npx tsc -p tsconfig.image.json && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HEALTH_PORT=8080
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist/src ./dist/src
COPY --from=build --chown=node:node /app/dist/commands ./dist/commands
COPY --chown=node:node package.json ./
# The chart fonts, found next to dist/ (src/render/charts/fonts.ts).
COPY --chown=node:node assets ./assets
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
# The slim image has no curl: Node's own fetch asks /healthz.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HEALTH_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node directly (the entrypoint execs it): it stops taking work, drains, then exits.
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
