import type { FastifyInstance } from 'fastify';
import type { Mall } from '../app/Mall.ts';

/** Liveness, readiness (Redis and database reachable) and Prometheus metrics. */
export function opsRoutes(app: FastifyInstance, mall: Mall): void {
  app.get('/health', { schema: { tags: ['ops'], summary: 'The process is up' } }, async () => ({
    status: 'ok',
    instance: mall.config.instance,
    mode: mall.stack.mode,
  }));
  app.get(
    '/ready',
    { schema: { tags: ['ops'], summary: 'Redis and the database answer' } },
    async (_request, reply) => {
      const probe = await mall.stack.probe();
      const breakers = [mall.guards.db, mall.guards.l2].map((p) => ({
        name: p.name,
        state: p.stats().state,
      }));
      const ready = probe.db && probe.redis;
      return reply.code(ready ? 200 : 503).send({ ready, ...probe, breakers });
    },
  );
  app.get(
    '/metrics',
    { schema: { tags: ['ops'], summary: 'Prometheus metrics', hide: true } },
    async (_request, reply) =>
      reply.type(mall.metrics.registry.contentType).send(await mall.metrics.registry.metrics()),
  );
}
