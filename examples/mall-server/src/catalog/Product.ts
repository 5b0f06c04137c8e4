/** A product as the API returns it: the catalogue row and the product system's stock view. */
export interface Product {
  sku: string;
  name: string;
  category: string;
  priceCents: number;
  description: string;
  /** Units on sale, as the product system last heard from the inventory. */
  available: number;
  version: number;
  updatedAt: number;
}

/** What an admin sends to create or update a product. */
export interface ProductInput {
  sku: string;
  name: string;
  category: string;
  priceCents: number;
  description?: string;
}
