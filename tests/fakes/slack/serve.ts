import { startFakeSlack } from './server';

// `tsx tests/fakes/slack/serve.ts [port]` prints `FAKE_SLACK_URL=<url>` once listening.
const fake = await startFakeSlack({ port: Number(process.argv[2] ?? 0) });
console.log(`FAKE_SLACK_URL=${fake.url}`);
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
