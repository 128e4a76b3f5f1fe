import { Metadata } from '@grpc/grpc-js'
import { initialState, writeYamlMapping } from '@dc/netmodel'
import { describeGrpcError, unaryCall } from '@dc/protos'
import type { DescribeResponse__Output } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import {
  SubcloudAddRejectedError,
  SubcloudNameTakenError,
  SubcloudNotFoundError,
  SubcloudStateError,
} from '../errors.js'
import type { OwnSystem } from '../own-system.js'
import { refuse, remove, settle, update } from '../ports/mutation.js'
import type { Decision } from '../ports/mutation.js'
import type { SubcloudGroupStore } from '../ports/subcloud-group-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { ABORTABLE_STATES, RESUME_POINTS, isAllowedMove } from './deploy-moves.js'
import { ACTIVE_DEPLOY_STATES } from './deploy-status.js'
import type { DeployChannels, DeployRunner, DeployTarget, RetainedDeploy } from './deploy-runner.js'
import type { FleetRegistry } from './fleet-registry.js'
import { migrateMismatches } from './migrate-check.js'
import type { SubcloudMembership } from './subcloud-membership.js'
import type { ReportedPlatform } from './migrate-check.js'
import { fleetViolations, validateSubcloudAdd } from './subcloud-add-validation.js'
import type { AcceptedSubcloudAdd } from './subcloud-add-validation.js'
import { NO_ERROR_DESCRIPTION, dialAddress } from './subcloud.js'
import type { Subcloud, SubcloudChange } from './subcloud.js'

/** What the recovery use cases work with; the fleet registry is the one `subcloud add` reserves in. */
export interface SubcloudRecoveryDeps {
  readonly subclouds: SubcloudStore
  readonly groups: Pick<SubcloudGroupStore, 'find'>
  readonly own: Pick<OwnSystem, 'current'>
  readonly deploys: Pick<DeployRunner, 'start' | 'isRunning' | 'abort' | 'retained' | 'forget' | 'release'>
  readonly channels: DeployChannels
  readonly fleet: FleetRegistry
  /** The peer group rules members obey. */
  readonly membership: Pick<SubcloudMembership, 'lifecycleRefusal'>
  /** Called after a change the audit must see (a redeployed subcloud is no longer complete). */
  readonly refreshAudit: (subcloudId: number) => Promise<void>
  readonly log: Logger
  /** Deadline of the `Describe` behind `add --migrate`. @default 5000 */
  readonly describeTimeoutMs?: number
}

function targetOf(subcloud: Subcloud): DeployTarget {
  return { id: subcloud.id, name: subcloud.name, primaryAddress: subcloud.bootstrapAddress }
}

/** Why `subcloud redeploy` cannot start over `current` now; undefined when it can. */
function redeployRefusal(current: Subcloud, running: boolean): SubcloudStateError | undefined {
  if (current.managementState !== 'unmanaged') {
    return new SubcloudStateError(
      current.name,
      `Cannot re-deploy a managed subcloud: unmanage ${current.name} first`,
    )
  }
  if (running || !isAllowedMove(current.deployStatus, 'create-complete', 'redeploy')) {
    return new SubcloudStateError(
      current.name,
      `Cannot re-deploy subcloud ${current.name} while its deploy status is ${current.deployStatus}: ` +
        'it must be complete, or failed or aborted (abort a deploy in progress first)',
    )
  }
  return undefined
}

/**
 * The deploy as the store keeps it, for a resume this process has no memory of (it restarted since
 * the failure): the stored values, secrets removed, with what `subcloud add` adds to them.
 */
function storedDeploy(subcloud: Subcloud, from: RetainedDeploy['plan']['from']): RetainedDeploy {
  const values = JSON.parse(subcloud.storedValuesJson) as Record<string, unknown>
  const release =
    values.software_version === undefined && values.release === undefined
      ? { software_version: subcloud.softwareVersion }
      : {}
  return {
    bootstrapYaml: writeYamlMapping({ ...values, distributed_cloud_role: 'subcloud', ...release }),
    plan: { from, reset: false, bootstrap: true },
  }
}

/** Describe's answer in the shape netmodel's state has, for {@link migrateMismatches}. */
function reportedPlatform(described: DescribeResponse__Output): ReportedPlatform {
  return {
    name: described.system?.name ?? '',
    systemMode: described.system?.system_mode ?? '',
    networks: described.networks.map((n) => ({
      uuid: n.uuid,
      type: n.type,
      primaryPoolFamily: n.primary_pool_family ?? null,
    })),
    pools: described.address_pools.map((p) => ({
      uuid: p.uuid,
      network: p.network,
      prefix: p.prefix,
      family: p.family,
      ranges: p.ranges.map((r) => [r.start, r.end] as const),
      floatingAddress: p.floating_address ?? null,
      gatewayAddress: p.gateway_address ?? null,
    })),
    networkPools: described.network_addrpools.map((np) => ({
      networkUuid: np.network_uuid,
      poolUuid: np.address_pool_uuid,
    })),
  }
}

