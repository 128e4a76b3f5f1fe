import type { Family } from './address.js'
import { NetModelError } from './net-model-error.js'
import { controllers, networkOfType, poolsOfNetwork } from './state-queries.js'
import type { AddressPool, Host, NetworkType, SystemState } from './system-state.js'

/** A Calico `IPPool` (crd.projectcalico.org/v1) for one cluster-pod pool. */
export interface CalicoIpPool {
  readonly name: string
  readonly cidr: string
  readonly blockSize: number
  readonly natOutgoing: boolean
  readonly disabled: boolean
  readonly nodeSelector: string
}

/** What Kubernetes runs with on a system, derived from its cluster networks. */
export interface KubernetesView {
  /**
   * Whether Kubernetes runs dual-stack: only when cluster-host, cluster-pod and cluster-service
   * all have two pools. Until then every flag below carries the primary family only, as
   * StarlingX reconfigures Kubernetes only once the third network gets its second pool.
   */
  readonly dualStack: boolean
  /** kube-apiserver `--service-cluster-ip-range`: CIDRs, primary first, comma-separated; '' if none. */
  readonly serviceClusterIpRange: string
  /** kube-controller-manager `--cluster-cidr`, from cluster-pod; '' without it. */
  readonly clusterCidr: string
  /** kubelet `--node-ip` per controller hostname: its cluster-host addresses, primary first. */
  readonly nodeIps: Readonly<Record<string, string>>
  readonly calicoIpPools: readonly CalicoIpPool[]
  /** Families Services can get, primary first (what the service ranges provide). */
  readonly serviceFamilies: readonly Family[]
}

const CLUSTER_NETWORKS: readonly NetworkType[] = ['cluster-host', 'cluster-pod', 'cluster-service']

/** Calico's default block sizes: a /26 (64 addresses) or /122 per node and block. */
const BLOCK_SIZE: Record<Family, number> = { IPv4: 26, IPv6: 122 }

function pools(state: SystemState, type: NetworkType): AddressPool[] {
  const network = networkOfType(state, type)
  return network === undefined ? [] : poolsOfNetwork(state, network.uuid)
}

function cidr(pool: AddressPool): string {
  return `${pool.network}/${pool.prefix}`
}

/**
 * A controller's address in a cluster-host pool. AIO-SX stores only the floating address on its
 * host networks, and its single controller uses it.
 */
function controllerAddress(state: SystemState, pool: AddressPool, host: Host): string | null {
  const own =
    host.hostname === 'controller-0'
      ? pool.controller0Address
      : host.hostname === 'controller-1'
        ? pool.controller1Address
        : null
  return own ?? (state.systemMode === 'simplex' ? pool.floatingAddress : null)
}

/** The Kubernetes flags and Calico pools a system's cluster networks imply. */
export function kubernetesView(state: SystemState): KubernetesView {
  const dualStack = CLUSTER_NETWORKS.every((type) => pools(state, type).length === 2)
  const used = (type: NetworkType): AddressPool[] => pools(state, type).slice(0, dualStack ? 2 : 1)
  const service = used('cluster-service')
  const pod = used('cluster-pod')
  const host = used('cluster-host')
  const nodeIps: Record<string, string> = {}
  for (const controller of controllers(state)) {
    const addresses = host.flatMap((pool) => controllerAddress(state, pool, controller) ?? [])
    if (addresses.length > 0) nodeIps[controller.hostname] = addresses.join(',')
  }
  return {
    dualStack,
    serviceClusterIpRange: service.map(cidr).join(','),
    clusterCidr: pod.map(cidr).join(','),
    nodeIps,
    calicoIpPools: pod.map((pool) => ({
      name: `default-${pool.family.toLowerCase()}-ippool`,
      cidr: cidr(pool),
      blockSize: BLOCK_SIZE[pool.family],
      natOutgoing: true,
      disabled: false,
      nodeSelector: 'all()',
    })),
    serviceFamilies: service.map((pool) => pool.family),
  }
}

/** Service `spec.ipFamilyPolicy`. */
export type IpFamilyPolicy = 'SingleStack' | 'PreferDualStack' | 'RequireDualStack'

/** The family fields of a Service spec, as a user wrote them. */
export interface ServiceFamilySpec {
  readonly ipFamilyPolicy?: IpFamilyPolicy
  readonly ipFamilies?: readonly Family[]
}

export type ServiceFamilyCode =
  | 'SERVICE_FAMILIES_TOO_MANY'
  | 'SERVICE_FAMILY_DUPLICATE'
  | 'SERVICE_SINGLE_STACK_MULTIPLE_FAMILIES'
  | 'SERVICE_DUAL_STACK_UNAVAILABLE'
  | 'SERVICE_FAMILY_UNAVAILABLE'

/** A Service whose family fields the cluster would refuse; `field` is the spec path. */
export class ServiceFamilyError extends NetModelError {
  readonly code: ServiceFamilyCode
  readonly category = 'invalid-argument'

  constructor(code: ServiceFamilyCode, field: string, message: string) {
    super(message, field)
    this.code = code
  }
}

export type ServiceFamilyResult =
  | { readonly ok: true; readonly ipFamilyPolicy: IpFamilyPolicy; readonly ipFamilies: readonly Family[] }
  | { readonly ok: false; readonly error: ServiceFamilyError }

