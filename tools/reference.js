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

/** Whether a registry type is one of AllSpark's own (a pallet's or the primitives crate's). */
function isOurs(lookup, id) {
  const path = lookup.getSiType(id).path.map((p) => p.toString());
  return path.length > 0 && (path[0].startsWith(CRATE_PREFIX) || path[0] === 'allspark_primitives');
}

/** The registry types a type refers to directly: its fields', variants', elements' types. */
function children(lookup, id) {
  const def = lookup.getSiType(id).def;
  if (def.isComposite) return def.asComposite.fields.map((f) => f.type.toNumber());
  if (def.isVariant) return def.asVariant.variants.flatMap((v) => v.fields.map((f) => f.type.toNumber()));
  if (def.isSequence) return [def.asSequence.type.toNumber()];
  if (def.isArray) return [def.asArray.type.toNumber()];
  if (def.isTuple) return def.asTuple.map((t) => t.toNumber());
  if (def.isCompact) return [def.asCompact.type.toNumber()];
  return [];
}

/**
 * The types section: every AllSpark struct and enum the calls, events, storage, constants and
 * runtime APIs above use (found by walking their types), with its fields or variants, and the
 * aliases the signatures use (`BalanceOf<T>`, `Share<T::AccountId>`, …) with the type each is
 * on the wire. The pallets' `Call`, `Event` and `Error` enums are the sections above.
 */
