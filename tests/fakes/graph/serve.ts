import { startFakeGraph } from './server';

// `tsx tests/fakes/graph/serve.ts [port] [token]` prints `FAKE_GRAPH_URL=<api base>` once listening.
const fake = await startFakeGraph({ port: Number(process.argv[2] ?? 0) });
fake.addToken(process.argv[3] ?? 'graph-e2e-token');
console.log(`FAKE_GRAPH_URL=${fake.apiBaseUrl}`);
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
