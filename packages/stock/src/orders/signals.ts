import { Passthrough } from '../transactions/Passthrough.js';

/** The order number is already taken: the caller replays or reports a conflict. */
export class OrderExists extends Passthrough {}

/** A line could not be served from the planned row(s): the order is rolled back. */
export class ShortLine extends Passthrough {
  constructor(
    readonly sku: string,
    readonly warehouse: string,
  ) {
    super(`SKU "${sku}" is short in warehouse "${warehouse}"`);
  }
}
