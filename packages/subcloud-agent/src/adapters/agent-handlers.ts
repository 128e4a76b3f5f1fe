import type { ServerWritableStream } from '@grpc/grpc-js'
import { readYamlMapping } from '@dc/netmodel'
import type { SystemState } from '@dc/netmodel'
import {
  InvalidBootstrapValuesError,
  InvalidRequestError,
  addressMessage,
  addressPoolMessage,
  alarmMessage,
  commandsFromMessages,
  effectMessage,
  given,
  hostMessage,
  networkAddrPoolMessage,
  networkMessage,
  requestText,
  requireDecoded,
  sortedAlarms,
  systemMessage,
  toGrpcStatus,
  unaryHandler,
} from '@dc/platform-service'
import type { AgentHandlers, StateSummary, WatchEvent, WatchRequest__Output } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { Agent, AgentSnapshot } from '../agent.js'
import { MAX_HEARTBEAT_INTERVAL_MS, MIN_HEARTBEAT_INTERVAL_MS } from '../config.js'
import type { Ownership } from '../fencing.js'
import type { AgentActivity } from './agent-activity.js'
import { pumpWatch } from './watch-pump.js'

/** Largest bootstrap values document accepted, in characters. */
export const MAX_BOOTSTRAP_VALUES_LENGTH = 1024 * 1024

export interface AgentHandlersProps {
  readonly agent: Agent
  /** Counts applied changes and open Watch streams; the server's interceptors count the calls. */
  readonly activity: AgentActivity
  readonly heartbeatIntervalMs: number
  /** Aborted on shutdown: Watch streams end. */
  readonly shutdown: AbortSignal
  /** Unexpected failures are logged as `component: 'agent-server'`, Watch streams as `'watch'`. */
  readonly log: Logger
}

function uint64(value: unknown, field: string): bigint {
  if (typeof value !== 'string' || !/^\d{1,20}$/.test(value)) {
    throw new InvalidRequestError(field, 'must be an unsigned 64-bit integer')
  }
  return BigInt(value)
}

/** A controller's identity on a mutating call: epoch 1 or more and a controller id. */
function controllerOwner(epochValue: unknown, controllerIdValue: unknown): Ownership {
  const epoch = uint64(epochValue, 'epoch')
  const controllerId = requestText(controllerIdValue, 'controller_id')
  if (epoch === 0n) throw new InvalidRequestError('epoch', 'must be 1 or more')
  if (controllerId.trim() === '') throw new InvalidRequestError('controller_id', 'is required')
  return { epoch, controllerId }
}

/** Bootstrap also comes from a local operator: epoch 0 with no controller id claims nothing. */
function bootstrapOwner(epochValue: unknown, controllerIdValue: unknown): Ownership {
  const epoch = uint64(epochValue, 'epoch')
  const controllerId = requestText(controllerIdValue, 'controller_id')
  if (epoch === 0n && controllerId === '') return { epoch, controllerId }
  return controllerOwner(epochValue, controllerIdValue)
}

/** Parse a bootstrap values document; anything but a YAML mapping is refused as a whole. */
export function parseValuesYaml(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string' || text.trim() === '')
    throw new InvalidRequestError('values_yaml', 'is required')
  if (text.length > MAX_BOOTSTRAP_VALUES_LENGTH) {
    throw new InvalidRequestError('values_yaml', `longer than ${MAX_BOOTSTRAP_VALUES_LENGTH} characters`)
  }
  const doc = readYamlMapping(text)
  if (!doc.ok) {
    const message = doc.reason === 'syntax' ? `not valid YAML: ${doc.message}` : doc.message
    throw new InvalidBootstrapValuesError([{ key: 'values_yaml', message, code: 'YAML' }])
  }
  return doc.value
}

function generation(state: SystemState | null): string {
  return String(state?.generation ?? 0)
}

/** The compact status Bootstrap answers and Watch streams. */
export function stateSummary(snapshot: AgentSnapshot): StateSummary {
  const state = snapshot.state
  const alarms = { critical: 0, major: 0, minor: 0, warning: 0 }
  for (const alarm of state?.alarms ?? []) alarms[alarm.severity] += 1
  return {
    bootstrapped: state !== null,
    generation: generation(state),
    config_hash: snapshot.configHash,
    epoch: snapshot.owner.epoch.toString(),
    controller_id: snapshot.owner.controllerId,
    software_version: state?.softwareVersion ?? '',
    alarms,
    hosts: [...(state?.hosts ?? [])].sort((a, b) => a.id - b.id).map(hostMessage),
    system_uuid: state?.uuid ?? '',
    system_name: state?.name ?? '',
  }
}

function watchInterval(request: WatchRequest__Output, fallbackMs: number): number {
  const requested = request.heartbeat_interval_ms
  if (requested === undefined || request._heartbeat_interval_ms !== 'heartbeat_interval_ms') return fallbackMs
  if (requested < MIN_HEARTBEAT_INTERVAL_MS || requested > MAX_HEARTBEAT_INTERVAL_MS) {
    throw new InvalidRequestError(
      'heartbeat_interval_ms',
      `${requested} is outside ${MIN_HEARTBEAT_INTERVAL_MS}..${MAX_HEARTBEAT_INTERVAL_MS}`,
    )
  }
  return requested
}

