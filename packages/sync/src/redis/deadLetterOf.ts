import type { DeadLetter } from '../transport/DeadLetter.js';

/** A dead letter from the fields of its dead-letter stream entry. @internal */
export function deadLetterOf(fields: Map<string, string>): DeadLetter {
  const text = (name: keyof DeadLetter) => fields.get(name) ?? '';
  return {
    topic: text('topic'),
    group: text('group'),
    consumer: text('consumer'),
    partition: Number(text('partition')),
    entryId: text('entryId'),
    key: text('key'),
    id: text('id'),
    body: text('body'),
    reason: text('reason'),
    deliveries: Number(text('deliveries')),
    at: Number(text('at')),
  };
}
