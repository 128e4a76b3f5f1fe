import { Metadata } from '@grpc/grpc-js'
import { describeGrpcError, unaryCall } from '@dc/protos'
import type { ClaimResponse__Output, DescribeResponse__Output } from '@dc/protos'
import type { Audit, Clock } from '../audit/index.js'
import type { DeployChannels } from '../deploy/deploy-runner.js'
import type { ControllerStore, SubcloudRecord } from '../store/controller-store.js'
import { COPY_STATES } from '../store/geo-store.js'

/** What rehoming one subcloud to this controller works with. */
export interface RehomeDeps {
  readonly store: Pick<
    ControllerStore,
    'transitionDeploy' | 'setExpectedConfigHash' | 'findSubcloud' | 'mutateSubcloud'
  >
  readonly channels: DeployChannels
  readonly audit: Pick<Audit, 'refresh' | 'expectConfigHash'>
  readonly clock: Clock
  /** This controller's id towards agents (its system uuid). */
  readonly controllerId: string
  readonly log: (line: string) => void
  /** Deadline of each agent call. @default 30000 */
  readonly callTimeoutMs?: number
  /** How long the rehomed subcloud may take to be seen online. */
  readonly onlineTimeoutMs: number
}

/** error_description holds at most this much (dcmanager's column size). */
const MAX_ERROR_DESCRIPTION = 2048
const ONLINE_POLL_MS = 200

/**
 * Take one secondary (or previously failed) copy over: `pre-rehome` claims its agent at the new
 * epoch (an agent still obeying a higher epoch refuses, and the copy ends `rehome-prep-failed`),
 * `rehoming` reads the configuration it now expects of it, `complete` lets the audit watch it, and
 * once it is online it is managed. Any failure after the claim ends in `rehome-failed`.
 * Resolves true when the subcloud ended managed.
 */
export async function rehomeSubcloud(
  deps: RehomeDeps,
  subcloud: SubcloudRecord,
  epoch: number,
  signal: AbortSignal,
): Promise<boolean> {
  const { store, log } = deps
  const fail = async (from: string, to: string, reason: string): Promise<false> => {
    log(`subcloud ${subcloud.name}: ${to}: ${reason}`)
    await store.transitionDeploy(subcloud.id, [from], to, {
      error_description: reason.slice(0, MAX_ERROR_DESCRIPTION),
    })
    return false
  }
  if (!(await store.transitionDeploy(subcloud.id, COPY_STATES, 'pre-rehome'))) return false
  log(`subcloud ${subcloud.name}: pre-rehome (epoch ${epoch})`)
  const client = deps.channels.agent(subcloud.name, subcloud.bootstrap_address)
  const deadline = (): Date => new Date(deps.clock.now() + (deps.callTimeoutMs ?? 30_000))
  try {
    await unaryCall<ClaimResponse__Output>(
      (cb) =>
        client.Claim(
          { epoch: String(epoch), controller_id: deps.controllerId },
          new Metadata(),
          { deadline: deadline() },
          cb,
        ),
      signal,
    )
  } catch (err) {
    return fail(
      'pre-rehome',
      'rehome-prep-failed',
      `pre-rehome: claim refused or agent unreachable: ${describeGrpcError(err)}`,
    )
  }
  if (!(await store.transitionDeploy(subcloud.id, ['pre-rehome'], 'rehoming'))) return false
  try {
    const described = await unaryCall<DescribeResponse__Output>(
      (cb) => client.Describe({}, new Metadata(), { deadline: deadline() }, cb),
      signal,
    )
    if (!described.bootstrapped) throw new Error('the agent reports no bootstrapped system')
    await store.setExpectedConfigHash(subcloud.id, described.config_hash)
    deps.audit.expectConfigHash(subcloud.name, described.config_hash)
  } catch (err) {
    return fail('rehoming', 'rehome-failed', `rehoming: ${describeGrpcError(err)}`)
  }
  const moved = await store.transitionDeploy(subcloud.id, ['rehoming'], 'complete', {
    epoch,
    rehomed: true,
    error_description: 'No errors present',
  })
  if (!moved) return false
  await deps.audit.refresh()
  const until = deps.clock.now() + deps.onlineTimeoutMs
  for (;;) {
    const current = await store.findSubcloud(String(subcloud.id))
    if (current === undefined || current.deploy_status !== 'complete') return false
    if (current.availability_status === 'online') break
    if (deps.clock.now() >= until) {
      return fail('complete', 'rehome-failed', `rehomed, but not online within ${deps.onlineTimeoutMs} ms`)
    }
    await deps.clock.sleep(ONLINE_POLL_MS, signal)
  }
  await store.mutateSubcloud(String(subcloud.id), (current) =>
    current.management_state === 'managed'
      ? { kind: 'none' }
      : { kind: 'update', set: { management_state: 'managed' } },
  )
  await deps.audit.refresh()
  log(`subcloud ${subcloud.name}: rehomed to this controller at epoch ${epoch}, managed`)
  return true
}
