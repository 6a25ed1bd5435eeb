import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectElements, handlerName, kebabCase, missingEntryPoints, pascalCase, renderBindings } from './bindings.mjs';
import { readElementsManifest } from './manifest.mjs';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

interface TestModule {
  kind: string;
  path: string;
  declarations: Record<string, unknown>[];
  exports?: Record<string, unknown>[];
}

/** A manifest the way the analyzer writes one for `src/<folder>/<folder>.ts` + `src/<folder>/define.ts`. */
function manifestOf(...elements: { folder: string; declaration: Record<string, unknown>; exports?: Record<string, unknown>[] }[]): { schemaVersion: string; modules: TestModule[] } {
  return {
    schemaVersion: '2.1.0',
    modules: [
      {
        kind: 'javascript-module',
        path: 'src/base/billingone-element.ts',
        declarations: [
          {
            kind: 'class',
            name: 'BillingoneElement',
            superclass: { name: 'LitElement', package: 'lit' },
            customElement: true,
            members: [
              { kind: 'field', name: 'locale', privacy: 'public', type: { text: 'string | undefined' }, description: 'Locale.' },
              { kind: 'field', name: 'settingsClient', readonly: true, type: { text: 'SettingsClient | undefined' } },
            ],
          },
        ],
      },
      ...elements.flatMap(({ folder, declaration, exports }) => [
        { kind: 'javascript-module', path: `src/${folder}/${folder}.ts`, declarations: [{ kind: 'class', superclass: { name: 'BillingoneElement' }, ...declaration }], exports },
        {
          kind: 'javascript-module',
          path: `src/${folder}/define.ts`,
          declarations: [],
          exports: [{ kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: `src/${folder}/define.ts` } }],
        },
      ]),
    ],
  };
}

describe('names', () => {
  it('map tags, classes and events to component and handler names', () => {
    expect(pascalCase('billingone-audit-log')).toBe('BillingoneAuditLog');
    expect(kebabCase('BillingoneMfaEnrollment')).toBe('billingone-mfa-enrollment');
    expect(handlerName('billingone-integration-connected')).toBe('onBillingoneIntegrationConnected');
  });
});

describe('collectElements', () => {
  it('takes public writable fields as props and @fires entries as typed events', () => {
    const [team] = collectElements(
      manifestOf({
        folder: 'team',
        declaration: {
          name: 'BillingoneTeam',
          summary: 'Team members.',
          members: [
            { kind: 'field', name: 'pageSize', privacy: 'public', type: { text: 'number' }, description: 'Members per page.' },
            { kind: 'field', name: '_open', privacy: 'public' },
            { kind: 'field', name: '#list', privacy: 'private' },
            { kind: 'field', name: 'configurationError', privacy: 'protected' },
            { kind: 'field', name: 'styles', static: true },
            { kind: 'field', name: 'stores', readonly: true },
            { kind: 'method', name: 't' },
            { kind: 'field', name: 'locale', privacy: 'public', inheritedFrom: { name: 'BillingoneElement' } },
          ],
          events: [
            { name: 'billingone-saved', type: { text: 'BillingoneSavedEvent' }, description: 'Saved.' },
            { name: 'billingone-error', type: { text: 'BillingoneErrorEvent' } },
          ],
        },
      }),
    );
    expect(team).toMatchObject({ folder: 'team', className: 'BillingoneTeam', componentName: 'BillingoneTeam', tagName: 'billingone-team', summary: 'Team members.' });
    expect(team!.properties.map((p) => p.name)).toEqual(['pageSize', 'locale']);
    expect(team!.events).toEqual([
      { name: 'billingone-saved', handler: 'onBillingoneSaved', type: 'BillingoneSavedEvent', description: 'Saved.' },
      { name: 'billingone-error', handler: 'onBillingoneError', type: 'BillingoneErrorEvent', description: '' },
    ]);
  });

  it('prefers the tag the manifest records over the class name', () => {
    const manifest = manifestOf({ folder: 'team', declaration: { name: 'TeamPanel', tagName: 'billingone-team' } });
    expect(collectElements(manifest)[0]).toMatchObject({ tagName: 'billingone-team', componentName: 'BillingoneTeam' });
    const defined = manifestOf({
      folder: 'team',
      declaration: { name: 'TeamPanel' },
      exports: [{ kind: 'custom-element-definition', name: 'billingone-team', declaration: { name: 'TeamPanel' } }],
    });
    expect(collectElements(defined)[0]!.tagName).toBe('billingone-team');
  });

  it('skips non-element exports of define modules', () => {
    const manifest = manifestOf({ folder: 'team', declaration: { name: 'BillingoneTeam' } });
    const define = manifest.modules.find((module) => module.path === 'src/team/define.ts')!;
    define.exports!.push({ kind: 'js', name: 'InviteController', declaration: { name: 'InviteController', module: 'src/team/define.ts' } });
    manifest.modules.push({ kind: 'javascript-module', path: 'src/team/invite-controller.ts', declarations: [{ kind: 'class', name: 'InviteController' }] });
    expect(collectElements(manifest).map((e) => e.className)).toEqual(['BillingoneTeam']);
  });

  it('refuses an event without an event class, naming the element and the fix', () => {
    const manifest = manifestOf({ folder: 'team', declaration: { name: 'BillingoneTeam', events: [{ name: 'billingone-saved', description: 'Saved.' }] } });
    expect(() => collectElements(manifest)).toThrow('<billingone-team> @fires billingone-saved has no event class: write "@fires {SomethingEvent} billingone-saved - …"');
  });

  it('refuses a manifest without elements or without modules', () => {
    expect(() => collectElements({ modules: [] })).toThrow('no element class is exported by a "<folder>/define.ts" module');
    expect(() => collectElements({})).toThrow('no "modules" array');
  });

  it('lists the entry points the elements package lacks', () => {
    const elements = collectElements(manifestOf({ folder: 'team', declaration: { name: 'BillingoneTeam' } }, { folder: 'profile', declaration: { name: 'BillingoneProfile' } }));
    expect(missingEntryPoints(elements, { exports: { '.': {}, './team': {} } })).toEqual(['./profile']);
  });
});

describe('the committed wrappers', () => {
  it('match the elements manifest (run `pnpm --filter @billingone/settings-react generate` after changing the elements)', async () => {
    const { manifest, manifestPath } = await readElementsManifest();
    if (!manifest) throw new Error(`${manifestPath} is missing: build @billingone/settings-elements first.`);
    const files = renderBindings(manifest);
    for (const [path, text] of files) expect(readFileSync(`${packageRoot}${path}`, 'utf8'), path).toBe(text);
    const committed = readdirSync(`${packageRoot}src/generated`).map((name) => `src/generated/${name}`);
    expect(committed.sort()).toEqual([...files.keys()].filter((path) => path.startsWith('src/generated/')).sort());
  });

  it('import each element by its own entry point', () => {
    const profile = readFileSync(`${packageRoot}src/generated/profile.ts`, 'utf8');
    expect(profile).toContain("from '@billingone/settings-elements/profile';");
    expect(profile.match(/from '@billingone\/settings-elements\/[a-z-]+'/g)).toHaveLength(1);
    expect(existsSync(`${packageRoot}src/generated/settings.ts`)).toBe(true);
  });
});
