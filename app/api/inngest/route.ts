import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { functions } from '@/inngest/functions';

// GET|POST|PUT /api/inngest — Inngest registers and invokes functions here
export const { GET, POST, PUT } = serve({ client: inngest, functions });