function typesSection(api, pallets, apis, source) {
  const lookup = api.registry.lookup;
  const roots = [];
  const enums = new Set();
  const aliases = new Map();
  const noteAliases = (fields) => {
    for (const f of fields) {
      if (f.typeName.isNone) continue;
      const written = f.typeName.unwrap().toString();
      const wire = typeName(lookup, f.type);
      if (written !== wire && !aliases.has(written)) aliases.set(written, wire);
    }
  };
  for (const p of pallets) {
    for (const o of [p.calls, p.events, p.errors]) {
      if (o.isNone) continue;
      const id = o.unwrap().type.toNumber();
      enums.add(id);
      for (const v of lookup.getSiType(id).def.asVariant.variants) noteAliases(v.fields);
      roots.push(...children(lookup, id));
    }
    if (p.storage.isSome) {
      for (const item of p.storage.unwrap().items) {
        if (item.type.isPlain) roots.push(item.type.asPlain.toNumber());
        else roots.push(item.type.asMap.key.toNumber(), item.type.asMap.value.toNumber());
      }
    }
    roots.push(...p.constants.map((c) => c.type.toNumber()));
  }
  for (const a of apis) {
    for (const m of a.methods) roots.push(...m.inputs.map((i) => i.type.toNumber()), m.output.toNumber());
  }
  const seen = new Set();
  const ours = [];
  const walk = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    if (isOurs(lookup, id) && !enums.has(id)) ours.push(id);
    for (const c of children(lookup, id)) walk(c);
  };
  roots.forEach(walk);

  const out = ['## Types', '',
    'The AllSpark structs and enums the calls, events, storage and runtime APIs above use, as the',
    'metadata describes them (SCALE-encoded in this field order; `@polkadot/api` and `polkadot-api`',
    'decode them by name).', ''];
  const short = (si) => si.path[si.path.length - 1].toString();
  const counts = new Map();
  for (const id of ours) {
    const n = short(lookup.getSiType(id));
    counts.set(n, (counts.get(n) || 0) + 1);
  }
  const entries = ours.map((id) => {
    const si = lookup.getSiType(id);
    const name = counts.get(short(si)) > 1 ? si.path.map((p) => p.toString()).join('::') : short(si);
    return { id, name, si };
  }).sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  for (const { name, si } of entries) {
    const path = si.path.map((p) => p.toString());
    // Docs: the metadata's, else the source's (the wasm metadata carries no type docs).
    const crateDir = path[0] === 'allspark_primitives' ? 'primitives' : `pallets/${path[0].slice(CRATE_PREFIX.length)}`;
    const defs = source.get(short(si)) || [];
    const src = defs.find((d) => d.file.includes(`/${crateDir}/`)) || defs[0];
    out.push(`### \`${name}\``, '', `\`${path.join('::')}\``, '');
    const d = docs(si.docs) || (src ? src.docs : '');
    if (d) out.push(d, '');
    const fieldDoc = (f) => docs(f.docs)
      || ((src && src.fields) || []).find((x) => f.name.isSome && x.name === f.name.unwrap().toString())?.docs || '';
    const variantDoc = (v) => docs(v.docs)
      || ((src && src.variants) || []).find((x) => x.name === v.name.toString())?.docs || '';
    if (si.def.isComposite) {
      const fields = si.def.asComposite.fields;
      noteAliases(fields);
      if (fields.length && fields[0].name.isSome) {
        out.push('| field | type | meaning |', '|---|---|---|');
        for (const f of fields) {
          const t = f.typeName.isSome ? f.typeName.unwrap().toString() : typeName(lookup, f.type);
          out.push(`| \`${f.name.unwrap().toString()}\` | ${cell(`\`${t}\``)} | ${cell(fieldDoc(f))} |`);
        }
      } else {
        out.push(`A tuple struct of \`(${fields.map((f) => typeName(lookup, f.type)).join(', ')})\`.`);
      }
    } else if (si.def.isVariant) {
      out.push('| variant | index | fields | meaning |', '|---|---:|---|---|');
      si.def.asVariant.variants.forEach((v) => {
        noteAliases(v.fields);
        const fields = v.fields.map((f) => {
          const t = f.typeName.isSome ? f.typeName.unwrap().toString() : typeName(lookup, f.type);
          return f.name.isSome ? `${f.name.unwrap().toString()}: ${t}` : t;
        }).join(', ');
        out.push(`| \`${v.name.toString()}\` | ${v.index.toNumber()} | ${cell(fields ? `\`${fields}\`` : '')} | ${cell(variantDoc(v))} |`);
      });
    }
    out.push('');
  }
  out.push('### Type names in signatures', '',
    'The names the Rust signatures above use, and the type each is on the wire.', '',
    '| name | on the wire |', '|---|---|');
  // AllSpark's own types are documented above: only the other names need saying.
  const plain = [...aliases.entries()].filter(([, wire]) => !/Allspark/.test(wire));
  for (const [written, wire] of plain.sort((a, b) => a[0].localeCompare(b[0]))) {
    out.push(`| \`${cell(written)}\` | \`${cell(wire)}\` |`);
  }
  out.push('');
  return out.join('\n');
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
        .split(',').map((p) => p.trim()).filter(Boolean)
        // An account parameter is an account, read only when short enough (node/src/rpc/mod.rs).
        .map((p) => p.replace(/AccountParam<(\w+)>/, '$1'));
      const ret = (sig.match(/->\s*RpcResult<(.*)>\s*;/) || [, '()'])[1];
      methods.push({ name: m[1], file, doc: doc.join('\n'), params, ret });
    }
  }
  return methods.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every `.rs` file under `dir`, recursively, but tests, mocks and benchmarks. */
function rustFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'tests') out.push(...rustFiles(p));
    } else if (e.name.endsWith('.rs') && !['mock.rs', 'benchmarking.rs', 'tests.rs'].includes(e.name)) {
      out.push(p);
    }
  }
  return out;
}

const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/**
 * The structs and enums of the node's RPC module, the pallets and the primitives crate, read from
 * their Rust source: name → [{ kind, file, serialize (derives `Serialize`), docs, fields (key as
 * serialised, Rust type, `serde(with)`, docs) or variants }] (a name may be defined twice).
 */
