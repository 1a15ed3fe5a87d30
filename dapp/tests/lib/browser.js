// The built DApp (dapp/dist) served on a free loopback port, and Debian's Chromium driven by
// playwright-core (which downloads no browser of its own).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, extname, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const DAPP = resolve(new URL('../..', import.meta.url).pathname);
export const DIST = join(DAPP, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

/** Serve `dir` on 127.0.0.1 at a free port; resolves with `{ url, close }`. */
export async function serveStatic(dir = DIST) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html not found: build the DApp first (npm run build)`);
  const server = createServer(async (req, res) => {
    try {
      const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      let file = join(dir, path);
      if (!file.startsWith(dir) || !(await stat(file).catch(() => null))?.isFile()) file = join(dir, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Debian's Chromium: $CHROMIUM, or the binary behind /usr/bin/chromium's wrapper script. */
export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) if (existsSync(p)) return p;
  throw new Error('Chromium not found: apt-get install -y chromium (scripts/setup.sh does), or set CHROMIUM');
}

/** Headless Chromium. */
export function launch() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/**
 * A page of `browser` whose console errors and uncaught errors are pushed to `problems` (a test
 * then fails on any: `assert.deepEqual(problems.splice(0), [])` after each).
 */
export async function watchedPage(browser, problems) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return page;
}
