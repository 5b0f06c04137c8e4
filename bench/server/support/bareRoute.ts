// The baseline of bench/server/http.ts: a bare fastify app whose one route answers a
// constant JSON object, nothing else (no hooks, no schema, no logger). Run by Node's type
// stripping, like the mall server: `PORT=3000 node bench/server/support/bareRoute.ts`.
import fastify from 'fastify';

const port = Number(process.env['PORT'] ?? 3000);
const app = fastify({ logger: false });
const payload = { hello: 'world' };
app.get('/bare', async () => payload);
app.get('/ready', async () => ({ ready: true }));
await app.listen({ port, host: '127.0.0.1' });

const stop = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
