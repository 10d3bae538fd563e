// Why an action did not work, as a person reads it: what happened, and what to do next.
// From the InvokeAction answer (FAILED: the service's HTTP status, or the egress's
// reason when nothing answered — `{ Code: 'EgressError', Reason }`), from an API error
// (AccessTokenNotFoundException: sign in first), or from an audit record's ErrorCode.
import { ApiError } from './api';

export interface Explained {
  /** What happened, one sentence. */
  what: string;
  /** What to do next, one sentence. */
  next: string;
  /** The next step, when it is a place in the console. */
  go?: 'overview' | 'edit';
}

const EGRESS: Record<string, Explained> = {
  dns: {
    what: "The service's address could not be found.",
    next: "Check the connector's base endpoint: the host name may be misspelt, or not known to this server's DNS.",
    go: 'edit',
  },
  'refused-address': {
    what: 'This server may not connect to that address (a private, local or otherwise refused network).',
    next: 'Use a public endpoint, or ask an administrator to allow the address in the egress settings.',
  },
  'connect-timeout': {
    what: 'The service could not be reached in time.',
    next: 'Try again in a moment; if it keeps failing, check the base endpoint.',
    go: 'edit',
  },
  timeout: { what: 'The service did not finish answering in time.', next: 'Try again, asking for less if you can (a smaller page, fewer items).' },
  tls: {
    what: "The service's certificate could not be verified, so nothing was sent.",
    next: "Check the base endpoint's host name; an administrator may need to trust the service's certificate authority.",
    go: 'edit',
  },
  connection: { what: 'The connection to the service was refused or broken.', next: 'Check the base endpoint and try again.', go: 'edit' },
  'response-too-large': {
    what: "The service's answer was larger than this server accepts.",
    next: 'Ask for less: a smaller page, fewer fields, or a byte range.',
  },
  busy: { what: 'This server is busy with other answers right now.', next: 'Run the action again in a moment.' },
  'too-many-redirects': { what: 'The service redirected too many times.', next: 'Check the base endpoint: it may point at an old address.', go: 'edit' },
  'insecure-redirect': {
    what: 'The service redirected to an address that is not https, so the request stopped.',
    next: 'Check the base endpoint.',
    go: 'edit',
  },
  'bad-url': { what: 'The address built for this request is not a valid https URL.', next: 'Check the path and the base endpoint.' },
  'bad-header': { what: 'A header value has characters HTTP cannot carry.', next: 'Remove line breaks and special characters from the headers and values.' },
  'unknown-profile': {
    what: "The connector's VPC connection is not configured on this server.",
    next: 'An owner should pick a configured VPC connection (Edit).',
    go: 'edit',
  },
};

function byStatus(status: number): Explained {
  if (status === 401)
    return {
      what: "The service did not accept the connector's credentials (HTTP 401).",
      next: 'An owner should check the secret (Edit, then enter it again); for a connector each user signs in to, sign in again.',
      go: 'edit',
    };
  if (status === 403)
    return {
      what: 'The service refused: the account the connector uses may not do this (HTTP 403).',
      next: "Ask the service's administrator for access, or check the scopes the connector asks for.",
    };
  if (status === 404) return { what: 'The service found nothing there (HTTP 404).', next: 'Check the path and the IDs you entered.' };
  if (status === 409) return { what: 'The service reports a conflict with the current state (HTTP 409).', next: 'Reload what you are changing and try again.' };
  if (status === 400 || status === 422)
    return { what: `The service did not accept the input (HTTP ${status}).`, next: 'Check the values you entered; the service’s answer below says which.' };
  if (status === 429) return { what: 'The service is limiting requests (HTTP 429).', next: 'Wait a little and run the action again.' };
  if (status >= 500)
    return { what: `The service had a problem (HTTP ${status}).`, next: 'Try again later; if it keeps failing, tell the service’s administrator.' };
  return { what: `The service answered with an error (HTTP ${status}).`, next: 'Check the values you entered; the service’s answer below has the details.' };
}

/** A FAILED InvokeAction answer. */
export function explainResult(r: { HttpStatusCode?: number; Output?: unknown }): Explained {
  if (r.HttpStatusCode) return byStatus(r.HttpStatusCode);
  const out = (r.Output ?? {}) as { Code?: unknown; Reason?: unknown; Message?: unknown };
  if (out.Code === 'EgressError' && typeof out.Reason === 'string' && EGRESS[out.Reason]) return EGRESS[out.Reason]!;
  if (out.Code === 'ContentTooLarge') return { what: 'The content is larger than this server hands on.', next: 'Ask for a byte range, or a smaller item.' };
  return { what: 'The action failed before the service answered.', next: 'Try again; the details below may say more.' };
}

/** An audit record's ErrorCode (`Egress.<reason>` or an error name) with its HTTP status. */
export function explainRecord(errorCode: string | undefined, httpStatus: number | undefined): Explained | undefined {
  if (httpStatus) return byStatus(httpStatus);
  if (!errorCode) return undefined;
  if (errorCode.startsWith('Egress.')) return EGRESS[errorCode.slice('Egress.'.length)];
  return explainCode(errorCode, '');
}

function explainCode(code: string, message: string): Explained {
  switch (code) {
    case 'AccessTokenNotFoundException':
      return {
        what: "You have not signed in to this connector's service yet, or your sign-in has ended.",
        next: 'Sign in on the Overview page, then run the action again.',
        go: 'overview',
      };
    case 'TokenResponseException':
      return {
        what: "The service's sign-in server refused to give a token.",
        next: 'Sign in again on the Overview page; if it keeps failing, an owner should check the client ID and secret.',
        go: 'overview',
      };
    case 'AccessDeniedException':
      return {
        what: 'You do not have permission to run this action.',
        next: 'Ask an owner of the connector or an administrator for the "Run actions" permission.',
      };
    case 'InvalidParameterValueException':
      return { what: 'Some values were not accepted.', next: 'Correct the fields marked above and run the action again.' };
    case 'ThrottlingException':
      return { what: 'Too many requests are being made right now.', next: 'Wait a moment and run the action again.' };
    case 'ResourceNotFoundException':
      return { what: 'This connector or action no longer exists.', next: 'Go back to the list of connectors.' };
    case 'NetworkError':
      return { what: 'ActionBridge could not be reached.', next: 'Check your network connection and try again.' };
    default:
      return {
        what: message.replace(/\s*\(?StartActionConnectorAuthorization\)?/g, '') || 'The action did not run.',
        next: 'Try again; if it keeps failing, tell an administrator.',
      };
  }
}

/** An error thrown by the InvokeAction call itself. */
export function explainError(e: unknown): Explained {
  if (e instanceof ApiError) return explainCode(e.code, e.message);
  return { what: 'The action did not run.', next: 'Try again.' };
}
