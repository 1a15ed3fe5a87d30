# The indexer's image (indexer/README.md): the processor and the GraphQL server, one image, the
# command choosing which (docker/docker-compose.yml's `indexer` and `graphql` services).
#   docker build -f docker/indexer.Dockerfile -t allspark/indexer .
FROM node:20-bookworm-slim
WORKDIR /indexer
COPY indexer/package.json indexer/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY indexer/tsconfig.json indexer/schema.graphql indexer/typegen.json ./
COPY indexer/src ./src
COPY indexer/db ./db
RUN npm run build && npm prune --omit=dev
ENV NODE_ENV=production
EXPOSE 4350
CMD ["node", "lib/main.js"]
