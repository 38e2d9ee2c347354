// What a request body implies, per "extract a body" (https://fetch.spec.whatwg.org/#concept-bodyinit-extract).

/** The kinds of body fetch() distinguishes. `unknown` is the body of a Request object, whose source is not observable. */
export type BodyKind = 'none' | 'text' | 'url-search-params' | 'form-data' | 'blob' | 'bytes' | 'stream' | 'unknown';

export interface BodyInfo {
  kind: BodyKind;
  /** The Content-Type the body sets when the caller set none; `boundary` stands for the engine's FormData boundary. */
  contentType: string | null;
  /** Size in bytes where it is known before sending (keepalive's 64 KiB budget). */
  size: number | null;
}

const NO_BODY: BodyInfo = Object.freeze({ kind: 'none', contentType: null, size: 0 });

/** A value's platform type by brand (toStringTag), so that it works across realms and in Node. */
export function tagOf(value: unknown): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Classifies a body by its platform type. */
export function describeBody(body: unknown): BodyInfo {
  if (body === undefined || body === null) return NO_BODY;
  const tag = typeof body === 'object' ? tagOf(body) : '';
  if (tag === 'URLSearchParams') {
    return { kind: 'url-search-params', contentType: 'application/x-www-form-urlencoded;charset=UTF-8', size: utf8Length(String(body)) };
  }
  if (tag === 'FormData') return { kind: 'form-data', contentType: 'multipart/form-data; boundary=', size: null };
  if (tag === 'Blob' || tag === 'File') {
    const blob = body as Blob;
    return { kind: 'blob', contentType: blob.type === '' ? null : blob.type, size: blob.size };
  }
  if (tag === 'ArrayBuffer' || tag === 'SharedArrayBuffer' || ArrayBuffer.isView(body)) {
    return { kind: 'bytes', contentType: null, size: (body as ArrayBuffer | ArrayBufferView).byteLength };
  }
  if (tag === 'ReadableStream') return { kind: 'stream', contentType: null, size: null };
  // Anything else, a primitive or any other object, goes through WebIDL's USVString conversion: fetch sends String(body) as text.
  return { kind: 'text', contentType: 'text/plain;charset=UTF-8', size: utf8Length(String(body)) };
}

export const UNKNOWN_BODY: BodyInfo = Object.freeze({ kind: 'unknown', contentType: null, size: null });
