/**
 * Splits `total` units over `needs.length` rows: each row first gets its need
 * (in order, while units last), then what is left is spread evenly, the
 * remainder going to the first rows. Used to lay a physical count or a safety
 * level over a SKU's shards.
 */
export function spread(total: number, needs: readonly number[]): number[] {
  const out = needs.map(() => 0);
  let left = total;
  needs.forEach((need, i) => {
    const give = Math.min(need, left);
    out[i] = give;
    left -= give;
  });
  const n = needs.length;
  const each = Math.floor(left / n);
  const extra = left - each * n;
  for (let i = 0; i < n; i++) out[i] = (out[i] as number) + each + (i < extra ? 1 : 0);
  return out;
}
