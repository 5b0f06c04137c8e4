import type { Mall } from './Mall.ts';

/** Category → [SKU prefix, product names]. */
const categories = {
  phones: ['phone', ['Aurora', 'Nimbus', 'Pixelate', 'Quasar', 'Zephyr']],
  laptops: ['laptop', ['Carbon', 'Flux', 'Granite', 'Helix', 'Lumen']],
  audio: ['audio', ['Echo', 'Murmur', 'Resonance', 'Tempo', 'Vibe']],
  home: ['home', ['Hearth', 'Nest', 'Oasis', 'Quill', 'Willow']],
  toys: ['toy', ['Bumble', 'Gizmo', 'Jolly', 'Pip', 'Rocket']],
} as const;

const warehouses = [
  { code: 'sh-1', region: 'east', priority: 0 },
  { code: 'bj-1', region: 'north', priority: 1 },
  { code: 'gz-1', region: 'south', priority: 2 },
];

/**
 * Seeds a demo catalogue when the catalogue is empty: 3 warehouses, 200 products in 5
 * categories with stock in two warehouses each, low-stock alerts, a flash-sale activity,
 * and the WMS simulator's counts (a few differ, so the first sync has something to show).
 * Deterministic: the same data on every start.
 */
export async function seedDemo(mall: Mall): Promise<void> {
  if ((await mall.catalog.count()) > 0) return;
  for (const w of warehouses) await mall.stock.defineWarehouse(w);
  let n = 0;
  const counts: Array<{ sku: string; warehouse: string; physical: number }> = [];
  for (const [category, [prefix, names]] of Object.entries(categories)) {
    for (let i = 0; i < 40; i++) {
      n++;
      const sku = `${prefix}-${String(i + 1).padStart(3, '0')}`;
      const name = `${names[i % names.length]} ${prefix} ${Math.floor(i / names.length) + 1}`;
      await mall.products.save({
        sku,
        name,
        category,
        priceCents: 999 + ((n * 7919) % 200_000),
        description: `The ${name}: demo product ${n} of the mallkit reference server.`,
      });
      await mall.stock.defineSku({
        sku,
        lowStock: { threshold: 10, clear: 20 },
        ...(i === 0 ? { shards: 4 } : {}),
      });
      const first = warehouses[n % 3]?.code ?? 'sh-1';
      const second = warehouses[(n + 1) % 3]?.code ?? 'bj-1';
      const units = 20 + ((n * 37) % 180);
      await mall.stock.restock({
        sku,
        warehouse: first,
        quantity: units,
        receiptNo: `seed-${sku}-${first}`,
      });
      await mall.stock.restock({
        sku,
        warehouse: second,
        quantity: Math.ceil(units / 2),
        receiptNo: `seed-${sku}-${second}`,
      });
      counts.push({ sku, warehouse: first, physical: n % 17 === 0 ? units - 3 : units });
      counts.push({ sku, warehouse: second, physical: Math.ceil(units / 2) });
    }
  }
  mall.wms?.set(...counts);
  await mall.flashSales.create({
    activityId: 'launch-day',
    sku: 'phone-001',
    warehouse: 'bj-1',
    quantity: 20,
  });
}
