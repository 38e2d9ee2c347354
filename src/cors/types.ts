/** A browser engine whose CORS behaviour crosswise models; `standard` is the WHATWG Fetch standard itself. */
export type Engine = 'standard' | 'chromium' | 'firefox' | 'webkit';

/** Every engine crosswise models, in a stable order. */
export const ENGINES: readonly Engine[] = Object.freeze(['standard', 'chromium', 'firefox', 'webkit']);

/**
 * What the browser does with a call:
 * - `same-origin`: no CORS at all (the target is the page's origin, or a `data:` URL);
 * - `simple`: cross-origin, sent at once, the response checked with the CORS check;
 * - `preflight`: cross-origin, an OPTIONS round trip first;
 * - `no-cors`: cross-origin in `mode: 'no-cors'`: sent without preflight, the response opaque;
 * - `rejected`: `fetch()` throws or rejects before anything reaches the network.
 */
export type CorsKind = 'same-origin' | 'simple' | 'preflight' | 'no-cors' | 'rejected';

/** Where a reason sits in the verdict: it causes the preflight, causes the refusal, or only informs. */
export type ReasonSeverity = 'preflight' | 'reject' | 'info';

/** Which safelist rule a header broke. */
export type HeaderRule =
  | 'name' // the name is not a CORS-safelisted request-header name
  | 'value-length' // the value is longer than 128 bytes
  | 'unsafe-byte' // the value holds a CORS-unsafe request-header byte
  | 'non-ascii' // the value holds a byte >= 0x80 the engine treats as unsafe
  | 'language-chars' // Accept-Language / Content-Language outside 0-9 A-Z a-z space * , - . ; =
  | 'mime-parse' // Content-Type does not parse as a MIME type
  | 'mime-essence' // Content-Type's essence is not one of the three safelisted ones
  | 'range-syntax' // Range is not a simple range header value
  | 'client-hint-value'; // an engine-safelisted client hint with a value it does not accept

/** Where a header of the sent request came from. */
export type HeaderSource = 'caller' | 'body';

/** One cause of the verdict, with a stable code. The message and fix are derived from the code. */
export type Reason = ReasonData & {
  /** Whether the cause makes the call preflighted, makes the browser refuse it, or only informs. */
  severity: ReasonSeverity;
  /** A human sentence naming the cause. */
  message: string;
  /** A concrete change that would keep the call simple (or make it legal), where one exists. */
  fix?: string;
};

/** The discriminated data of each reason code; the codes are a public, versioned contract. */
export type ReasonData =
  | {
      code: 'method_not_safelisted';
      /** The method as the call wrote it (not GET, HEAD or POST once upper-cased). */
      method: string;
    }
  | {
      code: 'header_not_safelisted';
      /** The header's name, lower-case. */
      header: string;
      /** Its value, as the browser would send it. */
      value: string;
      /** Which safelist rule the header broke. */
      rule: HeaderRule;
      /** Who set it: the caller, or the body (a Content-Type the body implies). */
      source: HeaderSource;
    }
  | {
      code: 'safelist_size_exceeded';
      /** The bytes of the safelisted values together (the limit is 1024). */
      total: number;
      /** The safelisted headers whose values were counted, lower-case. */
      headers: string[];
    }
  | { code: 'stream_body' }
  | {
      code: 'invalid_input';
      /** What `fetch()` would refuse, in a clause (e.g. the platform's own message). */
      detail: string;
    }
  | {
      code: 'invalid_url';
      /** The URL as given. */
      url: string;
    }
  | {
      code: 'url_has_credentials';
      /** The URL, with the user name and password it carries. */
      url: string;
    }
  | {
      code: 'unsupported_scheme';
      /** The scheme, with its colon (e.g. `ftp:`). */
      scheme: string;
    }
  | {
      code: 'invalid_method';
      /** The method as given: not an HTTP token. */
      method: string;
    }
  | {
      code: 'forbidden_method';
      /** The method: CONNECT, TRACE or TRACK, in the case given. */
      method: string;
    }
  | {
      code: 'invalid_header_name';
      /** The name as given. */
      header: string;
    }
  | {
      code: 'invalid_header_value';
      /** The name of the header whose value is invalid. */
      header: string;
    }
  | {
      code: 'invalid_mode';
      /** The mode as given (`navigate` and `websocket` exist but `fetch()` refuses them). */
      mode: string;
    }
  | {
      code: 'invalid_option';
      /** The `RequestInit` member (e.g. `priority`). */
      option: string;
      /** The value given, as a string. */
      value: string;
    }
  | {
      code: 'body_not_allowed';
      /** The method: GET or HEAD. */
      method: string;
    }
  | { code: 'stream_without_duplex' }
  | {
      code: 'body_unusable';
      /** What is used up: a locked `ReadableStream`, or a `Request` whose body was read. */
      body: 'stream' | 'request';
    }
  | { code: 'window_not_null' }
  | {
      code: 'invalid_referrer';
      /** The referrer as given. */
      referrer: string;
    }
  | {
      code: 'blob_url_refused';
      /** Why: a method other than GET, or a blob: URL of another origin. */
      cause: 'method' | 'cross-origin';
      /** The call's method. */
      method: string;
    }
  | {
      code: 'stream_not_allowed';
      /** What rules the stream out: keepalive, `mode: 'no-cors'`, the engine, or an HTTP/1.1 URL. */
      context: 'keepalive' | 'no-cors' | 'engine' | 'http1';
    }
  | { code: 'stream_needs_http2' }
  | { code: 'stream_stringified' }
  | {
      code: 'keepalive_body_too_large';
      /** The body's size in bytes (the budget is 64 KiB). */
      size: number;
    }
  | {
      code: 'no_cors_method';
      /** The method, which `no-cors` does not allow. */
      method: string;
    }
  | {
      code: 'no_cors_redirect';
      /** The redirect mode given (`no-cors` requires `follow`). */
      redirect: string;
    }
  | {
      code: 'same_origin_mode';
      /** The cross-origin URL `mode: 'same-origin'` refuses. */
      target: string;
    }
  | {
      code: 'only_if_cached';
      /** The request mode given (`only-if-cached` requires `same-origin`). */
      mode: string;
    }
  | { code: 'only_if_cached_miss' }
  | {
      code: 'forbidden_header_dropped';
      /** The forbidden header's name, lower-case. */
      header: string;
    }
  | {
      code: 'no_cors_header_dropped';
      /** The dropped header's name, lower-case. */
      header: string;
    }
  | { code: 'origin_unknown' }
  | { code: 'request_body_opaque' };

