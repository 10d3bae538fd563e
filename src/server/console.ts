// The web console (issue 10), served by the API server itself under /console:
//
//   GET  /console/                 the single-page app (console/ sources, built by Vite into console/dist)
//   GET  /console/assets/*         its hashed assets (cached for a year)
//   POST /console/api/sign-in      password or access-key sign-in → session cookie + CSRF cookie
//   POST /console/api/sign-out
//   GET  /console/api/session      who is signed in (or why not)
//   GET  /console/api/meta         connector types, their authentication types, catalog actions and create presets, permission actions
//   GET  /console/api/principals   users and groups of the caller's account (ADMIN and AUTHOR)
//   GET  /console/api/access/{id}  the connector actions the caller may perform on one connector (auth/permissions.ts)
//   POST /console/api/{Operation}  any API operation with its whole input as JSON
//
// The operations are the very OperationSpecs the SigV4 routes use: the session
// stands in for the signature and yields the same Caller, then throttling, the
// operation's validator (same messages) and handler, and the same result and
// error encoding follow. No operation logic lives here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Logger } from 'pino';
import type { Services } from '../ops/services.js';
import { type OperationSpec, bodyLimitOf, sendError } from '../protocol/http.js';
import { ServiceError, accessDenied, constraint, notFound, validationError } from '../protocol/errors.js';
import { placeKeptSecret } from '../domain/auth-config.js';
import { type ContentTypeRule, decodeJsonBody } from '../protocol/json-body.js';
import { CONNECTOR_ACTIONS, OWNER_ACTIONS } from '../auth/permissions.js';
import { groupArn, userArn } from '../auth/arns.js';
import { CONNECTOR_TYPES, describeActions } from '../catalog/index.js';
import { typePreset } from '../catalog/presets.js';
import { allowedAuthentication } from '../domain/type-auth.js';
import { vpcConnectionsFor } from '../domain/vpc-connections.js';
import { START_PATH } from '../connections/index.js';
import {
  CONSOLE_DEFAULTS,
  CSRF_COOKIE,
  CSRF_HEADER,
  ConsoleSessions,
  SESSION_COOKIE,
  type ConsoleOptions,
  type ResolvedSession,
  SignInRefused,
  cookieValue,
  sessionCookies,
} from './console-sessions.js';
import { admitBody, discardBody } from './body-admission.js';
import type { Entered, Pipeline } from './pipeline.js';

/** Where the built console is: console/dist at the package root (from src/server or dist/server alike). */
export const CONSOLE_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'console', 'dist');

/** What a user may do with a connector, as the console presents it: see it, use it (run its actions), or own it. */
export const PERMISSION_PRESETS = {
  owner: [...OWNER_ACTIONS],
  user: ['quicksight:DescribeActionConnector', 'quicksight:ListActionConnectorActions', 'quicksight:InvokeActionConnector'],
  viewer: ['quicksight:DescribeActionConnector', 'quicksight:ListActionConnectorActions'],
} as const;

export interface ConsoleEntranceOptions {
  services: Services;
  /** Every routable operation, exactly as registered for SigV4. */
  specs: readonly OperationSpec[];
  pipeline: Pipeline;
  log: Logger;
  options?: Partial<ConsoleOptions>;
  /** The built console (default CONSOLE_DIST). */
  distDir?: string;
}

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** The console API takes application/json only (a form post from another site cannot send it). */
const CONSOLE_JSON: ContentTypeRule = { accept: /^application\/json\s*(;.*)?$/i, required: true, message: () => 'The console API takes application/json.' };

/** The JSON object a console API request carries (an empty body is `{}`). */
const jsonBody = (req: FastifyRequest): Record<string, unknown> =>
  decodeJsonBody(req.body as Buffer | undefined, req.headers['content-type'], CONSOLE_JSON, true);

/**
 * The console's edit form keeps a stored secret the user did not retype: its
 * UpdateActionConnector body says `KeepCurrentSecret: true` and leaves the secret out.
 * A console-only member (not in the model: SigV4 and MCP inputs never carry it): the
 * input gets the placeholder the model needs and the operation keeps the sealed value
 * (ops/connectors.ts, `RequestContext.keepSecret`), or asks for the secret again when
 * the endpoints or method changed.
 */
