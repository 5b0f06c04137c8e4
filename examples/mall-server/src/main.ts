import { createServer } from 'node:http';

// Placeholder until the reference server lands (issue 7): it only proves that the
// quick-start command installs, builds and starts something a person can open.
const port = Number(process.env['PORT'] ?? 3000);
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(
    'mallkit example mall-server: placeholder. The product and inventory API lands with its own issue.\n',
  );
});
server.listen(port, '127.0.0.1', () => {
  console.log(`mall-server (placeholder) listening on http://127.0.0.1:${port}`);
});
