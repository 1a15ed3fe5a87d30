// Write docs/reference.md from the chain itself: the built runtime's metadata (every AllSpark
// pallet's calls, events, errors, storage and constants, with their doc comments, and the
// AllSpark runtime APIs) and the node's RPC methods (their `#[method]` declarations and doc
// comments in node/src/rpc, checked against the methods the running node serves).
//
//   node tools/reference.js            write docs/reference.md
//   node tools/reference.js --check    fail when docs/reference.md differs from what the chain says
//
// It starts a development node (binary: $ALLSPARK_NODE or the debug build) on free ports.

import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startNode, stopNode, connect, rpc } from 'allspark-harness/node.js';

const REPO = resolve(new URL('..', import.meta.url).pathname);
const OUT = join(REPO, 'docs', 'reference.md');
/** The crates whose pallets this reference documents: every `pallets/<name>` of the workspace. */
const CRATE_PREFIX = 'pallet_allspark_';

/**
 * The AllSpark pallets of the metadata, in runtime order: those whose calls, events, errors or
 * storage are types of a `pallet_allspark_*` crate. A new pallet is documented without a change
 * here.
 */
function allsparkPallets(latest, lookup) {
  return latest.pallets.filter((p) => {
    const types = [p.calls, p.events, p.errors].filter((o) => o.isSome).map((o) => o.unwrap().type);
    return types.some((t) => {
      const path = lookup.getSiType(t).path.map((x) => x.toString());
      return path.length > 0 && path[0].startsWith(CRATE_PREFIX);
    });
  });
}

/** Each AllSpark pallet's runtime API: `<Pallet>Api`, when the runtime declares one. */
function allsparkApis(latest, pallets) {
  const names = new Set(pallets.map((p) => `${p.name.toString()}Api`));
  return (latest.apis || []).filter((a) => names.has(a.name.toString()));
}

const docs = (d) => d.map((l) => l.toString()).join('\n').replace(/^ /gm, '').trim();
const oneLine = (s) => s.replace(/\s*\n\s*/g, ' ').trim();
const cell = (s) => oneLine(s).replace(/\|/g, '\\|');

/** A readable name for a type of the metadata's registry. */
function typeName(lookup, id) {
  const def = lookup.getTypeDef(id);
  if (def.lookupName) return def.lookupName;
  const si = lookup.getSiType(id);
  const path = si.path.map((p) => p.toString());
  if (path.length) {
    const params = si.params.filter((p) => p.type.isSome).map((p) => typeName(lookup, p.type.unwrap()));
    return `${path[path.length - 1]}${params.length ? `<${params.join(', ')}>` : ''}`;
  }
  if (si.def.isSequence) return `Vec<${typeName(lookup, si.def.asSequence.type)}>`;
  if (si.def.isArray) return `[${typeName(lookup, si.def.asArray.type)}; ${si.def.asArray.len}]`;
  if (si.def.isTuple) return `(${si.def.asTuple.map((t) => typeName(lookup, t)).join(', ')})`;
  if (si.def.isCompact) return `Compact<${typeName(lookup, si.def.asCompact.type)}>`;
  if (si.def.isPrimitive) return si.def.asPrimitive.toString().toLowerCase();
  return def.type;
}

/** The variants (calls, events, errors) of an enum type, in index order. */
function variants(lookup, id) {
  return lookup.getSiType(id).def.asVariant.variants.map((v) => ({
    name: v.name.toString(),
    index: v.index.toNumber(),
    fields: v.fields.map((f) => ({
      name: f.name.isSome ? f.name.unwrap().toString() : '',
      type: f.typeName.isSome ? f.typeName.unwrap().toString() : typeName(lookup, f.type),
    })),
    docs: docs(v.docs),
  }));
}

