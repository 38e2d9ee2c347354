#!/usr/bin/env node
// One set-up step for every command in the README: a fresh machine gets what the run needs, an equipped one loses a
// fraction of a second. Node 22 and 24 from the npm registry (for the test runs); npm packages when package-lock.json
// changed (installed under Node 24); browsers from Debian (never a test tool's own download, which this network refuses). When something cannot
// be installed it says what is missing and how to get it, and exits 1.
//   --no-browsers   no browsers (the demo runs without one)
//   --engines       Firefox ESR and WebKitGTK too (npm run test:engines)
//   --no-node       not the Node binaries (the demo runs on the machine's Node)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { debianPackages, findBrowsers, LABELS, onPath } from './browsers.mjs';
import { NODE_MAJORS, nodeBinary, nodeDir, nodePackage, npmCli } from './node-versions.mjs';

const args = new Set(process.argv.slice(2));
const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

/** Ends the run with one plain paragraph: what is missing, and how to get it. */
function fail(paragraph) {
  console.error(`\nsetup: ${paragraph}\n`);
  process.exit(1);
}

/** Runs a command with inherited output; false when it cannot start or exits non-zero. */
function run(file, argv, env = process.env) {
  const result = spawnSync(file, argv, { stdio: 'inherit', env });
  return result.error === undefined && result.status === 0;
}

// Node 22 and 24: crosswise needs Node >= 22.12, and npm test runs the unit tests under both.
if (!args.has('--no-node')) {
  for (const major of NODE_MAJORS) {
    if (existsSync(nodeBinary(major))) continue;
    console.log(`setup: installing Node ${major} from the npm registry (${nodePackage()}@${major}) into .cache/node/${major}`);
    const ok = run('npm', [
      'install',
      '--prefix',
      nodeDir(major),
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `${nodePackage()}@${major}`,
    ]);
    if (!ok || !existsSync(nodeBinary(major))) {
      fail(
        `could not install Node ${major}, which the tests run under (crosswise supports Node 22.12 and later). It comes from the npm registry as the package ${nodePackage()}@${major}: check that npm can reach the registry (npm's messages are above), or put a Node ${major} binary at ${nodeBinary(major)}, then run the command again.`,
      );
    }
  }
}

// npm packages: reinstall when package-lock.json changed since the last install (after a pull, a branch switch).
const LOCK_HASH = 'node_modules/.crosswise-lock-hash';
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const installed = existsSync('node_modules/.package-lock.json');
const recorded = existsSync(LOCK_HASH) ? readFileSync(LOCK_HASH, 'utf8').trim() : undefined;
// An install from before this file existed counts as current when it is newer than the lock file.
const current =
  installed &&
  (recorded === undefined
    ? statSync('node_modules/.package-lock.json').mtimeMs >= statSync('package-lock.json').mtimeMs
    : recorded === lockHash);
if (!current) {
  console.log(installed ? 'setup: package-lock.json changed since the last install: npm ci' : 'setup: installing npm packages (npm ci)');
  // Under Node 24 when it is here: npm then checks engines against a Node crosswise supports, not the machine's.
  const newest = nodeBinary(NODE_MAJORS.at(-1));
  const npm = existsSync(newest) ? [newest, [npmCli(), 'ci', '--no-audit', '--no-fund']] : ['npm', ['ci', '--no-audit', '--no-fund']];
  if (!run(...npm)) {
    fail(
      '`npm ci` failed (its messages are above). It needs the npm registry, or a cache that holds every package in package-lock.json. Fix what npm reports, then run the command again.',
    );
  }
}
try {
  if (recorded !== lockHash) writeFileSync(LOCK_HASH, `${lockHash}\n`);
} catch {
  // Not ours to write (another user's checkout): the next run compares again.
}

// Browsers: Chromium (and nginx, for the server-config snippets) for npm test, Firefox ESR and WebKitGTK (with xvfb-run)
// for npm run test:engines.
const wanted = args.has('--no-browsers')
  ? []
  : ['chromium', 'nginx', ...(args.has('--engines') ? ['firefox', 'webkitDriver', 'miniBrowser', 'xvfbRun'] : [])];
const found = findBrowsers();
const missing = wanted.filter((name) => found[name] === undefined);
if (missing.length > 0) {
  const packages = debianPackages(missing);
  const named = `the Debian package${packages.length > 1 ? 's' : ''} ${packages.join(', ')}`;
  const command = `apt-get install -y ${packages.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasSudo = onPath('sudo') !== undefined;
  // sudo -n never prompts: a password prompt in the middle of a test run would hang it.
  const sudo = !isRoot && hasSudo && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  const overrides = 'or point CROSSWISE_CHROMIUM (CROSSWISE_FIREFOX, CROSSWISE_MINIBROWSER) at a binary you have';
  if (onPath('apt-get') === undefined) {
    fail(
      `this command needs ${missing.map((name) => LABELS[name]).join(', ')}, not installed here, and this system has no apt-get to install ${named}. Install the browser with your system's package manager, ${overrides}, then run the command again.`,
    );
  }
  if (!isRoot && !sudo) {
    const how = hasSudo
      ? `\`sudo apt-get update && sudo ${command}\` (sudo asked for a password, which setup never types for you)`
      : `as root: \`apt-get update && ${command}\` (this user is not root and there is no sudo)`;
    fail(
      `this command needs ${named}, not installed here, and this user cannot install it. Install it once ${how}, ${overrides}, then run the command again.`,
    );
  }
  console.log(`setup: installing ${packages.join(', ')} from Debian`);
  // DEBIAN_FRONTEND goes through sudo with \`env\`: sudo drops the caller's environment.
  const apt = (argv) =>
    isRoot
      ? run('apt-get', argv, { ...process.env, DEBIAN_FRONTEND: 'noninteractive' })
      : run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...argv]);
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', ...packages])) {
    fail(
      `\`${command}\` failed (apt's messages are above). This command needs ${named}: fix what apt reports, or install ${packages.length > 1 ? 'them' : 'it'} yourself, then run the command again.`,
    );
  }
  const still = missing.filter((name) => findBrowsers()[name] === undefined);
  if (still.length > 0)
    fail(
      `${debianPackages(still).join(', ')} installed, but the browser is still not where scripts/browsers.mjs looks (PATH, /usr/lib/<multiarch>/webkit2gtk-4.1/): ${overrides.replace('or point', 'point')}.`,
    );
}