/** The stable code of a reason, e.g. `header_not_safelisted`. */
export type ReasonCode = ReasonData['code'];

/** The prediction for one call: what the browser will do before anything is sent. */
export interface CorsPrediction {
  /** The verdict: same-origin, simple, preflight, no-cors or rejected. */
  kind: CorsKind;
  /** True when an OPTIONS preflight precedes the call. */
  preflight: boolean;
  /** The engine whose rules produced this prediction. */
  engine: Engine;
  /** The method after normalization (only DELETE GET HEAD OPTIONS POST PUT are upper-cased). */
  method: string;
  /** The absolute target URL, or null when it could not be parsed. */
  url: string | null;
  /** The page's origin used for the prediction, or null when unknown. */
  origin: string | null;
  /** The request mode after defaults. */
  mode: RequestMode;
  /** The credentials mode after defaults. */
  credentials: RequestCredentials;
  /** Exactly what the browser lists in Access-Control-Request-Headers: lower-case, sorted, unique (Firefox names a header once per entry). */
  unsafeHeaders: string[];
  /** The header list the browser would send (names lower-case, in list order), forbidden ones dropped, body Content-Type and default Accept added. */
  headers: [string, string][];
  /**
   * What reaches the wire, where the engine rewrites `headers` below fetch() after every CORS decision (measured,
   * `src/cors/wire-profiles.ts`): Chromium re-serializes a Range, Firefox sends the first of repeated Content-Types,
   * WebKit sends bytes 0x80–0xFF UTF-8 encoded and a no-cors body's Content-Type. Absent when the wire carries `headers`
   * as they are (every call in the standard profile, nearly every call in the others). The headers the browser adds
   * itself (Origin, User-Agent, `sec-fetch-*` …) are in neither list.
   * @example prediction.wireHeaders ?? prediction.headers // the caller's and body's headers as the server receives them
   */
  wireHeaders?: [string, string][];
  /** One entry per cause, in the order the browser meets them. */
  reasons: Reason[];
}

/** Options of {@link predictCors}. */
export interface PredictOptions {
  /**
   * The page's origin, e.g. `https://app.example.com`.
   * @default the page's own origin, `self.origin` (`'null'` in a sandboxed iframe), else `location.origin` (also when given as undefined)
   */
  origin?: string | undefined;
  /**
   * Whose rules to apply.
   * @default the engine running the code when it is a browser, else `'standard'` (also when given as undefined)
   */
  engine?: Engine | undefined;
}
