import { closeSync, openSync, readSync } from 'node:fs';
import { UsageError } from './usage-error.js';

// `-d @file` and `-d @-`, as in curl: the body is the file's content (kept byte for byte), or standard input's.

/** The largest body `-d @file` reads: `@/dev/zero` or an endless pipe must end in a message, not in memory exhaustion. */
export const MAX_DATA_FILE_BYTES = 16 * 1024 * 1024;

function readBounded(fd: number, label: string): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    total += read;
    if (total > MAX_DATA_FILE_BYTES) throw new UsageError(`${label}: more than ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB, too large`);
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body a `-d` value stands for: `@-` reads standard input, `@name` the file, anything else is the body itself. */
export function readDataArgument(value: string): string {
  if (!value.startsWith('@')) return value;
  return readTextFile(value.slice(1), `-d ${value}`, ' (use --data-raw to send a body that starts with @)');
}

/** A file's text, or standard input's for `-`, at most 16 MiB; `label` starts each error, `hint` ends a missing file's. */
export function readTextFile(name: string, label: string, hint = ''): string {
  if (name === '-') {
    try {
      return readBounded(0, label);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${label}: cannot read standard input (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  let fd: number;
  try {
    fd = openSync(name, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
    throw new UsageError(`${label}: ${why}${hint}`);
  }
  try {
    return readBounded(fd, label);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${label}: ${code === 'EISDIR' ? 'is a directory' : (code ?? String(error))}`);
  } finally {
    closeSync(fd);
  }
}
