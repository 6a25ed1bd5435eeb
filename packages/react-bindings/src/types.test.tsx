import type { ComponentProps } from 'react';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BillingoneNavigateEvent, BillingoneSavedEvent, BillingoneSettings as SettingsElement } from '@billingone/settings-elements';
import { BillingoneProvider, BillingoneSecurity, BillingoneSettings, BillingoneTeam, type BillingoneSettingsProps } from './index.js';

// Misuse of the components must not compile (checked by `tsc`, i.e. the package's typecheck). The
// function is never called: each line only has to fail type-checking where marked.
export function misuse(onSaved: (event: BillingoneSavedEvent) => void) {
  return [
    // @ts-expect-error section is a string
    <BillingoneSettings section={42} />,
    // @ts-expect-error sections is an array of names
    <BillingoneSettings sections="team" />,
    // @ts-expect-error theme is light, dark or auto
    <BillingoneSettings theme="sepia" />,
    // @ts-expect-error getToken is a function
    <BillingoneSettings getToken="token" />,
    // @ts-expect-error the shell fires no such event
    <BillingoneSettings onBillingoneSomething={() => undefined} />,
    // @ts-expect-error the provider fires no billingone-saved of its own
    <BillingoneProvider onBillingoneSaved={onSaved} />,
    // @ts-expect-error the navigate handler gets a BillingoneNavigateEvent, not a saved event
    <BillingoneSettings onBillingoneNavigate={onSaved} />,
    // @ts-expect-error pageSize is a number
    <BillingoneTeam pageSize="50" />,
    // @ts-expect-error read-only getters are not props
    <BillingoneSecurity settingsClient={undefined} />,
    // @ts-expect-error methods are not props
    <BillingoneSecurity t={() => ''} />,
    // @ts-expect-error internal state is not a prop
    <BillingoneSettings _menuOpen />,
  ];
}

describe('component types', () => {
  it('type handlers with the element event and props with the element property types', () => {
    expectTypeOf<NonNullable<BillingoneSettingsProps['onBillingoneNavigate']>>().parameter(0).toEqualTypeOf<BillingoneNavigateEvent>();
    expectTypeOf<BillingoneSettingsProps['section']>().toEqualTypeOf<SettingsElement['section']>();
    expectTypeOf<ComponentProps<typeof BillingoneTeam>['onBillingoneSaved']>().toEqualTypeOf<((event: BillingoneSavedEvent) => void) | undefined>();
    expect(misuse(() => undefined)).toHaveLength(11);
  });
});
