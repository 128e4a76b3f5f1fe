import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command, NetModelError } from '../src/index.js'
import { validateCommand } from '../src/index.js'

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
