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

const isModelErrorName = (name: ErrorName): name is ModelErrorName => name in errorStatus;

/**
 * One broken rule at one member path (lowerCamel, as AWS writes it: `tags.1.member.key`),
 * and its AWS message fragment (`Value at 'tags.1.member.key' failed to satisfy constraint: ...`).
 */
export interface Problem {
  readonly member: string;
  readonly rule: string;
  readonly message: string;
}

export class ServiceError extends Error {
  override readonly name: ErrorName;
  readonly status: number;
  readonly extra: Record<string, string> | undefined;
  /** A validation failure's broken rules (validationError), for entrances that return them as a list (the console). */
  readonly problems: readonly Problem[] | undefined;
  constructor(name: ErrorName, message: string, extra?: Record<string, string>, problems?: readonly Problem[]) {
    super(message);
    this.name = name;
    this.status = isModelErrorName(name) ? errorStatus[name] : authErrorStatus[name];
    this.extra = extra;
    this.problems = problems;
  }
}

export const invalidParameter = (message: string) => new ServiceError('InvalidParameterValueException', message);
export const notFound = (message: string) => new ServiceError('ResourceNotFoundException', message);
export const invalidNextToken = () =>
  new ServiceError('InvalidNextTokenException', 'The NextToken is not valid for this request: it was altered, expired, or issued for another query or caller.');
export const accessDenied = (message = 'You are not authorized to perform this action.') => new ServiceError('AccessDeniedException', message);

/** The AWS validation message for one or more broken rules, e.g.
 *  `1 validation error detected: Value at 'name' failed to satisfy constraint: Member must not be null`. */
export function validationError(problems: readonly Problem[]): ServiceError {
  const n = problems.length;
  return new ServiceError(
    'InvalidParameterValueException',
    `${n} validation error${n === 1 ? '' : 's'} detected: ${problems.map((p) => p.message).join('; ')}`,
    undefined,
    problems,
  );
}

/** One broken rule at one member path (lowerCamel path as AWS writes it). */
export const constraint = (path: string, rule: string): Problem => ({
  member: path,
  rule,
  message: `Value at '${path}' failed to satisfy constraint: ${rule}`,
});

/** A required member that is missing (`Value null at '…'`). */
export const missingMember = (path: string, rule = 'Member must not be null'): Problem => ({
  member: path,
  rule,
  message: `Value null at '${path}' failed to satisfy constraint: ${rule}`,
});
