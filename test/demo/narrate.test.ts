import { describe, expect, it } from 'vitest';
import { fitLines, narrateCall, wrap } from '../../examples/demo/narrate.js';
import type { CallRecord } from '../../examples/demo/session.js';

describe('the demo narration', () => {
  it('wraps within the width, prefixes counted, and cuts what it cannot fit', () => {
    const text = 'one two three four five six seven eight nine ten';
    expect(wrap(text, { first: '  ', rest: '    ', width: 16 })).toBe(
      '  one two three\n    four five\n    six seven\n    eight nine\n    ten',
    );
    expect(wrap(text, { width: 16, maxLines: 2 })).toBe('one two three\nfour five six…');
    expect(wrap('x'.repeat(30), { width: 10 })).toBe(`${'x'.repeat(9)}…`);
    expect(
      fitLines(`short\n  ${'word '.repeat(30)}`, 40)
        .split('\n')
        .every((line) => line.length <= 40),
    ).toBe(true);
  });

  it('tells a refused call from a sent one, and never runs past 100 columns', () => {
    const base: CallRecord = {
      call: 'PUT /broken/items/1 (strict)',
      prediction: 'preflight [PUT]',
      warnings: [],
      credentials: 'include',
      transport: '—',
      outcome: `CorsPolicyError: ${'because '.repeat(40)}`,
      ok: false,
    };
    const refused = narrateCall(base, 8);
    expect(refused).toMatch(
      /^ 9\. PUT \/broken\/items\/1 \(strict\)\n {4}Would be preflighted for the PUT method: nothing sent\.\n {4}→ CorsPolicyError/,
    );
    expect(refused.split('\n')).toHaveLength(4);
    expect(refused.split('\n').every((line) => line.length <= 100)).toBe(true);
    const sent = narrateCall(
      {
        ...base,
        prediction: 'preflight [authorization,x-trace]',
        transport: 'fetch',
        ok: true,
        outcome: '200 {}',
        warnings: ['header_not_safelisted'],
      },
      0,
    );
    expect(sent.replace(/\n\s+/g, ' ')).toContain(
      'Preflighted (OPTIONS first) for the authorization, x-trace headers. Cookies go with it. crosswise warned: header not safelisted.',
    );
  });
});
