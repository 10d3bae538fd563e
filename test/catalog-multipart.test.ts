// The multipart/form-data body encoding (Jira and Confluence attachments): what it sends
// is read back by an independent parser (undici's Response.formData, as a server would),
// names and file names cannot break out of their headers, the boundary never occurs in
// the content, the boundary's Content-Type cannot be replaced, and a binary limit counts
// the files' bytes.
import { describe, expect, it } from 'vitest';
import { buildHttpRequest, catalogProblems, validateActionInput, type Catalog, type CatalogAction } from '../src/catalog/index.js';
import { encodeMultipart } from '../src/catalog/multipart.js';
import { ServiceError } from '../src/protocol/errors.js';

const BASE = 'https://acme.atlassian.net';

const upload: CatalogAction = {
  ActionId: 'Upload',
  Name: 'Upload',
  Description: 'Uploads a file.',
  InputSchema: {
    type: 'object',
    required: ['FileName', 'Content'],
    properties: {
      FileName: { type: 'string', minLength: 1 },
      Content: { type: 'string' },
      ContentType: { type: 'string' },
      Comment: { type: 'string' },
      Header: { type: 'string' },
    },
  },
  request: {
    method: 'POST',
    path: '/upload',
    headers: { 'X-Atlassian-Token': 'no-check', 'Content-Type': '$.Header' },
    body: {
      encoding: 'multipart',
      value: {
        file: { content: { $fromBase64: '$.Content' }, filename: '$.FileName', contentType: '$.ContentType' },
        comment: '$.Comment',
        minorEdit: 'true',
      },
    },
  },
  binary: { maxBytes: 10 },
  idempotent: false,
};

const build = (input: Record<string, unknown>, action = upload) => buildHttpRequest(action, BASE, validateActionInput(action, input));

async function parse(req: { headers: Record<string, string>; body?: string | Buffer }): Promise<FormData> {
  const body = typeof req.body === 'string' ? req.body : req.body === undefined ? undefined : new Uint8Array(req.body);
  return new Response(body, { headers: { 'content-type': req.headers['content-type']! } }).formData();
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ServiceError);
    return (err as ServiceError).message;
  }
  throw new Error('expected a refusal');
}

