import type { NextConfig } from 'next';
import { baseSecurityHeaders } from './lib/security/headers';

const nextConfig: NextConfig = {
  // Webhook senders do not follow redirects: /x and /x/ must both be answered directly.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ['@neondatabase/serverless', 'ws', '@electric-sql/pglite', '@electric-sql/pglite-socket'],
  experimental: {
    // forbidden() → app/forbidden.tsx with a real 403 for members on owner-only pages.
    authInterrupts: true,
  },
  poweredByHeader: false,
  // nosniff, X-Frame-Options, Referrer-Policy (and HSTS in a production build) on every
  // response, static files and webhooks included; the page CSP needs a nonce: proxy.ts.
  async headers() {
    const headers = Object.entries(baseSecurityHeaders(process.env.NODE_ENV === 'production'));
    return [{ source: '/:path*', headers: headers.map(([key, value]) => ({ key, value })) }];
  },
  logging: {
    // Next logs server action arguments in dev by default: they carry access tokens and
    // webhook secrets on the configure page. Secrets never appear in logs.
    serverFunctions: false,
    // Webhook URLs can carry a URL token (Jira without signatures): keep them out of the log.
    incomingRequests: { ignore: [/\/integrations\/webhooks\//] },
  },
};

export default nextConfig;
