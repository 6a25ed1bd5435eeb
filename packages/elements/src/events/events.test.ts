import { describe, expect, it } from 'vitest';
import {
  BillingoneErrorEvent,
  BillingoneIntegrationConnectedEvent,
  BillingoneIntegrationDisconnectedEvent,
  BillingoneMfaEnrolledEvent,
  BillingoneNavigateEvent,
  BillingoneSavedEvent,
  BillingoneSignedOutEvent,
} from './index.js';

describe('domain events', () => {
  const cases: [string, Event & { detail: unknown }, unknown][] = [
    ['billingone-saved', new BillingoneSavedEvent({ section: 'team', resource: 'member.role' }), { section: 'team', resource: 'member.role' }],
    ['billingone-navigate', new BillingoneNavigateEvent({ section: 'billing' }), { section: 'billing' }],
    ['billingone-error', new BillingoneErrorEvent({ section: 'team', error: new Error('x') }), { section: 'team', error: new Error('x') }],
    ['billingone-signed-out', new BillingoneSignedOutEvent({ reason: 'sign-out' }), { reason: 'sign-out' }],
    ['billingone-mfa-enrolled', new BillingoneMfaEnrolledEvent({ method: 'totp' }), { method: 'totp' }],
    ['billingone-integration-connected', new BillingoneIntegrationConnectedEvent({ provider: 'xero' }), { provider: 'xero' }],
    ['billingone-integration-disconnected', new BillingoneIntegrationDisconnectedEvent({ provider: 'pax8' }), { provider: 'pax8' }],
  ];

  it.each(cases)('%s bubbles out of shadow roots with its payload', (type, event, detail) => {
    expect(event.type).toBe(type);
    expect(event.detail).toEqual(detail);
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(host);
    const seen: Event[] = [];
    document.addEventListener(type, (e) => seen.push(e), { once: true });
    inner.dispatchEvent(event);
    host.remove();
    expect(seen).toEqual([event]);
  });

  it('lets hosts cancel navigation only', () => {
    expect(new BillingoneNavigateEvent({ section: 'team' }).cancelable).toBe(true);
    expect(new BillingoneSavedEvent({ section: 'team', resource: 'x' }).cancelable).toBe(false);
  });

  it('are typed in the global event map', () => {
    const listener = (event: GlobalEventHandlersEventMap['billingone-navigate']) => event.detail.section;
    // @ts-expect-error the payload has no such field
    const wrong = (event: GlobalEventHandlersEventMap['billingone-saved']) => event.detail.provider;
    expect(typeof listener).toBe('function');
    expect(typeof wrong).toBe('function');
  });
});
