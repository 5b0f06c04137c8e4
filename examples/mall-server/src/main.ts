import { createMall } from './app/createMall.ts';
import { readConfig } from './config/readConfig.ts';

// The reference server: `npm run demo` from the repository root (embedded mode), or with
// REDIS_URL and MYSQL_URL set for the real stack. See the README for every variable.
const config = readConfig();
const mall = await createMall(config);
const url = await mall.listen();
const mode =
  mall.stack.mode === 'embedded' ? 'embedded mode (SQLite, in-process adapters)' : 'real stack';
process.stdout.write(
  `mall-server ${config.instance} listening on ${url} in ${mode}\n` +
    `  admin console: ${url}/admin/  (token: ${config.adminToken === 'admin-dev-token' ? 'admin-dev-token' : 'ADMIN_TOKEN'})\n` +
    `  API docs:      ${url}/docs\n`,
);

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  mall.app.log.info({ signal }, 'shutting down');
  mall.close().then(
    () => process.exit(0),
    (error: unknown) => {
      mall.app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
