import { randomBytes } from 'node:crypto';

/** A multipart/form-data body for `inject()` in tests: text fields and files, in the order given. */
export type FormPart =
  { name: string; value: string } | { name: string; file: Buffer; filename?: string; contentType?: string };

export function multipartPayload(parts: readonly FormPart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----mesodesk${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      const head = `--${boundary}\r\ncontent-disposition: form-data; name="${part.name}"; filename="${part.filename ?? 'photo.jpg'}"\r\ncontent-type: ${part.contentType ?? 'image/jpeg'}\r\n\r\n`;
      chunks.push(Buffer.from(head), part.file, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
