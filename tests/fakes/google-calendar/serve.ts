import { startFakeGoogleCalendar } from './server';

// `tsx tests/fakes/google-calendar/serve.ts [port] [token]` prints `FAKE_GOOGLE_CALENDAR_URL=<api base>` once listening.
const fake = await startFakeGoogleCalendar({ port: Number(process.argv[2] ?? 0) });
fake.addToken(process.argv[3] ?? 'google-e2e-token');
console.log(`FAKE_GOOGLE_CALENDAR_URL=${fake.apiBaseUrl}`);
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
