// A real grpc-js server on 127.0.0.1:0 serving Platform and DcManager from canned, seed-shaped data,
// so CLI tests exercise the whole path: argv -> gRPC -> rendering. It is no model of the rules:
// it only records what it was asked and answers what a test needs.
import type {
  AddressPool,
  Alarm,
  DcManagerHandlers,
  Host,
  Network,
  NetworkAddrPool,
  NetworkStrategy,
  PlatformHandlers,
  StrategyStep,
  Subcloud,
} from '@dc/protos'
import { loadProtos } from '@dc/protos'
import { Server, ServerCredentials, status } from '@grpc/grpc-js'
import type { Metadata, sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js'

export interface RecordedCall {
  readonly method: string
  readonly request: unknown
  readonly metadata: Metadata
}

export interface FakeDcServer {
  readonly url: string
  readonly calls: RecordedCall[]
  readonly networkPools: NetworkAddrPool[]
  readonly pools: AddressPool[]
  /** Methods that never answer, to test deadlines. */
  readonly hang: Set<string>
  /**
   * The network strategy as it goes: create, apply, abort and delete answer the first; each
   * GetNetworkStrategy the next one, then the last again. Empty: there is no strategy.
   */
  readonly strategies: NetworkStrategy[]
  /** The strategy's steps, skipped ones included. */
  readonly steps: StrategyStep[]
  close(): Promise<void>
}

export const NETWORKS: Network[] = [
  ['1', '41eda7c4-3f0e-4c8b-9d55-0a1b2c3d4e5e', 'mgmt', true, '0648baa4-2c11-4b7a-8e0f-2f3a4b5c6d7f', 'IPv6'],
  ['3', '484d1a90-5b2c-4d3e-8f41-1a2b3c4d5e66', 'oam', false, 'cf5f9fe3-d0a1-4e2b-9c3d-4e5f6a7b8c94', 'IPv6'],
  [
    '4',
    '73fd5b21-6c3d-4e4f-9a52-2b3c4d5e6f70',
    'multicast',
    false,
    '499fac20-6e7f-4a8b-9c0d-1e2f3a4b5c6e',
    'IPv6',
  ],
  [
    '2',
    '7ce78c32-7d4e-4f50-8b63-3c4d5e6f7a85',
    'pxeboot',
    true,
    '765cc97b-b1c2-4d3e-8f4a-5b6c7d8e9f07',
    'IPv4',
  ],
  [
    '5',
    '82427d43-8e5f-4061-9c74-4d5e6f7a8b97',
    'cluster-host',
    true,
    '1db96471-f2a3-4b4c-9d5e-6f7a8b9c0d1b',
    'IPv6',
  ],
  [
    '7',
    'b3c0ae54-9f60-4172-8d85-5e6f7a8b9c0f',
    'cluster-service',
    false,
    'd6318027-3b4c-4d5e-8f6a-7b8c9d0e1f25',
    'IPv6',
  ],
  [
    '6',
    'f6349f65-a071-4283-9e96-6f7a8b9c0d1b',
    'cluster-pod',
    false,
    'c311c1d6-8c9d-4e0f-9a1b-2c3d4e5f6a7a',
    'IPv6',
  ],
].map(([id, uuid, name, dynamic, pool, family]) => ({
  id: Number(id),
  uuid: String(uuid),
  name: String(name),
  type: String(name),
  dynamic: dynamic === true,
  pool_uuid: String(pool),
  primary_pool_family: String(family),
}))

function pool(
  uuid: string,
  name: string,
  network: string,
  prefix: number,
  ranges: [string, string][],
  addresses: Partial<Record<'floating_address' | 'controller0_address' | 'controller1_address', string>> = {},
): AddressPool {
  const family = network.includes(':') ? 'IPv6' : 'IPv4'
  return {
    uuid,
    name,
    network,
    prefix,
    family,
    order: 'random',
    ranges: ranges.map(([start, end]) => ({ start, end })),
    ...addresses,
  }
}

export function seedPools(): AddressPool[] {
  return [
    pool(
      'cf5f9fe3-d0a1-4e2b-9c3d-4e5f6a7b8c94',
      'oam-ipv6',
      'fd00::',
      64,
      [['fd00::1', 'fd00::ffff:ffff:ffff:fffe']],
      {
        floating_address: 'fd00::3',
        controller0_address: 'fd00::4',
        controller1_address: 'fd00::5',
      },
    ),
    pool('765cc97b-b1c2-4d3e-8f4a-5b6c7d8e9f07', 'pxeboot', '169.254.202.0', 24, [
      ['169.254.202.1', '169.254.202.254'],
    ]),
    pool('d6318027-3b4c-4d5e-8f6a-7b8c9d0e1f25', 'cluster-service-subnet-ipv6', 'fd04::', 112, [
      ['fd04::1', 'fd04::fffe'],
    ]),
    pool('1db96471-f2a3-4b4c-9d5e-6f7a8b9c0d1b', 'cluster-host-subnet-ipv6', 'fd02::', 64, [
      ['fd02::1', 'fd02::ffff:ffff:ffff:fffe'],
    ]),
  ]
}

export function seedNetworkPools(): NetworkAddrPool[] {
  return [
    ['be3afd5d-ef21-495c-b5a7-1494c7b040fc', 'cluster-host', 'cluster-host-subnet-ipv6'],
    ['5530e24c-f868-4cca-9dcc-ba860078a83d', 'cluster-pod', 'cluster-pod-subnet-ipv6'],
    ['536ef1c5-a425-4b94-819a-32849703ec69', 'cluster-service', 'cluster-service-subnet-ipv6'],
    ['a061620b-bc27-443b-a0d6-10dafbaae50e', 'mgmt', 'management-ipv6'],
    ['90523d67-6320-4c06-8c45-90dfab4ed3b6', 'multicast', 'multicast-subnet-ipv6'],
    ['26e5cc6f-cfa8-46f4-8432-8f6cab3e1c82', 'oam', 'oam-ipv6'],
    ['dbaea2d7-c22a-48ec-83d3-314ae26f7d30', 'pxeboot', 'pxeboot'],
  ].map(([uuid, network_name, address_pool_name], i) => ({
    id: i + 1,
    uuid: uuid ?? '',
    network_name: network_name ?? '',
    address_pool_name: address_pool_name ?? '',
  }))
}

export const HOSTS: Host[] = [
  {
    id: 2,
    uuid: 'a1b2c3d4-0000-4000-8000-000000000002',
    hostname: 'controller-1',
    personality: 'controller',
    administrative: 'locked',
    operational: 'disabled',
    availability: 'online',
    active: false,
    config_up_to_date: false,
  },
  {
    id: 1,
    uuid: 'a1b2c3d4-0000-4000-8000-000000000001',
    hostname: 'controller-0',
    personality: 'controller',
    administrative: 'unlocked',
    operational: 'enabled',
    availability: 'available',
    active: true,
    config_up_to_date: true,
  },
]

export const ALARMS: Alarm[] = [
  {
    alarm_id: '250.001',
    entity_instance_id: 'host=controller-1',
    reason_text: 'controller-1 Configuration is out-of-date.',
    severity: 'major',
    uuid: '0f1e2d3c-4b5a-4968-8776-655443322110',
    timestamp: '2025-05-06T01:00:00Z',
  },
  {
    alarm_id: '250.001',
    entity_instance_id: 'host=controller-0',
    reason_text: 'controller-0 Configuration is out-of-date.',
    severity: 'major',
    uuid: '0f1e2d3c-4b5a-4968-8776-655443322111',
    timestamp: '2025-05-06T01:00:01Z',
  },
]

export function subcloud(id: number, name: string, deploy_status: string): Subcloud {
  return {
    id,
    name,
    description: '',
    location: '',
    region_name: `${'0'.repeat(31)}${id}`,
    software_version: '24.09',
    management_state: deploy_status === 'complete' ? 'managed' : 'unmanaged',
    availability_status: deploy_status === 'complete' ? 'online' : 'offline',
    deploy_status,
    error_description: 'No errors present',
    management_subnet: `fd01:${id}::/64`,
    management_start_ip: `fd01:${id}::2`,
    management_end_ip: `fd01:${id}::ff`,
    management_gateway_ip: `fd01:${id}::1`,
    systemcontroller_gateway_ip: `fd01:${id}::1`,
    external_oam_subnet_ip_family: '6',
    group_id: 1,
    sync: deploy_status === 'complete' ? 'in-sync' : 'unknown',
    created_at: '2025-05-06T01:00:00Z',
    endpoint_sync_status: [{ endpoint_type: 'platform', sync_status: 'in-sync' }],
  }
}

type Handler = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => void

const notFound = (what: string) => ({ code: status.NOT_FOUND, details: `${what} not found` })

/** Starts the fake on an ephemeral loopback port. */
export async function startFakeDcServer(): Promise<FakeDcServer> {
  const calls: RecordedCall[] = []
  const hang = new Set<string>()
  const pools = seedPools()
  const networkPools = seedNetworkPools()
  const deploySteps = ['creating', 'bootstrapping', 'complete']
  let polls = 0
  const strategies: NetworkStrategy[] = []
  const steps: StrategyStep[] = []
  let strategyPolls = 0
  const strategy = (cb: sendUnaryData<NetworkStrategy>, answer: NetworkStrategy | undefined) =>
    answer === undefined ? cb(notFound('Network strategy')) : cb(null, answer)

  const platform: Partial<PlatformHandlers> = {
    GetSystem: (_call, cb) =>
      cb(null, {
        name: 'sc',
        system_mode: 'duplex',
        system_type: 'All-in-one',
        generation: '12',
        region_name: '',
      }),
    ListNetworks: (_call, cb) => cb(null, { networks: NETWORKS }),
    GetNetwork: (call, cb) => {
      const found = NETWORKS.find((n) => n.name === call.request.network || n.uuid === call.request.network)
      if (found === undefined) cb(notFound(`Network ${call.request.network}`))
      else cb(null, found)
    },
    ListAddressPools: (_call, cb) => cb(null, { address_pools: pools }),
    AddAddressPool: (call, cb) => {
      const { name } = call.request
      if (pools.some((p) => p.name === name)) {
        cb({ code: status.ALREADY_EXISTS, details: `Address pool ${name} already exists` })
        return
      }
      const added: AddressPool = {
        ...call.request,
        uuid: `00000000-0000-4000-8000-${String(pools.length).padStart(12, '0')}`,
        family: 'IPv4',
        order: call.request.order ?? 'random',
      }
      pools.push(added)
      cb(null, { address_pool: added })
    },
    ListNetworkAddrPools: (_call, cb) => cb(null, { network_addrpools: networkPools }),
    AssignNetworkAddrPool: (call, cb) => {
      const assignment: NetworkAddrPool = {
        id: networkPools.length + 1,
        uuid: `11111111-0000-4000-8000-${String(networkPools.length).padStart(12, '0')}`,
        network_name: call.request.network,
        address_pool_name: call.request.pool,
      }
      networkPools.push(assignment)
      cb(null, { network_addrpool: assignment })
    },
    RemoveNetworkAddrPool: (call, cb) => {
      const index = networkPools.findIndex((a) => a.uuid === call.request.assignment)
      if (index < 0) {
        cb(notFound(`Network addrpool ${call.request.assignment}`))
        return
      }
      const [removed] = networkPools.splice(index, 1)
      cb(null, { network_addrpool: removed ?? null })
    },
    ListHosts: (_call, cb) => cb(null, { hosts: HOSTS }),
    LockHost: (call, cb) => {
      if (call.request.host === 'controller-0' && !call.request.force) {
        cb({ code: status.FAILED_PRECONDITION, details: 'Can not lock an active controller.' })
        return
      }
      const host = HOSTS.find((h) => h.hostname === call.request.host)
      cb(null, { host: { ...host, administrative: 'locked' } })
    },
    ListAlarms: (_call, cb) => cb(null, { alarms: ALARMS }),
  }

  const dcManager: Partial<DcManagerHandlers> = {
    ListSubclouds: (call, cb) =>
      cb(null, {
        subclouds: [
          subcloud(1, 'subcloud1', 'complete'),
          subcloud(2, 'subcloud2', 'bootstrap-failed'),
          ...(call.request.all ? [subcloud(3, 'subcloud3', 'secondary')] : []),
        ],
      }),
    AddSubcloud: (call, cb) =>
      cb(null, {
        ...subcloud(4, 'subcloud4', 'not-deployed'),
        description: call.request.bootstrap_values_yaml,
      }),
    GetSubcloud: (call, cb) => {
      polls += 1
      const step = deploySteps[Math.min(polls - 1, deploySteps.length - 1)] ?? 'complete'
      cb(null, subcloud(Number(call.request.subcloud), `subcloud${call.request.subcloud}`, step))
    },
    RedeploySubcloud: (call, cb) => cb(null, subcloud(2, call.request.subcloud, 'create-complete')),
    ResumeSubcloudDeploy: (call, cb) => cb(null, subcloud(2, call.request.subcloud, 'create-complete')),
    AbortSubcloudDeploy: (call, cb) => cb(null, subcloud(2, call.request.subcloud, 'aborting-bootstrap')),
    ListSubcloudGroups: (_call, cb) =>
      cb(null, { subcloud_groups: [{ id: 1, name: 'Default', description: 'Default Subcloud Group' }] }),
    ListSystemPeers: (_call, cb) =>
      cb(null, {
        system_peers: [
          {
            id: 1,
            peer_uuid: '9d7b1c2e-1111-4222-8333-444455556666',
            peer_name: 'site-b',
            manager_endpoint: 'nats://[fd00:b::2]:4222',
            peer_controller_gateway_ip: 'fd01:b::1',
          },
        ],
      }),
    ListSubcloudPeerGroups: (_call, cb) => cb(null, { subcloud_peer_groups: [] }),
    CreateNetworkStrategy: (_call, cb) => strategy(cb, strategies[0]),
    GetNetworkStrategy: (_call, cb) =>
      strategy(cb, strategies[Math.min(strategyPolls++, strategies.length - 1)]),
    ApplyNetworkStrategy: (_call, cb) => strategy(cb, strategies[0]),
    AbortNetworkStrategy: (_call, cb) => strategy(cb, strategies[0]),
    DeleteNetworkStrategy: (_call, cb) => strategy(cb, strategies[0]),
    ListStrategySteps: (call, cb) =>
      cb(null, { steps: steps.filter((s) => call.request.include_skipped || s.state !== 'skipped') }),
    GetStrategyStep: (call, cb) => {
      const found = steps.find((s) => s.cloud === call.request.cloud)
      if (found === undefined) cb(notFound(`Strategy step ${call.request.cloud}`))
      else cb(null, found)
    },
    ListPeerGroupAssociations: (_call, cb) =>
      cb(null, {
        peer_group_associations: [
          {
            id: 1,
            peer_group_id: 1,
            system_peer_id: 1,
            association_type: 'primary',
            sync_status: 'in-sync',
            peer_group_priority: 2,
          },
        ],
      }),
  }

  // Records every call and holds the ones a test asked to hang.
  const recorded = (handlers: Record<string, Handler>): UntypedServiceImplementation =>
    Object.fromEntries(
      Object.entries(handlers).map(([method, handler]) => [
        method,
        (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
          calls.push({ method, request: call.request, metadata: call.metadata })
          if (!hang.has(method)) handler(call, callback)
        },
      ]),
    )

  const { dc } = loadProtos()
  const server = new Server()
  server.addService(dc.platform.v1.Platform.service, recorded(platform as Record<string, Handler>))
  server.addService(dc.manager.v1.DcManager.service, recorded(dcManager as Record<string, Handler>))
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error === null ? resolve(bound) : reject(error),
    ),
  )
  return {
    url: `127.0.0.1:${port}`,
    calls,
    pools,
    networkPools,
    hang,
    strategies,
    steps,
    close: () =>
      new Promise<void>((resolve) => {
        server.forceShutdown()
        resolve()
      }),
  }
}
