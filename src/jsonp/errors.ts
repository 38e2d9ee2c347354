import { errorMessage } from './words.js';

/** Why a JSONP load failed. */
export type JsonpErrorCode = 'timeout' | 'script_error' | 'no_callback' | 'aborted' | 'schema' | 'callback_busy';

/** A JSONP load failed; `code` says how. Local to crosswise/jsonp so the entry stays self-contained. */
export class JsonpError extends Error {
  /** Always `'JsonpError'`. */
  override name = 'JsonpError' as const;
  /** How the load failed: `timeout`, `script_error`, `no_callback`, `aborted`, `schema` or `callback_busy`. */
  declare readonly code: JsonpErrorCode;
  /** The script URL, callback parameter included. */
  declare readonly url: string;
  /** The global callback the script was to call (generated, or `options.callbackName`). */
  declare readonly callbackName: string;
  /** The raw data the callback received (code `schema`). */
  declare readonly data?: unknown;
  /** The schema's issues (code `schema`). */
  declare readonly issues?: readonly unknown[];

  /**
   * Built by the loader; the message reads `JSONP <url>: <message>`.
   * @param code How the load failed.
   * @param message What happened, in a clause.
   * @param url The script URL, callback parameter included.
   * @param callbackName The global callback's name.
   * @param extra The raw data and the schema's issues (code `schema`), and the error behind this one.
   */
  constructor(
    code: JsonpErrorCode,
    message: string,
    url: string,
    callbackName: string,
    extra?: {
      /** The raw data the callback received. */
      data?: unknown;
      /** The schema's issues. */
      issues?: readonly unknown[];
      /** The error behind this one (the abort signal's reason). */
      cause?: unknown;
    },
  ) {
    super(errorMessage(url, message, code), extra);
    // `extra` brings `data` and `issues` (`cause` is already set, the same value, by Error).
    Object.assign(this, { code, url, callbackName }, extra);
  }
}

/** Matches by name and code rather than by class, so an error from another realm (an iframe) or another copy of the loader passes too. */
export function isJsonpError(error: unknown): error is JsonpError {
  return (error as JsonpError | null)?.name === 'JsonpError' && typeof (error as JsonpError).code === 'string';
}
