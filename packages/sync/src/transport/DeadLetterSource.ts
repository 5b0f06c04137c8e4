import type { DeadLetter } from './DeadLetter.js';

/** A transport whose dead-letter streams can be read back. */
export interface DeadLetterSource {
  /** The oldest `limit` dead letters of `topic`, oldest first. */
  deadLetters(topic: string, limit?: number): Promise<DeadLetter[]>;
}
