type Env = Record<string, string | undefined>;

/**
 * Which Microsoft Entra ID tenants may sign in. `endpoint` is the tenant segment of the
 * authority URL; `allowedTenants` the `tid` values whose email we treat as verified (the
 * tenant's admins own those addresses), or 'any' when any tenant (and personal accounts) may
 * sign in, whose emails are never trusted for linking.
 */
export type EntraTenantPolicy =
  | { enabled: true; endpoint: string; allowedTenants: readonly string[] | 'any' }
  | { enabled: false; reason: string };

const TENANT_VARS = 'AUTH_MICROSOFT_ENTRA_ID_TENANT_ID, AUTH_MICROSOFT_ENTRA_ID_ALLOWED_TENANT_IDS or AUTH_MICROSOFT_ENTRA_ID_ALLOW_ANY_TENANT=1';
const MULTI_TENANT = new Set(['common', 'organizations', 'consumers']);

/** Reads the Entra tenant variables; a multi-tenant endpoint is only allowed when asked for explicitly. */
export function entraTenantPolicy(env: Env): EntraTenantPolicy {
  const single = env.AUTH_MICROSOFT_ENTRA_ID_TENANT_ID?.trim().toLowerCase();
  const list = (env.AUTH_MICROSOFT_ENTRA_ID_ALLOWED_TENANT_IDS ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (single && !MULTI_TENANT.has(single)) return { enabled: true, endpoint: single, allowedTenants: [single, ...list] };
  if (list.length > 0) {
    if (list.some((t) => MULTI_TENANT.has(t))) {
      return { enabled: false, reason: `AUTH_MICROSOFT_ENTRA_ID_ALLOWED_TENANT_IDS must list tenant ids, not ${[...MULTI_TENANT].join('/')}` };
    }
    return { enabled: true, endpoint: 'organizations', allowedTenants: list };
  }
  if (env.AUTH_MICROSOFT_ENTRA_ID_ALLOW_ANY_TENANT === '1') return { enabled: true, endpoint: single || 'common', allowedTenants: 'any' };
  return {
    enabled: false,
    reason: single
      ? `AUTH_MICROSOFT_ENTRA_ID_TENANT_ID=${single} lets any tenant sign in; set a tenant id, AUTH_MICROSOFT_ENTRA_ID_ALLOWED_TENANT_IDS, or AUTH_MICROSOFT_ENTRA_ID_ALLOW_ANY_TENANT=1`
      : `no tenant configured; set ${TENANT_VARS}`,
  };
}

/** May this ID token's tenant sign in at all? */
export function entraTenantAllowed(policy: EntraTenantPolicy, tid: unknown): boolean {
  if (!policy.enabled) return false;
  if (policy.allowedTenants === 'any') return true;
  return typeof tid === 'string' && policy.allowedTenants.includes(tid.toLowerCase());
}

/** Does the tenant vouch for the email? Only a tenant we named; never under "any tenant". */
export function entraEmailVerified(policy: EntraTenantPolicy, tid: unknown): boolean {
  return policy.enabled && policy.allowedTenants !== 'any' && entraTenantAllowed(policy, tid);
}
