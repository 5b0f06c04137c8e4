/**
 * One layer of a {@link DependencyPolicy} (breaker, retry, bulkhead): the given options
 * merged over the preset's, one level deep. `false` turns the layer off; a key given as
 * `undefined` keeps the preset's value.
 */
export function mergeLayer<T extends object>(
  preset: T | false,
  given: T | false | undefined,
): T | false {
  if (given === false) return false;
  if (given === undefined) return preset;
  if (preset === false) return given;
  const merged: Record<string, unknown> = { ...(preset as Record<string, unknown>) };
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged as T;
}
