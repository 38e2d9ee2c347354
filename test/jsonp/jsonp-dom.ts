import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { isJsonpError, type JsonpError } from '../../src/jsonp/index.js';
import { createLegacyServer, type LegacyServer } from './legacy-server.js';

// The happy-dom set-up the loader's unit tests share: a window that runs script tags for real
// (enableJavaScriptEvaluation) against a real loopback legacy server, and the probes for what a load leaves behind.
// happy-dom is the lifecycle oracle here; real Chromium, Firefox and WebKit run jsonp-scenarios.ts.

/** One test's page: its window and document, and what the loader left in them. */
export interface JsonpPage {
  window: Window;
  document: Document;
  /** Every script element the loader created, even those already removed. */
  created: HTMLScriptElement[];
  /** The window's callback globals: generated names, and the fixed names the tests use. */
  callbackGlobals: () => string[];
  /** Script elements still in the document. */
  scriptsInDocument: () => number;
  /** What the page printed to its console (a late callback's ReferenceError would show here). */
  console: () => string;
}

/** The fixed callback names the tests pass: a leftover of one of them is as much a leak as a generated one. */
const FIXED_NAMES = new Set(['fixedCallback', 'rawCheck', 'busyName']);

/** Starts the legacy server for the file, and closes each test's window after it; `page()` opens one. */
export function useJsonpPages(): { server: () => LegacyServer; page: (url?: string) => JsonpPage } {
  let server: LegacyServer | undefined;
  const windows: Window[] = [];
  beforeAll(async () => {
    server = await createLegacyServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
  });
  return {
    server: () => {
      if (server === undefined) throw new Error('the legacy server has not started');
      return server;
    },
    page: (url = 'http://127.0.0.1:1/') => {
      // The only scripts it runs are this suite's own loopback server's, so happy-dom's warning about untrusted code does not apply.
      const window = new Window({
        url,
        settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
      });
      windows.push(window);
      const document = window.document as unknown as Document;
      const created: HTMLScriptElement[] = [];
      const createElement = document.createElement.bind(document);
      document.createElement = ((tag: string) => {
        const element = createElement(tag);
        created.push(element as HTMLScriptElement);
        return element;
      }) as typeof document.createElement;
      return {
        window,
        document,
        created,
        callbackGlobals: () => Object.keys(window).filter((key) => key.startsWith('__cwJsonp') || FIXED_NAMES.has(key)),
        scriptsInDocument: () => document.querySelectorAll('script').length,
        console: () => window.happyDOM.virtualConsolePrinter.readAsString(),
      };
    },
  };
}

/** The JsonpError a load rejects with; anything else (a resolution, another error) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<JsonpError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isJsonpError(error)) throw new Error(`expected a JsonpError, got ${String(error)}`);
  return error;
}

/** An AbortSignal that counts its abort listeners still attached: the loader must leave none behind. */
export function watchedSignal(controller = new AbortController()): {
  signal: AbortSignal;
  controller: AbortController;
  listeners: () => number;
} {
  const { signal } = controller;
  const live = new Set<unknown>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: AddEventListenerOptions | boolean) => {
    live.add(listener);
    add(type, listener, options);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: EventListenerOptions | boolean) => {
    live.delete(listener);
    remove(type, listener, options);
  }) as typeof signal.removeEventListener;
  return { signal, controller, listeners: () => live.size };
}

/**
 * Watches the timers the loader sets: `during(fn)` records every setTimeout that `fn` sets synchronously (the loader
 * sets its one timer inside loadJsonp's call), and `pending()` says how many of them have neither fired nor been
 * cleared. The legacy server's own timers, set later from its request handler, are not recorded.
 */
export function watchTimers(): { during: <T>(load: () => T) => T; pending: () => number; restore: () => void } {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const pending = new Set<unknown>();
  let recording = false;
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const id = realSet(
      (...given: unknown[]) => {
        pending.delete(id);
        callback(...given);
      },
      delay,
      ...args,
    );
    if (recording) pending.add(id);
    return id;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((id: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(id);
    realClear(id);
  }) as typeof clearTimeout;
  return {
    during: (load) => {
      recording = true;
      try {
        return load();
      } finally {
        recording = false;
      }
    },
    pending: () => pending.size,
    restore: () => {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    },
  };
}

/** Waits `ms` milliseconds (for late responses and the element's load events). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
