// A minimal browser for driving OAuth sign-ins in tests: it trusts a test CA,
// keeps cookies per host, follows redirects one hop at a time (recording them),
// and submits HTML forms it finds on a page (with the Origin and Sec-Fetch-Site a browser sends).
import { Agent, fetch } from 'undici';

export interface Page {
  url: string;
  status: number;
  headers: Headers;
  body: string;
  /** Every URL visited to get here, the first one included. */
  hops: string[];
}

export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();
  private readonly agent: Agent;

  constructor(caPem: string) {
    this.agent = new Agent({ connect: { ca: caPem } });
  }

  /** Loads `url` and follows redirects until a page (or `stopAt` matches a URL, which is then not loaded). */
  async open(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
    stopAt?: (url: string) => boolean,
  ): Promise<Page> {
    const hops: string[] = [];
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    let current = url;
    for (let i = 0; i < 20; i++) {
      hops.push(current);
      if (stopAt?.(current) && i > 0) return { url: current, status: 0, headers: new Headers(), body: '', hops };
      const u = new URL(current);
      const cookies = this.jar.get(u.host);
      // Extra headers (a form's Origin, Sec-Fetch-Site) go with the first request only.
      const headers: Record<string, string> = i === 0 ? { ...init.headers } : {};
      if (cookies?.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const res = await fetch(current, { method, headers, body, redirect: 'manual', dispatcher: this.agent });
      this.keepCookies(u.host, res.headers.getSetCookie());
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.arrayBuffer();
        current = new URL(location, current).href;
        if (res.status !== 307 && res.status !== 308) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      return { url: current, status: res.status, headers: res.headers as unknown as Headers, body: await res.text(), hops };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits the first form on `page` with its hidden inputs plus `fields`. */
  submit(page: Page, fields: Record<string, string> = {}, stopAt?: (url: string) => boolean): Promise<Page> {
    const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(page.body);
    if (!form) throw new Error(`no form on ${page.url}:\n${page.body.slice(0, 500)}`);
    const action = /action="([^"]*)"/i.exec(form[0])?.[1] ?? page.url;
    const method = (/method="([^"]*)"/i.exec(form[0])?.[1] ?? 'GET').toUpperCase();
    const values: Record<string, string> = {};
    for (const input of form[1]!.matchAll(/<input\b[^>]*>/gi)) {
      const name = /name="([^"]*)"/i.exec(input[0])?.[1];
      const value = /value="([^"]*)"/i.exec(input[0])?.[1];
      if (name && value !== undefined) values[name] = decodeEntities(value);
    }
    const target = new URL(decodeEntities(action), page.url);
    const from = new URL(page.url).origin;
    // As a browser: Origin is `null` under Referrer-Policy no-referrer (Fetch, "serializing a request origin").
    const headers = {
      'sec-fetch-site': target.origin === from ? 'same-origin' : 'cross-site',
      ...(method === 'POST' ? { origin: page.headers.get('referrer-policy') === 'no-referrer' ? 'null' : from } : {}),
    };
    return this.open(target.href, { method, form: { ...values, ...fields }, headers }, stopAt);
  }

  /** Forgets every cookie: the next sign-in is another person's, in another browser. */
  forgetCookies(): void {
    this.jar.clear();
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private keepCookies(host: string, setCookies: string[]) {
    let jar = this.jar.get(host);
    if (!jar) {
      jar = new Map();
      this.jar.set(host, jar);
    }
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}
