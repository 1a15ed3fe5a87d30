// Extract and run the examples of docs/dapp.md.
//
// An example is a fenced code block right after a marker line
//
//   <!-- example: <group> (<lib>) -->
//
// where <lib> is `pjs` (@polkadot/api, a ```js block), `papi` (polkadot-api, a ```js block) or
// `curl` (a ```sh block of curl commands), and <group> names the flow the block belongs to. The
// pjs blocks of the guide, concatenated in order, are one ES module; so are the papi blocks. Each
// reads its endpoint from $ALLSPARK_WS (default ws://127.0.0.1:9944) and imports the dapp's
// packages and helpers as a file saved in dapp/ would. The curl commands are run one by one with
// bash, their only change the endpoint: `http://127.0.0.1:9944` becomes the node's.
//
// `node tools/guide-examples.js [pjs|papi|curl] [ws://host:port]` runs one library's examples
// against a running node (default: both JavaScript modules, then the curl commands).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const DAPP = resolve(new URL('../dapp', import.meta.url).pathname);
export const GUIDE = resolve(DAPP, '..', 'docs', 'dapp.md');
export const LIBS = { pjs: '@polkadot/api', papi: 'polkadot-api', curl: 'JSON-RPC (curl)' };
export const DEFAULT_WS = 'ws://127.0.0.1:9944';
export const DEFAULT_HTTP = 'http://127.0.0.1:9944';

const MARKER = /^<!--\s*example:\s*([a-z0-9-]+)\s*\(([a-z]+)\)\s*-->\s*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;
// Fenced blocks that are shown, not run: sample output and data.
const SHOWN_ONLY = new Set(['text', 'json']);
const LANG_OF = { pjs: ['js'], papi: ['js'], curl: ['sh'] };

/**
 * The fenced blocks of a markdown text, with the example marker before each (if any).
 * Returns `{ examples, problems }`: `examples` in document order, each `{ group, lib, lang, code,
 * line }` (`line`: the first code line, 1-based); `problems`: why the text is not a valid guide
 * (an unmarked runnable block, a marker without its block, an unknown library, a wrong language).
 */
export function extract(markdown) {
  const lines = markdown.split('\n');
  const examples = [];
  const problems = [];
  let pendingMarker = null;
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i].trim());
    if (m) {
      if (pendingMarker) problems.push(`line ${pendingMarker.line}: marker without a code block after it`);
      pendingMarker = { group: m[1], lib: m[2], line: i + 1 };
      continue;
    }
    const f = FENCE.exec(lines[i]);
    if (!f) {
      if (pendingMarker && lines[i].trim() !== '') {
        problems.push(`line ${pendingMarker.line}: marker not directly followed by a code block`);
        pendingMarker = null;
      }
      continue;
    }
    const [, , fence, lang] = f;
    const close = new RegExp(`^\\s*\\${fence[0]}{${fence.length},}\\s*$`);
    let j = i + 1;
    const body = [];
    while (j < lines.length && !close.test(lines[j])) body.push(lines[j++]);
    if (j >= lines.length) problems.push(`line ${i + 1}: unterminated code block`);
    if (pendingMarker) {
      const { group, lib, line } = pendingMarker;
      if (!LIBS[lib]) problems.push(`line ${line}: unknown library "${lib}" (use ${Object.keys(LIBS).join(', ')})`);
      else if (!LANG_OF[lib].includes(lang)) problems.push(`line ${line}: a ${lib} example must be a \`\`\`${LANG_OF[lib][0]} block, not "${lang}"`);
      examples.push({ group, lib, lang, code: body.join('\n'), line: i + 2 });
      pendingMarker = null;
    } else if (!SHOWN_ONLY.has(lang.toLowerCase())) {
      problems.push(`line ${i + 1}: a \`\`\`${lang || '(no language)'} block without an example marker: ` +
        `code must be a marked example (it is run); only ${[...SHOWN_ONLY].join(', ')} blocks are shown as they are`);
    }
    i = j;
  }
  if (pendingMarker) problems.push(`line ${pendingMarker.line}: marker without a code block after it`);
  return { examples, problems };
}

/**
 * One library's examples as one ES module: the blocks' text joined in order. Returns `{ source,
 * blocks }`, each block with the lines it occupies in `source` (`from`, `to`, 1-based) and its
 * group.
 */
export function moduleOf(examples, lib) {
  const blocks = [];
  const parts = [];
  let next = 1;
  for (const e of examples.filter((x) => x.lib === lib)) {
    const n = e.code.split('\n').length;
    blocks.push({ ...e, from: next, to: next + n - 1 });
    parts.push(e.code);
    next += n + 1; // a blank line between blocks
  }
  return { source: parts.join('\n\n') + '\n', blocks };
}

/** The groups of `blocks`, in order of first appearance. */
export function groupsOf(blocks) {
  return [...new Set(blocks.map((b) => b.group))];
}

