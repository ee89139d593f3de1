# syntax=docker/dockerfile:1
#
# Herald's image, used by docker-compose.yml for the API, the worker and the migrations.
#
# A build stage compiles the TypeScript sources to dist/ (`npm run build`); the image runs that
# JavaScript (`node dist/bin/cli.js`), which starts faster and holds ~20 MB less than running the
# sources through tsx. The Temporal worker's workflow bundle (webpack, a dependency of
# @temporalio/worker) is built once at image build time into .data/workflow-bundles, so the
# worker never runs webpack. The image carries dist/, that bundle and the production
# node_modules, and nothing else.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- dependencies -------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app

# @scarf/scarf (pulled in by swagger-ui-dist) reports installs from its install script.
ENV SCARF_ANALYTICS=false

COPY package.json package-lock.json ./

# npm 10, the one that ships with Node 20, ignores package.json's `allowScripts` (an npm 11
# field) and runs every install script. That is what we want here: esbuild (tsx), @swc/core
# (the worker's bundler) and protobufjs (Temporal's client) need theirs. No compiler is
# needed: their native parts are prebuilt packages already pinned in the lockfile.
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# --- build: TypeScript to dist/ ---------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY scripts ./scripts
COPY lib ./lib
COPY db ./db
COPY migrations ./migrations
COPY rules ./rules
COPY domain ./domain
COPY channels ./channels
COPY activities ./activities
COPY workflows ./workflows
COPY temporal ./temporal
COPY api ./api
RUN npm run build
# The console (React + Vite), built from its sources and the SDK's; served by the API at /console.
COPY sdk ./sdk
COPY console ./console
RUN npm run console:build

# --- runtime ------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app

# Everything stays owned by root: the `node` user can read the app but not change it.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/console/dist ./console/dist

# The workflow bundle, built now so the worker never runs webpack (see temporal/workflowBundle.ts).
RUN node -e "require('./dist/temporal/workflowBundle.js').ensureWorkflowBundle().then((b) => console.log(b.codePath))"

USER node
EXPOSE 3000

# docker-compose.yml runs the same image with `node dist/bin/cli.js worker` and
# `node dist/bin/cli.js migrate latest`.
CMD ["node", "dist/bin/cli.js", "serve"]
