/**
 * Which units a deduction takes: the SKU's sellable stock, or the part set
 * aside for a flash-sale activity.
 */
export type StockPool = 'sellable' | 'activity';
