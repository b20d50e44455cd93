# syntax=docker/dockerfile:1
# One image for the API and the worker (target `app`), one nginx image for the web app (target `web`).
#   docker compose up --build          (see docker-compose.yml)

# Node 24 LTS (supported until April 2028); `npm start` and `npm test` still run on Node 20.
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- pnpm on Node 24 ------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
RUN npm install -g pnpm@12.21.0 && pnpm --version
WORKDIR /app
ENV CI=true

# ---- the workspace manifests only, so dependency layers are cached until a manifest changes --------
FROM base AS manifests
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY packages/db/package.json packages/db/
COPY packages/shared/package.json packages/shared/

# ---- every dependency, and the web build ---------------------------------------------------------
FROM manifests AS build
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @crm/web build
# The API, the worker and the packages they use, compiled to JavaScript (each package's dist/).
RUN node scripts/build-server.mjs

# ---- production dependencies + the compiled API and worker (no TypeScript compiler at run time) --
FROM manifests AS prod
RUN pnpm install --frozen-lockfile --prod
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/worker/dist apps/worker/dist
COPY --from=build /app/packages/db/dist packages/db/dist
COPY --from=build /app/packages/shared/dist packages/shared/dist
COPY --from=build /app/apps/web/dist apps/web/dist

# ---- runtime: API (default) or worker ------------------------------------------------------------
FROM ${NODE_IMAGE} AS app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    WEB_DIST=/app/apps/web/dist
WORKDIR /app
COPY --from=prod --chown=node:node /app /app
USER node
WORKDIR /app/apps/api
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The worker: working_dir /app/apps/worker, same command (see docker-compose.yml). The condition
# resolves @crm/db and @crm/shared to their compiled code (scripts/build-server.mjs).
CMD ["node", "--conditions=crm-build", "dist/main.js"]

# ---- web: nginx serving the built SPA and proxying the API ---------------------------------------
FROM nginx:1.27-alpine AS web
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD wget -q -O /dev/null http://127.0.0.1/ || exit 1
