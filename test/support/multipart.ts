// Reads a multipart/form-data body back as a server would (undici's form parser), for
// samples that upload files: the parts in order, text fields as strings, files as bytes.
import type { MultipartExpectation } from './catalog-samples.js';

export async function readMultipart(contentType: string | undefined, body: Buffer): Promise<MultipartExpectation[]> {
  if (!contentType?.startsWith('multipart/form-data; boundary=')) throw new Error(`not a multipart body: ${contentType}`);
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const parts: MultipartExpectation[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') parts.push({ name, content: value });
    else parts.push({ name, filename: value.name, contentType: value.type, content: Buffer.from(await value.arrayBuffer()) });
  }
  return parts;
}
