import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Send } from '../../src/cli/send.js';

// main() in process, with the network swapped: whatever a step throws ends as one line on stderr and exit 2.

async function run(argv: string[], send: Send): Promise<{ status: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(
    argv,
    (text) => out.push(text),
    (text) => err.push(text),
    send,
  );
  return { status, out, err };
}

describe('main', () => {
  it('an unexpected error is one line and exit 2, never a stack or a rejection', async () => {
    const boom: Send = () => Promise.reject(new RangeError('boom\n    at somewhere (file.js:1:1)'));
    const result = await run(['probe', 'http://127.0.0.1:9/x', '--origin', 'http://app.example'], boom);
    expect(result.status).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err).toEqual(['crosswise: unexpected error, nothing judged: RangeError: boom']);
  });

  it('a thrown non-Error is reported the same way', async () => {
    const result = await run(['probe', 'http://127.0.0.1:9/x', '--origin', 'http://app.example'], () => {
      throw 'a string';
    });
    expect(result.status).toBe(2);
    expect(result.err).toEqual(['crosswise: unexpected error, nothing judged: a string']);
  });
});
