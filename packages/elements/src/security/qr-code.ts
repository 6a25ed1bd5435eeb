import { html, nothing, svg, type TemplateResult } from 'lit';

type Generate = typeof import('lean-qr/nano').generate;
let generate: Generate | undefined;
let loading: Promise<boolean> | undefined;

/**
 * Loads the QR encoder, a chunk of its own (only enrolment draws a QR code). Resolves `false` when it
 * cannot be loaded: the setup key typed by hand still works.
 */
export function loadQrEncoder(): Promise<boolean> {
  loading ??= import('lean-qr/nano').then(
    (module) => {
      generate = module.generate;
      return true;
    },
    () => {
      loading = undefined;
      return false;
    },
  );
  return loading;
}

/** Quiet zone around the code, in modules (the QR standard asks for four). */
const quietZone = 4;

/**
 * The outline of every dark module as one SVG path (a unit square per module, merged along rows),
 * drawn in a `viewBox` of modules: no image URL, so no `img-src data:` is needed under a strict CSP.
 */
export function qrPath(text: string): { size: number; d: string } {
  if (!generate) throw new Error('qrPath(): call loadQrEncoder() first.');
  const code = generate(text);
  const { size } = code;
  let d = '';
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!code.get(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && code.get(x, y)) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  return { size, d };
}

/**
 * A QR code of `text` as inline SVG, announced to assistive technology as an image named `label`;
 * nothing until {@link loadQrEncoder} has loaded the encoder.
 */
export function qrCode(text: string, label: string): TemplateResult | typeof nothing {
  if (!generate) return nothing;
  const { size, d } = qrPath(text);
  const extent = size + quietZone * 2;
  return html`<svg
    class="qr"
    role="img"
    aria-label=${label}
    viewBox="${-quietZone} ${-quietZone} ${extent} ${extent}"
    shape-rendering="crispEdges"
  >
    ${svg`<rect class="qr-background" x=${-quietZone} y=${-quietZone} width=${extent} height=${extent}></rect><path class="qr-modules" d=${d}></path>`}
  </svg>`;
}
