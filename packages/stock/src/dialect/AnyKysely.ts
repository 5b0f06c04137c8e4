import type { Kysely } from 'kysely';

/** A kysely instance typed for any schema: the application's own, as passed to @mallkit/stock. */
// biome-ignore lint/suspicious/noExplicitAny: the application's database type is not ours to know
export type AnyKysely = Kysely<any>;
