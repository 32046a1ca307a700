import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Webhook senders do not follow redirects: /x and /x/ must both be answered directly.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ['@neondatabase/serverless', 'ws', '@electric-sql/pglite', '@electric-sql/pglite-socket'],
  experimental: {
    // forbidden() → app/forbidden.tsx with a real 403 for members on owner-only pages.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

export default nextConfig;
