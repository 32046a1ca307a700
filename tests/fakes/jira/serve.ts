import { startFakeJira } from './server';

// Runs the fake Jira on its own (the e2e web server and the benchmark use it over HTTP):
// `tsx tests/fakes/jira/serve.ts [port]` prints `FAKE_JIRA_URL=<url>` once listening.
const fake = await startFakeJira({ port: Number(process.argv[2] ?? 0) });
console.log(`FAKE_JIRA_URL=${fake.url}`);
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
