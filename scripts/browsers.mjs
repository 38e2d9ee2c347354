// Where this machine's browsers are: one answer for scripts/setup.mjs (which installs what is missing), the tests, the
// demo and the benchmarks. Found where they are (PATH, the multiarch library folders), never assumed at one path.
// CROSSWISE_CHROMIUM, CROSSWISE_FIREFOX and CROSSWISE_MINIBROWSER point at a binary elsewhere.
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The first of `names` on PATH, as a full path. */
export function onPath(...names) {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) if (executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

const fromEnv = (name) => {
  const value = process.env[name];
  return value !== undefined && value !== '' && executable(value) ? value : undefined;
};

// Debian's multiarch triplets (dpkg-architecture -qDEB_HOST_MULTIARCH) for Node's process.arch.
const MULTIARCH = {
  x64: 'x86_64-linux-gnu',
  arm64: 'aarch64-linux-gnu',
  arm: 'arm-linux-gnueabihf',
  ia32: 'i386-linux-gnu',
  ppc64: 'powerpc64le-linux-gnu',
  s390x: 's390x-linux-gnu',
  riscv64: 'riscv64-linux-gnu',
};

/** WebKitGTK's MiniBrowser: Debian puts it in /usr/lib/<multiarch>/webkit2gtk-4.1/, Fedora in /usr/libexec/webkit2gtk-4.1/. */
function findMiniBrowser() {
  const own = MULTIARCH[process.arch];
  const libDirs = existsSync('/usr/lib')
    ? readdirSync('/usr/lib').filter((name) => name.endsWith('-linux-gnu') || name.endsWith('-linux-gnueabihf'))
    : [];
  // This machine's own architecture first, then whatever else is installed.
  const ordered = [...(own === undefined ? [] : [own]), ...libDirs.filter((name) => name !== own)];
  const candidates = [...ordered.map((name) => `/usr/lib/${name}/webkit2gtk-4.1/MiniBrowser`), '/usr/libexec/webkit2gtk-4.1/MiniBrowser'];
  return candidates.find(executable);
}

/** Each browser's binary on this machine, or undefined when it is not installed. */
export function findBrowsers() {
  return {
    chromium: fromEnv('CROSSWISE_CHROMIUM') ?? onPath('chromium', 'chromium-browser'),
    firefox: fromEnv('CROSSWISE_FIREFOX') ?? onPath('firefox-esr', 'firefox'),
    webkitDriver: onPath('WebKitWebDriver'),
    miniBrowser: fromEnv('CROSSWISE_MINIBROWSER') ?? findMiniBrowser(),
    xvfbRun: onPath('xvfb-run'),
    // Not a browser: the server-config tests run the nginx snippet they generate (Debian puts nginx in /usr/sbin).
    nginx: onPath('nginx') ?? ['/usr/sbin/nginx', '/usr/bin/nginx'].find(executable),
  };
}

// How every Chromium here is started (tests, demo, benchmarks): as root in a container it needs --no-sandbox; the rest
// keep it off this machine's closed network, which refuses its background connections.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// What to install for each, on Debian.
const PACKAGES = {
  chromium: ['chromium'],
  firefox: ['firefox-esr'],
  webkitDriver: ['webkit2gtk-driver'],
  miniBrowser: ['libwebkit2gtk-4.1-0'],
  xvfbRun: ['xvfb', 'xauth'],
  nginx: ['nginx-light'],
};
/** What each part is called in a message. */
export const LABELS = {
  chromium: 'Chromium',
  firefox: 'Firefox ESR',
  webkitDriver: 'WebKitWebDriver',
  miniBrowser: "WebKitGTK's MiniBrowser",
  xvfbRun: 'xvfb-run',
  nginx: 'nginx',
};

/** The Debian packages that provide `names`. */
export const debianPackages = (names) => [...new Set(names.flatMap((name) => PACKAGES[name]))];

/** The binary for `name`, or an Error that says what is missing and how to get it. */
export function requireBrowser(name) {
  const path = findBrowsers()[name];
  if (path !== undefined) return path;
  throw new Error(
    `${LABELS[name]} is not installed (Debian package: ${PACKAGES[name].join(', ')}): run \`npm run setup -- --engines\`, or install it yourself`,
  );
}
