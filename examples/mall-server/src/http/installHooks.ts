import { timingSafeEqual } from 'node:crypto';
import { RateLimitedError, type ShedderPermit } from '@mallkit/resilience';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MallConfig } from '../config/MallConfig.ts';
import type { Guards } from '../guards/Guards.ts';
import type { MallMetrics } from '../observability/MallMetrics.ts';
import type { Access } from './RouteConfig.ts';
import { toHttpError } from './toHttpError.ts';

const permits = new WeakMap<FastifyRequest, ShedderPermit>();

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

class AccessError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The token a request carries and what it may do with it. */
function accessOf(request: FastifyRequest, config: MallConfig): Access | 'none' {
  const header = request.headers.authorization;
  if (header === undefined || !header.startsWith('Bearer ')) return 'none';
  const token = header.slice(7).trim();
  if (sameToken(token, config.adminToken)) return 'admin';
  if (sameToken(token, config.serviceToken)) return 'service';
  return 'none';
}

/**
 * Every request: bearer-token access by route, then admission by priority (non-core
 * traffic is shed first) and per-client rate limits on non-core routes; every answer:
 * the permit back with its outcome, a metric, the request id echoed; every error: a
 * status, a stable code and a message, never a stack.
 */
export function installHooks(
  app: FastifyInstance,
  deps: { config: MallConfig; guards: Guards; metrics: MallMetrics },
): void {
  const { config, guards, metrics } = deps;
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const guard = request.routeOptions.config.guard;
    if (guard === undefined) return;
    if (guard.access !== 'public') {
      const access = accessOf(request, config);
      if (access === 'none')
        throw new AccessError(401, 'UNAUTHORIZED', 'a bearer token is required');
      if (guard.access === 'admin' && access !== 'admin') {
        throw new AccessError(403, 'FORBIDDEN', 'this route needs the admin token');
      }
    }
    if (guard.priority !== 'core') {
      const client = request.headers.authorization ?? request.ip;
      const decision = guards.clients.acquire(1, client);
      if (!decision.allowed) {
        metrics.rateLimited.inc({ limiter: 'clients' });
        throw new RateLimitedError('clients', decision.retryAfterMs);
      }
    }
    permits.set(request, guards.shedder.acquire(guard.priority));
  });
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    permits.get(request)?.release(status >= 500 ? 'failure' : 'success');
    permits.delete(request);
    metrics.requests.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: String(status),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.setErrorHandler(async (error, request, reply) => {
    const mapped =
      error instanceof AccessError
        ? { status: error.status, code: error.code, message: error.message }
        : toHttpError(error);
    if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
    // An isolated breaker has no end (retryAfterMs: Infinity): no Retry-After then.
    if ('retryAfterMs' in mapped && Number.isFinite(mapped.retryAfterMs)) {
      reply.header(
        'retry-after',
        String(Math.max(1, Math.ceil(Number(mapped.retryAfterMs) / 1000))),
      );
    }
    return reply
      .code(mapped.status)
      .send({ error: { code: mapped.code, message: mapped.message } });
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply
      .code(404)
      .send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url}` } }),
  );
}
