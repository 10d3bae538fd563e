// The console API (src/server/console.ts): the server's operations behind the
// session cookie, with the CSRF token (a readable cookie) copied into a header.
import type { OperationName, OperationTypes, Wire } from '../../src/protocol/generated/types';

// The operations' shapes are generated from the models (scripts/gen-model.mjs), as JSON carries them.
export type { ActionConnectorSummary, ActionDescription, ActionInvocation, OperationName, Wire } from '../../src/protocol/generated/types';
/** An operation's answer as the console receives it (timestamps are epoch seconds). */
export type Output<K extends OperationName> = Wire<OperationTypes[K]['output']>;

/** One broken rule of an InvalidParameterValueException: the member path it names (when it names one), the rule, the whole text. */
export interface Problem {
  path?: string;
  rule: string;
  text: string;
}

export class ApiError extends Error {
  /**
   * The broken rules, as the server lists them (`Problems` in the error body); an
   * InvalidParameterValueException without a list is one problem naming no member.
   */
  readonly problems: readonly Problem[];
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    problems: readonly Problem[] = [],
  ) {
    super(message);
    this.problems = problems.length || code !== 'InvalidParameterValueException' ? problems : [{ rule: message, text: message }];
  }
}

/** The `Problems` list of a console API error body. */
function problemsIn(data: Record<string, unknown>): Problem[] {
  if (!Array.isArray(data.Problems)) return [];
  const out: Problem[] = [];
  for (const p of data.Problems as unknown[]) {
    if (typeof p !== 'object' || p === null) continue;
    const { Member, Rule, Message } = p as Record<string, unknown>;
    if (typeof Message !== 'string') continue;
    out.push({ ...(typeof Member === 'string' ? { path: Member } : {}), rule: typeof Rule === 'string' ? Rule : Message, text: Message });
  }
  return out;
}

export interface Session {
  SignedIn: true;
  AccountId: string;
  UserName: string;
  UserArn: string;
  Role: 'ADMIN' | 'AUTHOR' | 'READER';
  GroupArns: string[];
  Region: string;
  SignedInWith: 'PASSWORD' | 'ACCESS_KEY';
  ExpiresAt: number;
  IdleTimeoutSeconds: number;
}

export interface ConnectorTypeInfo {
  Type: string;
  AuthenticationTypes: string[];
  Actions: { ActionId: string; Name: string }[];
  /** What guided create offers for the type (src/catalog/presets.ts). */
  Preset?: {
    Vendor: string;
    BaseEndpoints: { Url: string; For?: string }[];
    OAuth?: { AuthorizationEndpoint?: string; TokenEndpoint: string };
    Scopes: string[];
  };
}

export interface Meta {
  ConnectorTypes: ConnectorTypeInfo[];
  PermissionActions: string[];
  PermissionPresets: { owner: string[]; user: string[]; viewer: string[] };
  Operations: string[];
  VpcConnectionArns: string[];
  RedirectUrl?: string;
}

const BASE = '/console/api/';

function cookie(name: string): string {
  for (const part of document.cookie.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return '';
}

let signedOutHandler: (message: string) => void = () => {};
/** Called when the server says the session has ended (expired, signed out elsewhere). */
export function onSignedOut(handler: (message: string) => void): void {
  signedOutHandler = handler;
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      credentials: 'same-origin',
      headers: method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': cookie('ab_console_csrf') } : {},
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch {
    throw new ApiError('NetworkError', 'The server could not be reached. Check your connection and try again.', 0);
  }
  const text = await res.text();
  let data: Record<string, unknown> = {};
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const code = res.headers.get('x-amzn-errortype') ?? `HTTP${res.status}`;
    const err = new ApiError(code, typeof data.Message === 'string' ? data.Message : `The server answered HTTP ${res.status}.`, res.status, problemsIn(data));
    if (code === 'MissingAuthenticationTokenException' && path !== 'sign-in') signedOutHandler(err.message);
    throw err;
  }
  return data as T;
}

/** Calls an operation by its API name with its input (AwsAccountId is the caller's unless given). */
export function call<K extends OperationName>(operation: K, input: Record<string, unknown> = {}): Promise<Output<K>> {
  return request<Output<K>>('POST', encodeURIComponent(operation), input);
}

export const api = {
  session: () => request<Session | { SignedIn: false; Message?: string }>('GET', 'session'),
  meta: () => request<Meta>('GET', 'meta'),
  /** The connector actions the signed-in user may perform on a connector (quicksight:…). */
  access: (id: string) => request<{ ActionConnectorId: string; CallerActions: string[] }>('GET', `access/${encodeURIComponent(id)}`),
  principals: () => request<{ Users: { UserName: string; Arn: string; Role: string }[]; Groups: { GroupName: string; Arn: string }[] }>('GET', 'principals'),
  signIn: (body: Record<string, string>) => request<Session>('POST', 'sign-in', body),
  signOut: () => request<{ SignedOut: true }>('POST', 'sign-out'),
};

/** Epoch seconds (as the API writes timestamps) as local date and time. */
export function when(t: number | undefined): string {
  if (t === undefined || t === null) return '—';
  return new Date(t * 1000).toLocaleString();
}
