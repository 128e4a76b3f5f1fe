import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command, NetModelError } from '../src/index.js'
import { escapeControlChars, validateCommand } from '../src/index.js'

function rejection(input: unknown): NetModelError {
  try {
    validateCommand(input)
  } catch (e) {
    return e as NetModelError
  }
  throw new Error(`accepted ${JSON.stringify(input)}`)
}

const ValidateCommand = suite('validateCommand')

ValidateCommand('validateCommand - passes well-formed commands through unchanged', () => {
  const commands: Command[] = [
    {
      kind: 'addrpool-add',
      name: 'p',
      network: '10.0.0.0',
      prefix: 24,
      ranges: [['10.0.0.1', '10.0.0.9']],
      floatingAddress: null,
    },
    { kind: 'addrpool-modify', pool: 'p', changes: { gatewayAddress: 'none', prefix: 25 } },
    { kind: 'network-add', name: 'oam', type: 'oam', dynamic: false, pool: 'p' },
    { kind: 'network-addrpool-remove', assignment: 'u' },
    { kind: 'host-lock', host: 'controller-1', force: true },
  ]
  for (const command of commands) assert.is(validateCommand(command), command)
})

ValidateCommand('validateCommand - names the offending field', () => {
  assert.is(rejection({ kind: 'host-swact', host: 3 }).field, 'host')
  assert.is(rejection({ kind: 'addrpool-delete' }).message, 'Missing field pool for addrpool-delete')
  const unknown = rejection({ kind: 'addrpool-modify', pool: 'p', changes: { uuid: 'x' } })
  assert.is(unknown.message, 'Unknown attribute for argument addrpool-modify changes: uuid')
  assert.is(unknown.code, 'INVALID_COMMAND')
})

ValidateCommand('validateCommand - refuses control and bidirectional characters in every name', () => {
  const cases: [unknown, string][] = [
    [{ kind: 'addrpool-add', name: 'p\u0001x', network: '10.0.0.0', prefix: 24 }, 'name'],
    [{ kind: 'network-add', name: 'oam\nfake', type: 'oam', dynamic: false }, 'name'],
    [{ kind: 'host-lock', host: 'controller-0\u001b[31m' }, 'host'],
    [{ kind: 'addrpool-delete', pool: 'p\u202e' }, 'pool'],
    [{ kind: 'addrpool-modify', pool: 'p', changes: { name: 'q\u0085' } }, 'name'],
    [
      { kind: 'addrpool-add', name: 'p', network: '10.0.0.0', prefix: 24, ranges: [['10.0.0.1\u007f', 'x']] },
      'ranges',
    ],
  ]
  for (const [input, field] of cases) {
    const e = rejection(input)
    assert.is(e.code, 'INVALID_COMMAND')
    assert.is(e.field, field)
    assert.match(e.message, /must not contain control or bidirectional formatting characters/)
    assert.is(escapeControlChars(e.message), e.message, 'the message holds no control character')
  }
})

ValidateCommand('validateCommand - refuses non-objects and unknown kinds', () => {
  for (const input of [
    undefined,
    'host-lock',
    [{ kind: 'host-lock' }],
    { kind: 'toString' },
    { kind: 'host-reboot', host: 'x' },
  ]) {
    assert.is(rejection(input).field, 'kind', JSON.stringify(input))
  }
})

ValidateCommand.run()
