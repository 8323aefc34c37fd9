// The few DOM helpers the dashboard needs.

/** The element with this id; throws when the page lacks it (a typo, not a user error). */
export function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The page has no #${id}`);
  return found as T;
}

/** Shows a message in the status line; `state` lands on `body[data-state]` for tests and styles. */
export function showStatus(message: string, state: string): void {
  element('status').textContent = message;
  document.body.dataset.state = state;
}

/** An error's message, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
