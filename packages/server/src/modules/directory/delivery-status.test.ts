import { describe, expect, it } from 'vitest';
import { formatDeliveryStatus, parseDeliveryStatus } from './delivery-status';

describe('delivery status', () => {
  it.each([
    [{ email: 'sent', webhook: 'failed' }, 'email=sent;webhook=failed'],
    [{ email: null, webhook: 'delivered' }, 'webhook=delivered'],
    [{ email: 'failed', webhook: null }, 'email=failed'],
  ] as const)('round-trips %o as %s', (status, text) => {
    expect(formatDeliveryStatus(status)).toBe(text);
    expect(parseDeliveryStatus(text)).toEqual(status);
  });

  it('is null when only the app announced the task, and ignores what it does not know', () => {
    expect(formatDeliveryStatus({ email: null, webhook: null })).toBeNull();
    expect(parseDeliveryStatus(null)).toBeNull();
    expect(parseDeliveryStatus('email=lost;fax=sent')).toEqual({ email: null, webhook: null });
  });
});
