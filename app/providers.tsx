'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';

// Zod compiles object parsers with `new Function` after probing for it; the page CSP forbids
// eval, so that probe is a reported violation. In the browser, parse without the JIT (the
// server keeps it: this module's SSR copy leaves the global config alone).
if (typeof window !== 'undefined') z.config({ jitless: true });

export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