// The programs and scratch directories of this process, ended and removed when it exits.
const children = new Set();
const scratchDirs = new Set();
process.on('exit', () => {
  for (const child of children) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
  for (const dir of scratchDirs) {
    try { rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
});

/**
 * A directory that stands in for dapp/: `src` links to the dapp's and `node_modules` to the workspace's, so a module
 * written there imports exactly what one saved in dapp/ does. Removed by `dispose()`.
 */
export function scratchDir() {
  const dir = mkdtempSync(join(tmpdir(), 'allspark-guide-'));
  scratchDirs.add(dir);
  symlinkSync(join(DAPP, 'src'), join(dir, 'src'), 'dir');
  // npm workspaces install every package in the repository's node_modules.
  symlinkSync(join(DAPP, '..', 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
      scratchDirs.delete(dir);
    },
  };
}

/**
 * Run one library's module with node against `ws`, streaming its output to `onOutput`; it is
 * killed after `timeoutMs`, or when this process exits. Resolves `{ code, signal, stdout, stderr,
 * file, timedOut }`.
 */
export function runModule(source, { name, ws, dir, timeoutMs = 600_000, onOutput = () => {} }) {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, source);
  return new Promise((res) => {
    const child = spawn(process.execPath, [file], {
      cwd: dir,
      env: { ...process.env, ALLSPARK_WS: ws },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => { stdout += d; onOutput(String(d), 'stdout'); });
    child.stderr.on('data', (d) => { stderr += d; onOutput(String(d), 'stderr'); });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('exit', (code, signal) => {
      children.delete(child);
      clearTimeout(timer);
      res({ code, signal, stdout, stderr, file, timedOut });
    });
  });
}

/**
 * The block a failed run stopped in: the outermost frame of the module in its error's stack (the
 * top-level statement that threw, or awaited what threw), mapped to the block holding it;
 * `undefined` when the output names no line of the module.
 */
export function failedBlock(run, blocks) {
  const url = pathToFileURL(run.file).href;
  const re = new RegExp(`^\\s+at .*?(?:${escape(url)}|${escape(run.file)}):(\\d+):\\d+\\)?$`, 'gm');
  const frames = [...run.stderr.matchAll(re)].map((m) => Number(m[1]));
  const header = new RegExp(`^(?:${escape(url)}|${escape(run.file)}):(\\d+)$`, 'm').exec(run.stderr);
  const line = frames.length ? frames[frames.length - 1] : header && Number(header[1]);
  const block = line && blocks.find((b) => line >= b.from && line <= b.to);
  return block ? { block, line } : undefined;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The commands of a curl block: its logical lines (backslash continuations joined), without
 * blank lines and comments.
 */
export function commandsOf(code) {
  const commands = [];
  let current = '';
  for (const raw of code.split('\n')) {
    const line = raw.trimEnd();
    if (!current && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
    } else {
      commands.push(current + line);
      current = '';
    }
  }
  if (current) commands.push(current);
  return commands;
}

/**
 * Run one curl command with bash, its endpoint moved to `http`. Returns `{ command, status,
 * stdout, stderr, body }` (`body`: the parsed JSON answer, or undefined).
 */
export function runCurl(command, http) {
  const moved = command.split(DEFAULT_HTTP).join(http);
  const r = spawnSync('bash', ['-c', moved], { encoding: 'utf8', timeout: 60_000 });
  let body;
  try { body = JSON.parse(r.stdout); } catch { /* not JSON: reported by the caller */ }
  return { command: moved, status: r.status, stdout: r.stdout, stderr: r.stderr, body };
}

/** The JSON-RPC method a curl command calls (from its `-d` body). */
export function methodOf(command) {
  return /"method"\s*:\s*"([A-Za-z0-9_]+)"/.exec(command)?.[1];
}

/** The AllSpark RPC methods docs/reference.md lists under "## RPC methods". */
export function referenceRpcMethods(reference) {
  // The section runs to the next second-level heading.
  const section = (reference.split(/^## RPC methods$/m)[1] ?? '').split(/^## /m)[0];
  return [...section.matchAll(/^### `([A-Za-z0-9_]+)`$/gm)].map((m) => m[1]);
}

/** GitHub's anchors of a markdown text's headings (`#` … `######`), with `-1`, `-2` for repeats. */
export function anchorsOf(markdown) {
  const seen = new Map();
  const anchors = new Set();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const base = h[1].toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n ? `${base}-${n}` : base);
  }
  return anchors;
}

/**
 * The relative links of a markdown text, inline (`[text](target)`) and reference definitions
 * (`[name]: target`): `{ file, anchor }`, `file` empty for a link within the text.
 */
export function linksOf(markdown) {
  const text = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
  const targets = [
    ...[...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/^\[[^\]]+\]:\s*(\S+)\s*$/gm)].map((m) => m[1]),
  ].filter((t) => !/^[a-z]+:/i.test(t));
  return targets.map((t) => {
    const [file, anchor] = t.split('#');
    return { target: t, file, anchor };
  });
}

async function main() {
  const [which, ws = DEFAULT_WS] = process.argv.slice(2);
  const { examples, problems } = extract(readFileSync(GUIDE, 'utf8'));
  for (const p of problems) console.error(`docs/dapp.md ${p}`);
  const libs = which ? [which] : ['pjs', 'papi', 'curl'];
  const scratch = scratchDir();
  let failed = problems.length > 0;
  try {
    for (const lib of libs) {
      if (lib === 'curl') {
        const http = ws.replace(/^ws/, 'http');
        for (const e of examples.filter((x) => x.lib === 'curl')) {
          for (const c of commandsOf(e.code)) {
            const r = runCurl(c, http);
            const ok = r.status === 0 && r.body && !r.body.error && 'result' in r.body;
            if (!ok) failed = true;
            console.log(`${ok ? 'ok  ' : 'FAIL'} ${methodOf(c)} ${ok ? '' : r.stdout || r.stderr}`);
          }
        }
        continue;
      }
      const { source, blocks } = moduleOf(examples, lib);
      const run = await runModule(source, {
        name: lib, ws, dir: scratch.dir, onOutput: (s, stream) => process[stream].write(s),
      });
      if (run.code !== 0) {
        failed = true;
        const where = failedBlock(run, blocks);
        console.error(`${lib}: failed${where ? ` in "${where.block.group}" (docs/dapp.md line ${where.block.line + where.line - where.block.from})` : ''}`);
      }
    }
  } finally {
    scratch.dispose();
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  await main();
}
