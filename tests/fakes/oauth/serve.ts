import { startFakeOAuth } from './server';

// Runs the fake OAuth providers on their own: `tsx tests/fakes/oauth/serve.ts [port]` prints
// `FAKE_OAUTH_URL=<url>` once listening; fakeOAuthEnv(url) is the env to give the app.
const fake = await startFakeOAuth({ port: Number(process.argv[2] ?? 0) });
console.log(`FAKE_OAUTH_URL=${fake.url}`);
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
