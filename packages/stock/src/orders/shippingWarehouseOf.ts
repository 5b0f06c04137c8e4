/** The warehouse with the most units of the order; ties go to the first by name. */
export function shippingWarehouseOf(
  parts: readonly { warehouse: string; quantity: number }[],
): string {
  const units = new Map<string, number>();
  for (const part of parts)
    units.set(part.warehouse, (units.get(part.warehouse) ?? 0) + part.quantity);
  let best = '';
  let most = -1;
  for (const [warehouse, count] of units) {
    if (count > most || (count === most && warehouse < best)) {
      best = warehouse;
      most = count;
    }
  }
  return best;
}
