import { Metadata, status } from '@grpc/grpc-js'
import type {
  CallOptions,
  ClientUnaryCall,
  ServerUnaryCall,
  ServiceError,
  handleUnaryCall,
  requestCallback,
  sendUnaryData,
} from '@grpc/grpc-js'
import { randomUUID } from 'node:crypto'
import {
  commandMessage,
  isPlatformMutation,
  isReadOnlyMethod,
  mutationCommand,
  requireDecoded,
} from '@dc/platform-service'
import type { PlatformMutation } from '@dc/platform-service'
import {
  REGION_METADATA_KEY,
  REQUEST_ID_METADATA_KEY,
  SYSTEM_CONTROLLER_REGION,
  describeGrpcError,
  unaryCall,
} from '@dc/protos'
import type {
  AgentClient,
  Alarm,
  ApplyResponse__Output,
  DescribeResponse__Output,
  ListAlarmsResponse,
  PlatformClient,
  PlatformHandlers,
} from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { CaOnlyTlsFiles } from '@dc/tls'
import { describeAgentLinkFailure } from '../adapters/describe-agent-link-failure.js'
import { severityRank } from '../alarms/alarm.js'
import type { ActiveAlarm } from '../alarms/alarm.js'
import type { Audit } from '../audit/index.js'
import {
  ForwardedReplyMissingError,
  InvalidFieldError,
  RegionNotFoundError,
  RegionRequiredError,
  SubcloudUnavailableError,
} from '../errors.js'
import type { AlarmStore } from '../ports/alarm-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { dialAddress } from '../subclouds/subcloud.js'
import type { Subcloud } from '../subclouds/subcloud.js'
import { subcloudOfRegion } from '../subclouds/subcloud-of-region.js'
import { toStatus } from './status.js'

/** The part of the agent channel pool forwarding needs: clients over each subcloud's one channel. */
export interface ForwardChannels {
  agent(name: string, primaryAddress: string): AgentClient
  platform(name: string, primaryAddress: string): PlatformClient
}

export interface PlatformRouterOptions {
  /** Handlers of the controller's own system (region SystemController). */
  readonly own: PlatformHandlers
  readonly subclouds: Pick<SubcloudStore, 'find' | 'setExpectedConfigHash'>
  readonly alarms: Pick<AlarmStore, 'list'>
  readonly channels: ForwardChannels
  /** This controller's id, which a forwarded change carries with the subcloud's epoch to the agent. */
  readonly controllerId: string
  readonly audit: Pick<Audit, 'expectConfigHash'>
  /** A change went through to subcloud `subcloudId`: its operational address may have moved. */
  readonly onChanged?: (subcloudId: number) => void
  readonly log: Logger
  /** Deadline of a forwarded call whose caller set none. @default 60000 */
  readonly defaultForwardTimeoutMs?: number
  /** The TLS files the channels dial agents with, to explain a refused handshake; none: plaintext. */
  readonly tls?: CaOnlyTlsFiles | undefined
}

type PlatformMethod = keyof PlatformHandlers & string

function regionOf(metadata: Metadata): string | undefined {
  const [value] = metadata.get(REGION_METADATA_KEY)
  const region = typeof value === 'string' ? value.trim() : undefined
  return region === undefined || region === '' ? undefined : region
}

/** A request id is echoed into the agent's change id and logs: short, and only safe characters. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/

/** The change id of a forwarded change: from the caller's request id, so its retries are one change. */
function forwardedChangeId(metadata: Metadata): string {
  const [value] = metadata.get(REQUEST_ID_METADATA_KEY)
  if (value === undefined) return `fwd:${randomUUID()}`
  if (typeof value !== 'string' || !REQUEST_ID_PATTERN.test(value)) {
    throw new InvalidFieldError(
      REQUEST_ID_METADATA_KEY,
      'must be 1 to 128 letters, digits, dots, underscores, colons or hyphens',
    )
  }
  return `fwd:${value}`
}

function storedAlarmMessage(alarm: ActiveAlarm): Alarm {
  return {
    alarm_id: alarm.alarmId,
    entity_instance_id: alarm.entityInstanceId,
    reason_text: alarm.reasonText,
    severity: alarm.severity,
    raised_at_generation: '0',
    uuid: alarm.uuid,
    timestamp: alarm.raisedAt.toISOString(),
  }
}

