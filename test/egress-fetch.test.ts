// Egress.fetch: the fetch-compatible face of the egress path, as libraries such
// as openid-client call it (customFetch).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Egress, EgressError } from '../src/egress/index.js';
import { staticResolver } from './support/resolver.js';
import { startUpstream, type Upstream } from './support/upstream.js';

let upstream: Upstream;
let egress: Egress;
const url = (path: string) => `https://api.test.example:${upstream.port}${path}`;

beforeAll(async () => {
  upstream = await startUpstream();
  egress = new Egress({
    caPems: [upstream.ca.certPem],
    allowCidrs: ['127.0.0.1/32'],
    resolve: staticResolver({ 'api.test.example': '127.0.0.1', 'internal.test.example': '10.0.0.7' }).resolve,
  });
});
afterAll(async () => {
  await egress.close();
  await upstream.close();
});

describe('Egress.fetch', () => {
  it('GETs and returns a Response', async () => {
    const res = await egress.fetch(url('/echo'), { headers: { accept: 'application/json' } });
    expect(res).toBeInstanceOf(Response);
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.url).toBe(url('/echo'));
    expect(res.headers.get('content-type')).toBe('application/json');
    const echo = (await res.json()) as { method: string; headers: Record<string, string> };
    expect(echo.method).toBe('GET');
    expect(echo.headers.accept).toBe('application/json');
  });

  it('POSTs a form body the way a token request does', async () => {
    const body = new URLSearchParams({ grant_type: 'client_credentials', scope: 'read' });
    const res = await egress.fetch(new URL(url('/echo')), { method: 'POST', body, headers: { authorization: 'Basic abc' } });
    const echo = (await res.json()) as { method: string; body: string; headers: Record<string, string> };
    expect(echo.method).toBe('POST');
    expect(echo.body).toBe('grant_type=client_credentials&scope=read');
    expect(echo.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(echo.headers.authorization).toBe('Basic abc');
  });

  it('accepts a Request object', async () => {
    const res = await egress.fetch(new Request(url('/echo'), { method: 'PUT', body: 'x' }));
    expect(((await res.json()) as { method: string }).method).toBe('PUT');
  });

  it("honours redirect: 'follow', 'manual' and 'error'", async () => {
    const start = url(`/redirect?to=${encodeURIComponent('/echo')}`);
    const followed = await egress.fetch(start);
    expect(followed.status).toBe(200);
    expect(followed.url).toBe(url('/echo'));
    const manual = await egress.fetch(start, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe('/echo');
    await expect(egress.fetch(start, { redirect: 'error' })).rejects.toBeInstanceOf(TypeError);
  });

  it('gives null-body statuses no body', async () => {
    const res = await egress.fetch(url('/status/204'));
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
  });

  it('rejects refused destinations with EgressError', async () => {
    await expect(egress.fetch('https://internal.test.example/')).rejects.toMatchObject({ name: 'EgressError', reason: 'refused-address' });
    await expect(egress.fetch('http://api.test.example/')).rejects.toBeInstanceOf(EgressError);
  });

  it('a fetcher for an unknown profile rejects', async () => {
    await expect(egress.fetcher('arn:aws:quicksight:us-east-1:111122223333:vpcConnection/none')(url('/echo'))).rejects.toMatchObject({
      reason: 'unknown-profile',
    });
  });
});
