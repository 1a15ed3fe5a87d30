// The injected-binary image (docker/injected.Dockerfile) is built and run for real where a
// container engine runs: podman (as root, runc runtime, explicit ulimits) builds it around the
// built node binary, runs a dev node in it on the host network, and the node authors blocks seen
// over RPC. Skipped, with the reason printed, where podman or the base image is missing.

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { nodeBinary, freePort, tempDir, waitFor, bestNumber } from 'allspark-harness/node.js';

const DOCKERFILE = resolve(new URL('../../../docker/injected.Dockerfile', import.meta.url).pathname);
const BASE = 'docker.io/library/debian:bookworm-slim';
const TAG = 'localhost/allspark/node:e2e';
// At or below the shell's limits (podman cannot raise them without privileges it lacks here).
const ULIMITS = ['--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024'];

const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
const podman = (...args) => sh('podman', ['--runtime', 'runc', ...args]);

function skipReason() {
  try { sh('sh', ['-c', 'command -v podman']); } catch { return 'podman is not installed'; }
  if (process.getuid && process.getuid() !== 0) return 'podman needs root here';
  try { podman('image', 'exists', BASE); } catch { return `base image ${BASE} is missing: run scripts/podman-base-image.sh`; }
  return false;
}

describe('container image', { skip: skipReason() }, () => {
  let container;

  after(() => {
    if (container) { try { podman('rm', '-f', container); } catch { /* gone */ } }
    try { podman('rmi', '-f', TAG); } catch { /* gone */ }
  });

  it('builds the injected image and runs a dev node in it that authors blocks', async () => {
    const context = tempDir('allspark-image-');
    copyFileSync(nodeBinary(), join(context, 'allspark-node'));
    const t0 = Date.now();
    podman('build', '--network', 'host', ...ULIMITS, '-f', DOCKERFILE, '-t', TAG, context);
    const size = Number(podman('image', 'inspect', '--format', '{{.Size}}', TAG).trim());
    console.log(`# image built in ${Math.round((Date.now() - t0) / 1000)} s: ${(size / 1e6).toFixed(0)} MB (binary ${(statSync(nodeBinary()).size / 1e6).toFixed(0)} MB)`);

    // It runs as the unprivileged `allspark` user, with /data as its volume.
    assert.equal(podman('run', '--rm', ...ULIMITS, '--entrypoint', 'id', TAG, '-u').trim(), '1000');
    const config = JSON.parse(podman('image', 'inspect', '--format', '{{json .Config}}', TAG));
    assert.ok(Object.keys(config.Volumes || {}).includes('/data'));
    for (const p of ['30333/tcp', '9944/tcp', '9615/tcp']) assert.ok(Object.keys(config.ExposedPorts || {}).includes(p), p);

    const [rpcPort, p2pPort, promPort] = [await freePort(), await freePort(), await freePort()];
    container = podman('run', '-d', ...ULIMITS, '--network', 'host', TAG,
      '--base-path', '/data', '--chain', 'dev', '--alice', '--validator', '--force-authoring',
      '--rpc-port', String(rpcPort), '--port', String(p2pPort), '--prometheus-port', String(promPort),
      '--node-key', randomBytes(32).toString('hex'), '--no-mdns', '--no-telemetry').trim();
    const node = { rpcPort };
    await waitFor('the containerised node to author #2', async () => {
      if (podman('inspect', '--format', '{{.State.Running}}', container).trim() !== 'true') {
        const err = new Error(`the container exited: ${podman('logs', '--tail', '20', container)}`);
        err.fatal = true;
        throw err;
      }
      return (await bestNumber(node)) >= 2;
    }, 240_000, 1000);
  });
});
