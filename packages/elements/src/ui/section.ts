import { html, nothing, type TemplateResult } from 'lit';

export interface SectionHeaderOptions {
  readonly title: string;
  readonly intro: string;
  /** Id of the heading, for the forms and regions it labels. */
  readonly titleId?: string;
  /** The heading takes focus after an action (`tabindex="-1"`). */
  readonly focusableTitle?: boolean;
}

export interface SectionFrameOptions extends SectionHeaderOptions {
  /** What the section shows under its header. */
  readonly body: unknown;
  /** Classes of the wrapper (default `stack`). */
  readonly baseClass?: string;
  /** The section's confirmation dialog, rendered after the wrapper. */
  readonly dialog?: unknown;
}

/** A section's heading and introduction. */
export function sectionHeader(options: SectionHeaderOptions): TemplateResult {
  return html`
    <div class="section-header" part="header">
      <h2 class="title" part="title" id=${options.titleId ?? nothing} tabindex=${options.focusableTitle ? '-1' : nothing}>${options.title}</h2>
      <p class="muted">${options.intro}</p>
    </div>
  `;
}

/** A section's wrapper: its header, then its content, then the dialog it may open. */
export function sectionFrame(options: SectionFrameOptions): TemplateResult {
  return html`
    <div class=${options.baseClass ?? 'stack'} part="base">${sectionHeader(options)} ${options.body}</div>
    ${options.dialog}
  `;
}
