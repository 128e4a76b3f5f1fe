import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command } from '../src/index.js'
import { commandLine } from '../src/index.js'

const CommandLine = suite('commandLine')

// [command, the `system` line that does it]
const LINES: readonly (readonly [Command, string])[] = [
  [
    {
      kind: 'addrpool-add',
      name: 'oam-ipv4',
      network: '10.64.0.0',
      prefix: 24,
      order: 'random',
      ranges: [['10.64.0.1', '10.64.0.253']],
      floatingAddress: '10.64.0.1',
      controller0Address: '10.64.0.2',
      controller1Address: '10.64.0.3',
      gatewayAddress: '10.64.0.254',
    },
    'system addrpool-add oam-ipv4 10.64.0.0 24 --order random --ranges 10.64.0.1-10.64.0.253 --floating-address 10.64.0.1 --controller0-address 10.64.0.2 --controller1-address 10.64.0.3 --gateway-address 10.64.0.254',
  ],
  [
    {
      kind: 'addrpool-add',
      name: 'spare',
      network: 'fd20::',
      prefix: 64,
      floatingAddress: null,
      ranges: [
        ['fd20::1', 'fd20::9'],
        ['fd20::20', 'fd20::29'],
      ],
    },
    'system addrpool-add spare fd20:: 64 --ranges fd20::1-fd20::9,fd20::20-fd20::29',
  ],
  [
    {
      kind: 'addrpool-modify',
      pool: 'oam-ipv4',
      changes: { name: 'oam-v4', prefix: 23, gatewayAddress: null, floatingAddress: '10.64.0.5' },
    },
    'system addrpool-modify oam-ipv4 --name oam-v4 --prefix 23 --floating-address 10.64.0.5 --gateway-address none',
  ],
  [{ kind: 'addrpool-delete', pool: 'oam-ipv4' }, 'system addrpool-delete oam-ipv4'],
  [
    { kind: 'network-add', name: 'storage', type: 'storage', dynamic: false, pool: 'storage-ipv6' },
    'system network-add storage storage false storage-ipv6',
  ],
  [{ kind: 'network-delete', network: 'storage' }, 'system network-delete storage'],
  [
    { kind: 'network-addrpool-assign', network: 'oam', pool: 'oam-ipv4' },
    'system network-addrpool-assign oam oam-ipv4',
  ],
  [
    { kind: 'network-addrpool-remove', assignment: '26e5cc6f-cfa8-46f4-8432-8f6cab3e1c82' },
    'system network-addrpool-remove 26e5cc6f-cfa8-46f4-8432-8f6cab3e1c82',
  ],
  [{ kind: 'host-lock', host: 'controller-1' }, 'system host-lock controller-1'],
  [{ kind: 'host-lock', host: 'controller-0', force: true }, 'system host-lock --force controller-0'],
  [{ kind: 'host-unlock', host: 'controller-1' }, 'system host-unlock controller-1'],
  [{ kind: 'host-swact', host: 'controller-0' }, 'system host-swact controller-0'],
]

for (const [command, line] of LINES) {
  CommandLine(`commandLine - ${command.kind}: ${line}`, () => {
    assert.is(commandLine(command), line)
  })
}

CommandLine('commandLine - quotes a word the shell would split, and leaves out the uuid', () => {
  assert.is(
    commandLine({ kind: 'addrpool-delete', pool: "it's a pool" }),
    `system addrpool-delete 'it'\\''s a pool'`,
  )
  assert.is(
    commandLine({
      kind: 'network-addrpool-assign',
      uuid: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      network: 'oam',
      pool: 'oam-ipv4',
    }),
    'system network-addrpool-assign oam oam-ipv4',
  )
})

CommandLine.run()
