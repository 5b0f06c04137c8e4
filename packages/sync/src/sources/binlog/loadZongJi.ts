import type ZongJi from '@vlasky/zongji';
import { SyncError } from '../../errors/SyncError.js';

/** The ZongJi class, imported on first use (an optional peer dependency). @internal */
export async function loadZongJi(): Promise<typeof ZongJi> {
  let module: unknown;
  try {
    module = await import('@vlasky/zongji');
  } catch (error) {
    throw new SyncError(
      'SOURCE_MISCONFIGURED',
      'BinlogSource needs the optional peer dependency @vlasky/zongji: npm install @vlasky/zongji@^0.9',
      { cause: error },
    );
  }
  // ESM namespace ({ default }) or, through a CommonJS build, possibly a nested default.
  let candidate: unknown = module;
  for (let i = 0; i < 3 && typeof candidate !== 'function'; i++) {
    candidate = (candidate as { default?: unknown } | undefined)?.default;
  }
  if (typeof candidate !== 'function') {
    throw new SyncError('SOURCE_MISCONFIGURED', '@vlasky/zongji has no default export');
  }
  return candidate as typeof ZongJi;
}
