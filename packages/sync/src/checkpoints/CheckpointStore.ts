/**
 * Where sources keep their positions. Implementations must make `save`
 * durable before resolving: a source resumes from what `load` returns.
 */
export interface CheckpointStore {
  /** The last saved position of the source, or `undefined` when it never saved one. */
  load(source: string): Promise<string | undefined>;
  /** Saves the source's position. */
  save(source: string, position: string): Promise<void>;
}
