import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Mall } from '../../src/app/Mall.ts';

/** What the route cases get: the server under test, and a way to call it. */
export interface RouteContext {
  /** Sends a request through fastify's inject (no socket). */
  call: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  /** The server (set once `beforeAll` ran). */
  mall: () => Mall;
  /** Letters of the stack's name, to keep order numbers apart. */
  tag: string;
  /** Headers with the service token. */
  service: { authorization: string };
  /** Headers with the admin token. */
  admin: { authorization: string };
}
