import type { WarehouseStock } from '@mallkit/stock';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMall } from '../src/app/createMall.ts';
import type { Mall } from '../src/app/Mall.ts';
import { readConfig } from '../src/config/readConfig.ts';

const ADMIN_TOKEN = 'admin-dev-token';
const TOKEN_KEY = 'mallkit.console.adminToken';

interface StockRow extends WarehouseStock {
  sku: string;
}

interface CategoryPage {
  items: Array<{ sku: string }>;
  next: string | null;
  degraded: boolean;
}

/**
 * The admin console in a real browser (Debian's Chromium driven by playwright-core) against
 * the server started in this process in embedded mode with the seeded demo catalogue.
 */
describe('admin console (Chromium)', () => {
  let mall: Mall;
  let url: string;
  let browser: Browser;
  let page: Page;
  /** Script errors and CSP refusals seen in the page: the console must cause none. */
  const pageProblems: string[] = [];

  /** GET as JSON; waits out load shedding (503), which may follow a busy moment. */
  const getJson = async <T>(path: string, admin = false): Promise<T> => {
    let body: unknown;
    await expect
      .poll(
        async () => {
          const response = await fetch(`${url}${path}`, {
            headers: admin ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {},
          });
          if (response.status === 503) {
            await response.body?.cancel();
            return 503;
          }
          body = await response.json();
          return response.status;
        },
        { timeout: 10_000, interval: 50 },
      )
      .toBe(200);
    return body as T;
  };

  beforeAll(async () => {
    mall = await createMall(
      readConfig({ PORT: '0', LOG_LEVEL: 'silent', FULL_SYNC_EVERY_MS: '0' }),
    );
    url = await mall.listen();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to/i.test(text)) pageProblems.push(text);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await mall?.close();
  });

  it('refuses a wrong token with a visible error, then signs in with the right one', async () => {
    await page.goto(`${url}/admin/`);
    const token = page.getByTestId('login-token');
    await token.fill('not-the-admin-token');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/refused/i);
    expect(await page.getByTestId('app').isHidden()).toBe(true);
    expect(await page.evaluate(`sessionStorage.getItem('${TOKEN_KEY}')`)).toBeNull();

    await token.fill(ADMIN_TOKEN);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app').waitFor({ state: 'visible' });
    expect(await page.getByTestId('login').isHidden()).toBe(true);
    expect(await page.getByTestId('session-instance').textContent()).toBe(mall.config.instance);
    expect(await page.evaluate(`sessionStorage.getItem('${TOKEN_KEY}')`)).toBe(ADMIN_TOKEN);

    // the token lives in the tab's session: a reload stays signed in
    await page.reload();
    await page.getByTestId('app').waitFor({ state: 'visible' });
    await page.locator('[data-testid="stock-table"][data-rows]').waitFor({ state: 'attached' });
  });

  it('shows every stock type by SKU and warehouse, searched by SKU prefix', async () => {
    await page.getByTestId('stock-search').fill('phone-00');
    await page.getByTestId('stock-search').press('Enter');
    await page.locator('[data-testid="stock-table"][data-prefix="phone-00"]').waitFor();

    const expected = (await getJson<{ items: StockRow[] }>('/api/admin/stock?sku=phone-00', true))
      .items;
    expect(expected.length).toBeGreaterThan(2);
    const rows = page.getByTestId('stock-row');
    await expect.poll(() => rows.count()).toBe(expected.length);

    const number = async (row: Locator, field: string) =>
      Number((await row.locator(`[data-field="${field}"]`).textContent())?.replace(/,/g, ''));
    const shown: StockRow[] = [];
    for (const row of await rows.all()) {
      shown.push({
        sku: (await row.getAttribute('data-sku')) ?? '',
        warehouse: (await row.getAttribute('data-warehouse')) ?? '',
        physical: await number(row, 'physical'),
        reserved: await number(row, 'reserved'),
        safety: await number(row, 'safety'),
        activity: await number(row, 'activity'),
        sellable: await number(row, 'sellable'),
      });
    }
    expect(shown).toEqual(
      expected.map(({ sku, warehouse, physical, reserved, safety, activity, sellable }) => ({
        sku,
        warehouse,
        physical,
        reserved,
        safety,
        activity,
        sellable,
      })),
    );
    expect(shown.every((r) => r.sku.startsWith('phone-00'))).toBe(true);
    // the flash sale's pool is held as activity stock, out of the sellable count
    const pooled = shown.find((r) => r.sku === 'phone-001' && r.warehouse === 'bj-1');
    expect(pooled?.activity).toBe(20);
    expect(pooled?.sellable).toBe((pooled?.physical ?? 0) - 20);
  });

  it('flips the listing.off switch: the category page degrades, then serves items again', async () => {
    const phones = () => getJson<CategoryPage>('/api/categories/phones/products');
    const toggle = page.getByTestId('switch-listing.off');
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect((await phones()).degraded).toBe(false);

    await toggle.click();
    await page.locator('[data-testid="switch-listing.off"][aria-checked="true"]').waitFor();
    expect(mall.guards.switches.isOn('listing.off')).toBe(true);
    expect(await phones()).toEqual({ items: [], next: null, degraded: true });
    // a refresh after the flip keeps showing it on: the server's state, not just the click
    await page.waitForResponse((r) => r.url().endsWith('/api/admin/overview') && r.ok());
    await page.getByTestId('refresh-status').filter({ hasText: 'Updated' }).waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');

    await toggle.click();
    await page
      .locator('[data-testid="switch-listing.off"][aria-checked="false"]:not([disabled])')
      .waitFor();
    expect(mall.guards.switches.isOn('listing.off')).toBe(false);
    const back = await phones();
    expect(back.degraded).toBe(false);
    expect(back.items.length).toBeGreaterThan(0);
    expect(back.items.every((p) => p.sku.startsWith('phone-'))).toBe(true);
  });

  it('runs a warehouse sync on "Sync now" and shows its report', async () => {
    expect(mall.lastSync()).toBeUndefined();
    await page.getByTestId('sync-now').click();
    const report = page.getByTestId('sync-report');
    await report.waitFor({ state: 'visible' });
    const done = mall.lastSync();
    expect(done?.kind).toBe('full');
    // the seeded warehouse system disagrees on a few counts, so the first sync changes some
    expect(done?.changed.length).toBeGreaterThan(0);
    expect(await report.getAttribute('data-checked')).toBe(String(done?.checked));
    expect(await report.getAttribute('data-changed')).toBe(String(done?.changed.length));
    expect(await report.getAttribute('data-rejected')).toBe(String(done?.rejected.length));
    expect(await page.getByTestId('sync-changed').textContent()).toBe(
      `${done?.changed.length} changed`,
    );
    const first = done?.changed[0];
    const text = await report.textContent();
    expect(text).toContain(`${first?.sku} @ ${first?.warehouse}: ${first?.from} → ${first?.to}`);
    expect(text).not.toMatch(/null|undefined|NaN/);
    // and the status panel picks the run up from the overview
    await page.getByTestId('sync-last').filter({ hasNotText: /never/ }).waitFor();
  });

  it('changes a SKU strategy from its select, keeping its shards and low-stock alert', async () => {
    await page.getByTestId('sku-filter').fill('phone-001');
    const select = page.getByTestId('strategy-phone-001');
    await select.selectOption('lock');
    const sku = () =>
      mall.stack.db
        .selectFrom('stock_sku')
        .selectAll()
        .where('sku', '=', 'phone-001')
        .executeTakeFirstOrThrow();
    await expect.poll(async () => (await sku()).strategy).toBe('lock');
    expect(await sku()).toMatchObject({ shards: 4, low_threshold: 10, low_clear: 20 });
    await page.getByTestId('notice').filter({ hasText: 'phone-001' }).waitFor();
    expect(await select.inputValue()).toBe('lock');
  });

  it('changes the warehouse split from its select and checkbox, and sets it back', async () => {
    interface Split {
      strategy: string;
      allowSplit: boolean;
    }
    const served = async () =>
      (await getJson<{ items: unknown[]; split: Split }>('/api/admin/warehouses', true)).split;
    const panel = page.getByTestId('split');
    const strategy = page.getByTestId('split-strategy');
    const allow = page.getByTestId('split-allow');
    /** The panel shows `split` as the server's, with both controls usable again. */
    const shows = async (split: Split) => {
      await page
        .locator(
          `[data-testid="split"][data-strategy="${split.strategy}"][data-allow-split="${split.allowSplit}"]`,
        )
        .waitFor();
      await page.locator('[data-testid="split-allow"]:not([disabled])').waitFor();
      await page.locator('[data-testid="split-strategy"]:not([disabled])').waitFor();
      expect(await strategy.inputValue()).toBe(split.strategy);
      expect(await allow.isChecked()).toBe(split.allowSplit);
    };

    // the shared server starts with the default split
    expect(await served()).toEqual({ strategy: 'priority', allowSplit: true });
    await shows({ strategy: 'priority', allowSplit: true });
    expect(await page.getByTestId('split-note').textContent()).toMatch(/lowest priority/);

    // the PUT is held back while a whole refresh reads the old split: the operator's choice
    // stays on screen (no jump back), the controls wait, the panel still reports the old one
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      '**/api/admin/split',
      async (route) => {
        await held;
        await route.continue();
      },
      { times: 1 },
    );
    try {
      await strategy.selectOption('mostStock');
      await page.waitForRequest(
        (r) => r.method() === 'GET' && r.url().endsWith('/api/admin/warehouses'),
      );
      const status = page.getByTestId('refresh-status');
      await status.filter({ hasNotText: (await status.textContent()) ?? '' }).waitFor();
      expect(await strategy.inputValue()).toBe('mostStock');
      expect(await strategy.isDisabled()).toBe(true);
      expect(await allow.isDisabled()).toBe(true);
      expect(await panel.getAttribute('data-strategy')).toBe('priority');
    } finally {
      release();
      await page.unrouteAll({ behavior: 'wait' });
    }
    await shows({ strategy: 'mostStock', allowSplit: true });
    await allow.uncheck();
    await shows({ strategy: 'mostStock', allowSplit: false });
    expect(await served()).toEqual({ strategy: 'mostStock', allowSplit: false });
    expect(mall.split.current).toEqual({ strategy: 'mostStock', allowSplit: false });
    expect(await page.getByTestId('split-note').textContent()).toMatch(/most sellable.*whole/);
    // a refresh after the change keeps showing it: the server's state, not just the clicks
    await page.waitForResponse((r) => r.url().endsWith('/api/admin/warehouses') && r.ok());
    await page.getByTestId('refresh-status').filter({ hasText: 'Updated' }).waitFor();
    await shows({ strategy: 'mostStock', allowSplit: false });
    expect(await panel.getAttribute('data-strategy')).toBe('mostStock');

    // back as found, for the tests that follow
    await strategy.selectOption('priority');
    await shows({ strategy: 'priority', allowSplit: false });
    await allow.check();
    await shows({ strategy: 'priority', allowSplit: true });
    expect(await served()).toEqual({ strategy: 'priority', allowSplit: true });
    expect(mall.split.current).toEqual({ strategy: 'priority', allowSplit: true });
  });

  it('draws the charts as inline SVG from the samples, and lists a new reservation', async () => {
    // traffic for both charts: product reads (cache hits) and one deduction
    for (const sku of ['phone-001', 'phone-002', 'phone-001', 'phone-002']) {
      expect((await fetch(`${url}/api/products/${sku}`)).status).toBe(200);
    }
    await mall.stock.deduct({
      orderNo: 'console-order-1',
      lines: [{ sku: 'phone-003', quantity: 2 }],
    });
    // a sample now, rather than waiting for the next one (every 2 s)
    const sample = mall.telemetry.sample();

    const deductions = page.locator('[data-testid="chart-deductions"] svg');
    const hitRatio = page.locator('[data-testid="chart-hit-ratio"] svg');
    await expect
      .poll(async () => Number(await deductions.getAttribute('data-last-at')), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(sample.at);
    expect(Number(await hitRatio.getAttribute('data-last-at'))).toBeGreaterThanOrEqual(sample.at);
    // the samples holding that traffic are in the window drawn
    expect(Number(await deductions.getAttribute('data-max-value'))).toBeGreaterThan(0);
    expect(Number(await hitRatio.getAttribute('data-points'))).toBeGreaterThan(0);
    expect(Number(await hitRatio.getAttribute('data-max-value'))).toBeGreaterThan(0);
    for (const chart of [deductions, hitRatio]) {
      expect(await chart.getAttribute('viewBox')).toBe('0 0 640 200');
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(50);
      // drawn by the browser as SVG: the line has a rendered box
      const line = await chart.locator('[data-testid="chart-line"]').first().boundingBox();
      expect(line?.width).toBeGreaterThan(0);
    }

    const reservation = page.locator(
      '[data-testid="reservation-row"][data-order="console-order-1"]',
    );
    await reservation.waitFor();
    expect(await reservation.locator('[data-field="expires"]').textContent()).toMatch(/^in 1[45]m/);
  });

  it('serves the files of the console directory with their types and the CSP, and no other', async () => {
    const csp = "default-src 'self'; style-src 'self'; script-src 'self'";
    for (const [path, type] of [
      ['/admin/', 'text/html; charset=utf-8'],
      ['/admin/index.html', 'text/html; charset=utf-8'],
      ['/admin/main.js', 'text/javascript; charset=utf-8'],
      ['/admin/panel-warehouses.js', 'text/javascript; charset=utf-8'],
      ['/admin/base.css', 'text/css; charset=utf-8'],
    ]) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('content-security-policy'), path).toBe(csp);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect((await response.text()).length, path).toBeGreaterThan(0);
    }
    for (const path of [
      '/admin/console.js',
      '/admin/Main.js',
      '/admin/main.ts',
      '/admin/constructor',
      '/admin/__proto__',
      '/admin/..%2Froutes%2FconsoleRoutes.ts',
      '/admin/%2e%2e%2f%2e%2e%2fpackage.json',
      '/admin/main.js%00.html',
    ]) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(404);
      await response.body?.cancel();
    }
  });

  it('raised no script error and no CSP violation', () => {
    expect(pageProblems).toEqual([]);
  });
});
