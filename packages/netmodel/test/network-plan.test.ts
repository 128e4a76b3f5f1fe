import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { NetModelError, NetworkPlanError, parseNetworkPlan } from '../src/index.js'
import { ISSUE_PLAN } from './network-plan-fixtures.js'

const Parse = suite('parseNetworkPlan')

/** The error a plan text must be refused with. */
function refused(text: string): NetworkPlanError {
  try {
    parseNetworkPlan(text)
  } catch (e) {
    if (e instanceof NetworkPlanError) return e
    throw e
  }
  assert.unreachable(`expected the plan to be refused:\n${text}`)
  throw new Error('unreachable')
}

Parse("parseNetworkPlan - reads the issue's add plan in the file's order, subnets canonical", () => {
  const plan = parseNetworkPlan(ISSUE_PLAN)
  if (plan.kind !== 'add') throw new Error('expected an add plan')
  assert.equal(
    [...plan.add].map(([network, source]) =>
      source.kind === 'allocate'
        ? [network, source.from.toString(), source.prefix]
        : [network, source.subnet.toString()],
    ),
    [
      ['oam', '10.64.0.0/12', 24],
      ['cluster-host', '10.128.0.0/12', 24],
      ['cluster-pod', '172.16.0.0/16'],
      ['cluster-service', '10.96.0.0/12'],
    ],
  )
  const subcloud7 = plan.subclouds.get('subcloud7')
  const oam = subcloud7?.get('oam')
  assert.equal(oam?.kind === 'subnet' ? oam.subnet.toString() : undefined, '10.20.7.0/24')
  assert.is(subcloud7?.size, 1)
})

Parse('parseNetworkPlan - reads a remove list and canonical IPv6 subnets', () => {
  assert.equal(parseNetworkPlan('remove: [cluster-service, cluster-pod, cluster-host, oam]\n'), {
    kind: 'remove',
    remove: ['cluster-service', 'cluster-pod', 'cluster-host', 'oam'],
  })
  const plan = parseNetworkPlan('add:\n  oam: { subnet: "FD00:0:0:0::/64" }\n')
  const oam = plan.kind === 'add' ? plan.add.get('oam') : undefined
  assert.equal(oam?.kind === 'subnet' ? oam.subnet.toString() : undefined, 'fd00::/64')
  assert.is(plan.kind === 'add' ? plan.subclouds.size : -1, 0)
})

