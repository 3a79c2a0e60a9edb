import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** sha256 hex of a text's UTF-8 bytes (Pine source, generated code). */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** sha256 hex of a file's bytes, streamed (data files can be large). Rejects on I/O errors. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