function refuse(code: ServiceFamilyCode, field: string, message: string): ServiceFamilyResult {
  return { ok: false, error: new ServiceFamilyError(code, field, message) }
}

/**
 * The families a Service gets on this system, as kube-apiserver resolves them: the default
 * policy is SingleStack (or RequireDualStack when two families are listed), the default family
 * the first service range's; PreferDualStack and RequireDualStack add the other family on a
 * dual-stack cluster; RequireDualStack fails on a single-stack one; listed families keep their
 * order (the first decides `.spec.clusterIP`) and must all be configured.
 */
export function resolveServiceFamilies(state: SystemState, spec: ServiceFamilySpec): ServiceFamilyResult {
  const requested = spec.ipFamilies ?? []
  if (requested.length > 2) {
    return refuse(
      'SERVICE_FAMILIES_TOO_MANY',
      'spec.ipFamilies',
      `spec.ipFamilies: Too many: ${requested.length}: must have at most 2 items`,
    )
  }
  if (requested.length === 2 && requested[0] === requested[1]) {
    return refuse(
      'SERVICE_FAMILY_DUPLICATE',
      'spec.ipFamilies[1]',
      `spec.ipFamilies[1]: Duplicate value: "${requested[1]}"`,
    )
  }
  const policy = spec.ipFamilyPolicy ?? (requested.length === 2 ? 'RequireDualStack' : 'SingleStack')
  if (policy === 'SingleStack' && requested.length === 2) {
    return refuse(
      'SERVICE_SINGLE_STACK_MULTIPLE_FAMILIES',
      'spec.ipFamilyPolicy',
      `spec.ipFamilyPolicy: Invalid value: "SingleStack": must be RequireDualStack or PreferDualStack when multiple 'ipFamilies' are specified`,
    )
  }
  const available = kubernetesView(state).serviceFamilies
  if (policy === 'RequireDualStack' && available.length < 2) {
    return refuse(
      'SERVICE_DUAL_STACK_UNAVAILABLE',
      'spec.ipFamilyPolicy',
      `spec.ipFamilyPolicy: Invalid value: "RequireDualStack": Cluster is not configured for dual stack services`,
    )
  }
  const missing = requested.findIndex((f) => !available.includes(f))
  if (missing >= 0) {
    return refuse(
      'SERVICE_FAMILY_UNAVAILABLE',
      `spec.ipFamilies[${missing}]`,
      `spec.ipFamilies[${missing}]: Invalid value: "${requested[missing]}": ipfamily ${requested[missing]} is not configured on cluster`,
    )
  }
  const families: Family[] = requested.length > 0 ? [...requested] : available.slice(0, 1)
  const [primary] = families
  if (primary === undefined) {
    return refuse(
      'SERVICE_FAMILY_UNAVAILABLE',
      'spec.ipFamilies',
      'spec.ipFamilies: the cluster has no cluster-service network, so no family is configured',
    )
  }
  if (policy !== 'SingleStack' && families.length === 1 && available.length === 2) {
    families.push(primary === 'IPv4' ? 'IPv6' : 'IPv4')
  }
  return { ok: true, ipFamilyPolicy: policy, ipFamilies: families }
}

/** A file the agent writes into its state directory. */
export interface RenderedFile {
  /** relative path */
  readonly path: string
  readonly content: string
}

function flagsFile(path: string, flags: Readonly<Record<string, string>>): RenderedFile {
  const lines = Object.entries(flags)
    .filter(([, value]) => value !== '')
    .map(([flag, value]) => `--${flag}=${value}\n`)
  return { path, content: lines.join('') }
}

function calicoYaml(pools: readonly CalicoIpPool[]): string {
  return pools
    .map((p) =>
      [
        'apiVersion: crd.projectcalico.org/v1',
        'kind: IPPool',
        'metadata:',
        `  name: ${p.name}`,
        'spec:',
        `  cidr: ${p.cidr}`,
        `  blockSize: ${p.blockSize}`,
        `  natOutgoing: ${p.natOutgoing}`,
        `  disabled: ${p.disabled}`,
        `  nodeSelector: ${p.nodeSelector}`,
        '',
      ].join('\n'),
    )
    .join('---\n')
}

/**
 * The Kubernetes flag files and Calico manifest of {@link kubernetesView}, one `--flag=value`
 * per line: `kube-apiserver.flags`, `kube-controller-manager.flags`, `kubelet-<host>.flags` per
 * controller with a cluster-host address, and `calico-ippools.yaml`.
 */
export function renderKubernetesFiles(state: SystemState): RenderedFile[] {
  const view = kubernetesView(state)
  return [
    flagsFile('kube-apiserver.flags', { 'service-cluster-ip-range': view.serviceClusterIpRange }),
    flagsFile('kube-controller-manager.flags', {
      'cluster-cidr': view.clusterCidr,
      'service-cluster-ip-range': view.serviceClusterIpRange,
    }),
    ...Object.entries(view.nodeIps).map(([host, ips]) =>
      flagsFile(`kubelet-${host}.flags`, { 'node-ip': ips }),
    ),
    { path: 'calico-ippools.yaml', content: calicoYaml(view.calicoIpPools) },
  ]
}
