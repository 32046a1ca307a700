import { startFakeGithub } from './server';

// Runs the fake GitHub on its own (the e2e web server and the benchmark use it over HTTP):
// `tsx tests/fakes/github/serve.ts [port]` prints `FAKE_GITHUB_URL=<url>` once listening.
const fake = await startFakeGithub({ port: Number(process.argv[2] ?? 0) });
console.log(`FAKE_GITHUB_URL=${fake.url}`);
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