function snake(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function palletSection(api, pallet) {
  const lookup = api.registry.lookup;
  const name = pallet.name.toString();
  const out = [`## ${name} (pallet index ${pallet.index.toNumber()})`, ''];
  const palletDocs = pallet.docs ? docs(pallet.docs) : '';
  if (palletDocs) out.push(palletDocs, '');

  if (pallet.calls.isSome) {
    out.push(`### Calls`, '');
    for (const v of variants(lookup, pallet.calls.unwrap().type)) {
      const params = v.fields.map((f) => `${f.name}: ${f.type}`).join(', ');
      out.push(`#### \`${snake(name)}.${v.name}(${params})\``, '', `Call index ${v.index}.`, '');
      if (v.docs) out.push(v.docs, '');
    }
  }
  if (pallet.events.isSome) {
    out.push(`### Events`, '', '| event | fields | meaning |', '|---|---|---|');
    for (const v of variants(lookup, pallet.events.unwrap().type)) {
      const fields = v.fields.map((f) => `${f.name}: ${f.type}`).join(', ');
      out.push(`| \`${v.name}\` | ${cell(fields ? `\`${fields}\`` : '')} | ${cell(v.docs)} |`);
    }
    out.push('');
  }
  if (pallet.errors.isSome) {
    out.push(`### Errors`, '', '| error | index | meaning |', '|---|---:|---|');
    for (const v of variants(lookup, pallet.errors.unwrap().type)) {
      out.push(`| \`${v.name}\` | ${v.index} | ${cell(v.docs)} |`);
    }
    out.push('');
  }
  if (pallet.storage.isSome) {
    const storage = pallet.storage.unwrap();
    out.push(`### Storage (prefix \`${storage.prefix.toString()}\`)`, '', '| item | key → value | meaning |', '|---|---|---|');
    for (const item of storage.items) {
      let shape;
      if (item.type.isPlain) {
        shape = typeName(lookup, item.type.asPlain);
      } else {
        const map = item.type.asMap;
        const hashers = map.hashers.map((h) => h.toString());
        shape = `${typeName(lookup, map.key)} (${hashers.join(', ')}) → ${typeName(lookup, map.value)}`;
      }
      const query = item.modifier.isOptional ? ' (optional)' : '';
      out.push(`| \`${item.name.toString()}\` | ${cell(`\`${shape}\`${query}`)} | ${cell(docs(item.docs))} |`);
    }
    out.push('');
  }
  if (pallet.constants.length) {
    out.push(`### Constants`, '', '| constant | type | value | meaning |', '|---|---|---|---|');
    for (const c of pallet.constants) {
      const type = typeName(lookup, c.type);
      const lc = (s) => s.charAt(0).toLowerCase() + s.slice(1);
      const value = api.consts[lc(name)][lc(c.name.toString())];
      out.push(`| \`${c.name.toString()}\` | \`${cell(type)}\` | \`${cell(JSON.stringify(value.toJSON()))}\` | ${cell(docs(c.docs))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

function apiSection(api, apis) {
  const lookup = api.registry.lookup;
  const out = ['## Runtime APIs', '',
    'Called with `state_call` (`<Api>_<method>`, SCALE-encoded arguments) or, in `@polkadot/api`,',
    'as `api.call.<api>.<method>(...)`. Each is also served by an RPC method below.', ''];
  for (const a of apis) {
    out.push(`### ${a.name.toString()}`, '');
    const d = docs(a.docs);
    if (d) out.push(d, '');
    for (const m of a.methods) {
      const inputs = m.inputs.map((i) => `${i.name.toString()}: ${typeName(lookup, i.type)}`).join(', ');
      out.push(`#### \`${a.name.toString()}_${m.name.toString()}(${inputs}) -> ${typeName(lookup, m.output)}\``, '');
      const md = docs(m.docs);
      if (md) out.push(md, '');
    }
  }
  return out.join('\n');
}

/** The node's `#[method(name = ...)]` declarations with their doc comments and signatures. */
function rpcMethods() {
  const dir = join(REPO, 'node', 'src', 'rpc');
  const methods = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.rs')).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = lines[i].match(/#\[method\(name = "([^"]+)"/);
      if (!m) continue;
      const doc = [];
      for (let j = i - 1; j >= 0 && lines[j].trim().startsWith('///'); j--) {
        doc.unshift(lines[j].trim().replace(/^\/\/\/ ?/, ''));
      }
      let sig = '';
      for (let j = i + 1; j < lines.length; j++) {
        sig += ` ${lines[j].trim()}`;
        if (lines[j].includes(';')) break;
      }
      const params = (sig.match(/\(\s*&self,?(.*)\)\s*->/) || [, ''])[1]
        .split(',').map((p) => p.trim()).filter(Boolean);
      const ret = (sig.match(/->\s*RpcResult<(.*)>\s*;/) || [, '()'])[1];
      methods.push({ name: m[1], file, doc: doc.join('\n'), params, ret });
    }
  }
  return methods.sort((a, b) => a.name.localeCompare(b.name));
}

function rpcSection(methods) {
  const out = ['## RPC methods', '',
    'JSON-RPC 2.0 over HTTP or WebSocket on the node\'s RPC port, e.g.',
    '`curl -H "Content-Type: application/json" -d \'{"id":1,"jsonrpc":"2.0","method":"market_book","params":[0,{"Licence":"Personal"},10]}\' http://127.0.0.1:9944`.',
    'Parameters are positional; the trailing `at` (a block hash) may be left out for the best block.', ''];
  for (const m of methods) {
    out.push(`### \`${m.name}\``, '', `Parameters: ${m.params.length ? m.params.map((p) => `\`${p}\``).join(', ') : 'none'}.`,
      `Returns: \`${m.ret}\`. Declared in \`node/src/rpc/${m.file}\`.`, '');
    if (m.doc) out.push(m.doc, '');
  }
  return out.join('\n');
}

