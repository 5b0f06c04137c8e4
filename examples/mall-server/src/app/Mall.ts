import type { Cache, HotKeyDetector } from '@mallkit/cache';
import type { StockService } from '@mallkit/stock';
import type { CdcPipeline, Consumer, SyncReport, WarehouseSync } from '@mallkit/sync';
import type { FastifyInstance } from 'fastify';
import type { Product } from '../catalog/Product.ts';
import type { ProductRepository } from '../catalog/ProductRepository.ts';
import type { ProductService } from '../catalog/ProductService.ts';
import type { MallConfig } from '../config/MallConfig.ts';
import type { BinlogLeader } from '../feed/BinlogLeader.ts';
import type { ChangeFeed } from '../feed/ChangeFeed.ts';
import type { FlashSales } from '../flashsale/FlashSales.ts';
import type { Guards } from '../guards/Guards.ts';
import type { MallMetrics } from '../observability/MallMetrics.ts';
import type { Telemetry } from '../observability/Telemetry.ts';
import type { SplitSetting } from '../settings/SplitSetting.ts';
import type { MallStack } from '../stack/MallStack.ts';
import type { WmsSimulator } from '../wms/WmsSimulator.ts';

/** A low-stock alert as the console shows it (newest first). */
export interface LowStockAlert {
  sku: string;
  sellable: number;
  threshold: number;
  at: number;
  cleared: boolean;
}

/** The composed server: its HTTP app and every service behind it. */
export interface Mall {
  config: MallConfig;
  app: FastifyInstance;
  stack: MallStack;
  stock: StockService;
  products: ProductService;
  catalog: ProductRepository;
  productCache: Cache<Product>;
  hotKeys: HotKeyDetector;
  feed: ChangeFeed;
  consumer: Consumer;
  /** The product outbox's relay to the feed (MySQL only). */
  outboxRelay: CdcPipeline | undefined;
  /** The binlog capture of stock changes (`CDC_SOURCE=binlog`). */
  binlog: BinlogLeader | undefined;
  guards: Guards;
  flashSales: FlashSales;
  /** The warehouse split strategy, changeable at runtime. */
  split: SplitSetting;
  warehouseSync: WarehouseSync;
  lastSync: () => SyncReport | undefined;
  runFullSync: () => Promise<SyncReport>;
  alerts: LowStockAlert[];
  metrics: MallMetrics;
  telemetry: Telemetry;
  wms: WmsSimulator | undefined;
  /** Listens; resolves to the base URL. */
  listen(): Promise<string>;
  /** Stops everything it started, then closes the stack. */
  close(): Promise<void>;
}
