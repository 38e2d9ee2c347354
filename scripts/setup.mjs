#!/usr/bin/env node
// One set-up step for every command in the README: a fresh machine gets what the run needs, an
// equipped one loses a second. Browsers come from Debian (never a test tool's own download, which
// this network refuses).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const wantBrowsers = !args.has('--no-browsers');
const wantEngines = args.has('--engines');

const packages = [];
if (wantBrowsers && !existsSync('/usr/bin/chromium')) packages.push('chromium');
if (wantEngines) {
  if (!existsSync('/usr/bin/firefox-esr')) packages.push('firefox-esr');
  if (!existsSync('/usr/bin/WebKitWebDriver') || !existsSync('/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser')) {
    packages.push('webkit2gtk-driver', 'libwebkit2gtk-4.1-0');
  }
  if (!existsSync('/usr/bin/xvfb-run')) packages.push('xvfb', 'xauth');
}

if (packages.length > 0) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? [] : ['sudo'];
  console.log(`setup: installing ${packages.join(', ')} from Debian`);
  const run = (argv) => execFileSync(sudo.length ? 'sudo' : argv[0], sudo.length ? argv : argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...packages]);
}

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('setup: installing npm packages (npm ci)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
