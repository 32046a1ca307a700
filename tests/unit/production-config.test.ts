import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureLocalSecrets } from '@/lib/dev/local-secrets';
import { formatProductionConfigError, isProductionStart, productionConfigProblems } from '@/lib/production-config';

const complete = { APP_URL: 'https://tb.example', TASKBRIDGE_ENCRYPTION_KEYS: 'k1:abc', NEXTAUTH_SECRET: 's' };

describe('productionConfigProblems', () => {
  it('names each missing variable, never a value', () => {
    expect(productionConfigProblems(complete)).toEqual([]);
    const problems = productionConfigProblems({ NEXTAUTH_SECRET: '  ' });
    expect(problems.join('\n')).toMatch(/APP_URL is not set/);
    expect(problems.join('\n')).toMatch(/TASKBRIDGE_ENCRYPTION_KEYS is not set/);
    expect(problems.join('\n')).toMatch(/NEXTAUTH_SECRET is not set/);
    expect(productionConfigProblems({ ...complete, APP_URL: 'tb.example' })).toEqual(['APP_URL is not an absolute http(s) URL']);
    expect(formatProductionConfigError(productionConfigProblems({ ...complete, NEXTAUTH_SECRET: undefined }))).not.toContain('k1:abc');
  });

  it('npm start is production; npm run dev is not unless NODE_ENV says so', () => {
    expect(isProductionStart('start', {})).toBe(true);
    expect(isProductionStart('dev', {})).toBe(false);
    expect(isProductionStart('dev', { NODE_ENV: 'production' })).toBe(true);
  });
});

describe('npm start without its configuration', () => {
  it('exits non-zero naming the missing variables, before touching a database or Next', () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dev.ts', 'start'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('refuses to start in production');
    for (const name of ['APP_URL', 'TASKBRIDGE_ENCRYPTION_KEYS', 'NEXTAUTH_SECRET']) expect(run.stderr).toContain(`${name} is not set`);
  }, 60_000);
});

describe('ensureLocalSecrets', () => {
  afterEach(() => vi.unstubAllEnvs());
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tb-secrets-'));

  it('development still generates both secrets on first run', () => {
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('TASKBRIDGE_ENCRYPTION_KEYS', '');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    const d = dir();
    ensureLocalSecrets(d);
    expect(process.env.TASKBRIDGE_ENCRYPTION_KEYS).toMatch(/^dev1:/);
    expect(process.env.NEXTAUTH_SECRET).toBeTruthy();
    expect(fs.existsSync(path.join(d, 'dev-secrets.json'))).toBe(true);
  });

  it('production never generates them', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('TASKBRIDGE_ENCRYPTION_KEYS', '');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    const d = dir();
    expect(() => ensureLocalSecrets(d)).toThrow(/TASKBRIDGE_ENCRYPTION_KEYS is not set/);
    expect(fs.existsSync(path.join(d, 'dev-secrets.json'))).toBe(false);
  });
});
