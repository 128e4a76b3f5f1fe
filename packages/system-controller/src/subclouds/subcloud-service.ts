import { Metadata } from '@grpc/grpc-js'
import { parseBootstrapValues, readYamlMapping } from '@dc/netmodel'
import { describeGrpcError, unaryCall } from '@dc/protos'
import type { DescribeResponse__Output } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import { alarmSummaryStatus } from '../alarms/alarm-event.js'
import type { AlarmSummaryStatus } from '../alarms/alarm-event.js'
import type { Audit } from '../audit/index.js'
import { AUDITED_ENDPOINTS } from '../audit/index.js'
import {
  InvalidFieldError,
  SubcloudAddRejectedError,
  SubcloudGroupNotFoundError,
  SubcloudNameTakenError,
  SubcloudNotFoundError,
  SubcloudStateError,
} from '../errors.js'
import type { OwnSystem } from '../own-system.js'
import { created, refuse, settle, update } from '../ports/mutation.js'
import type { Decision } from '../ports/mutation.js'
import type { SubcloudGroupStore } from '../ports/subcloud-group-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { ADD_PLAN } from './deploy-runner.js'
import type { DeployChannels, DeployRunner } from './deploy-runner.js'
import { ACTIVE_DEPLOY_STATES, HIDDEN_WITHOUT_ALL } from './deploy-status.js'
import { FleetRegistry } from './fleet-registry.js'
import type { SubcloudMembership } from './subcloud-membership.js'
import { fleetViolations, storedBootstrapValues, validateSubcloudAdd } from './subcloud-add-validation.js'
import type { SubcloudAddRequest } from './subcloud-add-validation.js'
import { checkSubcloudName } from './subcloud-name.js'
import { SubcloudRecovery } from './subcloud-recovery.js'
import { dialAddress } from './subcloud.js'
import type { Subcloud, SubcloudChange, SubcloudEdit } from './subcloud.js'

/** `subcloud update`, its fields already checked for form by the gRPC boundary. */
export interface SubcloudUpdateInput {
  readonly subcloud: string
  readonly name?: string
  readonly description?: string
  readonly location?: string
  readonly group?: string
  /** `host:port`, IPv6 bracketed. */
  readonly bootstrapAddress?: string
  readonly bootstrapValuesYaml?: string
  readonly peerGroup?: string
}

/** Alarm counts of a subcloud as `show --detail` gives them. */
export interface AlarmSummary {
  readonly critical: number
  readonly major: number
  readonly minor: number
  readonly warnings: number
  readonly cloudStatus: AlarmSummaryStatus
}

/** `show --detail`: what the controller knows, and what the agent says when it can be asked. */
export interface SubcloudDetail {
  readonly oamFloatingIp: string
  readonly deployConfigSyncStatus: string
  readonly alarmSummary: AlarmSummary | undefined
  readonly agentGeneration: string
  readonly agentConfigHash: string
  readonly expectedConfigHash: string
  readonly epoch: number
}

/** Everything the subcloud use cases work with. */
export interface SubcloudServiceDeps {
  readonly subclouds: SubcloudStore
  readonly groups: Pick<SubcloudGroupStore, 'find'>
  readonly own: Pick<OwnSystem, 'current' | 'epoch'>
  readonly deploys: Pick<DeployRunner, 'start' | 'isRunning' | 'abort' | 'retained' | 'forget' | 'release'>
  readonly audit: Pick<Audit, 'refreshSubcloud' | 'snapshotOf'>
  readonly channels: DeployChannels
  /** The peer group rules members obey, and the peers to tell. */
  readonly membership: SubcloudMembership
  /** The fleet's ranges, shared with network reconfiguration. @default one of its own */
  readonly fleet?: FleetRegistry
  readonly log: Logger
  /** Deadline of the live `Describe` behind `show --detail`. @default 3000 */
  readonly detailTimeoutMs?: number
}

function severityCounts(described: DescribeResponse__Output): AlarmSummary {
  const count = (s: string): number => described.alarms.filter((a) => a.severity === s).length
  const [critical, major, minor, warnings] = [
    count('critical'),
    count('major'),
    count('minor'),
    count('warning'),
  ]
  return {
    critical,
    major,
    minor,
    warnings,
    cloudStatus: alarmSummaryStatus({ critical, major, minor, warning: warnings }),
  }
}

function oamFloatingAddress(described: DescribeResponse__Output): string {
  const oam = described.networks.find((n) => n.type === 'oam')
  const pool = described.address_pools.find((p) => p.uuid === oam?.pool_uuid)
  return pool?.floating_address ?? ''
}

