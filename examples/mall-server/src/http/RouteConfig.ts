import type { Priority } from '@mallkit/resilience';

/** Who may call a route: anyone, a service holding the service token, or an admin. */
export type Access = 'public' | 'service' | 'admin';

/** What every route declares in its fastify `config`. */
export interface RouteGuard {
  /** Load-shedding priority: `core` routes are shed last. */
  priority: Priority;
  /** Token the route requires. */
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** See {@link RouteGuard}. */
    guard?: RouteGuard;
  }
}

/** Route config shorthand. */
export const guard = (priority: Priority, access: Access = 'public'): { guard: RouteGuard } => ({
  guard: { priority, access },
});
