import { inflateRawSync } from 'node:zlib';

/** One file inside a zip archive. */
export interface ZipEntry {
  readonly name: string;
  /** The uncompressed bytes. */
  readonly read: () => Uint8Array;
}

/**
 * Lists the entries of a zip archive (enough for XLSX: stored or deflated entries, no ZIP64, no
 * encryption). Returns a message instead of entries when the bytes are not such an archive.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'not a zip archive (no end of central directory)';
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      return 'corrupt zip central directory';
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (compressedSize === 0xffffffff || local + 30 > bytes.length) return `zip entry ${name} needs ZIP64`;
    if (view.getUint32(local, true) !== 0x04034b50) return `corrupt zip local header for ${name}`;
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8) return `zip entry ${name} uses compression method ${method}`;
    entries.push({
      name,
      read: () =>
        method === 0 ? data : new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(size, 1) })),
    });
  }
  return entries;
}
