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
import { isReadOnlyMethod, requireDecoded } from '@dc/platform-service'
import { REGION_METADATA_KEY, SYSTEM_CONTROLLER_REGION, describeGrpcError, unaryCall } from '@dc/protos'
import type {
  AgentClient,
  Alarm,
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
import { RegionNotFoundError, RegionRequiredError, SubcloudUnavailableError } from '../errors.js'
import type { AlarmStore } from '../ports/alarm-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { Subcloud } from '../subclouds/subcloud.js'
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
  readonly audit: Pick<Audit, 'expectConfigHash'>
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
 * propagated and the agent's status passed back unchanged. A forwarded change that succeeds
 * becomes the configuration the controller expects of that subcloud.
 */
export function createPlatformRouter(options: PlatformRouterOptions): PlatformHandlers {
  const { own, subclouds, alarms, channels, audit, log } = options

  async function target(region: string): Promise<Subcloud> {
    if (region.length > 255) throw new RegionNotFoundError(region.slice(0, 255))
    const found = await subclouds.find(region)
    if (found === undefined || (found.name !== region && found.regionName !== region)) {
      throw new RegionNotFoundError(region)
    }
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

  async function recordExpectedHash(
    subcloud: Subcloud,
    call: ServerUnaryCall<unknown, unknown>,
  ): Promise<void> {
    const client = channels.agent(subcloud.name, subcloud.bootstrapAddress)
    try {
      const described = await unaryCall<DescribeResponse__Output>((cb) =>
        client.Describe({}, new Metadata(), callOptions(call), cb),
      )
      await subclouds.setExpectedConfigHash(subcloud.id, described.config_hash)
      audit.expectConfigHash(subcloud.name, described.config_hash)
    } catch (err) {
      log.warn(
        `subcloud ${subcloud.name}: change forwarded, but its new config hash is unknown: ${describeGrpcError(err)}`,
        { subcloud: subcloud.name },
      )
    }
  }

  async function forward(
    method: PlatformMethod,
    region: string,
    call: ServerUnaryCall<unknown, unknown>,
  ): Promise<unknown> {
    // Bytes that did not decode (see tolerantServiceDefinition) are refused here, not forwarded.
    const request = requireDecoded(call.request)
    const subcloud = await target(region)
    // Every Platform RPC is unary with the same calling convention, so one dynamic dispatch serves all.
    const client = channels.platform(subcloud.name, subcloud.bootstrapAddress) as unknown as Record<
      string,
      (req: unknown, md: Metadata, opts: CallOptions, cb: requestCallback<unknown>) => ClientUnaryCall
    >
    const fn = client[method]
    if (fn === undefined) throw new RegionNotFoundError(region)
    let response: unknown
    try {
      response = await unaryCall<unknown>((cb) =>
        fn.call(client, request, new Metadata(), callOptions(call), cb),
      )
    } catch (err) {
      // UNAVAILABLE here is this controller's own link to the agent failing (agents never send it):
      // passed back as it came, the operator's CLI would take it for its link to the controller.
      if (!isServiceError(err) || err.code !== status.UNAVAILABLE) throw err
      const reason = describeAgentLinkFailure(err, subcloud.bootstrapAddress, options.tls)
      throw new SubcloudUnavailableError(subcloud.name, reason, 'unavailable')
    }
    // A change that went through is the configuration the controller now expects of the site.
    if (!isReadOnlyMethod(method)) await recordExpectedHash(subcloud, call)
    return response
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
