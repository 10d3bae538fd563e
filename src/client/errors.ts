// Errors the client raises: one class per error name the server answers with
// (x-amzn-ErrorType), all extending ActionBridgeError. A name the client does not
// know becomes an ActionBridgeError with that name.

export interface ActionBridgeErrorOptions {
  requestId?: string;
  httpStatus?: number;
  /** Other members of the error body besides Message and RequestId. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class ActionBridgeError extends Error {
  /** The server's error name (x-amzn-ErrorType), or a client-side name such as NetworkError. */
  override name: string;
  /** The server's request id (x-amzn-RequestId), when there was an answer. */
  readonly requestId: string | undefined;
  /** The HTTP status of the answer; undefined when none arrived. */
  readonly httpStatus: number | undefined;
  readonly details: Record<string, unknown> | undefined;
  constructor(name: string, message: string, opts: ActionBridgeErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = name;
    this.requestId = opts.requestId;
    this.httpStatus = opts.httpStatus;
    this.details = opts.details;
  }
}

type Sub = new (message: string, opts?: ActionBridgeErrorOptions) => ActionBridgeError;

/** The caller may not do this (HTTP 401). */
export class AccessDeniedException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('AccessDeniedException', m, o);
  }
}
/** A member broke a rule of the model (HTTP 400); the message names it. */
export class InvalidParameterValueException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('InvalidParameterValueException', m, o);
  }
}
/** A NextToken that was altered or belongs to another caller or query (HTTP 400). */
export class InvalidNextTokenException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('InvalidNextTokenException', m, o);
  }
}
/** HTTP 404. */
export class ResourceNotFoundException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('ResourceNotFoundException', m, o);
  }
}
/** HTTP 409. */
export class ResourceExistsException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('ResourceExistsException', m, o);
  }
}
/** HTTP 409. */
export class ConflictException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('ConflictException', m, o);
  }
}
/** HTTP 409. */
export class LimitExceededException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('LimitExceededException', m, o);
  }
}
/** The account's request rate was exceeded (HTTP 429); the client retries it. */
export class ThrottlingException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('ThrottlingException', m, o);
  }
}
/** HTTP 500; the request id identifies it in the server log. */
export class InternalFailureException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('InternalFailureException', m, o);
  }
}
/** HTTP 403. */
export class UnsupportedUserEditionException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('UnsupportedUserEditionException', m, o);
  }
}
/** The caller has no usable sign-in for an OAUTH2_AUTHORIZATION_CODE connector (HTTP 401): call startActionConnectorAuthorization and open the URL. */
export class AccessTokenNotFoundException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('AccessTokenNotFoundException', m, o);
  }
}
/** A token endpoint or STS refused or could not be reached (HTTP 424). */
export class TokenResponseException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('TokenResponseException', m, o);
  }
}
/** The request was not signed (HTTP 403). */
export class MissingAuthenticationTokenException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('MissingAuthenticationTokenException', m, o);
  }
}
/** The signature does not match (wrong secret, or more than 15 minutes of clock skew) (HTTP 403). */
export class InvalidSignatureException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('InvalidSignatureException', m, o);
  }
}
/** The access key is unknown or inactive (HTTP 403). */
export class UnrecognizedClientException extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('UnrecognizedClientException', m, o);
  }
}
/** Client side: no answer (connection refused, reset, timed out). */
export class NetworkError extends ActionBridgeError {
  constructor(m: string, o?: ActionBridgeErrorOptions) {
    super('NetworkError', m, o);
  }
}

const byName: Record<string, Sub> = {
  AccessDeniedException,
  InvalidParameterValueException,
  InvalidNextTokenException,
  ResourceNotFoundException,
  ResourceExistsException,
  ConflictException,
  LimitExceededException,
  ThrottlingException,
  InternalFailureException,
  UnsupportedUserEditionException,
  AccessTokenNotFoundException,
  TokenResponseException,
  MissingAuthenticationTokenException,
  InvalidSignatureException,
  UnrecognizedClientException,
};

/** The error names the client has a class for. */
export const KNOWN_ERROR_NAMES: readonly string[] = Object.keys(byName);

/** The error for a name the server answered with: its class when known, else ActionBridgeError. */
export function errorFor(name: string, message: string, opts: ActionBridgeErrorOptions = {}): ActionBridgeError {
  const C = Object.hasOwn(byName, name) ? byName[name]! : undefined;
  return C ? new C(message, opts) : new ActionBridgeError(name, message, opts);
}
