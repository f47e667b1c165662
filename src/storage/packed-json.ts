import { readFileSync } from 'node:fs';
import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';

/**
 * Large JSON columns (an assessment's result, a course's plan: 10 to 17 KB of mostly the knowledge
 * base's own texts each) are stored compressed (Zstandard) against a preset dictionary of such
 * texts, which brings them to under 1 KB and reads back faster than plain JSON is parsed: a million patients' records fit in memory and a backup is small.
 * Nothing is lost: the JSON read back is the text written, byte for byte.
 *
 * A packed value is `~<dictionary id>:<base64>`; JSON never starts with `~`, so a value written
 * before packing (plain JSON) is read as it is. The dictionaries are files of
 * `storage-dictionaries/` and, like migrations, never change once written: stored values name
 * theirs. Packing uses the newest.
 */
const packedMark = '~';
const newestDictionary = '1';
const dictionaries = new Map<string, Buffer>();

function dictionary(id: string): Buffer {
  let bytes = dictionaries.get(id);
  if (bytes === undefined) {
    if (!/^[0-9]+$/.test(id)) throw new Error(`packed JSON names an unknown dictionary "${id}"`);
    bytes = readFileSync(new URL(`../../storage-dictionaries/json-${id}.txt`, import.meta.url));
    dictionaries.set(id, bytes);
  }
  return bytes;
}

/** The column text for a JSON value: compressed against the newest dictionary. */
export function packJson(value: unknown): string {
  return packJsonText(JSON.stringify(value));
}

/** As `packJson`, for JSON already serialised. */
export function packJsonText(json: string): string {
  const packed = zstdCompressSync(json, {
    dictionary: dictionary(newestDictionary),
    params: { [constants.ZSTD_c_compressionLevel]: 9 },
  });
  return `${packedMark}${newestDictionary}:${packed.toString('base64')}`;
}

/** The JSON text a column holds, packed or not. */
export function unpackJsonText(stored: string): string {
  if (!stored.startsWith(packedMark)) return stored;
  const colon = stored.indexOf(':');
  const id = stored.slice(packedMark.length, colon);
  return zstdDecompressSync(Buffer.from(stored.slice(colon + 1), 'base64'), { dictionary: dictionary(id) }).toString();
}

/** Parses what `packJson` (or `toJsonText`, before packing) wrote; only this application writes these columns. */
export function unpackJson<T>(stored: string): T {
  return JSON.parse(unpackJsonText(stored)) as T;
}
