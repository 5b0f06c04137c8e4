import { InvalidOptionError } from '../errors/InvalidOptionError.js';

/**
 * How much a request matters when the service is under pressure:
 * - `core`: product detail, stock deduction — served as long as anything is;
 * - `normal`: list pages, search;
 * - `background`: recommendations, admin reports, prefetches — shed first.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LoadShedder, type Priority } from '@mallkit/resilience';
 *
 * function priorityOf(path: string): Priority {
 *   if (path.startsWith('/checkout') || path.startsWith('/product/')) return 'core';
 *   if (path.startsWith('/recommendations')) return 'background';
 *   return 'normal';
 * }
 * const shedder = new LoadShedder({ name: 'doc:Priority', limit: 2 });
 * const product = shedder.acquire(priorityOf('/product/sku-1')); // 1 of 2 in flight
 * assert.equal(shedder.tryAcquire(priorityOf('/recommendations/user-1')), undefined); // shed first
 * const search = shedder.tryAcquire(priorityOf('/search?q=phone')); // normal: below 85 % of the limit
 * assert.ok(search);
 * assert.throws(() => shedder.acquire(priorityOf('/checkout')), { code: 'LOAD_SHED' }); // the limit is reached
 * search.release();
 * product.release();
 * ```
 *
 * @group Load shedding
 */
export type Priority = 'core' | 'normal' | 'background';

/**
 * Every priority, most important first.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LoadShedder, priorities } from '@mallkit/resilience';
 *
 * const shedder = new LoadShedder({ name: 'doc:priorities', limit: 2 });
 * const permit = shedder.acquire('core');
 * shedder.tryAcquire('background'); // shed
 * permit.release();
 * const { shed } = shedder.stats();
 * // e.g. one metric line per priority, most important first
 * const lines = priorities.map((p) => `shed_total{priority="${p}"} ${shed[p].concurrency}`);
 * assert.deepEqual(lines, [
 *   'shed_total{priority="core"} 0',
 *   'shed_total{priority="normal"} 0',
 *   'shed_total{priority="background"} 1',
 * ]);
 * ```
 *
 * @group Load shedding
 */
export const priorities: readonly Priority[] = ['core', 'normal', 'background'];

/** Returns `value` if it is a {@link Priority}, else throws an {@link InvalidOptionError} naming `option`. */
export function requirePriority(option: string, value: unknown): Priority {
  if (value === 'core' || value === 'normal' || value === 'background') return value;
  throw new InvalidOptionError(
    option,
    `one of ${priorities.map((p) => `"${p}"`).join(', ')}`,
    value,
  );
}