function keepCurrentSecret(input: Record<string, unknown>, who: Entered): void {
  const keep = input.KeepCurrentSecret;
  delete input.KeepCurrentSecret;
  if (typeof keep !== 'boolean') throw validationError([constraint('keepCurrentSecret', 'Member must be true or false')]);
  if (!keep) return;
  const problem = placeKeptSecret(input.AuthenticationConfig);
  if (problem) throw validationError([constraint(problem.member, problem.rule)]);
  who.keepSecret = true;
}

/** Registered with `{ prefix: '/console' }`. */
export const consoleEntrance: FastifyPluginAsync<ConsoleEntranceOptions> = async (scope, deps) => {
  const { services, pipeline, log } = deps;
  const { config, store, keys, now } = services;
  const options: ConsoleOptions = { ...CONSOLE_DEFAULTS, ...deps.options };
  const sessions = new ConsoleSessions({ store, keys, region: config.region, now, options });
  const specs = new Map(deps.specs.map((s) => [s.name, s]));
  const distDir = deps.distDir ?? CONSOLE_DIST;
  const indexFile = path.join(distDir, 'index.html');
  const built = existsSync(indexFile);
  const indexHtml = built ? readFileSync(indexFile) : undefined;
  const publicHttps = config.publicUrl?.startsWith('https:') ?? false;

  /** Secure cookies when the browser reached us over TLS: directly, or through the https publicUrl. */
  const secure = (req: FastifyRequest) => publicHttps || req.protocol === 'https';
  /** Where the OAuth sign-in confirmation is served (it checks who is signed in to the console). */
  const oauthStartPath = `${config.publicUrl ? new URL(config.publicUrl).pathname.replace(/\/$/, '') : ''}${START_PATH}`;
  const setCookies = (req: FastifyRequest, reply: FastifyReply, opened?: { sessionId: string; csrfToken: string }) =>
    reply.header('set-cookie', sessionCookies(opened, secure(req), Math.floor(options.absoluteTimeoutMs / 1000), oauthStartPath));

  /** The pipeline's failure handling, plus: never cached, a session that ended takes its cookies, validation problems as a list. */
  const fail = (req: FastifyRequest, reply: FastifyReply, e: unknown) => {
    reply.header('cache-control', 'no-store');
    const err = pipeline.asServiceError(req, e);
    if (err.name === 'MissingAuthenticationTokenException') setCookies(req, reply);
    return sendError(reply, req.id, err, true);
  };

  /** Browsers say where a request comes from: refuse state changes started by another site. */
  const sameOrigin = (req: FastifyRequest) => {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw accessDenied('Cross-site requests to the console are refused.');
  };

  // The session an API request was admitted with (before its body was read), so it is resolved once.
  const session = (req: FastifyRequest): Promise<ResolvedSession> =>
    req.admission?.kind === 'session' ? Promise.resolve(req.admission.session) : sessions.resolve(cookieValue(req.headers.cookie, SESSION_COOKIE));

  /** A request that changes state: signed in, same origin, and carrying the CSRF token. */
  const stateChange = async (req: FastifyRequest): Promise<ResolvedSession> => {
    sameOrigin(req);
    const s = await session(req);
    const h = req.headers[CSRF_HEADER];
    sessions.checkCsrf(s.session, Array.isArray(h) ? h[0] : h, cookieValue(req.headers.cookie, CSRF_COOKIE));
    return s;
  };

  const who = (s: ResolvedSession) => ({
    AccountId: s.caller.accountId,
    UserName: s.caller.userName,
    UserArn: s.caller.userArn,
    Role: s.caller.role,
    GroupArns: s.caller.groupArns,
    Region: s.session.region,
    SignedInWith: s.session.accessKeyId ? 'ACCESS_KEY' : 'PASSWORD',
    ExpiresAt: Math.floor(s.session.expiresAt / 1000),
    IdleTimeoutSeconds: Math.floor(options.idleTimeoutMs / 1000),
  });

  const json = (reply: FastifyReply, req: FastifyRequest, body: object, status = 200) =>
    reply
      .code(status)
      .header('content-type', 'application/json')
      .header('cache-control', 'no-store')
      .header('x-amzn-RequestId', req.id)
      .send(JSON.stringify({ ...body, RequestId: req.id }));

  /** A console route of a signed-in user (`check`: the session, or a state change's session + CSRF), named for the log line. */
  const signedIn =
    (
      op: string,
      check: (req: FastifyRequest) => Promise<ResolvedSession>,
      answer: (s: ResolvedSession, req: FastifyRequest, reply: FastifyReply) => Promise<object>,
    ) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      pipeline.name(req, op);
      try {
        const s = await check(req);
        pipeline.name(req, op, s.caller);
        return json(reply, req, await answer(s, req, reply));
      } catch (e) {
        return fail(req, reply, e);
      }
    };

  // The page and its assets; the API routes name themselves below.
  scope.addHook('onRequest', async (req) => {
    pipeline.name(req, 'console:Static');
  });
  // An API request other than sign-in reads its body only with a live session (body-admission.ts);
  // without one it is answered now, before any of its body is read.
  scope.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST' || !req.url.startsWith('/console/api/') || req.url.startsWith('/console/api/sign-in')) return;
    try {
      const session = await sessions.resolve(cookieValue(req.headers.cookie, SESSION_COOKIE));
      req.admission = { kind: 'session', session };
      admitBody(req, `user:${session.caller.userArn}`);
    } catch (e) {
      await discardBody(req);
      fail(req, reply, e);
      return reply;
    }
  });
  scope.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
    return payload;
  });

  // ---- the page and its assets ------------------------------------------------
  scope.get('/', { prefixTrailingSlash: 'no-slash' }, async (_req, reply) => reply.redirect('/console/', 302));
  scope.get('/', { prefixTrailingSlash: 'slash' }, async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    if (!indexHtml) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`The console is not built (${indexFile} is missing). Run \`npm run build:console\` (npm ci runs it).\n`);
    }
    return reply.type('text/html; charset=utf-8').send(indexHtml);
  });
  if (built) {
    await scope.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      index: false,
      cacheControl: false,
      decorateReply: false,
      setHeaders(res, file) {
        // Vite names assets by content hash: they never change under one name.
        const hashed = file.startsWith(path.join(distDir, 'assets') + path.sep);
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  // ---- sign-in, sign-out, session -------------------------------------------------
  scope.post('/api/sign-in', async (req, reply) => {
    pipeline.name(req, 'console:SignIn');
    try {
      sameOrigin(req);
      const body = jsonBody(req);
      const opened = body.AccessKeyId !== undefined ? await sessions.signInWithAccessKey(body, req.ip) : await sessions.signInWithPassword(body, req.ip);
      pipeline.name(req, 'console:SignIn', opened.caller);
      // A new session id at every sign-in; the one this browser had (if any) ends.
      await sessions.signOut(cookieValue(req.headers.cookie, SESSION_COOKIE));
      log.info({ requestId: req.id, user: opened.caller.userArn, with: opened.session.accessKeyId ? 'access key' : 'password' }, 'console sign-in');
      setCookies(req, reply, opened);
      return json(reply, req, { ...who(opened), CsrfToken: opened.csrfToken });
    } catch (e) {
      if (e instanceof ServiceError && (e.name === 'AccessDeniedException' || e.name === 'ThrottlingException')) {
        log.warn({ requestId: req.id, ip: req.ip, error: e.name }, 'console sign-in refused');
      }
      if (e instanceof SignInRefused) reply.header('retry-after', String(e.retryAfterSeconds));
      return fail(req, reply, e);
    }
  });

  scope.post(
    '/api/sign-out',
    signedIn('console:SignOut', stateChange, async (_s, req, reply) => {
      await sessions.signOut(cookieValue(req.headers.cookie, SESSION_COOKIE));
      setCookies(req, reply);
      return { SignedOut: true };
    }),
  );

  scope.get('/api/session', async (req, reply) => {
    pipeline.name(req, 'console:Session');
    try {
      const s = await session(req);
      pipeline.name(req, 'console:Session', s.caller);
      return json(reply, req, { SignedIn: true, ...who(s) });
    } catch (e) {
      if (e instanceof ServiceError && e.name === 'MissingAuthenticationTokenException') {
        if (req.headers.cookie?.includes(SESSION_COOKIE)) setCookies(req, reply);
        return json(reply, req, { SignedIn: false, Message: e.message });
      }
      return fail(req, reply, e);
    }
  });

  // ---- what the pages need besides the operations ---------------------------------------
  scope.get(
    '/api/meta',
    signedIn('console:Meta', session, async (s) => ({
      ConnectorTypes: CONNECTOR_TYPES.map((type) => ({
        Type: type,
        AuthenticationTypes: allowedAuthentication(type),
        Actions: describeActions(type, []).map((a) => ({ ActionId: a.ActionId, Name: a.Name })),
        Preset: typePreset(type),
      })),
      PermissionActions: CONNECTOR_ACTIONS,
      PermissionPresets: PERMISSION_PRESETS,
      Operations: [...specs.keys()],
      // Only the VPC connections the caller's account may use in this region (issue 13).
      VpcConnectionArns: vpcConnectionsFor(config.vpcConnections, { accountId: s.caller.accountId, region: s.session.region }),
      ...(config.publicUrl ? { RedirectUrl: `${config.publicUrl}/oauth/callback` } : {}),
    })),
  );

  scope.get(
    '/api/principals',
    signedIn('console:Principals', session, async (s) => {
      const { accountId, role } = s.caller;
      // The directory is for those who share connectors; a READER types names.
      if (role === 'READER') return { Users: [], Groups: [] };
      const [users, groups] = await Promise.all([store.identities.listUsers(accountId), store.identities.listGroups(accountId)]);
      return {
        Users: users.map((u) => ({ UserName: u.userName, Arn: userArn(config.region, accountId, u.userName), Role: u.role })),
        Groups: groups.map((g) => ({ GroupName: g.groupName, Arn: groupArn(config.region, accountId, g.groupName) })),
      };
    }),
  );

  // What the caller may do on one connector, so that the pages offer only that (the
  // operations still decide: this is Permissions.allowedActions, the rule `require` applies).
  scope.get<{ Params: { id: string } }>(
    '/api/access/:id',
    signedIn('console:Access', session, async (s, req) => {
      const id = (req.params as { id: string }).id;
      if (!/^[\w-]{1,512}$/.test(id)) throw validationError([constraint('actionConnectorId', 'Member must satisfy regular expression pattern: [\\w\\-]+')]);
      const ctx = { caller: s.caller, region: s.session.region, requestId: req.id };
      const actions = await services.perms.allowedActions(ctx, { region: s.session.region, accountId: s.caller.accountId, id });
      return { ActionConnectorId: id, CallerActions: actions };
    }),
  );

  // ---- the operations: the pipeline, with the session for the signature and the JSON body for the input ----
  const runOperation = async (req: FastifyRequest, reply: FastifyReply, name: string) => {
    const spec = specs.get(name);
    if (!spec) {
      return signedIn('console:unknown', stateChange, async () => {
        throw notFound(`The console API has no operation named ${name.slice(0, 100)}.`);
      })(req, reply);
    }
    reply.header('cache-control', 'no-store');
    await pipeline.dispatch(
      req,
      reply,
      spec,
      {
        authenticate: async () => {
          const s = await stateChange(req);
          return { caller: s.caller, region: s.session.region };
        },
        decode: (who) => {
          const input = jsonBody(req);
          if (input.AwsAccountId === undefined && spec.bindings.some((b) => b.member === 'AwsAccountId')) input.AwsAccountId = who.caller.accountId;
          if (spec.name === 'UpdateActionConnector' && input.KeepCurrentSecret !== undefined) keepCurrentSecret(input, who);
          return input;
        },
        fail: (e) => fail(req, reply, e),
      },
      `console:${spec.name}`,
    );
  };
  // Operations whose bodies may exceed the server's limit (InvokeAction's base64 content, an API
  // definition's document) get a route of their own with their model's limit, as over SigV4.
  for (const spec of specs.values()) {
    if (spec.bodyLimit === undefined) continue;
    scope.post(`/api/${spec.name}`, { bodyLimit: bodyLimitOf(spec, scope.initialConfig.bodyLimit ?? 1024 * 1024) }, (req, reply) =>
      runOperation(req, reply, spec.name),
    );
  }
  scope.post<{ Params: { op: string } }>('/api/:op', (req, reply) => runOperation(req, reply, req.params.op));

  scope.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/console/api/')) return fail(req, reply, notFound(`No console API matches ${req.method} ${req.url.split('?')[0]}.`));
    return reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send('Not found.\n');
  });
};
