/**
 * Where the SDK keeps the session. Any object with these three async methods works: React Native's AsyncStorage and
 * Expo SecureStore (through a small wrapper) fit as they are.
 */
export interface AuthStorage {
  getItem(key: string): Promise<string | null> | string | null;
  setItem(key: string, value: string): Promise<void> | void;
  removeItem(key: string): Promise<void> | void;
}

/** The storage names `createAuthClient` takes. */
export type StorageOption = 'memory' | 'localStorage' | 'sessionStorage' | AuthStorage;

/** Storage in this JavaScript context only: gone on reload, not shared between tabs. */
export function memoryStorage(): AuthStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

/** Wraps a Web Storage object (`localStorage`, `sessionStorage`). */
export function webStorage(storage: Storage): AuthStorage {
  return {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
  };
}

/** Resolves a storage option to an adapter; a named Web Storage that does not exist falls back to memory. */
export function resolveStorage(option: StorageOption | undefined, scope: { localStorage?: Storage; sessionStorage?: Storage } = globalThis as never): AuthStorage {
  if (option === undefined || option === 'memory') {
    return memoryStorage();
  }
  if (option === 'localStorage' || option === 'sessionStorage') {
    const storage = scope[option];
    return storage ? webStorage(storage) : memoryStorage();
  }
  if (typeof option.getItem !== 'function' || typeof option.setItem !== 'function' || typeof option.removeItem !== 'function') {
    throw new TypeError('storage must be "memory", "localStorage", "sessionStorage" or an object with getItem, setItem and removeItem');
  }
  return option;
}
