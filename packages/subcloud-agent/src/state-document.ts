import type { Effect, KubernetesComponent, SystemState } from '@dc/netmodel'
import type { PlatformReply } from '@dc/protos'

/** One applied `Agent.Apply` change, kept so that a retry returns the first result. */
export interface AppliedChange {
  readonly changeId: string
  /** Digest of the request's commands: a change id reused for other commands is refused. */
  readonly requestDigest: string
  readonly generation: number
  readonly configHash: string
  readonly effects: readonly Effect[]
  /** A one-command change's Platform reply, so a retried forwarded `system` call answers as it did. */
  readonly platformReply?: PlatformReply
}

export type RestartCounts = Readonly<Record<KubernetesComponent, number>>

/**
 * Everything the agent persists, as one JSON document written atomically, so the state, the epoch
 * and the change-id window can never disagree after a crash.
 */
export interface AgentStateDocument {
  readonly format: 1
  /** `null` until bootstrapped. */
  readonly state: SystemState | null
  /** Digest of the bootstrap values, so a repeated Bootstrap with the same values is a no-op. */
  readonly bootstrapDigest: string | null
  /** Controller epoch obeyed, decimal (a uint64 does not fit a JSON number). */
  readonly epoch: string
  readonly controllerId: string
  /** Oldest first, at most {@link APPLIED_CHANGE_WINDOW} entries. */
  readonly appliedChanges: readonly AppliedChange[]
  readonly restarts: RestartCounts
}

/** How many applied change ids the agent remembers for idempotent retries. */
export const APPLIED_CHANGE_WINDOW = 1024

export function emptyDocument(): AgentStateDocument {
  return {
    format: 1,
    state: null,
    bootstrapDigest: null,
    epoch: '0',
    controllerId: '',
    appliedChanges: [],
    restarts: { 'kube-apiserver': 0, 'kube-controller-manager': 0 },
  }
}

/** Port: where the agent's document lives. `save` resolves only once the document is durable. */
export interface StateStore {
  load(): Promise<AgentStateDocument | undefined>
  save(doc: AgentStateDocument): Promise<void>
}

/** The persisted document is unreadable or of an unknown shape; the agent refuses to start over it. */
export class StateDocumentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'StateDocumentError'
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const STATE_FIELDS: Readonly<Record<keyof SystemState, 'string' | 'boolean' | 'integer' | 'list'>> = {
  uuid: 'string',
  name: 'string',
  systemMode: 'string',
  distributedCloudRole: 'string',
  softwareVersion: 'string',
  initialConfigComplete: 'boolean',
  upgradeInProgress: 'string',
  simplexToDuplexMigration: 'boolean',
  hosts: 'list',
  networks: 'list',
  pools: 'list',
  networkPools: 'list',
  addresses: 'list',
  alarms: 'list',
  kubernetesDualStack: 'boolean',
  generation: 'integer',
  nextId: 'integer',
}

function hasKind(value: unknown, kind: (typeof STATE_FIELDS)[keyof SystemState]): boolean {
  if (kind === 'list') return Array.isArray(value)
  if (kind === 'integer') return Number.isSafeInteger(value)
  return typeof value === kind
}

// A state whose top-level fields are missing would fail deep inside netmodel with a TypeError;
// the rows themselves are netmodel's and trusted as written.
function checkState(state: unknown): void {
  if (!isRecord(state)) throw new StateDocumentError('state is not an object')
  for (const [key, kind] of Object.entries(STATE_FIELDS)) {
    if (!hasKind(state[key], kind)) {
      throw new StateDocumentError(
        `state.${key} is ${state[key] === undefined ? 'missing' : `not a ${kind}`}`,
      )
    }
  }
}

/** Check the shape of a parsed document and the top level of its state. */
export function validateDocument(raw: unknown): AgentStateDocument {
  if (!isRecord(raw)) throw new StateDocumentError('state document is not an object')
  if (raw['format'] !== 1)
    throw new StateDocumentError(`unknown state document format ${String(raw['format'])}`)
  if (raw['state'] !== null) checkState(raw['state'])
  if (typeof raw['epoch'] !== 'string' || !/^\d+$/.test(raw['epoch'])) {
    throw new StateDocumentError('epoch is not a decimal string')
  }
  if (typeof raw['controllerId'] !== 'string') throw new StateDocumentError('controllerId is not a string')
  if (!Array.isArray(raw['appliedChanges'])) throw new StateDocumentError('appliedChanges is not a list')
  const restarts = raw['restarts']
  if (
    !isRecord(restarts) ||
    typeof restarts['kube-apiserver'] !== 'number' ||
    typeof restarts['kube-controller-manager'] !== 'number'
  ) {
    throw new StateDocumentError('restarts are missing')
  }
  return raw as unknown as AgentStateDocument
}
