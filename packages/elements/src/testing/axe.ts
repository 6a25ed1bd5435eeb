import axe from 'axe-core';
import { expect } from 'vitest';

/** Every animation under a node, its shadow roots included (`document.getAnimations()` leaves those out). */
function animationsWithin(root: Document | ShadowRoot): Animation[] {
  const found = root.getAnimations();
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...animationsWithin(element.shadowRoot));
  return found;
}

/** Waits for running CSS transitions (e.g. colours after a theme switch) so axe sees the final colours. */
async function transitionsSettled(): Promise<void> {
  const transitions = animationsWithin(document).filter((animation) => animation instanceof CSSTransition);
  await Promise.all(transitions.map((transition) => transition.finished.catch(() => undefined)));
}

/** The violations axe-core finds in an element (its shadow roots included), one readable line each. */
export async function axeViolations(context: Element): Promise<string[]> {
  await transitionsSettled();
  const results = await axe.run(context, {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: {
      // A section is a part of a page: the host page supplies the landmarks and the top-level heading.
      region: { enabled: false },
      'page-has-heading-one': { enabled: false },
      'landmark-one-main': { enabled: false },
    },
  });
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(' ')}${node.failureSummary ? ` [${node.failureSummary.replace(/\s+/g, ' ')}]` : ''}`)
        .join('; ')}`,
  );
}

/** Asserts axe finds nothing wrong in an element. */
export async function expectAccessible(context: Element): Promise<void> {
  expect(await axeViolations(context)).toEqual([]);
}

/**
 * Asserts axe finds nothing wrong in an element in the light and the dark theme (set through its
 * `theme` attribute, restored afterwards).
 */
export async function expectAccessibleInThemes(element: HTMLElement & { updateComplete?: Promise<unknown> }): Promise<void> {
  const before = element.getAttribute('theme');
  try {
    for (const theme of ['light', 'dark']) {
      element.setAttribute('theme', theme);
      await element.updateComplete;
      const violations = await axeViolations(element);
      expect(violations, `axe in the ${theme} theme`).toEqual([]);
    }
  } finally {
    if (before === null) element.removeAttribute('theme');
    else element.setAttribute('theme', before);
    await element.updateComplete;
  }
}
