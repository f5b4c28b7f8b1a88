/**
 * Fake `Storage` objects for tests (plain TypeScript, no vitest import): an in-memory one, and
 * one that fails the way browsers do.
 */

/** A `Storage` backed by a Map, in insertion order, like localStorage for one origin. */
export class MemoryStorage implements Storage {
  [name: string]: unknown;
  readonly data = new Map<string, string>();

  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, String(value));
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  clear(): void {
    this.data.clear();
  }
}

/** The exception a browser throws when storage is full. */
export function quotaError(): DOMException {
  return new DOMException("Failed to execute 'setItem' on 'Storage': the quota has been exceeded.", 'QuotaExceededError');
}

/** The exception a browser throws when site data is disabled. */
export function securityError(): DOMException {
  return new DOMException('The operation is insecure.', 'SecurityError');
}

/** Reads work, every write throws QuotaExceededError while `full` is true; counts write attempts. */
export class FullStorage extends MemoryStorage {
  full = true;
  writeAttempts = 0;
  override setItem(key: string, value: string): void {
    this.writeAttempts++;
    if (this.full) throw quotaError();
    super.setItem(key, value);
  }
}

/** Every access throws SecurityError, as when the browser blocks storage for the site. */
export class BlockedStorage implements Storage {
  [name: string]: unknown;
  get length(): number {
    throw securityError();
  }
  key(): string | null {
    throw securityError();
  }
  getItem(): string | null {
    throw securityError();
  }
  setItem(): void {
    throw securityError();
  }
  removeItem(): void {
    throw securityError();
  }
  clear(): void {
    throw securityError();
  }
}
