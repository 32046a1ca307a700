import '../../db/node-websocket';
import { inject } from 'vitest';

// Each worker reaches the run's database through the same driver and proxy as the app.
for (const [key, value] of Object.entries(inject('testEnv'))) process.env[key] = value;
