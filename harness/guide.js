// The commands an operator's guide (docs/validator.md) tells its reader to run, as it writes
// them, for tests that run them: the guide cannot drift from the node without a test failing.
// A command is an `allspark-node …` or `curl …` line of a ```sh block (continuation lines
// joined, comments dropped) or an inline code span that starts with `allspark-node`.

import { readFileSync } from 'node:fs';

/** Every command of the Markdown file, in the order written. */
export function guideCommands(path) {
  const text = readFileSync(path, 'utf8');
  const found = [];
  // Fenced shell blocks: `\`-continued lines joined, comment lines dropped.
  for (const m of text.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = m[1].split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    let current = '';
    for (const line of lines) {
      current += (current ? ' ' : '') + line.replace(/\\$/, '').trim();
      if (!line.endsWith('\\')) {
        found.push({ at: m.index, command: current });
        current = '';
      }
    }
  }
  // Inline spans (which Markdown may wrap over lines).
  for (const m of text.matchAll(/`(allspark-node [^`]+)`/g)) {
    found.push({ at: m.index, command: m[1].replace(/\s+/g, ' ').trim() });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.command);
}

/** The first command of `path` that starts with `prefix`; fails naming both when there is none. */
export function guideCommand(path, prefix) {
  const command = guideCommands(path).find((c) => c.startsWith(prefix));
  if (!command) throw new Error(`${path} no longer has a command starting with "${prefix}"`);
  return command;
}

/**
 * A command line split into words as a POSIX shell splits it (single and double quotes, no
 * expansions); a `>` redirection is returned apart: { words, stdout }.
 */
export function shellWords(command) {
  const words = [];
  let word = null;
  let quote = null;
  for (const ch of command) {
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) throw new Error(`unterminated quote in: ${command}`);
  if (word !== null) words.push(word);
  const redirect = words.indexOf('>');
  if (redirect < 0) return { words, stdout: null };
  return { words: words.slice(0, redirect), stdout: words[redirect + 1] };
}

/**
 * Replaces the values of options (`--flag value`) in `words` by those of `values`
 * ({ '--base-path': dir, … }), and fails if one of them is not in the command: the guide
 * changed. Options in `add` are appended.
 */
export function withOptions(words, values, add = []) {
  const out = [...words];
  for (const [flag, value] of Object.entries(values)) {
    const i = out.indexOf(flag);
    if (i < 0) throw new Error(`the guide's command no longer has ${flag}: ${words.join(' ')}`);
    out[i + 1] = value;
  }
  return [...out, ...add];
}
