// What an action needs from the connector's credentials (`requires`, types.ts), checked
// before anything is sent: an operation the vendor performs only for a signed-in user
// (Teams' channel and chat messages) fails at the vendor with a bare 403 on an app-only
// connector, so InvokeAction refuses it up front and says what is missing.
import type { ConnectionAuthType } from '../protocol/generated/model.js';
import { lookup, parseRef } from './mapping.js';
import type { CatalogAction, HttpRequestTemplate } from './types.js';

/** The AuthenticationType that gives a delegated (signed-in user) grant; every other one acts as the connector's own identity. */
const DELEGATED: ConnectionAuthType = 'OAUTH2_AUTHORIZATION_CODE';

const WHAT: Record<ConnectionAuthType, string> = {
  OAUTH2_AUTHORIZATION_CODE: "a signed-in user's token",
  OAUTH2_CLIENT_CREDENTIALS: 'an app-only token (client credentials)',
  API_KEY: "an API key (the key owner's identity, no signed-in user)",
  BASIC: 'a user name and password (one service identity for everyone)',
  NONE: 'no credentials',
  IAM: 'an AWS role',
};

/** Whether a connector with `authType` gives the grant the action requires; the refusal's message when it does not. */
export function grantProblem(action: Pick<CatalogAction, 'ActionId' | 'requires'>, authType: ConnectionAuthType, vendor = 'the vendor'): string | undefined {
  const grant = action.requires?.grant;
  if (!grant) return undefined;
  const scopes = action.requires?.scopes?.length ? ` with ${action.requires.scopes.join(' or ')}` : '';
  if (grant === 'delegated' && authType !== DELEGATED) {
    return (
      `Action ${action.ActionId} needs a delegated (signed-in user) grant: this connector uses ${authType}, ${WHAT[authType]}, ` +
      `and ${vendor} performs this operation only for a signed-in user. Use a connector with AuthenticationType ${DELEGATED}` +
      `${scopes ? `, its app granted the delegated permission${scopes}` : ''}. Nothing was sent.`
    );
  }
  if (grant === 'application' && authType === DELEGATED) {
    return (
      `Action ${action.ActionId} needs an application (app-only) grant: this connector uses ${authType}, ${WHAT[authType]}, ` +
      `and ${vendor} performs this operation only for an application. Use a connector with AuthenticationType OAUTH2_CLIENT_CREDENTIALS` +
      `${scopes ? `, its app granted the application permission${scopes}` : ''}. Nothing was sent.`
    );
  }
  return undefined;
}

/**
 * The refusal's message when the request variant the input chose works only with a grant the
 * connector does not give (Graph's `/me/...` on a client-credentials connector), naming the
 * input members that would choose another variant.
 */
export function variantGrantProblem(
  action: Pick<CatalogAction, 'ActionId' | 'request'>,
  chosen: HttpRequestTemplate,
  input: Record<string, unknown>,
  authType: ConnectionAuthType,
): string | undefined {
  const grant = chosen.grant;
  if (!grant || (grant === 'delegated') === (authType === DELEGATED)) return undefined;
  const variants = Array.isArray(action.request) ? action.request : action.request ? [action.request] : [];
  const others = variants.filter((v) => v !== chosen && v.grant !== grant);
  const members = [
    ...new Set(
      others.flatMap((v) => (v.when === undefined ? [] : Array.isArray(v.when) ? v.when : [v.when])).filter((ref) => lookup(ref, input) === undefined),
    ),
  ].map((ref) => String(parseRef(ref).steps[0]));
  const which = grant === 'delegated' ? 'a delegated (signed-in user) grant' : 'an application (app-only) grant';
  const hint = members.length ? ` Give ${members.join(' or ')} to act ${grant === 'delegated' ? 'for a named user' : 'as the signed-in user'} instead.` : '';
  return `Action ${action.ActionId}, as called, needs ${which}: this connector uses ${authType}, ${WHAT[authType]}.${hint} Nothing was sent.`;
}
