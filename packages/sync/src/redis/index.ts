// Redis integrations of @mallkit/sync (ioredis is an optional peer).
