import { status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { AddressSyntaxError, NetModelError } from '@dc/netmodel'
import type { ErrorCategory } from '@dc/netmodel'
import { readErrorDetail } from '@dc/protos'
import { createLogger, silentLogger } from '@dc/runtime'
import type { Logger } from '@dc/runtime'
import {
  AlreadyBootstrappedError,
  ChangeIdConflictError,
  InvalidBootstrapValuesError,
  InvalidRequestError,
  NotBootstrappedError,
  StaleEpochError,
  StaleGenerationError,
} from '../src/errors.js'
import { ERROR_CODE_METADATA_KEY, ERROR_FIELD_METADATA_KEY, toGrpcStatus } from '../src/grpc-status.js'

class FakeRuleError extends NetModelError {
  readonly code = 'FAKE_RULE'
  readonly category: ErrorCategory

  constructor(category: ErrorCategory) {
    super(`rule broken (${category})`, 'pool')
    this.category = category
  }
}

const noLog = silentLogger

/** A logger whose lines are kept, parsed. */
function capture(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  const log = createLogger({
    name: 'test',
    destination: { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  })
  return { log, lines }
}

const ToGrpcStatus = suite('toGrpcStatus')

ToGrpcStatus(
  'toGrpcStatus - maps every netmodel category to its gRPC code, keeping message, code and field',
  () => {
    const table: [ErrorCategory, status][] = [
      ['invalid-argument', status.INVALID_ARGUMENT],
      ['failed-precondition', status.FAILED_PRECONDITION],
      ['not-found', status.NOT_FOUND],
      ['already-exists', status.ALREADY_EXISTS],
    ]
    for (const [category, code] of table) {
      const mapped = toGrpcStatus(new FakeRuleError(category), noLog)
      assert.is(mapped.code, code, category)
      assert.is(mapped.details, `rule broken (${category})`)
      assert.equal(mapped.metadata?.get(ERROR_CODE_METADATA_KEY), ['FAKE_RULE'])
      assert.equal(mapped.metadata?.get(ERROR_FIELD_METADATA_KEY), ['pool'])
      const detail = readErrorDetail(mapped.metadata)
      assert.equal(detail, {
        code: 'FAKE_RULE',
        category,
        message: `rule broken (${category})`,
        field: 'pool',
      })
    }
  },
)

ToGrpcStatus('toGrpcStatus - maps a real netmodel syntax error to INVALID_ARGUMENT', () => {
  const mapped = toGrpcStatus(new AddressSyntaxError('10.0.0', 'not a dotted-quad IPv4 address'), noLog)
  assert.is(mapped.code, status.INVALID_ARGUMENT)
  assert.match(mapped.details ?? '', /10\.0\.0/)
})

ToGrpcStatus('toGrpcStatus - maps the service errors to their codes', () => {
  const table: [Error, status, string][] = [
    [
      new InvalidRequestError('commands[0].addrpool_add.name', 'is required'),
      status.INVALID_ARGUMENT,
      'INVALID_REQUEST',
    ],
    [
      new InvalidBootstrapValuesError([{ key: 'a', message: 'bad', code: 'X' }]),
      status.INVALID_ARGUMENT,
      'INVALID_BOOTSTRAP_VALUES',
    ],
    [new NotBootstrappedError(), status.FAILED_PRECONDITION, 'NOT_BOOTSTRAPPED'],
    [new AlreadyBootstrappedError(), status.ALREADY_EXISTS, 'ALREADY_BOOTSTRAPPED'],
    [
      new StaleEpochError({ epoch: 3n, controllerId: 'a' }, { epoch: 2n, controllerId: 'b' }),
      status.FAILED_PRECONDITION,
      'STALE_EPOCH',
    ],
    [new StaleGenerationError(4, 5), status.FAILED_PRECONDITION, 'STALE_GENERATION'],
    [new ChangeIdConflictError('c1'), status.FAILED_PRECONDITION, 'CHANGE_ID_CONFLICT'],
  ]
  for (const [err, code, errorCode] of table) {
    const mapped = toGrpcStatus(err, noLog)
    assert.is(mapped.code, code, err.name)
    assert.is(mapped.details, err.message)
    assert.equal(mapped.metadata?.get(ERROR_CODE_METADATA_KEY), [errorCode])
  }
})

ToGrpcStatus('toGrpcStatus - names the field of a malformed request', () => {
  const mapped = toGrpcStatus(new InvalidRequestError('commands[2].host_lock.host', 'is required'), noLog)
  assert.equal(mapped.metadata?.get(ERROR_FIELD_METADATA_KEY), ['commands[2].host_lock.host'])
  assert.match(mapped.details ?? '', /commands\[2\]\.host_lock\.host: is required/)
})

ToGrpcStatus('toGrpcStatus - hides unknown failures behind INTERNAL and logs the cause', () => {
  const { log, lines } = capture()
  const cause = new TypeError('secret internals at /srv/x.ts')
  const mapped = toGrpcStatus(cause, log)
  assert.is(mapped.code, status.INTERNAL)
  assert.is(mapped.details, 'Internal error')
  assert.is(lines.length, 1)
  assert.is(lines[0]?.level, 'error')
  assert.is(lines[0]?.msg, 'internal error')
  assert.equal((lines[0]?.err as { type: string; message: string }).message, cause.message)
  assert.is((lines[0]?.err as { type: string }).type, 'TypeError')
  assert.is(toGrpcStatus('a string', noLog).code, status.INTERNAL)
})

ToGrpcStatus('toGrpcStatus - maps an abort to CANCELLED without logging', () => {
  const { log, lines } = capture()
  const controller = new AbortController()
  controller.abort()
  const mapped = toGrpcStatus(controller.signal.reason, log)
  assert.is(mapped.code, status.CANCELLED)
  assert.equal(lines, [])
})

const StaleErrors = suite('StaleEpochError')

StaleErrors('StaleEpochError - names both epochs and holders', () => {
  const lower = new StaleEpochError(
    { epoch: 7n, controllerId: 'ctl-a' },
    { epoch: 6n, controllerId: 'ctl-b' },
  )
  assert.match(lower.message, /6/)
  assert.match(lower.message, /7/)
  assert.match(lower.message, /ctl-a/)
  const same = new StaleEpochError({ epoch: 7n, controllerId: 'ctl-a' }, { epoch: 7n, controllerId: 'ctl-b' })
  assert.is(
    same.message,
    "Controller epoch 7 from 'ctl-b' refused: the agent obeys epoch 7 held by 'ctl-a'",
    'the same epoch from another controller: both sides, epoch and holder',
  )
  assert.match(new StaleGenerationError(4, 9).message, /expected 4.*generation 9/)
})

ToGrpcStatus.run()
StaleErrors.run()
