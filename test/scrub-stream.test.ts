// scrubbedStream (connections/scrub.ts): a streamed answer scrubbed as it passes — server-sent
// events one whole event at a time, whatever the chunks and line endings; other bodies (and
// content-coded ones) whole at their end. A scrubber that looked at chunks alone would let a
// credential split across two of them through.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CredentialScrubber, scrubbedStream } from '../src/connections/scrub.js';

const SECRET = 'tok-5f1e9a7c3b2d';
const scrubber = () => new CredentialScrubber([`Bearer ${SECRET}`]);

/** A body of `parts`, each its own chunk. */
const chunks = (parts: (string | Buffer)[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const p of parts) c.enqueue(typeof p === 'string' ? Buffer.from(p) : p);
      c.close();
    },
  });

/** Each chunk handed on, as text. */
async function pass(headers: Record<string, string>, parts: (string | Buffer)[]): Promise<{ out: string[]; headers: Record<string, string | string[]> }> {
  const res = scrubbedStream(scrubber(), { headers, body: chunks(parts) });
  const out: string[] = [];
  for await (const c of res.body) out.push(Buffer.from(c).toString('utf8'));
  return { out, headers: res.headers };
}

describe('scrubbedStream', () => {
  it('an SSE event split anywhere, with LF, CRLF or CR line ends: the secret scrubbed, each event handed on once it ends', async () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = `data: one${nl}${nl}data: the token ${SECRET} and ${encodeURIComponent(SECRET)}${nl}${nl}data: three${nl}${nl}`;
      for (let cut = 1; cut < text.length; cut += 3) {
        const { out } = await pass({ 'content-type': 'text/event-stream' }, [text.slice(0, cut), text.slice(cut)]);
        const all = out.join('');
        expect(all).not.toContain(SECRET);
        expect(all).not.toContain(SECRET.slice(4));
        expect(all.split('[redacted]')).toHaveLength(3);
        expect(all.replace(/\[redacted\]/g, '')).toBe(text.replace(SECRET, '').replace(encodeURIComponent(SECRET), ''));
      }
    }
    // Streamed: the first event goes on before the rest has come.
    const { out } = await pass({ 'content-type': 'text/event-stream; charset=utf-8' }, ['data: a\n\n', 'data: b', '\n\n']);
    expect(out).toEqual(['data: a\n\n', 'data: b\n\n']);
  });

  it('a JSON body is scrubbed whole at its end; a gzip-coded one is decoded first; credential headers dropped', async () => {
    const json = JSON.stringify({ echoed: SECRET });
    const plain = await pass({ 'content-type': 'application/json', 'set-cookie': 'a=b', 'x-echo': SECRET }, [json.slice(0, 15), json.slice(15)]);
    expect(plain.out).toEqual([JSON.stringify({ echoed: '[redacted]' })]);
    expect(plain.headers['set-cookie']).toBeUndefined();
    expect(plain.headers['x-echo']).toBe('[redacted]');
    const gz = gzipSync(Buffer.from(`data: ${SECRET}\n\n`));
    const coded = await pass({ 'content-type': 'text/event-stream', 'content-encoding': 'gzip' }, [gz.subarray(0, 10), gz.subarray(10)]);
    expect(coded.out.join('')).toBe('data: [redacted]\n\n');
    expect(coded.headers['content-encoding']).toBeUndefined();
  });
});
