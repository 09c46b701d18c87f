import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { demoModelDocument } from '../../src/demo/index.js';
import { keyProductHtml, keyProductReport, type KeyProductReport } from '../../src/report/keyproduct/index.js';

// Renders the key-product HTML report in headless Chromium. The browser is never installed by the
// test: it is looked up on PATH and the test is skipped (and says so) when there is none.
const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome'];
const browser = findOnPath(BROWSERS);
const run = promisify(execFile);
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const WIDTH = 1200;
const HEIGHT = 1600;

function findOnPath(names: readonly string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '')) {
    for (const name of names) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

if (browser === undefined) {
  console.warn(`skipping the headless browser test: none of ${BROWSERS.join(', ')} is on PATH`);
}

describe.skipIf(browser === undefined)(
  `key-product HTML report in headless Chromium${browser === undefined ? ` (skipped: none of ${BROWSERS.join(', ')} on PATH)` : ''}`,
  () => {
    const htmlPath = join(artifacts, 'report.html');
    const pngPath = join(artifacts, 'report.png');
    const url = pathToFileURL(htmlPath).href;
    let report: KeyProductReport;
    let flags: string[];
    let profile: string;

    // Set up only when the suite runs: a skipped suite computes and writes nothing.
    beforeAll(() => {
      report = keyProductReport(computeFootprints(demoModelDocument()), { lang: 'zh' });
      mkdirSync(artifacts, { recursive: true });
      writeFileSync(htmlPath, keyProductHtml(report));
      rmSync(pngPath, { force: true });
      // A profile of its own, so parallel runs and the user's browser never share a lock.
      profile = mkdtempSync(join(tmpdir(), 'smeltprint-chromium-'));
      flags = ['--headless=new', '--no-sandbox', '--disable-gpu', `--user-data-dir=${profile}`];
    });
    afterAll(() => rmSync(profile, { recursive: true, force: true }));

    it('renders the page: the DOM has the title and the Sankey SVG with its ribbons', async () => {
      const { stdout } = await run(browser!, [...flags, '--dump-dom', url], { timeout: 45_000, maxBuffer: 32 * 1024 * 1024 });
      expect(stdout).toContain(`<title>${report.title}</title>`);
      const sankey = stdout.match(/<svg [^>]*class="sankey"[\s\S]*?<\/svg>/)?.[0];
      expect(sankey).toBeDefined();
      expect(sankey!.match(/<path class="sankey-link/g)?.length).toBe(report.sankey.links.length);
      expect(stdout.match(/<svg /g)?.length).toBe(4);
    });

    it(`takes a ${WIDTH}×${HEIGHT} screenshot into test-artifacts/report.png`, async () => {
      await run(browser!, [...flags, `--screenshot=${pngPath}`, `--window-size=${WIDTH},${HEIGHT}`, url], { timeout: 45_000 });
      const png = readFileSync(pngPath);
      // PNG signature, then the IHDR chunk with width and height (big-endian) at bytes 16–23.
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([WIDTH, HEIGHT]);
      // A blank 1200×1600 page compresses to a few kilobytes; a rendered report is far larger.
      expect(statSync(pngPath).size).toBeGreaterThan(50_000);
    });
  },
);
