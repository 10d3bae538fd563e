// Baseline for `npm run bench`: a bare Fastify hello-world server in its own
// process (like the real server), so it does not share an event loop with the
// load generator. Usage: node bench/bare-server.mjs PORT
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 0);
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port });
process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