// [what, plan text, field, part of the rule]
const REFUSALS: readonly (readonly [string, string, string, string])[] = [
  ['an empty document', '', 'plan', 'must be a YAML mapping'],
  ['a list', '- add\n', 'plan', 'must be a YAML mapping'],
  [
    'neither add nor remove',
    'subclouds: { subcloud1: { oam: { subnet: 10.0.0.0/24 } } }\n',
    'plan',
    'exactly one of add or remove',
  ],
  [
    'both add and remove',
    'add: { oam: { subnet: 10.0.0.0/24 } }\nremove: [oam]\n',
    'plan',
    'exactly one of add or remove',
  ],
  [
    'an unknown top-level key',
    'add: { oam: { subnet: 10.0.0.0/24 } }\nextra: 1\n',
    'extra',
    'allowed: add, remove, subclouds',
  ],
  ['subclouds with remove', 'remove: [oam]\nsubclouds: { subcloud1: {} }\n', 'subclouds', 'only with add'],
  ['an empty add', 'add: {}\n', 'add', 'non-empty mapping'],
  [
    'an unknown network',
    'add: { mgmt: { subnet: 10.0.0.0/24 } }\n',
    'add.mgmt',
    'allowed: oam, cluster-host, cluster-pod, cluster-service',
  ],
  ['a source that is not a mapping', 'add: { oam: 10.0.0.0/24 }\n', 'add.oam', 'non-empty mapping'],
  [
    'an unknown source key',
    'add: { oam: { subnet: 10.0.0.0/24, gateway: 1 } }\n',
    'add.oam.gateway',
    'allowed: allocate_from, prefix, subnet',
  ],
  [
    'both forms',
    'add: { oam: { subnet: 10.0.0.0/24, allocate_from: 10.0.0.0/16, prefix: 24 } }\n',
    'add.oam',
    'either subnet, or allocate_from and prefix',
  ],
  [
    'allocate_from without prefix',
    'add: { oam: { allocate_from: 10.0.0.0/16 } }\n',
    'add.oam.prefix',
    'required with allocate_from',
  ],
  [
    'prefix without allocate_from',
    'add: { oam: { prefix: 24 } }\n',
    'add.oam.allocate_from',
    'required with prefix',
  ],
  [
    'a subnet that is not a CIDR',
    'add: { oam: { subnet: 10.0.0.0 } }\n',
    'add.oam.subnet',
    'must be a subnet <network>/<prefix>',
  ],
  [
    'a subnet with host bits',
    'add: { oam: { subnet: 10.0.0.1/24 } }\n',
    'add.oam.subnet',
    'host bits are set',
  ],
  [
    'allocate_from with host bits',
    'add: { oam: { allocate_from: 10.64.0.0/8, prefix: 24 } }\n',
    'add.oam.allocate_from',
    'host bits are set',
  ],
  [
    'an all-zero allocate_from',
    'add: { oam: { allocate_from: 0.0.0.0/8, prefix: 24 } }\n',
    'add.oam.allocate_from',
    'all-zero address',
  ],
  [
    'a prefix that is text',
    'add: { oam: { allocate_from: 10.64.0.0/12, prefix: "24" } }\n',
    'add.oam.prefix',
    'whole number from 1 to 32',
  ],
  [
    'a prefix past the family',
    'add: { oam: { allocate_from: fd00::/48, prefix: 129 } }\n',
    'add.oam.prefix',
    'whole number from 1 to 128',
  ],
  [
    'a prefix not longer than allocate_from',
    'add: { oam: { allocate_from: 10.64.0.0/12, prefix: 12 } }\n',
    'add.oam.prefix',
    "longer than allocate_from's /12",
  ],
  [
    'an OAM prefix too small for four addresses',
    'add: { oam: { allocate_from: 10.64.0.0/12, prefix: 30 } }\n',
    'add.oam.prefix',
    'oam needs at least 4',
  ],
  [
    'an OAM subnet too small',
    'add: { oam: { subnet: "fd00::/126" } }\n',
    'add.oam.subnet',
    'oam needs at least 4',
  ],
  [
    'a cluster-host subnet too small',
    'add: { cluster-host: { subnet: 10.0.0.0/30 } }\n',
    'add.cluster-host.subnet',
    'cluster-host needs at least 3',
  ],
  [
    'two families',
    'add:\n  oam: { subnet: 10.0.0.0/24 }\n  cluster-pod: { subnet: "fd03::/64" }\n',
    'add.cluster-pod.subnet',
    'is IPv6 but add.oam.subnet is IPv4',
  ],
  [
    'a per-subcloud value of the other family',
    'add: { oam: { subnet: 10.0.0.0/24 } }\nsubclouds: { subcloud1: { oam: { subnet: "fd00::/64" } } }\n',
    'subclouds.subcloud1.oam.subnet',
    'a plan adds one family',
  ],
  [
    'a per-subcloud network not in add',
    'add: { oam: { subnet: 10.0.0.0/24 } }\nsubclouds: { subcloud7: { cluster-host: { subnet: 10.1.0.0/24 } } }\n',
    'subclouds.subcloud7.cluster-host',
    'is not in add',
  ],
  [
    'a per-subcloud allocation',
    'add: { oam: { subnet: 10.0.0.0/24 } }\nsubclouds: { subcloud7: { oam: { allocate_from: 10.1.0.0/16, prefix: 24 } } }\n',
    'subclouds.subcloud7.oam.allocate_from',
    'allowed: subnet',
  ],
  [
    'a per-subcloud unknown network',
    'add: { oam: { subnet: 10.0.0.0/24 } }\nsubclouds: { subcloud7: { pxeboot: { subnet: 10.1.0.0/24 } } }\n',
    'subclouds.subcloud7.pxeboot',
    'unknown network',
  ],
  [
    'an empty subclouds',
    'add: { oam: { subnet: 10.0.0.0/24 } }\nsubclouds: []\n',
    'subclouds',
    'non-empty mapping',
  ],
  ['remove that is not a list', 'remove: oam\n', 'remove', 'non-empty list'],
  ['an empty remove', 'remove: []\n', 'remove', 'non-empty list'],
  [
    'an unknown network to remove',
    'remove: [cluster-pod, mgmt]\n',
    'remove[1]',
    'must be one of oam, cluster-host',
  ],
  ['a network removed twice', 'remove: [oam, cluster-pod, oam]\n', 'remove[2]', 'repeats remove[0]'],
]

for (const [what, text, field, rule] of REFUSALS) {
  Parse(`parseNetworkPlan - refuses ${what}, naming ${field}`, () => {
    const e = refused(text)
    assert.is(e.code, 'NETWORK_PLAN_INVALID')
    assert.is(e.field, field)
    assert.ok(e.rule.includes(rule), `rule "${e.rule}" lacks "${rule}"`)
    assert.is(e.message, `${field}: ${e.rule}`)
    assert.ok(e instanceof NetModelError)
    assert.is(e.category, 'invalid-argument')
  })
}

Parse('parseNetworkPlan - a YAML error says where, never what the text was', () => {
  const e = refused('add:\n  oam: { subnet: *secret-value }\n')
  assert.is(e.field, 'plan')
  assert.ok(e.rule.includes('line 2'), e.rule)
  assert.not.ok(e.message.includes('secret-value'), e.message)
})

Parse('parseNetworkPlan - an unknown key that does not read as a name is not echoed', () => {
  const e = refused('add: { oam: { subnet: 10.0.0.0/24 } }\n"pass word!": 1\n')
  assert.is(e.field, '<key>')
  assert.not.ok(e.message.includes('pass word'), e.message)
})

Parse.run()
