import type { AuditEntry } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../i18n/localize.js';

/** The value the server writes in place of a secret. */
const redacted = '[redacted]';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function valueView(l: Localizer, value: unknown): TemplateResult {
  if (value === undefined || value === null) return html`<span class="muted">${l.t('audit.changes.none')}</span>`;
  if (value === redacted) return html`<span class="muted">${l.t('audit.changes.redacted')}</span>`;
  if (typeof value === 'boolean') return html`${l.t(value ? 'common.yes' : 'common.no')}`;
  if (typeof value === 'number') return html`${l.number(value)}`;
  if (typeof value === 'string') return html`<bdi class="value">${value}</bdi>`;
  return html`<code class="value mono">${JSON.stringify(value)}</code>`;
}

/**
 * What an entry changed, field by field (before → after; the server has already redacted secrets),
 * with the target's id and the browser that made the change.
 */
export function entryDetails(l: Localizer, entry: AuditEntry): TemplateResult {
  const t = l.t;
  const before = entry.changes?.before ?? {};
  const after = entry.changes?.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return html`
    <div class="details stack-sm">
      ${fields.length > 0
        ? html`
            <table class="table changes">
              <caption class="visually-hidden">${t('audit.changes.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('audit.changes.field')}</th>
                  <th scope="col">${t('audit.changes.before')}</th>
                  <th scope="col">${t('audit.changes.after')}</th>
                </tr>
              </thead>
              <tbody>
                ${fields.map((field) => {
                  const changed = !same(before[field], after[field]);
                  return html`
                    <tr class=${changed ? 'changed' : 'unchanged'} data-field=${field}>
                      <th scope="row"><code class="mono">${field}</code>${changed ? html`<span class="visually-hidden"> (${t('audit.changes.changed')})</span>` : nothing}</th>
                      <td data-side="before">${valueView(l, before[field])}</td>
                      <td data-side="after">${valueView(l, after[field])}</td>
                    </tr>
                  `;
                })}
              </tbody>
            </table>
          `
        : html`<p class="muted">${t('audit.changes.empty')}</p>`}
      <dl class="meta small">
        ${entry.target ? html`<div><dt>${t('audit.details.target')}</dt><dd><code class="mono">${entry.target.type}:${entry.target.id}</code></dd></div>` : nothing}
        ${entry.userAgent ? html`<div><dt>${t('audit.details.userAgent')}</dt><dd><bdi>${entry.userAgent}</bdi></dd></div>` : nothing}
        <div><dt>${t('audit.details.id')}</dt><dd><code class="mono">${entry.id}</code></dd></div>
      </dl>
    </div>
  `;
}