/** `dc.agent.v1.Agent` over the agent core. */
export function createAgentHandlers(props: AgentHandlersProps): AgentHandlers {
  const { agent, activity } = props
  const log = props.log.child({ component: 'agent-server' })
  const watchLog = props.log.child({ component: 'watch' })
  return {
    Bootstrap: unaryHandler(async (req, signal) => {
      const owner = bootstrapOwner(req.epoch, req.controller_id)
      return stateSummary(await agent.bootstrap(parseValuesYaml(req.values_yaml), owner, signal))
    }, log),

    Describe: unaryHandler(async () => {
      const snapshot = agent.snapshot()
      const state = snapshot.state
      const byId = <T extends { readonly id: number }>(rows: readonly T[] | undefined): T[] =>
        [...(rows ?? [])].sort((a, b) => a.id - b.id)
      return {
        bootstrapped: state !== null,
        ...(state === null ? {} : { system: systemMessage(state) }),
        networks: byId(state?.networks).map(networkMessage),
        address_pools: byId(state?.pools).map(addressPoolMessage),
        network_addrpools:
          state === null ? [] : byId(state.networkPools).map((a) => networkAddrPoolMessage(state, a)),
        addresses: byId(state?.addresses).map(addressMessage),
        hosts: byId(state?.hosts).map(hostMessage),
        alarms: sortedAlarms(state?.alarms ?? []).map(alarmMessage),
        generation: generation(state),
        config_hash: snapshot.configHash,
        epoch: snapshot.owner.epoch.toString(),
        controller_id: snapshot.owner.controllerId,
        software_version: state?.softwareVersion ?? '',
        address_calls: activity.calls
          .snapshot()
          .map((c) => ({ local_address: c.address, calls: String(c.calls) })),
        component_restarts: Object.entries(snapshot.restarts).map(([component, restarts]) => ({
          component,
          restarts: String(restarts),
        })),
      }
    }, log),

    Apply: unaryHandler(async (req, signal) => {
      const owner = controllerOwner(req.epoch, req.controller_id)
      const changeId = requestText(req.change_id, 'change_id')
      if (changeId.trim() === '') throw new InvalidRequestError('change_id', 'is required')
      const commands = commandsFromMessages(req.commands, 'commands')
      let expectedGeneration: number | undefined
      if (req._expected_generation === 'expected_generation' && req.expected_generation !== undefined) {
        const value = uint64(req.expected_generation, 'expected_generation')
        if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
          throw new InvalidRequestError('expected_generation', 'is beyond any generation')
        }
        expectedGeneration = Number(value)
      }
      const outcome = await agent.applyChange({ commands, changeId, expectedGeneration, owner }, signal)
      if (!outcome.replayed) activity.changeApplied()
      return {
        generation: String(outcome.generation),
        config_hash: outcome.configHash,
        effects: outcome.effects.map(effectMessage),
        replayed: outcome.replayed,
        ...given('platform_reply', outcome.platformReply),
      }
    }, log),

    Watch: (call: ServerWritableStream<WatchRequest__Output, WatchEvent>) => {
      let intervalMs: number
      try {
        intervalMs = watchInterval(requireDecoded(call.request), props.heartbeatIntervalMs)
      } catch (err) {
        call.emit('error', toGrpcStatus(err, watchLog))
        return
      }
      const peer = call.getPeer()
      const closed = activity.watchOpened()
      watchLog.debug('Watch stream opened', { peer, heartbeatIntervalMs: intervalMs })
      void pumpWatch<WatchEvent>(call, {
        heartbeatIntervalMs: intervalMs,
        status: () => ({ status: stateSummary(agent.snapshot()) }),
        heartbeat: (sequence) => ({
          heartbeat: {
            sequence: String(sequence),
            generation: generation(agent.snapshot().state),
            sent_at_unix_ms: String(Date.now()),
          },
        }),
        subscribe: (listener) => agent.onChange(listener),
        signal: props.shutdown,
      })
        .catch((err: unknown) => {
          if (!call.cancelled) call.emit('error', toGrpcStatus(err, watchLog))
        })
        .finally(() => {
          closed()
          watchLog.debug('Watch stream ended', { peer, cancelled: call.cancelled })
        })
    },

    Claim: unaryHandler(async (req, signal) => {
      const owner = await agent.claim(controllerOwner(req.epoch, req.controller_id), signal)
      return { epoch: owner.epoch.toString(), controller_id: owner.controllerId }
    }, log),

    Release: unaryHandler(async (req, signal) => {
      const owner = await agent.release(controllerOwner(req.epoch, req.controller_id), signal)
      return { epoch: owner.epoch.toString(), controller_id: owner.controllerId }
    }, log),

    Reset: unaryHandler(
      async (req, signal) =>
        stateSummary(await agent.reset(controllerOwner(req.epoch, req.controller_id), signal)),
      log,
    ),
  }
}