function sourceTypes() {
  const files = [join(REPO, 'node', 'src', 'rpc'), join(REPO, 'primitives', 'src'),
    ...readdirSync(join(REPO, 'pallets'), { withFileTypes: true }).filter((d) => d.isDirectory())
      .map((d) => join(REPO, 'pallets', d.name, 'src'))].flatMap(rustFiles);
  const types = new Map();
  for (const file of files.sort()) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = lines[i].match(/^\s*pub (struct|enum) (\w+)\b/);
      if (!m) continue;
      // The header may span lines (generics, bounds); it ends at its `{`.
      let h = i;
      while (h < lines.length && !lines[h].trim().endsWith('{') && !lines[h].includes(';')) h++;
      if (h >= lines.length || !lines[h].trim().endsWith('{') || /\(/.test(lines[i].replace(/<.*$/, '')) && !lines[i].includes('{')) continue;
      // The item's attributes and docs, upwards.
      let attrs = '';
      const doc = [];
      for (let j = i - 1; j >= 0; j--) {
        const t = lines[j].trim();
        if (t.startsWith('///')) doc.unshift(t.replace(/^\/\/\/ ?/, ''));
        else if (t.startsWith('#[') || t.startsWith(')]') || t.startsWith('Clone') || !t.startsWith('pub ') && t !== '' && !t.startsWith('}') && !t.startsWith('//')) attrs = `${t} ${attrs}`;
        else break;
      }
      const serialize = /Serialize/.test(attrs);
      const renameAll = (attrs.match(/rename_all = "(\w+)"/) || [])[1];
      const renameFields = (attrs.match(/rename_all_fields = "(\w+)"/) || [])[1];
      const body = [];
      let depth = 1;
      for (let j = h + 1; j < lines.length && depth > 0; j++) {
        depth += (lines[j].match(/\{/g) || []).length - (lines[j].match(/\}/g) || []).length;
        if (depth > 0) body.push(lines[j]);
      }
      const parsed = { kind: m[1], file, serialize, docs: doc.join(' '), ...parseBody(m[1], body, renameAll, renameFields) };
      if (!types.has(m[2])) types.set(m[2], []);
      types.get(m[2]).push(parsed);
    }
  }
  return types;
}

