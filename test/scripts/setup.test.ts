import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
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
