import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crosswise } from '../helpers/cli.js';

// The command line's habits, as curl and the ecosystem have them: help and version, curl's -d @file, URLs that say
// what they mean, one-line errors and never a stack trace. The real binary (built by test/global-build.ts).

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const STACK_FRAME = /^\s+at /m;

describe('help and version', () => {
  it('--help and -h print the commands on stdout, exit 0', async () => {
    const runs = await Promise.all(['--help', '-h', 'help'].map((flag) => crosswise([flag])));
    for (const run of runs) {
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('crosswise explain <url>');
      expect(run.stdout).toContain('crosswise probe <url>');
      expect(run.stderr).toBe('');
    }
  });

  it('each command has a help page with one line per flag, exit 0', async () => {
    for (const [command, flags] of [
      ['explain', ['--request', '--header', '--data', '--data-raw', '--origin', '--engine', '--mode', '--credentials', '--json', '--help']],
      [
        'probe',
        [
          '--request',
          '--header',
          '--data',
          '--data-raw',
          '--origin',
          '--engine',
          '--mode',
          '--credentials',
          '--send',
          '--timeout',
          '--json',
          '--help',
        ],
      ],
      ['server-config', ['--request', '--header', '--origin', '--credentials', '--expose', '--format', '--json', '--help']],
    ] as const) {
      const argvs = [
        [command, '--help'],
        [command, '-h'],
        ['help', command],
        [command, 'https://x.example', '--help'],
      ];
      for (const run of await Promise.all(argvs.map((argv) => crosswise(argv)))) {
        expect(run.status).toBe(0);
        for (const flag of flags)
          expect(run.stdout.split('\n').filter((line) => new RegExp(`^\\s+(-\\w, )?${flag}( [A-Z']|\\s\\s)`).test(line))).toHaveLength(1);
        expect(run.stdout).toContain('https://github.com/crosswise-dev/crosswise/blob/main/docs/cli.md');
      }
    }
    expect((await crosswise(['explain', '--help'])).stdout).not.toContain('--timeout');
  });

  it('--version prints the package version, exit 0', async () => {
    const run = await crosswise(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('no command: the usage on stderr, exit 2; an unknown one is named', async () => {
    const none = await crosswise([]);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('usage: crosswise explain');
    const unknown = await crosswise(['expalin', 'https://x.example']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "expalin"');
  });
});

describe('URLs', () => {
  it('a URL without a scheme is a usage error that suggests https://', async () => {
    const run = await crosswise(['explain', 'api.example.com/items', '--origin', 'https://app.example.com']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('did you mean https://api.example.com/items?');
    expect((await crosswise(['explain', 'localhost:8080/items'])).stderr).toContain('did you mean https://localhost:8080/items?');
    expect((await crosswise(['probe', 'api.example.com', '--origin', 'https://app.example.com'])).stderr).toContain(
      'did you mean https://api.example.com?',
    );
  });

  it('a path is resolved against --origin, as fetch() does on the page, and needs one', async () => {
    const run = await crosswise(['explain', '/items', '--origin', 'https://app.example.com']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('GET https://app.example.com/items from https://app.example.com');
    expect((await crosswise(['explain', '/items'])).stderr).toContain('needs --origin');
  });

  it('the engines disagreeing points at the published docs, not at a path the package lacks', async () => {
    const run = await crosswise([
      'explain',
      'https://api.example/img',
      '-H',
      'DPR: 2',
      '--origin',
      'https://app.example',
      '--engine',
      'all',
    ]);
    expect(run.stdout).toContain('the engines disagree: see https://github.com/crosswise-dev/crosswise/blob/main/docs/engines.md');
    expect(run.stdout).not.toMatch(/(?<!\/)docs\/engines\.md/);
  });
});

describe('-d as in curl', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crosswise-cli-'));
  const explainBody = async (args: string[]) => {
    const run = await crosswise(['explain', 'https://api.example/items', '--origin', 'https://app.example', '--json', ...args]);
    return {
      run,
      prediction: run.status === 2 ? null : (JSON.parse(run.stdout) as { method: string; headers: [string, string][]; kind: string }),
    };
  };

  it('-d @file reads at most 16 MiB: an endless file is a usage error, not a hang', async () => {
    const run = await explainBody(['-d', '@/dev/zero']);
    expect(run.run.status).toBe(2);
    expect(run.run.stderr).toContain('more than 16 MiB');
  });

  it('a missing file is a usage error; --data-raw keeps a leading @', async () => {
    const missing = await explainBody(['-d', `@${join(folder, 'nope.json')}`]);
    expect(missing.run.status).toBe(2);
    expect(missing.run.stderr).toContain('no such file');
    expect(missing.run.stderr.trim().split('\n')).toHaveLength(1);
    expect((await explainBody(['--data-raw', '@handle'])).prediction).toMatchObject({ method: 'POST' });
  });
});

describe('errors are one line, never a stack trace', () => {
  it('--timeout beyond the maximum, or not a number: one line, exit 2', async () => {
    const timeouts = ['3000000000', '600001', '0', '-5', '1e3', 'soon', ''];
    const runs = await Promise.all(
      timeouts.map((timeout) => crosswise(['probe', 'http://127.0.0.1:9/x', '--origin', 'http://app.example', `--timeout=${timeout}`])),
    );
    for (const run of runs) {
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('--timeout must be');
    }
  });

  it('probe-only flags on explain are usage errors', async () => {
    expect((await crosswise(['explain', 'https://x.example', '--send'])).stderr).toContain('--send is for probe');
    expect((await crosswise(['explain', 'https://x.example', '--timeout', '5'])).stderr).toContain('--timeout is for probe');
  });

  it('odd input gets an exit code and at most a line or two, never a stack', async () => {
    const odd: string[][] = [
      ['explain', 'https://x.example', '--origin'],
      ['explain', 'https://x.example', '-H', 'X: a\u0001b', '--origin', 'https://a.example'],
      ['explain', 'https://x.example', '-H', 'X: \u20ac'],
      ['explain', 'http://[::1', '--origin', 'http://[::1'],
      ['explain', 'https://x.example', '--origin', 'javascript:alert(1)'],
      ['explain', 'https://x.example', '-d', '@/'],
      ['explain', 'https://x.example', '-d', '@x', '--data-raw', 'y'],
      ['explain', 'https://x.example', 'https://y.example'],
      ['probe', 'https://x.example', '--origin', 'about:blank'],
      ['probe', 'http://127.0.0.1:9/x', '--origin', 'http://a.example', '-X', 'G\u0001T'],
      ['probe', 'http://127.0.0.1:9/x', '--origin', 'http://a.example', '--engine', 'all', '--engine', 'netscape'],
    ];
    for (const run of await Promise.all(odd.map((args) => crosswise(args)))) {
      expect([0, 1, 2]).toContain(run.status);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stdout).not.toMatch(STACK_FRAME);
    }
  });
});
