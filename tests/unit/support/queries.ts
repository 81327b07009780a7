/**
 * Finding controls the way a reader's assistive technology names them, for the extension pages'
 * tests (popup, options): by role and accessible name, not by class or position.
 */

/** Text as a screen reader reads it: aria-hidden parts skipped, whitespace collapsed. */
export function spokenText(node: Node | null): string {
  return rawSpokenText(node).replace(/\s+/g, ' ').trim();
}

function rawSpokenText(node: Node | null): string {
  if (node === null) return '';
  let text = '';
  for (const child of node.childNodes) {
    if (child instanceof Element && child.getAttribute('aria-hidden') === 'true') continue;
    text += child.nodeType === Node.TEXT_NODE ? (child.textContent ?? '') : rawSpokenText(child);
  }
  return text;
}

/** The accessible name, as far as these pages need it: labelledby, aria-label, label, own text. */
export function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => spokenText(element.ownerDocument.getElementById(id)))
      .join(' ')
      .trim();
  }
  const ariaLabel = element.getAttribute('aria-label');
  if (ariaLabel) return ariaLabel.trim();
  if (element instanceof HTMLInputElement) {
    const label = element.id
      ? element.ownerDocument.querySelector(`label[for="${element.id}"]`)
      : null;
    return spokenText(label ?? element.closest('label'));
  }
  return spokenText(element);
}

const ROLE_SELECTORS = {
  switch: '[role="switch"]',
  tab: '[role="tab"]',
  button: 'button:not([role])',
  checkbox: 'input[type="checkbox"]',
  radio: 'input[type="radio"]',
  textbox: 'input[type="text"]',
  slider: 'input[type="range"]',
  link: 'a[href]',
} as const;

export type Role = keyof typeof ROLE_SELECTORS;

/** Queries inside whatever `root()` returns when called (a test's current container). */
export function queriesWithin(root: () => ParentNode) {
  const allByRole = (role: Role): HTMLElement[] => [
    ...root().querySelectorAll<HTMLElement>(ROLE_SELECTORS[role]),
  ];
  const queryByRole = (role: Role, name: string): HTMLElement | null =>
    allByRole(role).find((element) => accessibleName(element) === name) ?? null;
  const getByRole = (role: Role, name: string): HTMLElement => {
    const found = queryByRole(role, name);
    if (found === null) {
      const names = allByRole(role).map(accessibleName);
      throw new Error(`no ${role} named "${name}" (have: ${JSON.stringify(names)})`);
    }
    return found;
  };
  return { allByRole, queryByRole, getByRole };
}

/** Types into a text or search field as a person does: the value, then an input event. */
export function type(input: HTMLElement, value: string): void {
  (input as HTMLInputElement).value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
