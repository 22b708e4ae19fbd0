import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({}, {}, '/srv');
    expect(c).toMatchObject({
      port: 8080,
      host: 'localhost',
      databaseUrl: null,
      dataDir: '/srv/concord-data',
      secureCookies: false,
    });
  });

  it('lets flags win over the environment', () => {
    const c = loadConfig(
      { PORT: '9000', CONCORD_DATA_DIR: 'a' },
      { port: '9100', dataDir: 'b' },
      '/srv',
    );
    expect(c.port).toBe(9100);
    expect(c.dataDir).toBe('/srv/b');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ CONCORD_LOG_LEVEL: 'loud' }, 'CONCORD_LOG_LEVEL'],
    [{ CONCORD_TRUST_PROXY: 'maybe' }, 'CONCORD_TRUST_PROXY'],
    [{ CONCORD_ADMIN_EMAIL: 'nobody' }, 'CONCORD_ADMIN_EMAIL'],
    [{ CONCORD_ADMIN_PASSWORD: 'short' }, 'CONCORD_ADMIN_PASSWORD'],
    [{ CONCORD_SESSION_IDLE_MINUTES: '0' }, 'CONCORD_SESSION_IDLE_MINUTES'],
    [{ CONCORD_PUBLIC_URL: 'ftp://x' }, 'CONCORD_PUBLIC_URL'],
  ])('stops on a bad value of %o, naming the variable', (env, variable) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
    expect((thrown as ConfigError).message.startsWith(`${variable}: `)).toBe(true);
  });

  it('names the flag when the bad value came from a flag', () => {
    expect(() => loadConfig({}, { port: 'x' })).toThrow(/^--port: /);
  });

  it('turns on Secure cookies for an https public URL', () => {
    expect(loadConfig({ CONCORD_PUBLIC_URL: 'https://concord.example.org' }).secureCookies).toBe(
      true,
    );
    expect(
      loadConfig({
        CONCORD_PUBLIC_URL: 'https://concord.example.org',
        CONCORD_SECURE_COOKIES: 'false',
      }).secureCookies,
    ).toBe(false);
  });
});
