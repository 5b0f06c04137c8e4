import { isCacheError } from '@mallkit/cache';
import { isResilienceError } from '@mallkit/resilience';
import { isStockError } from '@mallkit/stock';
import { isSyncError } from '@mallkit/sync';

/** What a client is told about a failure: a status, a stable code, a message; never a stack. */
export interface HttpError {
  status: number;
  code: string;
  message: string;
  retryAfterMs?: number;
}

const stockStatus: Record<string, number> = {
  INVALID_ORDER: 400,
  INVALID_REQUEST: 400,
  UNKNOWN_SKU: 404,
  UNKNOWN_WAREHOUSE: 404,
  UNKNOWN_ACTIVITY: 404,
  ORDER_NOT_FOUND: 404,
  INSUFFICIENT_STOCK: 409,
  ORDER_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  CONCURRENCY_CONFLICT: 503,
  LOCK_TIMEOUT: 503,
  STORE_UNAVAILABLE: 503,
};

const resilienceStatus: Record<string, number> = {
  RATE_LIMITED: 429,
  LOAD_SHED: 503,
  CIRCUIT_OPEN: 503,
  BULKHEAD_FULL: 503,
  DEGRADED: 503,
  TIMEOUT: 504,
};

/** Maps the packages' typed errors (and fastify's own) to HTTP; anything else is a 500. */
export function toHttpError(error: unknown): HttpError {
  if (isStockError(error)) {
    return { status: stockStatus[error.code] ?? 500, code: error.code, message: error.message };
  }
  if (isResilienceError(error)) {
    const mapped: HttpError = {
      status: resilienceStatus[error.code] ?? 503,
      code: error.code,
      message: error.message,
    };
    if (error.retryAfterMs !== undefined) mapped.retryAfterMs = error.retryAfterMs;
    return mapped;
  }
  if (isCacheError(error)) {
    const client = error.code === 'INVALID_KEY' || error.code === 'BATCH_TOO_LARGE';
    return { status: client ? 400 : 503, code: error.code, message: error.message };
  }
  if (isSyncError(error)) {
    return { status: 503, code: error.code, message: error.message };
  }
  const fastify = error as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
    validation?: unknown;
  };
  if (
    typeof fastify.statusCode === 'number' &&
    fastify.statusCode >= 400 &&
    fastify.statusCode < 500
  ) {
    return {
      status: fastify.statusCode,
      code:
        fastify.validation !== undefined
          ? 'INVALID_REQUEST'
          : String(fastify.code ?? 'BAD_REQUEST'),
      message: String(fastify.message ?? 'bad request'),
    };
  }
  return { status: 500, code: 'INTERNAL', message: 'internal error' };
}
