# syntax=docker/dockerfile:1
# Build stage: compile TypeScript and native modules (sqlite3), then drop dev dependencies.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
# `npm ci` runs the `prepare` script, which compiles src/ to dist/.
RUN npm ci && npm prune --omit=dev

# Run stage: production dependencies, compiled code, the catalogue and prompts; non-root.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    CLAIMS_DIR=/app/claims \
    STORE_URL=sqlite:///data/claimdesk.sqlite
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY prompts ./prompts
# Every language fact (lang/<id>/language.yaml, cues.yaml): read by the server and its workers.
COPY lang ./lang
# The catalogue is baked in; mount another directory and set CLAIMS_DIR to override it.
COPY claims ./claims
COPY sources ./sources
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The same compiled entry point as `npm start`.
CMD ["node", "dist/src/main.js"]