function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number' && 'metadata' in err
}

/**
 * The controller's `Platform` service. With `SystemController` in the call metadata, or without a
 * region on a read, the controller's own system answers (its `fm alarm-list` adding the fleet
 * alarms it raised); a change without a readable region is refused, never applied here. With a subcloud's name or region name, the call goes to that subcloud's agent
 * over its primary address on the shared channel, with the caller's deadline and cancellation
 * propagated and the agent's status passed back unchanged. A read goes to the agent's Platform
 * service; a change goes to `Agent.Apply`, fenced by the subcloud's epoch and this controller's id
 * (a demoted controller is refused by the agent itself) and idempotent on a change id derived from
 * the caller's request id, and is answered with the Platform reply the agent built for it. A
 * forwarded change that succeeds becomes the configuration the controller expects of that subcloud.
 */
export function createPlatformRouter(options: PlatformRouterOptions): PlatformHandlers {
  const { own, subclouds, alarms, channels, controllerId, audit, log } = options

  async function target(region: string): Promise<Subcloud> {
    const found = await subcloudOfRegion(subclouds, region)
    if (found.deployStatus !== 'complete') {
      throw new SubcloudUnavailableError(
        found.name,
        `it is not deployed (deploy status ${found.deployStatus})`,
        'failed-precondition',
      )
    }
    if (found.availability !== 'online') {
      throw new SubcloudUnavailableError(found.name, `it is ${found.availability}`, 'unavailable')
    }
    return found
  }

  function callOptions(call: ServerUnaryCall<unknown, unknown>): CallOptions {
    // The parent carries the caller's deadline and cancellation; grpc-js uses the earlier of the
    // parent's deadline and this one, which only bounds calls that came without any.
    return { parent: call, deadline: new Date(Date.now() + (options.defaultForwardTimeoutMs ?? 60_000)) }
  }

  /**
   * A replayed change's hash is that of the state it first produced: it is the expected one only if
   * nothing changed the site since, which the generation tells.
   */
  async function recordReplayedHash(
    subcloud: Subcloud,
    applied: ApplyResponse__Output,
    call: ServerUnaryCall<unknown, unknown>,
  ): Promise<void> {
    const client = channels.agent(subcloud.name, dialAddress(subcloud))
    try {
      const described = await unaryCall<DescribeResponse__Output>((cb) =>
        client.Describe({}, new Metadata(), callOptions(call), cb),
      )
      if (described.generation === applied.generation) await recordExpectedHash(subcloud, applied.config_hash)
    } catch (err) {
      log.warn(
        `subcloud ${subcloud.name}: retried change answered, but its config hash is unknown: ${describeGrpcError(err)}`,
        { subcloud: subcloud.name },
      )
    }
  }

  async function recordExpectedHash(subcloud: Subcloud, configHash: string): Promise<void> {
    await subclouds.setExpectedConfigHash(subcloud.id, configHash)
    audit.expectConfigHash(subcloud.name, configHash)
  }

  /** UNAVAILABLE from the agent link is this controller's link failing (agents never send it). */
  async function overAgentLink<T>(subcloud: Subcloud, send: () => Promise<T>): Promise<T> {
    try {
      return await send()
    } catch (err) {
      // Passed back as it came, the operator's CLI would take it for its link to the controller.
      if (!isServiceError(err) || err.code !== status.UNAVAILABLE) throw err
      const reason = describeAgentLinkFailure(err, dialAddress(subcloud), options.tls)
      throw new SubcloudUnavailableError(subcloud.name, reason, 'unavailable')
    }
  }

  async function read(
    method: PlatformMethod,
    subcloud: Subcloud,
    request: unknown,
    call: ServerUnaryCall<unknown, unknown>,
  ): Promise<unknown> {
    // Every Platform RPC is unary with the same calling convention, so one dynamic dispatch serves all.
    const client = channels.platform(subcloud.name, dialAddress(subcloud)) as unknown as Record<
      string,
      (req: unknown, md: Metadata, opts: CallOptions, cb: requestCallback<unknown>) => ClientUnaryCall
    >
    const fn = client[method]
    if (fn === undefined) throw new RegionNotFoundError(subcloud.name)
    return overAgentLink(subcloud, () =>
      unaryCall<unknown>((cb) => fn.call(client, request, new Metadata(), callOptions(call), cb)),
    )
  }

  async function change(
    method: PlatformMutation,
    subcloud: Subcloud,
    request: unknown,
    call: ServerUnaryCall<unknown, unknown>,
  ): Promise<unknown> {
    const command = mutationCommand(method, request as never)
    const changeId = forwardedChangeId(call.metadata)
    const client = channels.agent(subcloud.name, dialAddress(subcloud))
    const applied = await overAgentLink(subcloud, () =>
      unaryCall<ApplyResponse__Output>((cb) =>
        client.Apply(
          {
            commands: [commandMessage(command)],
            change_id: changeId,
            epoch: String(subcloud.epoch),
            controller_id: controllerId,
          },
          new Metadata(),
          callOptions(call),
          cb,
        ),
      ),
    )
    // A change that went through is the configuration the controller now expects of the site.
    if (applied.replayed) await recordReplayedHash(subcloud, applied, call)
    else await recordExpectedHash(subcloud, applied.config_hash)
    options.onChanged?.(subcloud.id)
    const reply = applied.platform_reply
    const answer = reply?.reply === undefined ? undefined : reply[reply.reply]
    // An agent that applied the change but cannot say how: the change stands, the caller is told.
    if (answer === undefined || answer === null) throw new ForwardedReplyMissingError(subcloud.name, changeId)
    return answer
  }

  async function forward(
    method: PlatformMethod,
    region: string,
    call: ServerUnaryCall<unknown, unknown>,
  ): Promise<unknown> {
    // Bytes that did not decode (see tolerantServiceDefinition) are refused here, not forwarded.
    const request = requireDecoded(call.request)
    const subcloud = await target(region)
    return isPlatformMutation(method)
      ? change(method, subcloud, request, call)
      : read(method, subcloud, request, call)
  }

  /** Own alarms plus the fleet alarms the controller raised (280.xxx), most severe first. */
  function ownAlarms(
    call: ServerUnaryCall<unknown, unknown>,
    callback: sendUnaryData<ListAlarmsResponse>,
  ): void {
    const ownList = new Promise<ListAlarmsResponse>((resolve, reject) => {
      own.ListAlarms(call as Parameters<PlatformHandlers['ListAlarms']>[0], (err, value) =>
        err ? reject(err) : resolve(value ?? { alarms: [] }),
      )
    })
    Promise.all([ownList, alarms.list(SYSTEM_CONTROLLER_REGION)]).then(
      ([mine, fleet]) => {
        const all = [...(mine.alarms ?? []), ...fleet.map(storedAlarmMessage)]
        all.sort((a, b) => severityRank(a.severity ?? '') - severityRank(b.severity ?? ''))
        callback(null, { alarms: all })
      },
      (err: unknown) => callback(isServiceError(err) ? err : toStatus(err, log)),
    )
  }

  const router: Record<string, handleUnaryCall<unknown, unknown>> = {}
  for (const method of Object.keys(own) as PlatformMethod[]) {
    const ownHandler = own[method] as handleUnaryCall<unknown, unknown>
    router[method] = (call, callback) => {
      const region = regionOf(call.metadata)
      if (region === undefined && !isReadOnlyMethod(method)) {
        callback(toStatus(new RegionRequiredError(method), log))
        return
      }
      if (region === undefined || region === SYSTEM_CONTROLLER_REGION) {
        if (method === 'ListAlarms') {
          ownAlarms(call, callback as sendUnaryData<ListAlarmsResponse>)
          return
        }
        ownHandler(call, callback)
        return
      }
      forward(method, region, call).then(
        (response) => callback(null, response),
        // The agent's own status goes back as it came, trailers included.
        (err: unknown) => callback(isServiceError(err) ? err : toStatus(err, log)),
      )
    }
  }
  return router as unknown as PlatformHandlers
}
