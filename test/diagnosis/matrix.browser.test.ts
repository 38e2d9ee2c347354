import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { useChromiumTab } from '../helpers/chromium-tab.js';
import { expectMatrix } from './matrix-session.js';

// The diagnosis matrix (matrix-session.ts) in real Chromium, with what Chromium printed in its console for each call.
const consoleLines: string[] = [];
const { page, api, open, label } = useChromiumTab({ onConsole: (line) => void consoleLines.push(line) });

describe('the diagnosis on fifteen misconfigurations, in real Chromium', () => {
  it('with the dev probe: the true cause first and confirmed, every time; without: never a wrong confirmed cause', async () => {
    const { figures, outcomes } = await expectMatrix({ page, api }, open, label());
    // What Chromium printed in its console for each call, for docs/troubleshooting.md.
    writeFileSync(join(tmpdir(), 'crosswise-diagnosis-chromium.json'), JSON.stringify({ figures, consoleLines, outcomes }, null, 2));
  });
});
