// Original file: dc/manager/v1/manager.proto

import type { Event as _dc_manager_v1_Event, Event__Output as _dc_manager_v1_Event__Output } from '../../../dc/manager/v1/Event.js';

/**
 * The events, newest first.
 */
export interface ListEventsResponse {
  'events'?: (_dc_manager_v1_Event)[];
}

/**
 * The events, newest first.
 */
export interface ListEventsResponse__Output {
  'events': (_dc_manager_v1_Event__Output)[];
}
