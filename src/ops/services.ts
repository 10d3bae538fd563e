// What operations are given: the store and the policy objects. No HTTP here.
import type { Store } from '../store/store.js';
import type { KeyRing } from '../crypto/keyring.js';
import type { Permissions } from '../auth/permissions.js';
import type { PageTokens } from '../domain/page-tokens.js';
import type { Config } from '../config.js';
import type { Egress } from '../egress/index.js';
import type { Connections } from '../connections/index.js';

export interface Services {
  store: Store;
  keys: KeyRing;
  perms: Permissions;
  pages: PageTokens;
  config: Config;
  now: () => number;
  /** The one outbound HTTP path. */
  egress: Egress;
  /** Authenticated requests to connectors' services, OAuth flows, connection tests. */
  connections: Connections;
}

export const MAX_TAGS = 50;
export const MAX_PRINCIPALS = 64;
export const DEFAULT_PAGE_SIZE = 100;
