import { expect } from 'vitest';

/** Every text an error shows a person or a log: its message, string form, stack and JSON, down the cause chain. */
export function errorTexts(error: unknown, depth = 0): string[] {
  if (depth > 5 || error === null || error === undefined) return [];
  if (typeof error !== 'object') return [String(error)];
  const texts: string[] = [String(error), JSON.stringify(error) ?? ''];
  if (error instanceof Error) texts.push(error.message, error.stack ?? '');
  for (const [field, value] of Object.entries(error)) {
    texts.push(field, typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  }
  return [...texts, ...errorTexts((error as { cause?: unknown }).cause, depth + 1)];
}

/** Fails when a secret appears anywhere in what the error exposes. */
export function expectNoSecret(error: unknown, secret: string): void {
  expect(error).toBeInstanceOf(Error);
  for (const text of errorTexts(error)) expect(text).not.toContain(secret);
}

/** Runs `action` and returns what it threw; fails when it did not throw. */
export async function caught(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  expect.fail('expected the call to throw');
}
