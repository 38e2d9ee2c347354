// The one place a conformance shape becomes real fetch() arguments. It has no imports on purpose:
// the browser harness serves this very file (transpiled) to the page, so Node's prediction and
// each engine's fetch() receive arguments built by the same code.

/** How a header list is handed to fetch: each form reaches the Headers object differently. */
export type HeaderForm = 'record' | 'array' | 'headers';

export type BodySpec =
  | { kind: 'string'; value: string }
  | { kind: 'urlsearchparams'; value: string }
  | { kind: 'formdata'; fields: [string, string][] }
  | { kind: 'blob'; type: string; value: string }
  | { kind: 'arraybuffer'; size: number }
  | { kind: 'uint8array'; size: number }
  | { kind: 'stream'; duplex: 'half' | null; locked?: boolean };

/** Where a Symbol stands in for a string: WebIDL cannot convert it, so the Request constructor throws. */
export type SymbolPlace = 'input' | 'method' | 'body' | 'header-key' | 'header-value' | 'referrer';

export interface Shape {
  /** Stable, URL-safe identifier; also the last path segment of the probe URL. */
  id: string;
  /** The rule the shape exercises (for reports). */
  group: string;
  /** What the shape is, in a few words (for reports). */
  title?: string;
  /** Put `user:pass@` in the URL. */
  urlCredentials?: boolean;
  /** Target the page's own origin instead of the other one. */
  sameOrigin?: boolean;
  method?: string;
  headers?: { form: HeaderForm; entries: [string, string][] };
  body?: BodySpec;
  mode?: RequestMode;
  credentials?: RequestCredentials;
  keepalive?: boolean;
  cache?: RequestCache;
  redirect?: RequestRedirect;
  referrerPolicy?: ReferrerPolicy;
  /** Pass `new Request(url, init)` instead of `(url, init)`. */
  asRequest?: boolean;
  /** Pass the URL as a URL object. */
  asUrlObject?: boolean;
  referrer?: string;
  priority?: RequestPriority;
  /** Aim at this URL as given (relative ones resolve against the page) instead of the probe URL. */
  rawUrl?: string;
  /** Pass `window: {}` (the standard allows only null). */
  windowObject?: boolean;
  /** Aim at a `blob:` URL of the target's origin (never created, so even a GET fails; other methods fail first). */
  blobUrl?: boolean;
  /** Put a Symbol where a string belongs. */
  symbol?: SymbolPlace;
}

function buildHeaders(spec: NonNullable<Shape['headers']>): HeadersInit {
  if (spec.form === 'array') return spec.entries.map(([n, v]) => [n, v]);
  if (spec.form === 'record') {
    const record: Record<string, string> = {};
    for (const [name, value] of spec.entries) record[name] = value;
    return record;
  }
  const headers = new Headers();
  for (const [name, value] of spec.entries) headers.append(name, value);
  return headers;
}

function buildBody(spec: BodySpec): BodyInit {
  switch (spec.kind) {
    case 'string':
      return spec.value;
    case 'urlsearchparams':
      return new URLSearchParams(spec.value);
    case 'formdata': {
      const form = new FormData();
      for (const [name, value] of spec.fields) form.append(name, value);
      return form;
    }
    case 'blob':
      return new Blob([spec.value], { type: spec.type });
    case 'arraybuffer':
      return new ArrayBuffer(spec.size);
    case 'uint8array':
      return new Uint8Array(spec.size);
    case 'stream': {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('streamed'));
          controller.close();
        },
      });
      if (spec.locked === true) stream.getReader();
      return stream;
    }
  }
}

/** Puts a Symbol in the init where the shape says; the input is handled by the caller. */
function withSymbol(init: Record<string, unknown>, place: SymbolPlace): void {
  const symbol = Symbol('crosswise');
  if (place === 'method' || place === 'body' || place === 'referrer') init[place] = symbol;
  if (place === 'body') init['method'] = 'POST';
  if (place === 'header-key') init['headers'] = { 'X-A': '1', [symbol]: 'v' };
  if (place === 'header-value') init['headers'] = { 'X-A': symbol };
}

/** Builds the arguments of `fetch()` for a shape aimed at `url`. Throws only where the platform's constructors throw. */
export function toFetchArgs(shape: Shape, url: string): [RequestInfo | URL, RequestInit | undefined] {
  const init: RequestInit & { duplex?: 'half' } = {};
  if (shape.method !== undefined) init.method = shape.method;
  if (shape.headers !== undefined) init.headers = buildHeaders(shape.headers);
  if (shape.body !== undefined) {
    init.body = buildBody(shape.body);
    if (shape.body.kind === 'stream' && shape.body.duplex !== null) init.duplex = shape.body.duplex;
  }
  if (shape.mode !== undefined) init.mode = shape.mode;
  if (shape.credentials !== undefined) init.credentials = shape.credentials;
  if (shape.keepalive !== undefined) init.keepalive = shape.keepalive;
  if (shape.cache !== undefined) init.cache = shape.cache;
  if (shape.redirect !== undefined) init.redirect = shape.redirect;
  if (shape.referrerPolicy !== undefined) init.referrerPolicy = shape.referrerPolicy;
  if (shape.referrer !== undefined) init.referrer = shape.referrer;
  if (shape.priority !== undefined) init.priority = shape.priority;
  if (shape.windowObject === true) (init as Record<string, unknown>)['window'] = {};
  if (shape.symbol !== undefined && shape.symbol !== 'input') withSymbol(init as Record<string, unknown>, shape.symbol);
  const probe = shape.rawUrl ?? url;
  const plain = shape.blobUrl === true ? `blob:${new URL(url).origin}/${url.split('/').pop() ?? ''}` : probe;
  const href = shape.urlCredentials === true ? plain.replace('://', '://user:pass@') : plain;
  const target = shape.asUrlObject === true ? new URL(href) : href;
  if (shape.symbol === 'input') return [Symbol('crosswise') as unknown as string, init];
  if (shape.asRequest === true) return [new Request(target, init), undefined];
  return [target, Object.keys(init).length === 0 ? undefined : init];
}
