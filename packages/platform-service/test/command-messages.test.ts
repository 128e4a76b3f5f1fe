import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command } from '@dc/netmodel'
import { loadProtos } from '@dc/protos'
import type { Command as CommandMessage, Command__Output } from '@dc/protos'
import { commandFromMessage, commandMessage, commandsFromMessages } from '../src/command-messages.js'
import { InvalidRequestError } from '../src/errors.js'

/** Encode and decode through the real proto, as a request arrives at a handler. */
function wire(message: CommandMessage): Command__Output {
  const type = loadProtos().dc.platform.v1.Command
  return type.deserialize(type.serialize(message))
}

function fieldOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    if (err instanceof InvalidRequestError) return err.field
    throw err
  }
  throw new Error('expected an InvalidRequestError')
}

const commands: Command[] = [
  {
    kind: 'addrpool-add',
    name: 'oam-ipv4',
    network: '10.10.204.0',
    prefix: 24,
    order: 'random',
    ranges: [['10.10.204.1', '10.10.204.253']],
    floatingAddress: '10.10.204.1',
    controller0Address: '10.10.204.2',
    controller1Address: '10.10.204.3',
    gatewayAddress: '10.10.204.254',
  },
  { kind: 'addrpool-add', name: 'cluster-pod-ipv4', network: '172.16.0.0', prefix: 16 },
  {
    kind: 'addrpool-add',
    uuid: '3d9f1c1e-0000-4000-8000-000000000001',
    name: 'p',
    network: 'fd00::',
    prefix: 64,
  },
  {
    kind: 'addrpool-modify',
    pool: 'oam-ipv4',
    changes: {
      name: 'oam-v4',
      prefix: 25,
      ranges: [['10.10.204.1', '10.10.204.100']],
      gatewayAddress: null,
      floatingAddress: '10.10.204.9',
    },
  },
  { kind: 'addrpool-modify', pool: 'x', changes: { order: 'sequential', network: '10.0.0.0' } },
  { kind: 'addrpool-delete', pool: 'oam-ipv4' },
  { kind: 'network-add', name: 'admin', type: 'admin', dynamic: false, pool: 'admin-ipv6' },
  { kind: 'network-delete', network: 'admin' },
  { kind: 'network-addrpool-assign', network: 'oam', pool: 'oam-ipv4' },
  {
    kind: 'network-addrpool-assign',
    uuid: '3d9f1c1e-0000-4000-8000-000000000002',
    network: 'oam',
    pool: 'x',
  },
  { kind: 'network-addrpool-remove', assignment: '26e5cc6f-cfa8-46f4-8432-8f6cab3e1c82' },
  { kind: 'host-lock', host: 'controller-1' },
  { kind: 'host-lock', host: 'controller-0', force: true },
  { kind: 'host-unlock', host: 'controller-1' },
  { kind: 'host-swact', host: 'controller-0' },
]

const CommandFromMessage = suite('commandFromMessage')

CommandFromMessage('commandFromMessage - inverts commandMessage over the wire for every command kind', () => {
  for (const command of commands) {
    assert.equal(commandFromMessage(wire(commandMessage(command)), 'command'), command, command.kind)
  }
})

CommandFromMessage('commandFromMessage - tells an absent optional field from an empty one', () => {
  const absent = commandFromMessage(wire({ addrpool_modify: { pool: 'p', name: 'n' } }), 'c')
  assert.equal(absent, { kind: 'addrpool-modify', pool: 'p', changes: { name: 'n' } })
  const prefixZero = commandFromMessage(wire({ addrpool_modify: { pool: 'p', prefix: 0 } }), 'c')
  assert.equal(prefixZero, { kind: 'addrpool-modify', pool: 'p', changes: { prefix: 0 } })
})

