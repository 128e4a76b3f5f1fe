import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { InvalidFieldError } from '../src/errors.js'
import { DEFAULT_EVENT_LIMIT, eventListing, parseEventQuery } from '../src/grpc/event-query.js'

const Query = suite('parseEventQuery')

Query('parseEventQuery - key=value terms joined by ; all apply; blanks and empty terms are ignored', () => {
  assert.equal(parseEventQuery(''), {})
  assert.equal(parseEventQuery(' event_log_id=280.001 ; severity=critical;;state=clear '), {
    eventLogId: '280.001',
    severity: 'critical',
    state: 'clear',
  })
  assert.equal(parseEventQuery('entity_instance_id=subcloud=subcloud1'), {
    entityInstanceId: 'subcloud=subcloud1',
  })
})

Query('parseEventQuery - refuses what it cannot honour, naming the query and the rule', () => {
  const cases: [string, RegExp][] = [
    ['colour=red', /unknown key 'colour' \(keys: event_log_id, entity_instance_id, severity, state\)/],
    ['severity', /'severity' is not key=value/],
    ['severity!=major', /only key=value is supported, not !=/],
    ['severity>=major', /not >=/],
    ['state=gone', /query state invalid: must be one of set, clear, log/],
    ['severity=fatal', /query severity invalid: must be one of critical, major, minor, warning/],
    ['event_log_id=abc', /event_log_id must be an alarm id such as 280\.001/],
    ['state=set;state=clear', /state given twice/],
    ['state=', /state has no value/],
    ['state=set\u0007', /query/],
  ]
  for (const [text, message] of cases) {
    assert.throws(
      () => parseEventQuery(text),
      (err: unknown) =>
        err instanceof InvalidFieldError && err.field.startsWith('query') && message.test(err.message),
      text,
    )
  }
})

Query('eventListing - the region defaults to SystemController, the limit to 1000 and is bounded', () => {
  assert.equal(eventListing({ region: '', limit: 0, query: '' }), {
    region: 'SystemController',
    filter: {},
    limit: DEFAULT_EVENT_LIMIT,
  })
  assert.is(eventListing({ region: 'subcloud1', limit: 5, query: '' }).region, 'subcloud1')
  assert.throws(
    () => eventListing({ region: '', limit: 10_001, query: '' }),
    (err: unknown) => err instanceof InvalidFieldError && err.field === 'limit',
  )
})

Query.run()
