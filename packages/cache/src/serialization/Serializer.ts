/** Turns values into strings for Redis and back. */
export interface Serializer<T> {
  /** The value as a string. Throw for a value that cannot be stored. */
  serialize(value: T): string;
  /** The value a string from {@link Serializer.serialize} stands for. */
  deserialize(text: string): T;
}

/** JSON, the default: `JSON.stringify` and `JSON.parse`. */
export const jsonSerializer: Serializer<never> = {
  serialize: (value) => {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`a ${typeof value} cannot be stored as JSON`);
    return text;
  },
  deserialize: (text) => JSON.parse(text) as never,
};
