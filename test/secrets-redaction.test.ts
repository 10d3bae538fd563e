// Redaction in the logger itself: whatever shape a log call takes, Authorization
// headers and secret members never reach the output, and error objects are scrubbed.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/server/start.js';
import { redactDeep, scrubText, secretValuesIn } from '../src/server/redact.js';

function capture() {
  let text = '';
  const sink = new Writable({
    write(chunk, _e, cb) {
      text += chunk.toString();
      cb();
    },
  });
  const log = createLogger('trace', sink);
  return { log, text: () => text };
}

const AUTH =
  'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE0000000000/20240101/us-east-1/quicksight/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const PW = 'Hunter2-log-Pa55word';
const KEY = 'ApiKey-log-9f8e7d6c';
const CS = 'ClientSecret-log-5a4b3c';
const SAK = 'SecretAccessKey-log-wJalrXUtnFEMI';
const TOKEN = 'refresh-token-log-zz99';

describe('pino output', () => {
  it('Authorization headers are censored at any depth and in any case', () => {
    const { log, text } = capture();
    log.info({ authorization: AUTH }, 'top');
    log.info({ Authorization: AUTH }, 'top, capitalized');
    log.info({ headers: { authorization: AUTH, host: 'h' } }, 'headers');
    log.info({ req: { headers: { authorization: AUTH, 'x-amz-security-token': TOKEN } } }, 'req');
    log.info({ a: { b: { c: { headers: { Authorization: AUTH } } } } }, 'deep');
    log.info({ list: [{ authorization: AUTH }] }, 'in a list');
    expect(text()).not.toContain('Signature=0123');
    expect(text()).not.toContain('AKIAEXAMPLE');
    expect(text()).not.toContain(TOKEN);
    expect(text().split('\n').filter(Boolean)).toHaveLength(6);
    expect(text()).toContain('"host":"h"');
  });

  it('secret members are censored wherever they appear', () => {
    const { log, text } = capture();
    log.info({ Password: PW, ApiKey: KEY }, 'top');
    log.info({ input: { AuthenticationConfig: { AuthenticationMetadata: { BasicAuthConnectionMetadata: { Password: PW } } } } }, 'deep input');
    log.info({ input: { AuthenticationMetadata: { ApiKeyConnectionMetadata: { ApiKey: KEY } } } }, 'api key');
    log.info({ x: { ClientCredentialsGrantDetails: { ClientSecret: CS, ClientId: 'visible-id' } } }, 'client secret');
    log.info({ key: { SecretAccessKey: SAK, secret_access_key: SAK } }, 'access key');
    log.info({ oauth: { refresh_token: TOKEN, access_token: TOKEN, token: TOKEN } }, 'tokens');
    for (const s of [PW, KEY, CS, SAK, TOKEN]) expect(text()).not.toContain(s);
    expect(text()).toContain('visible-id');
    expect(text()).toContain('[redacted]');
  });

  it('error objects are scrubbed: message and stack', () => {
    const { log, text } = capture();
    const e = new Error(`login failed: password=${PW} for header Authorization: ${AUTH}`);
    log.error(e, 'as the first argument');
    log.error({ err: e }, 'as err');
    log.error({ error: e, requestId: 'r-1' }, 'as another key');
    log.error({ cause: { message: `secret ${SAK}`, stack: `Error: token ${TOKEN}\n    at x` } }, 'error-like');
    log.error(e);
    log.error({ err: e });
    log.warn({ err: e, requestId: 'r-2' });
    for (const s of [PW, SAK, TOKEN, 'Signature=0123']) expect(text()).not.toContain(s);
    expect(text()).toContain('login failed');
    expect(text()).toContain('r-1');
    expect(text()).toContain('r-2');
    const lines = text()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    for (const l of lines.slice(4)) expect(l.msg).toMatch(/^login failed/);
  });

  it('ordinary request lines pass unchanged', () => {
    const { log, text } = capture();
    log.info(
      {
        requestId: 'abc',
        op: 'DescribeActionConnector',
        method: 'GET',
        account: '111122223333',
        caller: 'arn:aws:quicksight:us-east-1:111122223333:user/default/u',
        status: 200,
        durationMs: 1.5,
      },
      'request',
    );
    const line = JSON.parse(text());
    expect(line).toMatchObject({
      requestId: 'abc',
      op: 'DescribeActionConnector',
      status: 200,
      caller: 'arn:aws:quicksight:us-east-1:111122223333:user/default/u',
      msg: 'request',
    });
  });
});

describe('the scrubbing functions', () => {
  it('scrubText removes given values wherever they are, and text after secret words', () => {
    expect(scrubText(`value '${PW}' rejected`, [PW])).toBe("value '[redacted]' rejected");
    expect(scrubText(`x ${PW} y ${PW}`, [PW])).not.toContain(PW);
    expect(scrubText(`the password is ${PW}`)).not.toContain(PW);
    expect(scrubText(`got ${AUTH}`)).not.toContain('Signature=');
    expect(scrubText('short ab', ['ab'])).toBe('short ab'); // values under 4 characters are not scrubbed (noise)
    expect(scrubText(undefined)).toBeUndefined();
  });

  it('secretValuesIn finds the secrets of a request body, JSON or not', () => {
    const body = Buffer.from(
      JSON.stringify({
        Name: 'n',
        AuthenticationConfig: {
          AuthenticationMetadata: {
            BasicAuthConnectionMetadata: { Password: PW, Username: 'u' },
            ClientCredentialsGrantMetadata: { ClientCredentialsDetails: { ClientCredentialsGrantDetails: { ClientSecret: CS } } },
          },
        },
      }),
    );
    expect(secretValuesIn(body).sort()).toEqual([CS, PW].sort());
    expect(secretValuesIn(Buffer.from(`{"ApiKey": "${KEY}", broken`))).toEqual([KEY]);
    expect(secretValuesIn(undefined)).toEqual([]);
  });

  it('redactDeep leaves the input object untouched', () => {
    const o = { a: { Password: PW } };
    const r = redactDeep(o) as { a: { Password: string } };
    expect(r.a.Password).toBe('[redacted]');
    expect(o.a.Password).toBe(PW);
  });
});
