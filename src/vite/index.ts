// crosswise/vite — mounts the dev probe (crosswise/dev) on Vite's dev server. It is typed by the shape it uses, so
// Vite is not a dependency; `apply: 'serve'` keeps it out of every build.

import { createProbeHandler, type ProbeHandler, type ProbeHandlerOptions } from '../dev/index.js';

/** The part of Vite's dev server the plugin uses: its connect stack. */
export interface DevServerLike {
  /** Vite's connect stack (`server.middlewares`). */
  middlewares: {
    /** Mounts a connect handler before Vite's own. */
    use(handler: ProbeHandler): unknown;
  };
}

/** A Vite plugin object (structurally): dev server only. */
export interface CrosswiseVitePlugin {
  /** The plugin's name in Vite's list: `'crosswise:dev-probe'`. */
  name: string;
  /** Applied by `vite` (the dev server) only: a build leaves the probe out. */
  apply: 'serve';
  /** Mounts the probe handler on the dev server's connect stack. */
  configureServer(server: DevServerLike): void;
}

/**
 * A Vite plugin that answers the client's `diagnosis({ probe })` on the dev server (`POST /__crosswise/probe`), and does
 * nothing in a build.
 * @example
 * // vite.config.ts, with crosswiseDevProbe from crosswise/vite:
 * export default defineConfig({ plugins: [crosswiseDevProbe()] });
 * // the page: createClient({ diagnose: diagnosis({ probe: '/__crosswise/probe' }) })
 */
export function crosswiseDevProbe(options: ProbeHandlerOptions = {}): CrosswiseVitePlugin {
  return {
    name: 'crosswise:dev-probe',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(createProbeHandler(options));
    },
  };
}
