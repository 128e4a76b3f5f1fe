// Original file: dc/manager/v1/manager.proto

import type { Subcloud as _dc_manager_v1_Subcloud, Subcloud__Output as _dc_manager_v1_Subcloud__Output } from '../../../dc/manager/v1/Subcloud.js';

/**
 * Subclouds, ordered by id.
 */
export interface ListSubcloudsResponse {
  /**
   * The subclouds.
   */
  'subclouds'?: (_dc_manager_v1_Subcloud)[];
}

/**
 * Subclouds, ordered by id.
 */
export interface ListSubcloudsResponse__Output {
  /**
   * The subclouds.
   */
  'subclouds': (_dc_manager_v1_Subcloud__Output)[];
}
