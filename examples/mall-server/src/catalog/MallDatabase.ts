import type { StockDatabase } from '@mallkit/stock';

/** A product of the catalogue (the product system's own table). */
export interface ProductTable {
  sku: string;
  name: string;
  category: string;
  price_cents: number;
  description: string;
  /** Bumped by every update; the admin API's compare-and-set. */
  version: number;
  updated_at: number;
}

/** The product system's view of stock, kept by the change feed (not the inventory's truth). */
export interface ProductStockTable {
  sku: string;
  available: number;
  stock_version: number;
}

/** Settings an admin changes at runtime, shared by every instance. */
export interface SettingTable {
  name: string;
  /** JSON. */
  value: string;
  updated_at: number;
}

/** Tables of the server: the inventory's (`@mallkit/stock`) and the catalogue's. */
export interface MallDatabase extends StockDatabase {
  product: ProductTable;
  product_stock: ProductStockTable;
  mall_setting: SettingTable;
}
