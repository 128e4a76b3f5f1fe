// Original file: dc/manager/v1/manager.proto


/**
 * `fm event-list [--limit N] [--query ...]`.
 */
export interface ListEventsRequest {
  /**
   * The region whose history is listed; empty: SystemController.
   */
  'region'?: (string);
  /**
   * At most this many events, 1 to 10000; 0: 1000.
   */
  'limit'?: (number);
  /**
   * FM's query: `key=value` terms joined by `;`, all of them must hold. Keys: event_log_id,
   * entity_instance_id, severity (critical|major|minor|warning), state (set|clear|log).
   */
  'query'?: (string);
}

/**
 * `fm event-list [--limit N] [--query ...]`.
 */
export interface ListEventsRequest__Output {
  /**
   * The region whose history is listed; empty: SystemController.
   */
  'region': (string);
  /**
   * At most this many events, 1 to 10000; 0: 1000.
   */
  'limit': (number);
  /**
   * FM's query: `key=value` terms joined by `;`, all of them must hold. Keys: event_log_id,
   * entity_instance_id, severity (critical|major|minor|warning), state (set|clear|log).
   */
  'query': (string);
}
