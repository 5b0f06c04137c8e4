import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs a real Node process in this folder, so the packages resolve the way a user's
// service resolves them: by name, through package.json "exports", from dist/.
const cwd = fileURLToPath(new URL('..', import.meta.url));
function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd, encoding: 'utf8' }).trim();
}
const esm = (code: string) => node(['--input-type=module', '-e', code]);
const cjs = (code: string) => node(['--input-type=commonjs', '-e', code]);

const packages = [
  ['resilience', 'Resilience'],
  ['cache', 'Cache'],
  ['stock', 'Stock'],
  ['sync', 'Sync'],
] as const;

describe.each(packages)('@mallkit/%s as built', (name, title) => {
  const spec = `@mallkit/${name}`;

  it('loads with import and with require, exposing the same names', () => {
    const fromImport = JSON.parse(
      esm(
        `const m = await import('${spec}'); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default').sort()))`,
      ),
    );
    const fromRequire = JSON.parse(
      cjs(`console.log(JSON.stringify(Object.keys(require('${spec}')).sort()))`),
    );
    expect(fromImport).toContain(`is${title}Error`);
    expect(fromRequire).toEqual(fromImport);
  });

  it('resolves import to the ESM build and require to the CJS build', () => {
    expect(esm(`console.log(import.meta.resolve('${spec}'))`)).toMatch(
      new RegExp(`packages/${name}/dist/index\\.js$`),
    );
    expect(cjs(`console.log(require.resolve('${spec}'))`)).toMatch(
      new RegExp(`packages/${name}/dist/index\\.cjs$`),
    );
  });

  it('recognises its errors across two loaded copies (ESM and CJS)', () => {
    const verdict = esm(`
      import { createRequire } from 'node:module';
      import { ${title}Error, is${title}Error } from '${spec}';
      const other = createRequire(import.meta.url)('${spec}');
      const error = new ${title}Error('SOME_CODE', 'message', { cause: new Error('root') });
      console.log(JSON.stringify({
        sameClass: error instanceof other.${title}Error,
        guard: other.is${title}Error(error),
        own: is${title}Error(error),
        plain: other.is${title}Error(new Error('x')),
        code: error.code,
        cause: error.cause.message,
        name: error.name,
      }));`);
    expect(JSON.parse(verdict)).toEqual({
      sameClass: false,
      guard: true,
      own: true,
      plain: false,
      code: 'SOME_CODE',
      cause: 'root',
      name: `${title}Error`,
    });
  });
});

describe('@mallkit/cache/redis as built', () => {
  it('loads with import and with require, exposing the same names', () => {
    const fromImport = JSON.parse(
      esm(
        `const m = await import('@mallkit/cache/redis'); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default').sort()))`,
      ),
    );
    const fromRequire = JSON.parse(
      cjs(`console.log(JSON.stringify(Object.keys(require('@mallkit/cache/redis')).sort()))`),
    );
    expect(fromImport).toEqual(expect.arrayContaining(['RedisBus', 'RedisL2', 'clusterMget']));
    expect(fromRequire).toEqual(fromImport);
  });
});

describe('@mallkit/stock/sqlite as built', () => {
  const program = (load: string) => `
    ${load}
    const db = sqlite.openSqliteStock();
    await stock.migrateStock(db);
    const service = new stock.StockService({ db });
    await service.defineWarehouse({ code: 'w' });
    await service.defineSku({ sku: 's' });
    await service.restock({ sku: 's', warehouse: 'w', quantity: 3, receiptNo: 'r' });
    const order = await service.deduct({ orderNo: 'o', lines: [{ sku: 's', quantity: 2 }] });
    const [view] = await service.query(['s']);
    await db.destroy();
    console.log(JSON.stringify({ status: order.status, sellable: view.sellable }));`;

  it('runs the embedded mode on node:sqlite with import and with require', () => {
    const expected = { status: 'reserved', sellable: 1 };
    const viaImport = esm(
      program(
        "const stock = await import('@mallkit/stock'); const sqlite = await import('@mallkit/stock/sqlite');",
      ),
    );
    const viaRequire = cjs(
      `(async () => { ${program("const stock = require('@mallkit/stock'); const sqlite = require('@mallkit/stock/sqlite');")} })();`,
    );
    expect(JSON.parse(viaImport.split('\n').at(-1) ?? '')).toEqual(expected);
    expect(JSON.parse(viaRequire.split('\n').at(-1) ?? '')).toEqual(expected);
  });
});

describe.each([
  ['@mallkit/stock/redis', ['RedisFlashSale', 'RedisLockProvider']],
  ['@mallkit/sync/redis', ['RedisDeduplicator', 'RedisLeaseProvider', 'RedisStreamTransport']],
  [
    '@mallkit/sync/mysql',
    ['BinlogSource', 'MysqlCheckpointStore', 'OutboxSource', 'SnapshotSource'],
  ],
])('%s as built', (spec, names) => {
  it('loads with import and with require, exposing the same names', () => {
    const fromImport = JSON.parse(
      esm(
        `const m = await import('${spec}'); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default').sort()))`,
      ),
    );
    const fromRequire = JSON.parse(
      cjs(`console.log(JSON.stringify(Object.keys(require('${spec}')).sort()))`),
    );
    expect(fromImport).toEqual(expect.arrayContaining(names));
    expect(fromRequire).toEqual(fromImport);
  });
});
