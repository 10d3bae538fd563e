// The closed set of errors ActionBridge answers with, and their wire status.
// Model errors take their status from the service model; the authentication
// errors are those AWS front doors answer with before a service sees a request.
import { errorStatus, type ModelErrorName } from './generated/model.js';

export const authErrorStatus = {
  MissingAuthenticationTokenException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
} as const;

export type AuthErrorName = keyof typeof authErrorStatus;

// The extension operations' errors (AccessTokenNotFoundException 401, TokenResponseException 424)
// are in model/actionbridge-extensions.model.json, so errorStatus has them.
export type ErrorName = ModelErrorName | AuthErrorName;

export class ServiceError extends Error {
  override readonly name: ErrorName;
  readonly status: number;
  readonly extra: Record<string, string> | undefined;
  constructor(name: ErrorName, message: string, extra?: Record<string, string>) {
    super(message);
    this.name = name;
    this.status = name in errorStatus ? errorStatus[name as ModelErrorName] : authErrorStatus[name as AuthErrorName];
    this.extra = extra;
  }
}

export const invalidParameter = (message: string) => new ServiceError('InvalidParameterValueException', message);
export const notFound = (message: string) => new ServiceError('ResourceNotFoundException', message);
export const accessDenied = (message = 'You are not authorized to perform this action.') => new ServiceError('AccessDeniedException', message);

/** The AWS validation message for one or more broken rules, e.g.
 *  `1 validation error detected: Value at 'name' failed to satisfy constraint: Member must not be null`. */
export function validationError(problems: string[]): ServiceError {
  const n = problems.length;
  return invalidParameter(`${n} validation error${n === 1 ? '' : 's'} detected: ${problems.join('; ')}`);
}

/** One broken rule at one member path (lowerCamel path as AWS writes it). */
export const constraint = (path: string, rule: string) => `Value at '${path}' failed to satisfy constraint: ${rule}`;