describe('multipart/form-data bodies', () => {
  it('sends files and text fields a form parser reads back', async () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 13, 10, 45, 45]);
    const req = build({ FileName: 'dump.bin', Content: bytes.toString('base64'), Comment: 'crash dump ✓' });
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=ActionBridge-[0-9a-f]{32}$/);
    expect(req.headers['x-atlassian-token']).toBe('no-check');
    const form = await parse(req);
    const file = form.get('file') as File;
    expect(file.name).toBe('dump.bin');
    expect(file.type).toBe('application/octet-stream');
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    expect(form.get('comment')).toBe('crash dump ✓');
    expect(form.get('minorEdit')).toBe('true');
    expect([...form.keys()]).toEqual(['file', 'comment', 'minorEdit']);
  });

  it('uses a fresh random boundary each time', () => {
    const a = build({ FileName: 'a.txt', Content: 'aGk=' }).headers['content-type'];
    const b = build({ FileName: 'a.txt', Content: 'aGk=' }).headers['content-type'];
    expect(a).not.toBe(b);
  });

  it('keeps a part content type and refuses one that would add headers', async () => {
    const form = await parse(build({ FileName: 'a.txt', Content: 'aGk=', ContentType: 'text/plain; charset=utf-8' }));
    expect((form.get('file') as File).type).toBe('text/plain; charset=utf-8');
    expect(refusal(() => build({ FileName: 'a.txt', Content: 'aGk=', ContentType: 'text/plain\r\nX-Evil: 1' }))).toMatch(/must be a media type/);
    expect(refusal(() => build({ FileName: 'a.txt', Content: 'aGk=', ContentType: 'nonsense' }))).toMatch(/must be a media type/);
    expect(refusal(() => build({ FileName: 'a.txt', Content: 'aGk=', ContentType: 'text/plain\r\n; X-Evil: 1' }))).toMatch(/must be a media type/);
    expect(refusal(() => build({ FileName: 'a.txt', Content: 'aGk=', ContentType: 'text/plain; name=\u0100' }))).toMatch(/must be a media type/);
  });

  it('quotes file names as browsers do: no way out of Content-Disposition', async () => {
    const req = build({ FileName: 'a"b\r\nContent-Type: text/html\r\n\r\nx.txt', Content: 'aGk=' });
    const raw = (req.body as Buffer).toString('utf8');
    expect(raw).toContain('filename="a%22b%0D%0AContent-Type: text/html%0D%0A%0D%0Ax.txt"');
    expect(raw).not.toContain('text/html\r\n');
    const form = await parse(req);
    expect([...form.keys()]).toEqual(['file', 'minorEdit']);
    expect((form.get('file') as File).type).toBe('application/octet-stream');
    expect(refusal(() => build({ FileName: 'a\u0000b.txt', Content: 'aGk=' }))).toMatch(/must not contain control characters/);
    // UTF-8 names pass as UTF-8.
    expect(((await parse(build({ FileName: 'résumé.pdf', Content: 'aGk=' }))).get('file') as File).name).toBe('résumé.pdf');
  });

  it('never uses a boundary the content holds', () => {
    const fixed = Buffer.alloc(16, 0xab);
    const fresh = Buffer.alloc(16, 0xcd);
    const content = Buffer.from(`x\r\n--ActionBridge-${fixed.toString('hex')}--\r\n`);
    let calls = 0;
    const built = encodeMultipart({ file: { content, filename: 'x' } }, () => (calls++ === 0 ? fixed : fresh));
    expect(built.contentType).toBe(`multipart/form-data; boundary=ActionBridge-${fresh.toString('hex')}`);
    expect(() => encodeMultipart({ file: { content, filename: 'x' } }, () => fixed)).toThrow(/No multipart boundary/);
  });

  it("cannot have its Content-Type (the boundary's) replaced by a header", () => {
    const req = build({ FileName: 'a.txt', Content: 'aGk=', Header: 'text/plain' });
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("applies a binary limit to the files' bytes, not the envelope", () => {
    expect(build({ FileName: 'a.bin', Content: Buffer.alloc(10).toString('base64') }).body).toBeInstanceOf(Buffer);
    expect(refusal(() => build({ FileName: 'a.bin', Content: Buffer.alloc(11).toString('base64') }))).toMatch(/Binary content must be at most 10 bytes/);
    expect(refusal(() => build({ FileName: 'a.bin', Content: 'not base64!' }))).toMatch(/must be base64-encoded/);
  });

  it('refuses values that are not fields', () => {
    expect(() => encodeMultipart(['x'])).toThrow(/must be an object of fields/);
    expect(() => encodeMultipart({})).toThrow(/at least one part/);
    expect(() => encodeMultipart({ file: { content: 'x', path: '/etc/passwd' } })).toThrow(/takes no member path/);
    expect(() => encodeMultipart({ file: { content: { a: 1 } } })).toThrow(/must be bytes or text/);
    expect(() => encodeMultipart({ 'a\u0001': 'x' })).toThrow(/field name must not contain control characters/);
  });

  it('a repeated field is a list of parts', async () => {
    const built = encodeMultipart({
      file: [
        { content: Buffer.from('one'), filename: '1.txt' },
        { content: 'two', filename: '2.txt' },
      ],
      note: 'text',
    });
    const form = await parse({ headers: { 'content-type': built.contentType }, body: built.body });
    expect((form.getAll('file') as File[]).map((f) => f.name)).toEqual(['1.txt', '2.txt']);
    expect(form.get('note')).toBe('text');
    // Only content given as bytes counts towards a binary limit.
    expect(built.contentBytes).toBe(3);
  });

  it('a catalog may not give a multipart body its own content type', () => {
    const catalog: Catalog = {
      Type: 'JIRA_CLOUD',
      Api: 'test',
      actions: [
        { ...upload, request: { method: 'POST', path: '/upload', body: { encoding: 'multipart', value: { a: 'b' }, contentType: 'multipart/mixed' } } },
      ],
    };
    expect(catalogProblems(catalog).join('\n')).toMatch(/a multipart body sends its own Content-Type/);
  });
});
