// The harness's ports: handed out below the kernel's ephemeral range (where no outgoing
// connection takes them), never twice while reserved, and a node whose RPC port was taken anyway
// is still reached where it really serves (substrate moves it to a random port and only says so in
// its log: the docker compose test once waited five minutes on a port a connection had taken).

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNode, stopNode, freePort, rpc } from 'allspark-harness/node.js';

const ephemeralStart = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/)[0]);

describe('ports', () => {
  const started = [];
  const servers = [];
  after(async () => {
    await Promise.all(started.map((n) => stopNode(n, 'SIGKILL')));
    for (const s of servers) s.close();
  });

  it('hands out distinct ports below the ephemeral range, each reserved by this process', async () => {
    const ports = [];
    for (let i = 0; i < 40; i += 1) ports.push(await freePort());
    assert.equal(new Set(ports).size, ports.length, 'no port handed out twice');
    for (const p of ports) {
      assert.ok(p >= 1024 && p < ephemeralStart, `${p} below ${ephemeralStart}`);
      const file = join(tmpdir(), 'allspark-ports', String(p));
      assert.ok(existsSync(file), `${p} reserved`);
      assert.equal(readFileSync(file, 'utf8'), String(process.pid));
    }
  });

  it('reaches a node whose RPC port was taken before it started', async () => {
    const port = await freePort();
    // Whatever holds it speaks no JSON-RPC: here, it hangs up.
    const squatter = createServer((socket) => socket.destroy());
    servers.push(squatter);
    await new Promise((res) => squatter.listen(port, '127.0.0.1', res));
    const node = await startNode({ chain: 'dev', rpcPort: port });
    started.push(node);
    assert.notEqual(node.rpcPort, port, 'the node moved');
    assert.equal(node.ws, `ws://127.0.0.1:${node.rpcPort}`);
    assert.equal(await rpc(node, 'system_chain'), 'AllSpark Development');
    assert.match(readFileSync(node.logPath, 'utf8'), new RegExp(`Running JSON-RPC server: addr=127\\.0\\.0\\.1:${node.rpcPort}\\b`));
  });
});