/** `--bootstrap-values` of update: validated like add's, kept without secrets as rehome data. */
function rehomeValues(yamlText: string): { name: string | undefined; values: Record<string, unknown> } {
  const doc = readYamlMapping(yamlText)
  if (!doc.ok) {
    const reason = doc.reason === 'syntax' ? `not valid YAML: ${doc.message}` : doc.message
    throw new InvalidFieldError('bootstrap_values', reason)
  }
  const parsed = parseBootstrapValues(doc.value)
  if (!parsed.ok) {
    throw new InvalidFieldError(
      'bootstrap_values',
      parsed.errors.map((e) => `${e.key}: ${e.message}`).join('; '),
    )
  }
  return { name: parsed.values.name, values: storedBootstrapValues(doc.value) }
}

/**
 * The `dcmanager subcloud` use cases with the rules of `spec/distcloud.md` sections 1 and 2: every
 * check that can refuse a request runs before anything is written, and each change is decided
 * under the subcloud's row lock.
 */
export class SubcloudService {
  readonly #deps: SubcloudServiceDeps
  // Adds reserve their ranges synchronously: two overlapping ranges cannot both pass the check.
  readonly #fleet: FleetRegistry
  /** `subcloud redeploy`, `subcloud deploy resume|abort`, on the same fleet registry as add. */
  readonly recovery: SubcloudRecovery

  constructor(deps: SubcloudServiceDeps) {
    this.#deps = deps
    this.#fleet = deps.fleet ?? new FleetRegistry(deps.subclouds)
    this.recovery = new SubcloudRecovery({
      ...deps,
      fleet: this.#fleet,
      refreshAudit: (id) => this.#refreshAudit(id),
    })
  }

