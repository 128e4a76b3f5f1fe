// Original file: dc/platform/v1/platform.proto

import type { Host as _dc_platform_v1_Host, Host__Output as _dc_platform_v1_Host__Output } from '../../../dc/platform/v1/Host.js';

/**
 * Hosts, ordered by id.
 */
export interface ListHostsResponse {
  /**
   * The hosts.
   */
  'hosts'?: (_dc_platform_v1_Host)[];
}

/**
 * Hosts, ordered by id.
 */
export interface ListHostsResponse__Output {
  /**
   * The hosts.
   */
  'hosts': (_dc_platform_v1_Host__Output)[];
}