async function main() {
  const check = process.argv.includes('--check');
  const node = await startNode({ chain: 'dev', name: 'reference' });
  let api;
  try {
    api = await connect(node);
    const meta = api.runtimeMetadata;
    const latest = meta.asLatest;
    const version = api.runtimeVersion;
    const pallets = allsparkPallets(latest, api.registry.lookup);
    if (pallets.length === 0) throw new Error('no pallet_allspark_* pallet in the metadata');
    const apis = allsparkApis(latest, pallets);
    const methods = rpcMethods();
    const served = (await rpc(node.rpcPort, 'rpc_methods')).methods;
    const missing = methods.filter((m) => !served.includes(m.name)).map((m) => m.name);
    if (missing.length) throw new Error(`declared but not served: ${missing.join(', ')}`);
    const ours = new Set(methods.map((m) => m.name.split('_')[0]));
    const undocumented = served.filter((s) => ours.has(s.split('_')[0]) && !methods.some((m) => m.name === s));
    if (undocumented.length) throw new Error(`served but not found in node/src/rpc: ${undocumented.join(', ')}`);

    const text = [
      '# AllSpark reference',
      '',
      '<!-- Generated by `scripts/reference.sh` from the runtime\'s metadata and node/src/rpc; do not edit.',
      '     CI fails when this file differs from what the built chain says. -->',
      '',
      `Runtime \`${version.specName.toString()}\` spec version ${version.specVersion.toNumber()}, metadata v${meta.version}.`,
      `Pallets: ${pallets.map((p) => `[${p.name.toString()}](#${p.name.toString().toLowerCase()}-pallet-index-${p.index.toNumber()})`).join(', ')};`,
      '[runtime APIs](#runtime-apis); [RPC methods](#rpc-methods).',
      '',
      'Calls are submitted as `api.tx.<pallet>.<call>(...)` in `@polkadot/api` (pallet and call names',
      'in lower camel case) or `api.tx.<Pallet>.<call>(...)` in `polkadot-api`. A failed call\'s',
      '`DispatchError::Module` carries the pallet index and the error index listed here.',
      '',
      ...pallets.map((p) => palletSection(api, p)),
      apiSection(api, apis),
      rpcSection(methods),
    ].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';

    if (check) {
      let current = '';
      try { current = readFileSync(OUT, 'utf8'); } catch { /* missing */ }
      if (current !== text) {
        writeFileSync(`${OUT}.new`, text);
        console.error(`docs/reference.md is out of date: regenerate it with scripts/reference.sh (the chain's version is in docs/reference.md.new)`);
        process.exitCode = 1;
      } else {
        console.log('docs/reference.md is current');
      }
    } else {
      writeFileSync(OUT, text);
      console.log(`wrote ${OUT} (${text.length} bytes)`);
    }
  } finally {
    if (api) await api.disconnect();
    await stopNode(node);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
