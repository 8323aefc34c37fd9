/**
 * A Web Storage on a Map, for the Node-side tests (Node 20 has no localStorage). The real
 * localStorage is exercised in Chromium by the *.browser.test.ts files.
 */
export class MapStorage implements Storage {
  readonly #items = new Map<string, string>();
  /** Largest total size (key + value characters) accepted, like a browser's quota. */
  readonly quota: number;

  constructor(quota = Number.POSITIVE_INFINITY) {
    this.quota = quota;
  }

  get length(): number {
    return this.#items.size;
  }

  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    let size = key.length + value.length;
    for (const [other, otherValue] of this.#items) if (other !== key) size += other.length + otherValue.length;
    if (size > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.#items.set(key, String(value));
  }

  removeItem(key: string): void {
    this.#items.delete(key);
  }

  clear(): void {
    this.#items.clear();
  }

  [name: string]: unknown;
}

/** A Storage whose every method throws, as in a sandboxed iframe or with storage blocked. */
export function blockedStorage(): Storage {
  const fail = (): never => {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  };
  return {
    get length() {
      return fail();
    },
    key: fail,
    getItem: fail,
    setItem: fail,
    removeItem: fail,
    clear: fail,
  };
}
