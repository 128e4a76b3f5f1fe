import { SYSTEM_CONTROLLER_REGION } from '@dc/protos'
import type { ListEventsRequest__Output } from '@dc/protos'
import { ALARM_SEVERITIES, EVENT_STATES } from '../alarms/alarm-event.js'
import type { EventFilter, EventListing } from '../alarms/alarm-event.js'
import { InvalidFieldError } from '../errors.js'
import { choice, freeText, integerIn, reference } from './field-validators.js'

/** `fm event-list` without `--limit`. */
export const DEFAULT_EVENT_LIMIT = 1_000
export const MAX_EVENT_LIMIT = 10_000

type QueryKey = 'event_log_id' | 'entity_instance_id' | 'severity' | 'state'
const QUERY_KEYS: readonly QueryKey[] = ['event_log_id', 'entity_instance_id', 'severity', 'state']

/** FM's other comparison operators, refused by name rather than read as part of a key. */
const OTHER_OPERATOR = /!=|<=|>=|<|>/

function term(filter: EventFilter, key: QueryKey, value: string): EventFilter {
  switch (key) {
    case 'event_log_id':
      if (!/^\d{3}\.\d{3}$/.test(value)) {
        throw new InvalidFieldError(
          'query',
          `event_log_id must be an alarm id such as 280.001, got '${value}'`,
        )
      }
      return { ...filter, eventLogId: value }
    case 'entity_instance_id':
      return { ...filter, entityInstanceId: value }
    case 'severity':
      return { ...filter, severity: choice('query severity', value, ALARM_SEVERITIES) }
    case 'state':
      return { ...filter, state: choice('query state', value, EVENT_STATES) }
  }
}

/**
 * FM's `--query`: `key=value` terms joined by `;`, every one of which must hold, each key at most
 * once. Only equality; an unknown key, another operator or an empty value is refused naming `query`.
 */
export function parseEventQuery(text: string): EventFilter {
  freeText('query', text)
  let filter: EventFilter = {}
  const seen = new Set<string>()
  for (const raw of text.split(';')) {
    const item = raw.trim()
    if (item === '') continue
    const operator = OTHER_OPERATOR.exec(item)
    if (operator !== null) {
      throw new InvalidFieldError('query', `'${item}': only key=value is supported, not ${operator[0]}`)
    }
    const equals = item.indexOf('=')
    if (equals < 0) throw new InvalidFieldError('query', `'${item}' is not key=value`)
    const key = item.slice(0, equals).trim()
    const value = item.slice(equals + 1).trim()
    const known = QUERY_KEYS.find((k) => k === key)
    if (known === undefined) {
      throw new InvalidFieldError('query', `unknown key '${key}' (keys: ${QUERY_KEYS.join(', ')})`)
    }
    if (seen.has(known)) throw new InvalidFieldError('query', `${known} given twice`)
    seen.add(known)
    if (value === '') throw new InvalidFieldError('query', `${known} has no value`)
    filter = term(filter, known, value)
  }
  return filter
}

/** A `ListEvents` request checked and mapped: region, filter and limit. */
export function eventListing(request: ListEventsRequest__Output): EventListing {
  const region = request.region.trim() === '' ? SYSTEM_CONTROLLER_REGION : reference('region', request.region)
  const limit =
    request.limit === 0
      ? DEFAULT_EVENT_LIMIT
      : integerIn('limit', request.limit, { min: 1, max: MAX_EVENT_LIMIT })
  return { region, filter: parseEventQuery(request.query), limit }
}
