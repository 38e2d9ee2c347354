import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

// Runs a snippet `crosswise server-config` wrote as a real server on loopback: express with `cors`, Fastify with
// `@fastify/cors`, or Debian's nginx. Every route answers 'ok' with the response headers given, so a test can see which
// of them the CORS configuration lets the page read.

export type SnippetFormat = 'express' | 'fastify' | 'nginx';

/** Debian's nginx, when installed. */
export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
export const NO_NGINX = "skipped: Debian's nginx is not installed (apt-get install nginx)";

export interface SnippetServerOptions {
  /** The port the snippet's server listens on (127.0.0.1): the API origin of the session. */
  port: number;
  /** A folder inside the repository (so the servers' imports find its node_modules), for the files written. */
  work: string;
  /** Response headers every route sends. */
  headers: Record<string, string>;
  /** Working directory of express and Fastify (the repository root). */
  root: string;
}

function waitForPort(port: number, child: ChildProcess): Promise<void> {
  return new Promise((ready, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`server exited (${String(code)}): ${output}`)));
    const tick = setInterval(() => {
      fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' }).then(
        () => {
          clearInterval(tick);
          ready();
        },
        () => {},
      );
    }, 100);
  });
}

function start(format: SnippetFormat, snippet: string, options: SnippetServerOptions): ChildProcess {
  const { port, work, headers, root } = options;
  const entries = Object.entries(headers);
  if (format === 'express') {
    const file = join(mkdtempSync(join(work, 'express-')), 'app.mjs');
    const set = entries.map(([name, value]) => `.set(${JSON.stringify(name)}, ${JSON.stringify(value)})`).join('');
    writeFileSync(
      file,
      `import express from 'express';\nconst app = express();\n${snippet}\napp.use((req, res) => res${set}.send('ok'));\napp.listen(${port}, '127.0.0.1');\n`,
    );
    return spawn(process.execPath, [file], { cwd: root });
  }
  if (format === 'fastify') {
    const file = join(mkdtempSync(join(work, 'fastify-')), 'app.mjs');
    const set = entries.map(([name, value]) => `.header(${JSON.stringify(name)}, ${JSON.stringify(value)})`).join('');
    const routes = `fastify.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', handler: async (req, reply) => reply${set}.send('ok') });`;
    writeFileSync(
      file,
      `import Fastify from 'fastify';\nconst fastify = Fastify();\n${snippet}\n${routes}\nawait fastify.listen({ port: ${port}, host: '127.0.0.1' });\n`,
    );
    return spawn(process.execPath, [file], { cwd: root });
  }
  const dir = mkdtempSync(join(work, 'nginx-'));
  const add = entries.map(([name, value]) => `add_header ${name} "${value.replaceAll('"', '\\"')}";`).join(' ');
  const servers = snippet.replaceAll('# your proxy_pass or root here', `${add} return 200 "ok";`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${dir}/${name};`).join('\n  ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  access_log off;\n  ${temp}\n${servers}\n}\n`,
  );
  const check = spawnSync(NGINX ?? '', ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
  return spawn(NGINX ?? '', ['-p', dir, '-c', join(dir, 'nginx.conf')]);
}

/** Starts the snippet's server and resolves once it answers; the function it resolves with stops it (and waits until it is gone). */
export async function startSnippetServer(
  format: SnippetFormat,
  snippet: string,
  options: SnippetServerOptions,
): Promise<() => Promise<void>> {
  const child = start(format, snippet, options);
  const stop = async (): Promise<void> => {
    // The next server takes the same port: this one must be gone first.
    if (child.exitCode === null && child.signalCode === null) await new Promise((gone) => child.once('exit', gone).kill());
  };
  try {
    await waitForPort(options.port, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
