import { SyncError } from '../errors/SyncError.js';

/** Table and columns of the product stock upsert. @internal */
export interface ProductStockTable {
  table: string;
  sku: string;
  available: string;
  version: string;
  dialect: 'mysql' | 'sqlite' | 'postgres';
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,63}$/;

function quote(name: string, dialect: ProductStockTable['dialect']): string {
  const parts = name.split('.');
  if (parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) {
    throw new SyncError(
      'INVALID_OPTION',
      `productStockConsumer: invalid SQL identifier ${JSON.stringify(name)}`,
    );
  }
  const q = dialect === 'mysql' ? '`' : '"';
  return parts.map((part) => `${q}${part}${q}`).join('.');
}

/**
 * The statement that writes one SKU's stock only when its version is newer than the
 * stored one, inserting the row when missing. Parameters: sku, available, version.
 * Re-applying a version, or applying an older one, changes nothing.
 * @internal
 */
export function productStockUpsert(t: ProductStockTable): string {
  const table = quote(t.table, t.dialect);
  const sku = quote(t.sku, t.dialect);
  const available = quote(t.available, t.dialect);
  const version = quote(t.version, t.dialect);
  if (t.dialect === 'mysql') {
    // Assignments run left to right: `available` is decided against the old version.
    return (
      `INSERT INTO ${table} (${sku}, ${available}, ${version}) VALUES (?, ?, ?) ` +
      `ON DUPLICATE KEY UPDATE ${available} = IF(VALUES(${version}) > ${version}, VALUES(${available}), ${available}), ` +
      `${version} = GREATEST(${version}, VALUES(${version}))`
    );
  }
  const [p1, p2, p3] = t.dialect === 'postgres' ? ['$1', '$2', '$3'] : ['?', '?', '?'];
  return (
    `INSERT INTO ${table} (${sku}, ${available}, ${version}) VALUES (${p1}, ${p2}, ${p3}) ` +
    `ON CONFLICT (${sku}) DO UPDATE SET ${available} = excluded.${available}, ${version} = excluded.${version} ` +
    `WHERE ${table}.${version} < excluded.${version}`
  );
}
