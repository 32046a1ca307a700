// Preloaded into `next start` / `next dev` (node --require): Node's own deadline for receiving a
// whole request. Next's edge sandbox hands a route the body only as it arrives and answers
// after the request has ended, so the route's own body deadline (WEBHOOK_BODY_TIMEOUT_MS)
// cannot cut off a sender that trickles bytes; Node's `requestTimeout` can. Past it Node
// answers 408 and closes the connection. Applies to every request: ours are small.
'use strict';
const http = require('node:http');

const deadlineMs = Number(process.env.WEBHOOK_BODY_TIMEOUT_MS) > 0 ? Number(process.env.WEBHOOK_BODY_TIMEOUT_MS) : 10_000;
const createServer = http.createServer;

http.createServer = function createServerWithDeadline(options, listener) {
  if (typeof options === 'function' || options === undefined) {
    listener = options;
    options = {};
  }
  // The check interval bounds how late the 408 comes (Node's default checks every 30 s).
  const checkEvery = Math.max(100, Math.min(1_000, Math.floor(deadlineMs / 4)));
  return createServer.call(this, { requestTimeout: deadlineMs, connectionsCheckingInterval: checkEvery, ...options }, listener);
};
