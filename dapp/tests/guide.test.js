// The DApp guide's examples, executed against a real development node.
//
// docs/dapp.md marks every code block (`<!-- example: <step> (pjs|papi|curl) -->`); the
// @polkadot/api blocks, concatenated in order, are one ES module, and so are the polkadot-api
// blocks (tools/guide-examples.js extracts them). Both programs run at once, as they would
// saved in dapp/ and started with node, against one fresh dev node (they sign with different dev
// accounts); each step is reported as its own test: it passes when the program ran past its last
// block, fails when the program failed in it or before it. The curl commands run afterwards,
// through bash, with the node's port in place of 9944; each answer must be a JSON-RPC result.
// A code block without a marker, a marker without a block, a step shown with one library only,
// an AllSpark RPC method no curl command calls or a link to a missing heading fails the file.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startNode, stopNode, rpc, waitFor } from 'allspark-harness/node.js';
import {
  GUIDE, LIBS, anchorsOf, commandsOf, extract, failedBlock, groupsOf, linksOf, methodOf, moduleOf,
  referenceRpcMethods, runCurl, runModule, scratchDir,
} from 'allspark-tools/guide-examples.js';

const DOCS = dirname(GUIDE);
const guide = readFileSync(GUIDE, 'utf8');
const reference = readFileSync(join(DOCS, 'reference.md'), 'utf8');
const { examples, problems } = extract(guide);
const programs = { pjs: moduleOf(examples, 'pjs'), papi: moduleOf(examples, 'papi') };
const curlBlocks = examples.filter((e) => e.lib === 'curl');
// Either program runs for about three minutes; this bounds a hung one.
const PROGRAM_TIMEOUT_MS = 420_000;

/** The last `n` lines of `text`. */
const tail = (text, n = 40) => text.trimEnd().split('\n').slice(-n).join('\n');

/** The guide's line of `line` of a program, inside `block`. */
const guideLine = (block, line) => block.line + line - block.from;

