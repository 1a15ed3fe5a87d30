// A running chain's whole state at one block, read over RPC, and the upgrade check run on it.

import { execFile } from 'node:child_process';
import { writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rpc, nodeBinary } from './node.js';

/**
 * Every key and value of the state at block `hash`, as `{ number, hash, top }` (`top` maps
 * `0x` keys to `0x` values): what `allspark-try-upgrade` reads. Pages of 1,000 keys
 * (`state_getKeysPaged`), their values in the same pages (`state_queryStorageAt`).
 */
export async function snapshotState(port, hash) {
  const header = await rpc(port, 'chain_getHeader', [hash]);
  const top = {};
  let start = null;
  for (;;) {
    const keys = await rpc(port, 'state_getKeysPaged', ['0x', 1000, start, hash]);
    if (keys.length === 0) break;
    const [{ changes }] = await rpc(port, 'state_queryStorageAt', [keys, hash]);
    for (const [k, v] of changes) if (v !== null) top[k] = v;
    start = keys[keys.length - 1];
    if (keys.length < 1000) break;
  }
  return { number: parseInt(header.number, 16), hash, top };
}

/** The upgrade check's binary: $ALLSPARK_TRY_UPGRADE, or the one beside the node binary. */
export function tryUpgradeBinary() {
  if (process.env.ALLSPARK_TRY_UPGRADE) return process.env.ALLSPARK_TRY_UPGRADE;
  const path = join(dirname(nodeBinary()), 'allspark-try-upgrade');
  if (!existsSync(path)) throw new Error(`${path} not found: build the workspace (scripts/test.sh does)`);
  return path;
}

/**
 * Run `allspark-try-upgrade` on `snapshot` (written to `path`) for `blocks` blocks. Resolves with
 * `{ code, stdout, stderr, report }`, `report` the parsed `report:` line when it succeeded.
 */
export function tryUpgrade(snapshot, path, blocks = 30) {
  writeFileSync(path, JSON.stringify(snapshot));
  return new Promise((resolve) => {
    execFile(tryUpgradeBinary(), [path, '--blocks', String(blocks)],
      { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, RUST_LOG: 'error' } },
      (err, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith('report: '));
        resolve({
          code: err ? (err.code ?? 1) : 0,
          stdout,
          stderr,
          report: line ? JSON.parse(line.slice('report: '.length)) : null,
        });
      });
  });
}
