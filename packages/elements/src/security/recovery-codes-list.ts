import { html, type TemplateResult } from 'lit';
import { copyText, downloadText } from '../ui/clipboard.js';
import type { SecurityHost, SecurityTools } from './host.js';

/** Name of the downloaded file. */
export const recoveryCodesFileName = 'billingone-recovery-codes.txt';

export interface RecoveryCodesListOptions {
  /** Prefix of the ids in the list (unique in the shadow root). */
  readonly id: string;
  readonly codes: readonly string[];
  readonly generatedAt: string;
}

/** The text of the downloaded file: a heading, when the codes were made, one code per line, a reminder. */
export function recoveryCodesText(host: SecurityHost, codes: readonly string[], generatedAt: string): string {
  return [
    host.t('security.recovery.file.heading'),
    host.t('security.recovery.file.generated', { date: host.localizer.dateTime(generatedAt) }),
    '',
    ...codes,
    '',
    host.t('security.recovery.file.note'),
    '',
  ].join('\n');
}

/**
 * Recovery codes as a list with “Copy” and “Download” buttons. Used when TOTP is turned on (the codes
 * are shown once) and when the member views or regenerates them.
 */
export function recoveryCodesList(host: SecurityHost, tools: SecurityTools, options: RecoveryCodesListOptions): TemplateResult {
  const { id, codes, generatedAt } = options;
  const copy = async () => {
    const copied = await copyText(codes.join('\n'));
    tools.announce(host.t(copied ? 'security.recovery.copied' : 'security.recovery.copyFailed'), copied ? 'polite' : 'assertive');
  };
  const download = () => {
    downloadText(host.renderRoot, recoveryCodesFileName, recoveryCodesText(host, codes, generatedAt));
    tools.announce(host.t('security.recovery.downloaded'));
  };
  return html`
    <div class="recovery-codes stack-sm">
      <ul class="codes" id="${id}-codes" aria-label=${host.t('security.recovery.listLabel', { count: codes.length })} dir="ltr">
        ${codes.map((code) => html`<li><code class="mono">${code}</code></li>`)}
      </ul>
      <div class="row">
        <button type="button" class="button button-small" part="button" data-action="copy-codes" @click=${copy}>
          ${host.t('security.recovery.copy')}
        </button>
        <button type="button" class="button button-small" part="button" data-action="download-codes" @click=${download}>
          ${host.t('security.recovery.download')}
        </button>
      </div>
    </div>
  `;
}