/** A struct's fields or an enum's variants from the lines of its body. */
function parseBody(kind, body, renameAll, renameFields) {
  const fieldsOf = (lines, rename) => {
    const fields = [];
    let doc = [];
    let withFn = null;
    for (const line of lines) {
      const t = line.trim();
      if (t.startsWith('///')) { doc.push(t.replace(/^\/\/\/ ?/, '')); continue; }
      const w = t.match(/#\[serde\(with = "(\w+)"\)\]/);
      if (w) { withFn = w[1]; continue; }
      const f = t.match(/^(?:pub )?(\w+): (.+),$/);
      if (f) {
        fields.push({ name: f[1], key: rename === 'camelCase' ? camel(f[1]) : f[1], type: f[2], with: withFn, docs: doc.join(' ') });
        doc = [];
        withFn = null;
      }
    }
    return fields;
  };
  if (kind === 'struct') return { fields: fieldsOf(body, renameAll) };
  const variants = [];
  let doc = [];
  for (let i = 0; i < body.length; i++) {
    const t = body[i].trim();
    if (t.startsWith('///')) { doc.push(t.replace(/^\/\/\/ ?/, '')); continue; }
    let m = t.match(/^(\w+),$/);
    if (m) { variants.push({ name: m[1], docs: doc.join(' ') }); doc = []; continue; }
    m = t.match(/^(\w+)\((.+)\),$/);
    if (m) { variants.push({ name: m[1], value: m[2], docs: doc.join(' ') }); doc = []; continue; }
    m = t.match(/^(\w+) \{$/);
    if (m) {
      const inner = [];
      let depth = 1;
      for (i += 1; i < body.length; i++) {
        depth += (body[i].match(/\{/g) || []).length - (body[i].match(/\}/g) || []).length;
        if (depth === 0) break;
        inner.push(body[i]);
      }
      variants.push({ name: m[1], fields: fieldsOf(inner, renameFields), docs: doc.join(' ') });
      doc = [];
    }
  }
  return { variants };
}

const NUMBERS = new Set(['u8', 'u16', 'u32', 'u64', 'ListingId', 'OrderId', 'OfferId', 'RequestId',
  'RoundId', 'ProposalId', 'Quantity', 'Score', 'BlockNumber', 'SessionIndex', 'EraIndex']);

/** The JSON a Rust type (as written in a field) serialises to, linking documented types. */
function jsonOf(type, withFn, types, used) {
  const t = type.replace(/\s+/g, ' ').trim();
  if (withFn === 'balance_string') return 'decimal string';
  if (withFn === 'option_balance_string') return 'decimal string or `null`';
  if (withFn) return `see \`${withFn}\``;
  let m = t.match(/^(?:[\w:]*::)?Option<(.+)>$/);
  if (m) return `${jsonOf(m[1], null, types, used)} or \`null\``;
  m = t.match(/^(?:[\w:]*::)?(?:Vec|BoundedVec)<(.+?)(?:, [^<>]+)?>$/);
  if (m) return `array of ${jsonOf(m[1], null, types, used)}`;
  const base = t.replace(/<.*>$/, '').split('::').pop();
  if (NUMBERS.has(base)) return 'number';
  if (base === 'bool') return 'boolean';
  if (base === 'String') return 'string';
  if (base === 'AccountId') return 'SS58 address string';
  if (['H256', 'H256Hex', 'Bytes'].includes(base)) return '`0x` hex string';
  if (['Permill', 'Perbill'].includes(base)) return `number (${base === 'Permill' ? 'parts per million' : 'parts per billion'})`;
  if (base === 'Balance') return 'number';
  if (types.has(base)) {
    used.add(base);
    return `[${base}](#json-${base.toLowerCase()})`;
  }
  return `\`${t}\``;
}

/** The serialisable types of `sourceTypes()`, by name. */
function serdeTypes(source) {
  const types = new Map();
  for (const [name, defs] of source) {
    const def = defs.find((d) => d.serialize);
    if (def) types.set(name, def);
  }
  return types;
}

/** The JSON section: each RPC method's answer, then every type those answers contain. */
function jsonSection(methods, source) {
  const types = serdeTypes(source);
  const used = new Set();
  const out = ['## RPC answers (JSON)', '',
    'What each RPC method returns, read from the Rust types the node serialises (keys as they',
    'appear in the JSON). Balances are decimal strings: ASK amounts exceed what a JSON number',
    'carries exactly.', '', '| method | answer |', '|---|---|'];
  for (const m of methods) out.push(`| \`${m.name}\` | ${cell(jsonOf(m.ret, null, types, used))} |`);
  out.push('');
  const done = new Set();
  while ([...used].some((n) => !done.has(n))) {
    for (const name of [...used].filter((n) => !done.has(n)).sort()) {
      done.add(name);
      const t = types.get(name);
      out.push(`### <a id="json-${name.toLowerCase()}"></a>${name}`, '');
      if (t.docs) out.push(t.docs, '');
      if (t.kind === 'struct') {
        out.push('| key | JSON | meaning |', '|---|---|---|');
        for (const f of t.fields) out.push(`| \`${f.key}\` | ${cell(jsonOf(f.type, f.with, types, used))} | ${cell(f.docs)} |`);
      } else {
        out.push('| variant | JSON | meaning |', '|---|---|---|');
        for (const v of t.variants) {
          let json = `\`"${v.name}"\``;
          if (v.value) json = `\`{"${v.name}": …}\` with ${jsonOf(v.value, null, types, used)}`;
          if (v.fields) {
            const inner = v.fields.map((f) => `\`${f.key}\`: ${jsonOf(f.type, f.with, types, used)}`).join(', ');
            json = `\`{"${v.name}": {…}}\` with ${inner}`;
          }
          out.push(`| \`${v.name}\` | ${cell(json)} | ${cell(v.docs)} |`);
        }
      }
      out.push('');
    }
  }
  return out.join('\n');
}

function rpcSection(methods) {
  const out = ['## RPC methods', '',
    'JSON-RPC 2.0 over HTTP or WebSocket on the node\'s RPC port, e.g.',
    '`curl -H "Content-Type: application/json" -d \'{"id":1,"jsonrpc":"2.0","method":"market_book","params":[0,{"Licence":"Personal"},10]}\' http://127.0.0.1:9944`.',
    'Parameters are positional; the trailing `at` (a block hash) may be left out for the best block.',
    'An `AccountId` parameter is an SS58 address of at most 64 characters; a longer one is refused unread.', ''];
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
    const source = sourceTypes();
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
      jsonSection(methods, source),
      typesSection(api, pallets, apis, source),
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
