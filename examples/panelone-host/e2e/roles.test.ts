import { allEndpoints, can, permissions, sections, visibleSections, type Permission, type Role } from '@billingone/settings-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from './support/browser.js';
import { callApi, demoEmail, integrationsReadOnly, navigationLabels, openSection, sectionElement, sectionLabels, signIn } from './support/demo.js';
import { see } from './support/expect.js';

// Each role signs in and sees exactly the sections core's role table gives it, every one of them
// rendered (and photographed); the sections it lacks are refused on a deep link, and the API refuses
// every call its role does not allow, whatever the page shows.
const suite = useBrowser();
const checkedRoles = ['owner', 'finance', 'engineer', 'viewer'] as const satisfies readonly Role[];

const isPermission = (access: string): access is Permission => (permissions as readonly string[]).includes(access);

/** Every endpoint guarded by a permission `role` lacks, with placeholder path parameters. */
function refusedEndpoints(role: Role): { method: string; path: string; id: string }[] {
  return allEndpoints
    .filter((endpoint) => isPermission(endpoint.access) && !can({ role }, endpoint.access))
    .map((endpoint) => ({ id: endpoint.id, method: endpoint.method, path: endpoint.path.replace('{provider}', 'pax8').replace(/\{\w+\}/g, 'missing_id') }));
}

describe('roles: what Owner, Finance, Engineer and Viewer may see and do', () => {
  for (const role of checkedRoles) {
    it(`${role}: navigation, sections, refused deep links and refused API calls`, async () => {
      const visitor = await suite.visitor();
      const { page } = visitor;
      await signIn(page, demoEmail(role));
      const visible = visibleSections({ role });
      expect(await navigationLabels(page), `the ${role}’s navigation`).toEqual(visible.map((section) => sectionLabels[section]));

      for (const section of visible) {
        await openSection(page, section);
        await screenshot(page, `${role}-${section}`);
      }

      const access = await integrationsReadOnly(await openSection(page, 'integrations'));
      if (can({ role }, 'integrations.manage')) {
        expect(access.note, `no read-only note for the ${role}`).toBe(false);
        expect(access.actions, `integration actions offered to the ${role}`).toBeGreaterThan(0);
      } else {
        expect(access, `the ${role} only looks at the integrations`).toEqual({ note: true, actions: 0 });
      }

      for (const section of sections.filter((candidate) => !visible.includes(candidate))) {
        await page.goto(`/settings/${section}`);
        await see(page.locator('billingone-settings').getByText('You do not have access to this page'), `the ${section} section refused to the ${role}`);
        expect(await sectionElement(page, section).count(), `no ${section} element for the ${role}`).toBe(0);
      }

      const refused = refusedEndpoints(role);
      const answers = [];
      for (const endpoint of refused) answers.push({ ...endpoint, ...(await callApi(page, endpoint.method, endpoint.path, endpoint.method === 'GET' ? undefined : {})) });
      expect(answers.filter((answer) => answer.status !== 403 || answer.code !== 'forbidden'), `API calls the ${role} may not make, answered otherwise than 403 forbidden`).toEqual([]);
      if (role !== 'owner') expect(refused.length, 'some endpoints are refused to this role').toBeGreaterThan(0);

      // What the role may read still answers.
      expect((await callApi(page, 'GET', '/integrations')).status).toBe(200);
      expect((await callApi(page, 'GET', '/organization')).status).toBe(200);
      await visitor.close();
    });
  }
});
