import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/setup.mjs on a machine that lacks Chromium, run as an unprivileged user (setpriv, as root) with a PATH that
// holds only node and the tools each case gives it: it must say what it needs and how to get it, in one paragraph,
// exit 1, never print a stack, and never let sudo prompt.
const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const asRoot = process.getuid?.() === 0;
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

let bin: string;
beforeAll(async () => {
  bin = await mkdtemp(join(tmpdir(), 'crosswise-setup-'));
  await chmod(bin, 0o755);
  await symlink(process.execPath, join(bin, 'node'));
});
afterAll(async () => {
  await rm(bin, { recursive: true, force: true });
});

// A file the unprivileged user may append to.
async function logFile(name: string): Promise<string> {
  const path = join(bin, name);
  await writeFile(path, '');
  await chmod(path, 0o666);
  return path;
}

async function tool(name: string, script: string): Promise<void> {
  await writeFile(join(bin, name), `#!/bin/sh\n${script}\n`);
  await chmod(join(bin, name), 0o755);
}

async function setup(asNobody: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  const command = ['env', `PATH=${bin}`, 'HOME=/tmp', process.execPath, join(root, 'scripts/setup.mjs'), '--no-node'];
  const [file, args] = asNobody ? ['setpriv', [...NOBODY, ...command]] : [command[0] ?? 'env', command.slice(1)];
  return run(file, args, { cwd: root }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? -1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  );
}

const noStack = (text: string): void => expect(text).not.toMatch(/^\s+at |Error:|node:internal/m);

describe('scripts/setup.mjs without the means to install', () => {
  it('no apt-get: names the browser, the package manager and the override', async () => {
    const { code, stderr } = await setup(false);
    expect(code).toBe(1);
    expect(stderr).toMatch(/needs Chromium, not installed here, and this system has no apt-get/);
    expect(stderr).toMatch(/CROSSWISE_CHROMIUM/);
    noStack(stderr);
  });

  it.skipIf(!asRoot)('not root, no sudo: the one command to run as root', async () => {
    await tool('apt-get', 'echo "apt-get must not run" >&2; exit 3');
    const { code, stderr } = await setup(true);
    expect(code).toBe(1);
    expect(stderr).toMatch(/as root: `apt-get update && apt-get install -y chromium` \(this user is not root and there is no sudo\)/);
    noStack(stderr);
  });

  it.skipIf(!asRoot)('sudo that wants a password: asked with -n only, never prompted', async () => {
    const log = await logFile('sudo.log');
    await tool('sudo', `printf "%s\\n" "$*" >> ${log}; exit 1`);
    const { code, stderr } = await setup(true);
    expect(code).toBe(1);
    expect(stderr).toMatch(/`sudo apt-get update && sudo apt-get install -y chromium` \(sudo asked for a password/);
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual(['-n true']);
    noStack(stderr);
  });

  it.skipIf(!asRoot)('usable sudo: apt-get through sudo -n, with DEBIAN_FRONTEND carried across', async () => {
    const log = await logFile('sudo-ok.log');
    // A sudo that succeeds and records its arguments, and installs nothing: setup must notice the browser is still missing.
    await tool('sudo', `printf "%s\\n" "$*" >> ${log}; exit 0`);
    const { code, stdout, stderr } = await setup(true);
    expect(stdout).toMatch(/installing chromium from Debian/);
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual([
      '-n true',
      '-n env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      '-n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/still not where scripts\/browsers\.mjs looks/);
    noStack(stderr);
  });
});

// The npm step, in a copy of the scripts with a fake npm that records its calls: reinstall exactly when the lock changed.
describe('scripts/setup.mjs and the npm packages', () => {
  let project: string;
  let calls: string;
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'crosswise-setup-npm-'));
    await cp(join(root, 'scripts'), join(project, 'scripts'), { recursive: true });
    await writeFile(join(project, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    calls = join(project, 'npm-calls.log');
    await mkdir(join(project, 'bin'));
    await symlink(process.execPath, join(project, 'bin', 'node'));
    // `npm ci` here writes what the real one leaves behind; NPM_FAILS makes it fail.
    await writeFile(
      join(project, 'bin', 'npm'),
      `#!/bin/sh\nprintf "%s\\n" "$*" >> ${calls}\n[ -n "$NPM_FAILS" ] && exit 1\nmkdir -p node_modules && echo {} > node_modules/.package-lock.json\n`,
    );
    await chmod(join(project, 'bin', 'npm'), 0o755);
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  const setupIn = (env: Record<string, string> = {}): Promise<{ code: number | undefined; stdout: string; stderr: string }> =>
    run(process.execPath, [join(project, 'scripts/setup.mjs'), '--no-node', '--no-browsers'], {
      cwd: project,
      env: { PATH: `${join(project, 'bin')}:/usr/bin:/bin`, ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code,
        stdout: error.stdout ?? '',
        stderr: error.stderr ?? '',
      }),
    );
  const npmCalls = async (): Promise<string[]> => (await readFile(calls, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);

  it('installs when node_modules is missing, skips when the lock is unchanged, reinstalls when it changed', async () => {
    expect((await setupIn()).stdout).toMatch(/installing npm packages \(npm ci\)/);
    expect(await npmCalls()).toEqual(['ci --no-audit --no-fund']);
    expect(await setupIn()).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await npmCalls()).toHaveLength(1);
    // A pull that changes the lock file, even one that leaves its date older than node_modules.
    await writeFile(join(project, 'package-lock.json'), '{"lockfileVersion":3,"packages":{"node_modules/ky":{}}}\n');
    await utimes(join(project, 'package-lock.json'), new Date('2020-01-01'), new Date('2020-01-01'));
    expect((await setupIn()).stdout).toMatch(/package-lock\.json changed since the last install: npm ci/);
    expect(await npmCalls()).toHaveLength(2);
  });

  it('when npm ci fails: one paragraph, exit 1, no stack', async () => {
    await writeFile(join(project, 'package-lock.json'), '{"lockfileVersion":3,"packages":{"node_modules/zod":{}}}\n');
    const { code, stderr } = await setupIn({ NPM_FAILS: '1' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/`npm ci` failed \(its messages are above\)\. It needs the npm registry/);
    noStack(stderr);
  });
});