CommandFromMessage('commandFromMessage - names the malformed field', () => {
  const cases: [CommandMessage | null, string][] = [
    [{}, 'c'],
    [null, 'c'],
    [{ addrpool_add: { network: '10.0.0.0', prefix: 8 } }, 'c.addrpool_add.name'],
    [{ addrpool_add: { name: 'p', prefix: 8 } }, 'c.addrpool_add.network'],
    [{ addrpool_add: { name: 'p', network: '10.0.0.0', prefix: 8, order: 'fifo' } }, 'c.addrpool_add.order'],
    [
      { addrpool_add: { name: 'p', network: '10.0.0.0', prefix: 8, ranges: [{ start: '10.0.0.1' }] } },
      'c.addrpool_add.ranges[0].end',
    ],
    [{ addrpool_add: { name: 'x'.repeat(300), network: '10.0.0.0', prefix: 8 } }, 'c.addrpool_add.name'],
    [{ addrpool_modify: { pool: '' } }, 'c.addrpool_modify.pool'],
    [{ addrpool_modify: { pool: 'p', gateway_address: {} } }, 'c.addrpool_modify.gateway_address'],
    [
      { addrpool_modify: { pool: 'p', gateway_address: { clear: false } } },
      'c.addrpool_modify.gateway_address.clear',
    ],
    [{ addrpool_modify: { pool: 'p', ranges: { ranges: [] } } }, 'c.addrpool_modify.ranges'],
    [{ network_add: { name: 'n', type: 'bogus', pool: 'p' } }, 'c.network_add.type'],
    [{ network_addrpool_remove: { assignment: '   ' } }, 'c.network_addrpool_remove.assignment'],
    [{ host_lock: {} }, 'c.host_lock.host'],
  ]
  for (const [message, field] of cases) {
    const decoded = message === null ? null : wire(message)
    assert.is(
      fieldOf(() => commandFromMessage(decoded, 'c')),
      field,
      JSON.stringify(message),
    )
  }
})

CommandFromMessage(
  'commandFromMessage - refuses control and bidirectional characters in names, naming the rule',
  () => {
    const cases: [CommandMessage, string][] = [
      [{ addrpool_add: { name: 'p\u0001x', network: '10.0.0.0', prefix: 8 } }, 'c.addrpool_add.name'],
      [{ network_add: { name: 'oam\nfake', type: 'oam', pool: 'p' } }, 'c.network_add.name'],
      [{ host_lock: { host: 'controller-0\u001b[2J' } }, 'c.host_lock.host'],
      [{ addrpool_modify: { pool: 'p', name: 'q\u202e' } }, 'c.addrpool_modify.name'],
      [{ network_addrpool_assign: { network: 'oam', pool: 'p\u0085' } }, 'c.network_addrpool_assign.pool'],
    ]
    for (const [message, field] of cases) {
      let error: unknown
      try {
        commandFromMessage(wire(message), 'c')
      } catch (err) {
        error = err
      }
      assert.instance(error, InvalidRequestError, JSON.stringify(message))
      const refused = error as InvalidRequestError
      assert.is(refused.field, field)
      assert.is(
        refused.message,
        `Invalid request: ${field}: must not contain control or bidirectional formatting characters`,
      )
    }
  },
)

const CommandsFromMessages = suite('commandsFromMessages')

CommandsFromMessages('commandsFromMessages - requires one to 256 commands and indexes errors', () => {
  assert.is(
    fieldOf(() => commandsFromMessages([], 'commands')),
    'commands',
  )
  const many = Array.from({ length: 257 }, () => wire({ host_unlock: { host: 'h' } }))
  assert.is(
    fieldOf(() => commandsFromMessages(many, 'commands')),
    'commands',
  )
  const list = [wire({ host_unlock: { host: 'h' } }), wire({ host_swact: {} })]
  assert.is(
    fieldOf(() => commandsFromMessages(list, 'commands')),
    'commands[1].host_swact.host',
  )
  assert.is(commandsFromMessages(list.slice(0, 1), 'commands').length, 1)
})

CommandFromMessage.run()
CommandsFromMessages.run()