/**
 * Recovering a deploy in place (spec distcloud 1.3 and 2.1): `subcloud redeploy`, `subcloud deploy
 * resume|abort`, and the check of `subcloud add --migrate`. Each refusal changes nothing.
 */
export class SubcloudRecovery {
  readonly #deps: SubcloudRecoveryDeps

  constructor(deps: SubcloudRecoveryDeps) {
    this.#deps = deps
  }

  async #get(ref: string): Promise<Subcloud> {
    const found = await this.#deps.subclouds.find(ref)
    if (found === undefined) throw new SubcloudNotFoundError(ref)
    return found
  }

  /**
   * `subcloud redeploy`: the values pass every check of `subcloud add` (the subcloud's own name and
   * ranges excepted), the row takes them under its lock, and the agent is reset and bootstrapped.
   */
  async redeploy(ref: string, bootstrapValuesYaml: string): Promise<Subcloud> {
    const { subclouds, deploys, fleet } = this.#deps
    const before = await this.#get(ref)
    const early = redeployRefusal(before, deploys.isRunning(before.id))
    if (early !== undefined) throw early
    let accepted: AcceptedSubcloudAdd
    try {
      accepted = await validateSubcloudAdd(
        {
          bootstrapAddress: before.bootstrapAddress,
          bootstrapValuesYaml,
          name: before.name,
          group: String(before.groupId),
        },
        {
          controller: this.#deps.own.current,
          fleetClashes: (claim) => fleet.clashes(claim, before.id),
          findGroupId: async (g) => (await this.#deps.groups.find(g))?.id,
          subcloudNameExists: async (name) => name !== before.name && (await subclouds.nameTaken(name)),
        },
      )
    } catch (err) {
      throw err instanceof SubcloudAddRejectedError
        ? new SubcloudAddRejectedError(err.violations, 'redeploy')
        : err
    }
    const reservation = fleet.reserve(accepted.claim, before.id)
    if (!('commit' in reservation)) {
      throw new SubcloudAddRejectedError(fleetViolations(accepted.values, reservation), 'redeploy')
    }
    const f = accepted.fields
    let after: Subcloud
    try {
      const result = settle(
        await subclouds.mutate(String(before.id), (current) => {
          const refused = redeployRefusal(current, deploys.isRunning(current.id))
          if (refused !== undefined) return refuse(refused)
          return update({
            set: {
              deployStatus: 'create-complete',
              errorDescription: NO_ERROR_DESCRIPTION,
              softwareVersion: f.softwareVersion,
              managementSubnet: f.managementSubnet,
              managementStartIp: f.managementStartIp,
              managementEndIp: f.managementEndIp,
              managementGatewayIp: f.managementGatewayIp,
              systemcontrollerGatewayIp: f.systemcontrollerGatewayIp,
              storedValuesJson: f.storedValuesJson,
            },
            resetEndpoints: true,
            clearAlarms: ['280.001', '280.002'],
          })
        }),
        { notFound: () => new SubcloudNotFoundError(ref), taken: () => new SubcloudNotFoundError(ref) },
      )
      after = result.after ?? result.before
    } catch (err) {
      reservation.release()
      throw err
    }
    reservation.commit(after.id)
    // The reset agent is bootstrapped again on its bootstrap address; the follower moves the
    // controller to the new operational address once the deploy completes.
    if (after.operationalAddress !== undefined) {
      await subclouds.setOperationalAddress(after.id, after.operationalAddress, undefined)
    }
    this.#deps.log.info(`subcloud ${after.name}: redeploy`, { subcloud: after.name })
    await this.#deps.refreshAudit(after.id)
    deploys.start(targetOf(after), accepted.bootstrapYaml(), {
      from: 'create-complete',
      reset: true,
      bootstrap: true,
    })
    return after
  }

  /** `subcloud deploy resume`: a failed or aborted deploy runs again from the phase that failed. */
  async resume(ref: string): Promise<Subcloud> {
    const { subclouds, deploys } = this.#deps
    const current = await this.#get(ref)
    const from = RESUME_POINTS.get(current.deployStatus)
    const refusal = (status: string): SubcloudStateError =>
      new SubcloudStateError(
        current.name,
        `Subcloud ${current.name} deploy cannot be resumed from deploy status ${status}: ` +
          `it must be one of ${[...RESUME_POINTS.keys()].join(', ')}`,
      )
    if (from === undefined || deploys.isRunning(current.id)) throw refusal(current.deployStatus)
    const kept = deploys.retained(current.id)
    const run: RetainedDeploy =
      kept === undefined ? storedDeploy(current, from) : { ...kept, plan: { ...kept.plan, from } }
    const moved = await subclouds.moveDeploy(current.id, from, 'resume', {
      errorDescription: NO_ERROR_DESCRIPTION,
    })
    if (!moved) throw refusal((await this.#get(String(current.id))).deployStatus)
    this.#deps.log.info(`subcloud ${current.name}: deploy resumed from ${from}`, { subcloud: current.name })
    deploys.start(targetOf(current), run.bootstrapYaml, run.plan)
    return this.#get(String(current.id))
  }

  /** `subcloud deploy abort`: the bootstrap phase stops; the subcloud ends in bootstrap-aborted. */
  async abort(ref: string): Promise<Subcloud> {
    const current = await this.#get(ref)
    if (!ABORTABLE_STATES.includes(current.deployStatus) || !(await this.#deps.deploys.abort(current.id))) {
      const now = await this.#get(String(current.id))
      throw new SubcloudStateError(
        current.name,
        `Subcloud ${current.name} deploy can be aborted only in ${ABORTABLE_STATES.join(' or ')} ` +
          `(it is ${now.deployStatus})`,
      )
    }
    this.#deps.log.info(`subcloud ${current.name}: deploy abort requested`, { subcloud: current.name })
    return this.#get(String(current.id))
  }

  /**
   * `subcloud delete` (spec 2.1), except that an unmanaged subcloud need not be offline: its agent
   * is released first (it forgets this controller's claim, so this or another controller can add it
   * again). An agent that cannot be asked must be offline, as before; nothing is written otherwise.
   */
  async delete(ref: string, signal: AbortSignal): Promise<Subcloud> {
    const decide = (current: Subcloud): Decision<SubcloudChange> => {
      const refused = this.#deps.membership.lifecycleRefusal(current, 'deleted')
      if (refused !== undefined) return refuse(refused)
      if (current.managementState === 'managed') {
        return refuse(
          new SubcloudStateError(current.name, "Cannot delete a subcloud that is 'managed' status"),
        )
      }
      if (ACTIVE_DEPLOY_STATES.has(current.deployStatus) || this.#deps.deploys.isRunning(current.id)) {
        return refuse(
          new SubcloudStateError(
            current.name,
            `Cannot delete subcloud ${current.name} while its deploy is in progress (deploy status ${current.deployStatus}); abort it first`,
          ),
        )
      }
      return remove
    }
    const found = await this.#get(ref)
    const early = decide(found)
    if (early.kind === 'refuse') throw early.error
    if (
      // Released where the controller talks to the agent now (its operational address, if moved).
      !(await this.#deps.deploys.release(
        { ...targetOf(found), primaryAddress: dialAddress(found) },
        found.epoch,
        signal,
      )) &&
      found.availability !== 'offline'
    ) {
      throw new SubcloudStateError(
        found.name,
        `Subcloud ${found.name} is online but its agent cannot release it now; try again, or stop the agent first`,
      )
    }
    const result = settle(await this.#deps.subclouds.mutate(String(found.id), decide), {
      notFound: () => new SubcloudNotFoundError(ref),
      taken: () => new SubcloudNameTakenError(ref),
    })
    this.#deps.fleet.forget(result.before.id)
    this.#deps.deploys.forget(result.before.id)
    this.#deps.log.info(`subcloud ${result.before.name}: deleted`, { subcloud: result.before.name })
    await this.#deps.refreshAudit(result.before.id)
    return result.before
  }

  /**
   * `subcloud add --migrate`: the agent at the address must already be deployed, and report what
   * the values would have made of it; otherwise refused naming each differing key.
   */
  async checkMigrate(accepted: AcceptedSubcloudAdd, address: string, signal: AbortSignal): Promise<void> {
    const client = this.#deps.channels.agent(accepted.fields.name, address)
    let described: DescribeResponse__Output
    try {
      const deadline = new Date(Date.now() + (this.#deps.describeTimeoutMs ?? 5000))
      described = await unaryCall<DescribeResponse__Output>(
        (cb) => client.Describe({}, new Metadata(), { deadline }, cb),
        signal,
      )
    } catch (err) {
      throw new SubcloudAddRejectedError([
        {
          key: 'bootstrap_address',
          code: 'MIGRATE_AGENT_UNREACHABLE',
          message: `--migrate needs the deployed subcloud's agent, and ${address} did not answer: ${describeGrpcError(err)}`,
          kind: 'conflict',
        },
      ])
    }
    if (!described.bootstrapped) {
      throw new SubcloudAddRejectedError([
        {
          key: 'bootstrap_address',
          code: 'MIGRATE_NOT_DEPLOYED',
          message: `the subcloud at ${address} is not deployed; add it without --migrate`,
          kind: 'conflict',
        },
      ])
    }
    const expected = initialState(accepted.values, { uuid: described.system?.uuid ?? '' })
    const mismatches = migrateMismatches(expected, reportedPlatform(described))
    if (mismatches.length > 0) throw new SubcloudAddRejectedError(mismatches)
  }
}
