import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('directory configuration', () => {
  it('has defaults: no e-mail, a five-minute job, five-second webhooks', () => {
    const c = loadConfig({}, {}, '/srv');
    expect(c).toMatchObject({
      smtpUrl: null,
      smtpFrom: 'Concord <concord@concord.localhost>',
      directoryJobIntervalSeconds: 300,
      webhookTimeoutMs: 5000,
    });
    expect(
      loadConfig({ CONCORD_PUBLIC_URL: 'https://concord.example.org' }, {}, '/srv').smtpFrom,
    ).toBe('Concord <concord@concord.example.org>');
  });

  it('reads the SMTP server, sender and intervals', () => {
    const c = loadConfig({
      CONCORD_SMTP_URL: 'smtps://poc:secret@mail.example.org:465',
      CONCORD_SMTP_FROM: 'POC directory <poc@example.org>',
      CONCORD_DIRECTORY_JOB_SECONDS: '60',
      CONCORD_WEBHOOK_TIMEOUT_MS: '2500',
    });
    expect(c).toMatchObject({
      smtpUrl: 'smtps://poc:secret@mail.example.org:465',
      smtpFrom: 'POC directory <poc@example.org>',
      directoryJobIntervalSeconds: 60,
      webhookTimeoutMs: 2500,
    });
  });

  it.each([
    [{ CONCORD_SMTP_URL: 'http://mail.example.org' }, 'CONCORD_SMTP_URL'],
    [{ CONCORD_SMTP_URL: 'not a url' }, 'CONCORD_SMTP_URL'],
    [{ CONCORD_SMTP_FROM: 'nobody' }, 'CONCORD_SMTP_FROM'],
    [{ CONCORD_DIRECTORY_JOB_SECONDS: '1' }, 'CONCORD_DIRECTORY_JOB_SECONDS'],
    [{ CONCORD_DIRECTORY_JOB_SECONDS: 'often' }, 'CONCORD_DIRECTORY_JOB_SECONDS'],
    [{ CONCORD_WEBHOOK_TIMEOUT_MS: '0' }, 'CONCORD_WEBHOOK_TIMEOUT_MS'],
  ])('stops on %o, naming the variable', (env, variable) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
  });
});