  async #refreshAudit(subcloudId: number): Promise<void> {
    try {
      await this.#deps.audit.refreshSubcloud(subcloudId)
    } catch (err) {
      this.#deps.log.warn('audit refresh failed', { err })
    }
  }

  /** A subcloud by name, region name or id. */
  async get(ref: string): Promise<Subcloud> {
    const found = await this.#deps.subclouds.find(ref)
    if (found === undefined) throw new SubcloudNotFoundError(ref)
    return found
  }

  async #mutate(
    ref: string,
    decide: (current: Subcloud) => Decision<SubcloudChange>,
    newName?: string,
  ): Promise<Subcloud> {
    const result = settle(await this.#deps.subclouds.mutate(ref, decide), {
      notFound: () => new SubcloudNotFoundError(ref),
      taken: () => new SubcloudNameTakenError(newName ?? ref),
    })
    return result.after ?? result.before
  }

  async add(request: SubcloudAddRequest, signal: AbortSignal): Promise<Subcloud> {
    const { subclouds, groups, own } = this.#deps
    const accepted = await validateSubcloudAdd(request, {
      controller: own.current,
      fleetClashes: (claim) => this.#fleet.clashes(claim),
      findGroupId: async (g) => (await groups.find(g.trim()))?.id,
      subcloudNameExists: (name) => subclouds.nameTaken(name),
    })
    const migrate = request.migrate === true
    if (migrate) await this.recovery.checkMigrate(accepted, accepted.fields.bootstrapAddress, signal)
    const reservation = this.#fleet.reserve(accepted.claim)
    if (!('commit' in reservation)) {
      throw new SubcloudAddRejectedError(fleetViolations(accepted.values, reservation))
    }
    let subcloud: Subcloud
    try {
      subcloud = created(
        await subclouds.insert({ ...accepted.fields, epoch: own.epoch }, AUDITED_ENDPOINTS),
        () => new SubcloudNameTakenError(accepted.fields.name),
      )
    } catch (err) {
      reservation.release()
      throw err
    }
    reservation.commit(subcloud.id)
    this.#deps.log.info(`subcloud ${subcloud.name}: added, agent at ${subcloud.bootstrapAddress}`, {
      subcloud: subcloud.name,
    })
    this.#deps.deploys.start(
      { id: subcloud.id, name: subcloud.name, primaryAddress: subcloud.bootstrapAddress },
      accepted.bootstrapYaml(),
      migrate ? { ...ADD_PLAN, bootstrap: false } : ADD_PLAN,
    )
    return subcloud
  }

  /** Every subcloud (of a group); copies held for a peer site only with `all`. */
  async list(options: { readonly all: boolean; readonly groupId?: number }): Promise<Subcloud[]> {
    const found = await this.#deps.subclouds.list(
      options.groupId === undefined ? {} : { groupId: options.groupId },
    )
    return options.all ? found : found.filter((s) => !HIDDEN_WITHOUT_ALL.has(s.deployStatus))
  }

  /** Detail from what the controller already knows: stored hashes and the audit's last report. */
  storedDetail(subcloud: Subcloud): SubcloudDetail {
    const seen = this.#deps.audit.snapshotOf(subcloud.name)
    return {
      oamFloatingIp: '',
      deployConfigSyncStatus: 'unknown',
      alarmSummary: undefined,
      agentGeneration: '0',
      agentConfigHash: seen?.reportedConfigHash ?? '',
      expectedConfigHash: subcloud.expectedConfigHash ?? '',
      epoch: subcloud.epoch,
    }
  }

  /** `show --detail` reads the OAM address and alarms live from the agent, on its primary address. */
  async liveDetail(subcloud: Subcloud, signal: AbortSignal): Promise<SubcloudDetail> {
    const stored = this.storedDetail(subcloud)
    if (subcloud.deployStatus !== 'complete' || subcloud.availability !== 'online') return stored
    const client = this.#deps.channels.agent(subcloud.name, dialAddress(subcloud))
    try {
      const deadline = new Date(Date.now() + (this.#deps.detailTimeoutMs ?? 3000))
      const described = await unaryCall<DescribeResponse__Output>(
        (cb) => client.Describe({}, new Metadata(), { deadline }, cb),
        signal,
      )
      return {
        ...stored,
        oamFloatingIp: oamFloatingAddress(described),
        deployConfigSyncStatus: described.alarms.some((a) => a.alarm_id === '260.002')
          ? 'Deployment: configurations out-of-date'
          : 'Deployment: configurations up-to-date',
        alarmSummary: severityCounts(described),
        agentGeneration: described.generation,
        agentConfigHash: described.config_hash,
      }
    } catch (err) {
      this.#deps.log.warn(`subcloud ${subcloud.name}: live detail unavailable: ${describeGrpcError(err)}`, {
        subcloud: subcloud.name,
      })
      return stored
    }
  }

  async update(input: SubcloudUpdateInput): Promise<Subcloud> {
    const set: { -readonly [K in keyof SubcloudEdit]: SubcloudEdit[K] } = {}
    if (input.description !== undefined) set.description = input.description
    if (input.location !== undefined) set.location = input.location
    if (input.name !== undefined) {
      const problems = checkSubcloudName(input.name)
      if (problems.length > 0) throw new InvalidFieldError('name', problems.join('; '))
      set.name = input.name
    }
    if (input.group !== undefined) {
      const group = await this.#deps.groups.find(input.group)
      if (group === undefined) throw new SubcloudGroupNotFoundError(input.group)
      set.groupId = group.id
    }
    const address = input.bootstrapAddress
    if (address !== undefined) set.bootstrapAddress = address
    const rehome =
      input.bootstrapValuesYaml === undefined ? undefined : rehomeValues(input.bootstrapValuesYaml)
    const fieldsGiven = Object.keys(set).length > 0 || rehome !== undefined
    if (!fieldsGiven && input.peerGroup === undefined) {
      throw new InvalidFieldError('subcloud update', 'nothing to update: give at least one field')
    }
    const before = await this.get(input.subcloud)
    const { membership } = this.#deps
    if (!fieldsGiven && input.peerGroup !== undefined) {
      // Membership alone: the geo rules decide, and the peers get the change.
      return membership.setMembership(before, input.peerGroup)
    }
    const memberCheck = await membership.editCheck(before)
    const onlyBootstrap = Object.keys(set).every((k) => k === 'bootstrapAddress')
    const updated = await this.#mutate(
      String(before.id),
      (current) => {
        const refused = memberCheck(current, onlyBootstrap ? 'bootstrap' : 'other')
        if (refused !== undefined) return refuse(refused)
        const renamed = set.name !== undefined && set.name !== current.name
        if (renamed && (current.managementState !== 'unmanaged' || current.deployStatus !== 'complete')) {
          return refuse(
            new SubcloudStateError(
              current.name,
              `Subcloud ${current.name} can be renamed only while unmanaged and with deploy status complete ` +
                `(it is ${current.managementState}, ${current.deployStatus})`,
            ),
          )
        }
        if (address !== undefined) {
          const family = address.startsWith('[') ? 'IPv6' : 'IPv4'
          if (family !== current.externalOamFamily) {
            return refuse(
              new InvalidFieldError(
                'bootstrap_address',
                `${address} is ${family}, but the subcloud's primary OAM family is ${current.externalOamFamily}`,
              ),
            )
          }
          // The running deploy dials the address it started with, and the audit would then watch an
          // agent nobody bootstrapped. Decided under the row lock, so it races correctly with the
          // deploy's own moves.
          if (address !== current.bootstrapAddress && ACTIVE_DEPLOY_STATES.has(current.deployStatus)) {
            return refuse(
              new SubcloudStateError(
                current.name,
                `bootstrap_address cannot change while subcloud ${current.name}'s deploy is in progress ` +
                  `(deploy status ${current.deployStatus}); wait until it completes or fails`,
              ),
            )
          }
        }
        let rehomeData: string | undefined
        if (rehome !== undefined) {
          if (rehome.name !== undefined && rehome.name !== (set.name ?? current.name)) {
            return refuse(
              new InvalidFieldError(
                'bootstrap_values',
                `name ${rehome.name} differs from the subcloud name ${current.name}`,
              ),
            )
          }
          rehomeData = JSON.stringify({
            saved_payload: { ...rehome.values, 'bootstrap-address': address ?? current.bootstrapAddress },
          })
        }
        const edit: SubcloudEdit = rehomeData === undefined ? set : { ...set, rehomeData }
        // Fleet alarms name the subcloud (`subcloud=<name>`): a rename drops the old ones, and the
        // audit raises whatever still applies under the new name.
        return update(renamed ? { set: edit, clearAlarms: ['280.001', '280.002'] } : { set: edit })
      },
      set.name,
    )
    this.#deps.log.info(`subcloud ${updated.name}: updated (${Object.keys(set).join(', ')})`, {
      subcloud: updated.name,
    })
    // The audit watches a subcloud by name and address only: a description, location, group or
    // values edit leaves it be. A reload waits its turn behind the audit's batched status write, so
    // doing it for every edit held a peer group member's copy back by up to half a second.
    if (set.name !== undefined || set.bootstrapAddress !== undefined) await this.#refreshAudit(updated.id)
    if (input.peerGroup !== undefined) return membership.setMembership(updated, input.peerGroup)
    await membership.changed(updated.id)
    return updated
  }

  async manage(ref: string, force: boolean): Promise<Subcloud> {
    const updated = await this.#mutate(ref, (current) => {
      const refused = this.#deps.membership.lifecycleRefusal(current, 'managed')
      if (refused !== undefined) return refuse(refused)
      if (current.managementState === 'managed') {
        return refuse(new SubcloudStateError(current.name, `Subcloud ${current.name} already managed`))
      }
      const rehomePending = current.deployStatus === 'rehome-pending'
      if (!force && !rehomePending) {
        if (current.deployStatus !== 'complete') {
          return refuse(
            new SubcloudStateError(
              current.name,
              `Subcloud ${current.name} can be managed only when its deploy status is complete (it is ${current.deployStatus}); use --force to override`,
            ),
          )
        }
        if (current.availability !== 'online') {
          return refuse(
            new SubcloudStateError(
              current.name,
              `Subcloud ${current.name} can be managed only when online (it is ${current.availability}); use --force to override`,
            ),
          )
        }
      }
      return update({
        set: rehomePending
          ? { managementState: 'managed', deployStatus: 'complete' }
          : { managementState: 'managed' },
      })
    })
    this.#deps.log.info(`subcloud ${updated.name}: managed${force ? ' (forced)' : ''}`, {
      subcloud: updated.name,
    })
    await this.#refreshAudit(updated.id)
    return updated
  }

  async unmanage(ref: string, migrate: boolean): Promise<Subcloud> {
    const updated = await this.#mutate(ref, (current) => {
      const refused = this.#deps.membership.lifecycleRefusal(current, 'unmanaged')
      if (refused !== undefined) return refuse(refused)
      if (current.managementState === 'unmanaged' && !migrate) {
        return refuse(new SubcloudStateError(current.name, `Subcloud ${current.name} already unmanaged`))
      }
      if (migrate && current.deployStatus !== 'complete') {
        return refuse(
          new SubcloudStateError(
            current.name,
            `Subcloud ${current.name} can be unmanaged for migration only when its deploy status is complete (it is ${current.deployStatus})`,
          ),
        )
      }
      // spec 1.5: endpoints go unknown and the out-of-sync alarms go with the alarm summary.
      return update({
        set: migrate
          ? { managementState: 'unmanaged', deployStatus: 'rehome-pending' }
          : { managementState: 'unmanaged' },
        resetEndpoints: true,
        clearAlarms: ['280.002'],
      })
    })
    this.#deps.log.info(`subcloud ${updated.name}: unmanaged${migrate ? ' (rehome-pending)' : ''}`, {
      subcloud: updated.name,
    })
    await this.#refreshAudit(updated.id)
    return updated
  }
}
