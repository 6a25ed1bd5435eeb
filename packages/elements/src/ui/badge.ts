import { html, type TemplateResult } from 'lit';

export type BadgeTone = 'neutral' | 'primary' | 'success' | 'warning' | 'danger';

/** A small status label (“Current”, “Connected”, “MFA on”). Tones are never the only signal: the text says it. */
export function badge(text: string, tone: BadgeTone = 'neutral'): TemplateResult {
  return html`<span class="badge ${tone === 'neutral' ? '' : `badge-${tone}`}" part="badge" data-tone=${tone}>${text}</span>`;
}