describe('docs/dapp.md', () => {
  describe('the guide', () => {
    it('marks every code block, and every marker has its block', () => {
      assert.deepEqual(problems, []);
      assert.ok(examples.length > 0);
    });

    it('shows every step with @polkadot/api and with polkadot-api, in the same order', () => {
      assert.deepEqual(groupsOf(programs.papi.blocks), groupsOf(programs.pjs.blocks));
      for (const b of curlBlocks) {
        assert.ok(groupsOf(programs.pjs.blocks).includes(b.group), `curl block of unknown step "${b.group}" (line ${b.line})`);
      }
    });

    it('calls every AllSpark RPC method of docs/reference.md with curl, and nothing but curl', () => {
      const methods = referenceRpcMethods(reference);
      assert.ok(methods.length >= 18, `found only ${methods.length} RPC methods in docs/reference.md`);
      const called = new Set();
      for (const b of curlBlocks) {
        const commands = commandsOf(b.code);
        assert.ok(commands.length > 0, `an empty curl block at line ${b.line}`);
        for (const c of commands) {
          assert.match(c, /^curl\s/, `line ${b.line}: not a curl command: ${c}`);
          assert.ok(methodOf(c), `line ${b.line}: no JSON-RPC method in: ${c}`);
          called.add(methodOf(c));
        }
      }
      assert.deepEqual(methods.filter((m) => !called.has(m)), [], 'RPC methods without a curl example');
    });

    it('links only to files and headings that exist', () => {
      const own = anchorsOf(guide);
      const broken = [];
      for (const { target, file, anchor } of linksOf(guide)) {
        if (file && !existsSync(join(DOCS, file))) broken.push(target);
        else if (anchor && !(file ? anchorsOf(readFileSync(join(DOCS, file), 'utf8')) : own).has(anchor)) broken.push(target);
      }
      assert.deepEqual(broken, []);
    });

    it('shows sample answers that are valid JSON', () => {
      const samples = [...guide.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
      for (const s of samples) assert.doesNotThrow(() => JSON.parse(s), s);
    });
  });

  describe('the examples, run against a dev node', () => {
    let node;
    let scratch;
    let started;

    /**
     * The node, and both programs running against it (started by the first test that needs them,
     * so that a run filtered to the guide's own checks starts nothing): `{ node, runs }`, `runs`
     * by library, each resolving with its program's run.
     */
    const start = () => {
      started ??= (async () => {
        node = await startNode({ chain: 'dev', key: 'alice', name: 'guide' });
        await waitFor('the first block',
          async () => parseInt((await rpc(node.rpcPort, 'chain_getHeader')).number, 16) >= 1, 120_000);
        scratch = scratchDir();
        // Both programs at once: the pjs one signs as Alice, Bob and Charlie, the papi one as
        // Dave, Eve and Ferdie.
        const runs = {};
        for (const lib of Object.keys(programs)) {
          runs[lib] = runModule(programs[lib].source, {
            name: lib, ws: node.ws, dir: scratch.dir, timeoutMs: PROGRAM_TIMEOUT_MS,
          });
        }
        return { node, runs };
      })();
      return started;
    };

    after(async () => {
      if (started) await Promise.allSettled([started.then(({ runs }) => Promise.allSettled(Object.values(runs)))]);
      if (scratch) scratch.dispose();
      if (node) await stopNode(node);
    });

    for (const lib of Object.keys(programs)) {
      const { blocks } = programs[lib];
      describe(`${LIBS[lib]} program`, () => {
        for (const group of groupsOf(blocks)) {
          const mine = blocks.filter((b) => b.group === group);
          it(`${group} (docs/dapp.md line ${mine.map((b) => b.line).join(', ')})`, async () => {
            const run = await (await start()).runs[lib];
            if (run.code === 0) return;
            const why = run.timedOut ? `timed out after ${PROGRAM_TIMEOUT_MS} ms` : `exited with ${run.code ?? run.signal}`;
            const output = `\n--- stderr ---\n${tail(run.stderr)}\n--- stdout ---\n${tail(run.stdout, 15)}`;
            const where = failedBlock(run, blocks);
            if (!where) assert.fail(`the ${lib} program ${why}; its output names none of its lines${output}`);
            if (where.block.group === group) {
              assert.fail(`the ${lib} program ${why} at docs/dapp.md line ${guideLine(where.block, where.line)}${output}`);
            }
            const failedAt = blocks.indexOf(where.block);
            if (mine.some((b) => blocks.indexOf(b) >= failedAt)) {
              assert.fail(`not run to its end: the ${lib} program ${why} earlier, in "${where.block.group}" ` +
                `(docs/dapp.md line ${guideLine(where.block, where.line)})`);
            }
          });
        }
      });
    }

    describe('JSON-RPC (curl), after the programs', () => {
      for (const group of [...new Set(curlBlocks.map((b) => b.group))]) {
        const mine = curlBlocks.filter((b) => b.group === group);
        it(`${group} (docs/dapp.md line ${mine.map((b) => b.line).join(', ')})`, async () => {
          // After the programs, so that the listings, orders, rounds and licences they made exist.
          const { runs } = await start();
          await Promise.allSettled(Object.values(runs));
          const http = `http://127.0.0.1:${node.rpcPort}`;
          for (const b of mine) {
            for (const command of commandsOf(b.code)) {
              const r = runCurl(command, http);
              const what = `${methodOf(command)} (docs/dapp.md line ${b.line}): ${r.stdout || r.stderr}`;
              assert.equal(r.status, 0, `curl failed: ${what}`);
              assert.ok(r.body, `not a JSON answer: ${what}`);
              assert.equal(r.body.jsonrpc, '2.0', what);
              assert.equal(r.body.error, undefined, `an error answer: ${what}`);
              assert.ok('result' in r.body, `no result: ${what}`);
            }
          }
        });
      }
    });
  });
});
