import { endianness } from 'node:os';
import { deflateSync, inflateSync } from 'node:zlib';

/** The codec name stored with each curve: zlib (RFC 1950) deflate of little-endian IEEE-754 doubles. */
export const FLOAT64_CODEC = 'f64le+zlib';

const LITTLE_ENDIAN_HOST = endianness() === 'LE';

/** The array's bytes in little-endian order (a view when the host is little-endian, as x86 and ARM are). */
function littleEndianBytes(values: Float64Array): Uint8Array {
  if (LITTLE_ENDIAN_HOST) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
  return out;
}

/** Compresses doubles bit for bit (NaN payloads and -0 included). */
export function encodeFloat64(values: Float64Array): Buffer {
  return deflateSync(littleEndianBytes(values));
}

/** Inverse of {@link encodeFloat64}; throws if the blob is corrupt (an invariant of our own writes). */
export function decodeFloat64(blob: Uint8Array): Float64Array {
  const bytes = inflateSync(blob);
  if (bytes.byteLength % 8 !== 0) throw new Error(`float64 blob of ${bytes.byteLength} bytes`);
  const out = new Float64Array(bytes.byteLength / 8);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}
