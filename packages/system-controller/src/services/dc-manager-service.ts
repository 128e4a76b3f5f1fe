import { Metadata } from '@grpc/grpc-js'
import type { ServerUnaryCall } from '@grpc/grpc-js'
import { parseBootstrapValues, parseHostPort, formatHostPort } from '@dc/netmodel'
import type { Logger } from '@dc/runtime'
import type {
  AddSubcloudGroupRequest__Output,
  AddSubcloudRequest__Output,
  DcManagerHandlers,
  DescribeResponse__Output,
  ListSubcloudsResponse,
  Subcloud,
  SubcloudAlarmSummary,
  SubcloudDetail,
  SubcloudGroup,
  UpdateSubcloudGroupRequest__Output,
  UpdateSubcloudRequest__Output,
} from '@dc/protos'
import { parse as parseYaml } from 'yaml'
import type { Audit } from '../audit/index.js'
import { AUDITED_ENDPOINTS } from '../audit/index.js'
import { DEFAULT_AGENT_PORT } from '../config.js'
import { describeGrpcError, unaryCall } from '../deploy/unary-call.js'
import type { DeployChannels, DeployRunner } from '../deploy/deploy-runner.js'
import { ACTIVE_DEPLOY_STATES, HIDDEN_WITHOUT_ALL } from '../deploy-status.js'
import {
  DefaultGroupProtectedError,
  InvalidFieldError,
  SubcloudGroupNameTakenError,
  SubcloudGroupNotEmptyError,
  SubcloudGroupNotFoundError,
  SubcloudAddRejectedError,
  SubcloudNotFoundError,
  SubcloudStateError,
} from '../errors.js'
import type { GeoService } from '../geo/geo-service.js'
import { controllerUnary } from '../grpc/controller-unary.js'
import { groupMessage, subcloudMessage } from '../grpc/manager-messages.js'
import { FleetRegistry } from '../onboarding/fleet-registry.js'
import {
  fleetViolations,
  storedBootstrapValues,
  validateSubcloudAdd,
} from '../onboarding/subcloud-add-validation.js'
import { checkSubcloudName } from '../onboarding/subcloud-name.js'
import type { OwnSystem } from '../own-system.js'
import type { SubcloudMutation, SubcloudRecord } from '../store/controller-store.js'
import type { ControllerStore } from '../store/controller-store.js'
import type { SubcloudGroupRow, SubcloudUpdate, UpdateApplyType } from '../store/schema.js'

/** Everything the DcManager service works with. */
export interface DcManagerDeps {
  readonly store: ControllerStore
  readonly own: OwnSystem
  readonly deploys: Pick<DeployRunner, 'start' | 'isRunning'>
  readonly audit: Pick<Audit, 'refreshSubcloud' | 'snapshotOf'>
  readonly channels: DeployChannels
  /** System peers, peer groups, associations, migrate, and the rules member subclouds obey. */
  readonly geo: GeoService
  readonly log: (line: string) => void
  readonly errorLog?: Logger
  /** Deadline of the live `Describe` behind `show --detail`. @default 3000 */
  readonly detailTimeoutMs?: number
}

const MAX_REF = 255
const MAX_TEXT = 255
const MAX_PARALLEL = 5000
const APPLY_TYPES: readonly UpdateApplyType[] = ['parallel', 'serial']

/** A row reference (name, id or region name): non-empty, bounded, printable. */
function ref(field: string, value: string): string {
  const text = value.trim()
  if (text.length === 0) throw new InvalidFieldError(field, 'must not be empty')
  if (text.length > MAX_REF) throw new InvalidFieldError(field, `at most ${MAX_REF} characters`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text))
    throw new InvalidFieldError(field, 'must not contain control characters')
  return text
}

function text(field: string, value: string): string {
  if (value.length > MAX_TEXT) throw new InvalidFieldError(field, `at most ${MAX_TEXT} characters`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) {
    throw new InvalidFieldError(field, 'must not contain control characters')
  }
  return value
}

function applyType(field: string, value: string): UpdateApplyType {
  const found = APPLY_TYPES.find((t) => t === value)
  if (found === undefined) throw new InvalidFieldError(field, `must be one of ${APPLY_TYPES.join(', ')}`)
  return found
}

function maxParallel(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PARALLEL) {
    throw new InvalidFieldError(field, `must be between 1 and ${MAX_PARALLEL}`)
  }
  return value
}

/** Group names follow the subcloud-group API: non-empty, not all digits (they would read as ids). */
function groupName(field: string, value: string): string {
  const name = text(field, value).trim()
  if (name.length === 0) throw new InvalidFieldError(field, 'must not be empty')
  if (/^\d+$/.test(name)) throw new InvalidFieldError(field, 'must not be all digits')
  return name
}

function severityCounts(described: DescribeResponse__Output): SubcloudAlarmSummary {
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
    cloud_status: critical > 0 ? 'critical' : major + minor > 0 ? 'degraded' : 'OK',
  }
}

function oamFloatingAddress(described: DescribeResponse__Output): string {
  const oam = described.networks.find((n) => n.type === 'oam')
  const pool = described.address_pools.find((p) => p.uuid === oam?.pool_uuid)
  return pool?.floating_address ?? ''
}

/**
 * The `dc.manager.v1.DcManager` service: subcloud add/list/show/update/manage/unmanage/delete/
 * errors and subcloud groups, with the rules of `spec/distcloud.md` sections 1 and 2. Every
 * check that can refuse a request runs before anything is written; each change is one
 * transaction over a locked row. The geo-redundancy RPCs are served by {@link GeoService}.
 */
export class DcManagerService {
  readonly #deps: DcManagerDeps
  // Adds run concurrently: each reserves its ranges synchronously, so two overlapping ranges
  // cannot both pass the fleet check.
  readonly #fleet: FleetRegistry

  constructor(deps: DcManagerDeps) {
    this.#deps = deps
    this.#fleet = new FleetRegistry(deps.store)
  }

  async #refreshAudit(subcloudId: number): Promise<void> {
    try {
      await this.#deps.audit.refreshSubcloud(subcloudId)
    } catch (err) {
      this.#deps.log(`audit refresh failed: ${err instanceof Error ? err.message : String(err)}`)
    }
  }

  async #subcloud(reference: string): Promise<SubcloudRecord> {
    const key = ref('subcloud', reference)
    const found = await this.#deps.store.findSubcloud(key)
    if (found === undefined) throw new SubcloudNotFoundError(key)
    return found
  }

  async #mutate(
    reference: string,
    decide: (current: SubcloudRecord) => SubcloudMutation,
  ): Promise<SubcloudRecord> {
    const key = ref('subcloud', reference)
    const result = await this.#deps.store.mutateSubcloud(key, decide)
    if (result === undefined) throw new SubcloudNotFoundError(key)
    return result.after ?? result.before
  }

  // ---- subclouds ----

  async addSubcloud(request: AddSubcloudRequest__Output): Promise<Subcloud> {
    const { store, own } = this.#deps
    const accepted = await validateSubcloudAdd(
      {
        bootstrapAddress: request.bootstrap_address,
        bootstrapValuesYaml: request.bootstrap_values_yaml,
        group: request.group,
        release: request.release,
        description: request.description,
        location: request.location,
        name: request.name,
      },
      {
        controller: own.current,
        fleetClashes: (claim) => this.#fleet.clashes(claim),
        findGroupId: async (g) => (await store.findGroup(g.trim()))?.id,
        subcloudNameExists: (name) => store.subcloudNameTaken(name),
      },
    )
    const reservation = this.#fleet.reserve(accepted.claim)
    if (!('commit' in reservation)) {
      throw new SubcloudAddRejectedError(fleetViolations(accepted.values, reservation))
    }
    let record: SubcloudRecord
    try {
      record = await store.insertSubcloud({ ...accepted.row, epoch: own.epoch }, AUDITED_ENDPOINTS)
    } catch (err) {
      reservation.release()
      throw err
    }
    reservation.commit(record.id)
    this.#deps.log(`subcloud ${record.name}: added, agent at ${record.bootstrap_address}`)
    this.#deps.deploys.start(
      { id: record.id, name: record.name, primaryAddress: record.bootstrap_address },
      accepted.bootstrapYaml,
    )
    return subcloudMessage(record)
  }

  async listSubclouds(all: boolean, detail: boolean, groupId?: number): Promise<ListSubcloudsResponse> {
    const records = await this.#deps.store.listSubclouds(groupId === undefined ? {} : { groupId })
    const visible = all ? records : records.filter((r) => !HIDDEN_WITHOUT_ALL.has(r.deploy_status))
    return { subclouds: visible.map((r) => subcloudMessage(r, detail ? this.#storedDetail(r) : undefined)) }
  }

  async getSubcloud(
    reference: string,
    detail: boolean,
    parent: ServerUnaryCall<unknown, unknown>,
  ): Promise<Subcloud> {
    const record = await this.#subcloud(reference)
    if (!detail) return subcloudMessage(record)
    return subcloudMessage(record, await this.#liveDetail(record, parent))
  }

  /** Detail from what the controller already knows: stored hashes and the audit's last report. */
  #storedDetail(record: SubcloudRecord): Required<SubcloudDetail> {
    const seen = this.#deps.audit.snapshotOf(record.name)
    return {
      oam_floating_ip: '',
      deploy_config_sync_status: 'unknown',
      alarm_summary: null,
      agent_generation: '0',
      agent_config_hash: seen?.reportedConfigHash ?? '',
      expected_config_hash: record.expected_config_hash ?? '',
      epoch: String(record.epoch),
    }
  }

  /** `show --detail` reads the OAM address and alarms live from the agent, on its primary address. */
  async #liveDetail(
    record: SubcloudRecord,
    parent: ServerUnaryCall<unknown, unknown>,
  ): Promise<SubcloudDetail> {
    const stored = this.#storedDetail(record)
    if (record.deploy_status !== 'complete' || record.availability_status !== 'online') return stored
    const client = this.#deps.channels.agent(record.name, record.bootstrap_address)
    try {
      const deadline = new Date(Date.now() + (this.#deps.detailTimeoutMs ?? 3000))
      const described = await unaryCall<DescribeResponse__Output>((cb) =>
        client.Describe({}, new Metadata(), { parent, deadline }, cb),
      )
      return {
        ...stored,
        oam_floating_ip: oamFloatingAddress(described),
        deploy_config_sync_status: described.alarms.some((a) => a.alarm_id === '260.002')
          ? 'Deployment: configurations out-of-date'
          : 'Deployment: configurations up-to-date',
        alarm_summary: severityCounts(described),
        agent_generation: described.generation,
        agent_config_hash: described.config_hash,
      }
    } catch (err) {
      this.#deps.log(`subcloud ${record.name}: live detail unavailable: ${describeGrpcError(err)}`)
      return stored
    }
  }

  async updateSubcloud(request: UpdateSubcloudRequest__Output): Promise<Subcloud> {
    const set: SubcloudUpdate = {}
    if (request.description !== undefined) set.description = text('description', request.description)
    if (request.location !== undefined) set.location = text('location', request.location)
    if (request.name !== undefined) {
      const problems = checkSubcloudName(request.name)
      if (problems.length > 0) throw new InvalidFieldError('name', problems.join('; '))
      set.name = request.name
    }
    if (request.group !== undefined) {
      const group = await this.#deps.store.findGroup(ref('group', request.group))
      if (group === undefined) throw new SubcloudGroupNotFoundError(request.group.trim())
      set.group_id = group.id
    }
    let address: string | undefined
    if (request.bootstrap_address !== undefined) {
      try {
        const hp = parseHostPort(request.bootstrap_address, DEFAULT_AGENT_PORT)
        address = formatHostPort(hp.host.toString(), hp.port)
        set.bootstrap_address = address
      } catch (err) {
        throw new InvalidFieldError(
          'bootstrap_address',
          err instanceof Error ? err.message : 'not an address',
        )
      }
    }
    const rehome =
      request.bootstrap_values_yaml === undefined
        ? undefined
        : this.#rehomeValues(request.bootstrap_values_yaml)
    const fieldsGiven = Object.keys(set).length > 0 || rehome !== undefined
    if (!fieldsGiven && request.peer_group === undefined) {
      throw new InvalidFieldError('subcloud update', 'nothing to update: give at least one field')
    }
    const before = await this.#subcloud(request.subcloud)
    if (!fieldsGiven && request.peer_group !== undefined) {
      // Membership alone: the geo rules decide, and the peers get the change.
      return subcloudMessage(await this.#deps.geo.setMembership(before, request.peer_group))
    }
    const memberCheck = await this.#deps.geo.memberEditCheck(before)
    const onlyBootstrap = Object.keys(set).every((k) => k === 'bootstrap_address')
    const updated = await this.#mutate(String(before.id), (current) => {
      memberCheck(current, onlyBootstrap ? 'bootstrap' : 'other')
      if (set.name !== undefined && set.name !== current.name) {
        if (current.management_state !== 'unmanaged' || current.deploy_status !== 'complete') {
          throw new SubcloudStateError(
            current.name,
            `Subcloud ${current.name} can be renamed only while unmanaged and with deploy status complete ` +
              `(it is ${current.management_state}, ${current.deploy_status})`,
          )
        }
      }
      if (address !== undefined) {
        const family = address.startsWith('[') ? '6' : '4'
        if (family !== current.external_oam_subnet_ip_family) {
          throw new InvalidFieldError(
            'bootstrap_address',
            `${address} is IPv${family}, but the subcloud's primary OAM family is IPv${current.external_oam_subnet_ip_family}`,
          )
        }
      }
      if (rehome !== undefined) {
        if (rehome.name !== undefined && rehome.name !== (set.name ?? current.name)) {
          throw new InvalidFieldError(
            'bootstrap_values',
            `name ${rehome.name} differs from the subcloud name ${current.name}`,
          )
        }
        set.rehome_data = JSON.stringify({
          saved_payload: { ...rehome.values, 'bootstrap-address': address ?? current.bootstrap_address },
        })
      }
      // Fleet alarms name the subcloud (`subcloud=<name>`): a rename drops the old ones, and the
      // audit raises whatever still applies under the new name.
      const renamed = set.name !== undefined && set.name !== current.name
      return renamed
        ? { kind: 'update', set, clearAlarmIds: ['280.001', '280.002'] }
        : { kind: 'update', set }
    })
    this.#deps.log(`subcloud ${updated.name}: updated (${Object.keys(set).join(', ')})`)
    await this.#refreshAudit(updated.id)
    if (request.peer_group !== undefined) {
      return subcloudMessage(await this.#deps.geo.setMembership(updated, request.peer_group))
    }
    await this.#deps.geo.memberChanged(updated.id)
    return subcloudMessage(updated)
  }

  /** `--bootstrap-values` of update: validated like add's, kept without secrets as rehome data. */
  #rehomeValues(yamlText: string): { name: string | undefined; values: Record<string, unknown> } {
    let doc: unknown
    try {
      doc = parseYaml(yamlText, { maxAliasCount: 50, uniqueKeys: true, prettyErrors: false })
    } catch {
      throw new InvalidFieldError('bootstrap_values', 'not valid YAML')
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      throw new InvalidFieldError('bootstrap_values', 'must be a YAML mapping')
    }
    const parsed = parseBootstrapValues(doc as Record<string, unknown>)
    if (!parsed.ok) {
      throw new InvalidFieldError(
        'bootstrap_values',
        parsed.errors.map((e) => `${e.key}: ${e.message}`).join('; '),
      )
    }
    return { name: parsed.values.name, values: storedBootstrapValues(doc as Record<string, unknown>) }
  }

  async manageSubcloud(reference: string, force: boolean): Promise<Subcloud> {
    const updated = await this.#mutate(reference, (current) => {
      this.#deps.geo.refuseMemberLifecycle(current, 'managed')
      if (current.management_state === 'managed') {
        throw new SubcloudStateError(current.name, `Subcloud ${current.name} already managed`)
      }
      const rehomePending = current.deploy_status === 'rehome-pending'
      if (!force) {
        if (current.deploy_status !== 'complete' && !rehomePending) {
          throw new SubcloudStateError(
            current.name,
            `Subcloud ${current.name} can be managed only when its deploy status is complete (it is ${current.deploy_status}); use --force to override`,
          )
        }
        if (current.availability_status !== 'online' && !rehomePending) {
          throw new SubcloudStateError(
            current.name,
            `Subcloud ${current.name} can be managed only when online (it is ${current.availability_status}); use --force to override`,
          )
        }
      }
      return {
        kind: 'update',
        set: rehomePending
          ? { management_state: 'managed', deploy_status: 'complete' }
          : { management_state: 'managed' },
      }
    })
    this.#deps.log(`subcloud ${updated.name}: managed${force ? ' (forced)' : ''}`)
    await this.#refreshAudit(updated.id)
    return subcloudMessage(updated)
  }

  async unmanageSubcloud(reference: string, migrate: boolean): Promise<Subcloud> {
    const updated = await this.#mutate(reference, (current) => {
      this.#deps.geo.refuseMemberLifecycle(current, 'unmanaged')
      if (current.management_state === 'unmanaged' && !migrate) {
        throw new SubcloudStateError(current.name, `Subcloud ${current.name} already unmanaged`)
      }
      if (migrate && current.deploy_status !== 'complete') {
        throw new SubcloudStateError(
          current.name,
          `Subcloud ${current.name} can be unmanaged for migration only when its deploy status is complete (it is ${current.deploy_status})`,
        )
      }
      const set: SubcloudUpdate = { management_state: 'unmanaged' }
      if (migrate) set.deploy_status = 'rehome-pending'
      // spec 1.5: endpoints go unknown and the out-of-sync alarms go with the alarm summary.
      return { kind: 'update', set, resetEndpoints: true, clearAlarmIds: ['280.002'] }
    })
    this.#deps.log(`subcloud ${updated.name}: unmanaged${migrate ? ' (rehome-pending)' : ''}`)
    await this.#refreshAudit(updated.id)
    return subcloudMessage(updated)
  }

  async deleteSubcloud(reference: string): Promise<Subcloud> {
    const key = ref('subcloud', reference)
    const result = await this.#deps.store.mutateSubcloud(key, (current) => {
      this.#deps.geo.refuseMemberLifecycle(current, 'deleted')
      if (current.management_state === 'managed') {
        throw new SubcloudStateError(current.name, "Cannot delete a subcloud that is 'managed' status")
      }
      if (ACTIVE_DEPLOY_STATES.has(current.deploy_status) || this.#deps.deploys.isRunning(current.id)) {
        throw new SubcloudStateError(
          current.name,
          `Cannot delete subcloud ${current.name} while its deploy is in progress (deploy status ${current.deploy_status})`,
        )
      }
      if (current.availability_status !== 'offline') {
        throw new SubcloudStateError(
          current.name,
          `Subcloud ${current.name} is not offline; stop its agent (or wait for the audit to see it offline) before deleting it`,
        )
      }
      return { kind: 'delete' }
    })
    if (result === undefined) throw new SubcloudNotFoundError(key)
    this.#fleet.forget(result.before.id)
    this.#deps.log(`subcloud ${result.before.name}: deleted`)
    await this.#refreshAudit(result.before.id)
    return subcloudMessage(result.before)
  }

  async subcloudErrors(reference: string): Promise<{ name: string; error_description: string }> {
    const record = await this.#subcloud(reference)
    return { name: record.name, error_description: record.error_description }
  }

  // ---- subcloud groups ----

  async #group(reference: string): Promise<SubcloudGroupRow> {
    const key = ref('group', reference)
    const group = await this.#deps.store.findGroup(key)
    if (group === undefined) throw new SubcloudGroupNotFoundError(key)
    return group
  }

  async addGroup(request: AddSubcloudGroupRequest__Output): Promise<SubcloudGroup> {
    const name = groupName('name', request.name)
    const row = await this.#deps.store.insertGroup({
      name,
      description: request.description === undefined ? '' : text('description', request.description),
      update_apply_type:
        request.update_apply_type === undefined
          ? 'parallel'
          : applyType('update_apply_type', request.update_apply_type),
      max_parallel_subclouds:
        request.max_parallel_subclouds === undefined
          ? 2
          : maxParallel('max_parallel_subclouds', request.max_parallel_subclouds),
    })
    if (row === undefined) throw new SubcloudGroupNameTakenError(name)
    return groupMessage(row)
  }

  async updateGroup(request: UpdateSubcloudGroupRequest__Output): Promise<SubcloudGroup> {
    const set: Partial<Omit<SubcloudGroupRow, 'id' | 'created_at'>> = {}
    if (request.name !== undefined) set.name = groupName('name', request.name)
    if (request.description !== undefined) set.description = text('description', request.description)
    if (request.update_apply_type !== undefined) {
      set.update_apply_type = applyType('update_apply_type', request.update_apply_type)
    }
    if (request.max_parallel_subclouds !== undefined) {
      set.max_parallel_subclouds = maxParallel('max_parallel_subclouds', request.max_parallel_subclouds)
    }
    if (Object.keys(set).length === 0)
      throw new InvalidFieldError('subcloud-group update', 'nothing to update')
    const key = ref('group', request.group)
    const result = await this.#deps.store.mutateGroup(key, (current) => {
      if (current.id === 1 && set.name !== undefined && set.name !== current.name) {
        throw new DefaultGroupProtectedError('renamed')
      }
      return set
    })
    if (result === undefined) throw new SubcloudGroupNotFoundError(key)
    if (result === 'name-taken') throw new SubcloudGroupNameTakenError(set.name ?? key)
    return groupMessage(result.after ?? result.before)
  }

  async deleteGroup(reference: string): Promise<SubcloudGroup> {
    const key = ref('group', reference)
    const result = await this.#deps.store.mutateGroup(key, (current, members) => {
      if (current.id === 1) throw new DefaultGroupProtectedError('deleted')
      if (members > 0) throw new SubcloudGroupNotEmptyError(current.name, members)
      return 'delete'
    })
    if (result === undefined) throw new SubcloudGroupNotFoundError(key)
    if (result === 'name-taken') throw new SubcloudGroupNameTakenError(key)
    return groupMessage(result.before)
  }

  /** The grpc-js handlers of every DcManager RPC. */
  handlers(): DcManagerHandlers {
    const log = this.#deps.errorLog
    const geo = this.#deps.geo
    return {
      AddSubcloud: controllerUnary((req) => this.addSubcloud(req), log),
      ListSubclouds: controllerUnary((req) => this.listSubclouds(req.all, req.detail), log),
      GetSubcloud: controllerUnary(
        (req, _signal, call) => this.getSubcloud(req.subcloud, req.detail, call),
        log,
      ),
      UpdateSubcloud: controllerUnary((req) => this.updateSubcloud(req), log),
      ManageSubcloud: controllerUnary((req) => this.manageSubcloud(req.subcloud, req.force), log),
      UnmanageSubcloud: controllerUnary((req) => this.unmanageSubcloud(req.subcloud, req.migrate), log),
      DeleteSubcloud: controllerUnary((req) => this.deleteSubcloud(req.subcloud), log),
      GetSubcloudErrors: controllerUnary((req) => this.subcloudErrors(req.subcloud), log),
      AddSubcloudGroup: controllerUnary((req) => this.addGroup(req), log),
      ListSubcloudGroups: controllerUnary(
        async () => ({ subcloud_groups: (await this.#deps.store.listGroups()).map(groupMessage) }),
        log,
      ),
      GetSubcloudGroup: controllerUnary(async (req) => groupMessage(await this.#group(req.group)), log),
      UpdateSubcloudGroup: controllerUnary((req) => this.updateGroup(req), log),
      DeleteSubcloudGroup: controllerUnary((req) => this.deleteGroup(req.group), log),
      ListSubcloudGroupSubclouds: controllerUnary(
        async (req) => this.listSubclouds(true, false, (await this.#group(req.group)).id),
        log,
      ),
      AddSystemPeer: controllerUnary((req) => geo.addPeer(req), log),
      ListSystemPeers: controllerUnary(async () => ({ system_peers: await geo.listPeers() }), log),
      GetSystemPeer: controllerUnary((req) => geo.getPeer(req.system_peer), log),
      UpdateSystemPeer: controllerUnary((req) => geo.updatePeer(req), log),
      DeleteSystemPeer: controllerUnary((req) => geo.deletePeer(req.system_peer), log),
      ListSystemPeerPeerGroups: controllerUnary(
        async (req) => ({ subcloud_peer_groups: await geo.peerGroupsLedBy(req.system_peer) }),
        log,
      ),
      AddSubcloudPeerGroup: controllerUnary((req) => geo.addGroup(req), log),
      ListSubcloudPeerGroups: controllerUnary(
        async () => ({ subcloud_peer_groups: await geo.listGroups() }),
        log,
      ),
      GetSubcloudPeerGroup: controllerUnary((req) => geo.getGroup(req.peer_group), log),
      UpdateSubcloudPeerGroup: controllerUnary((req) => geo.updateGroup(req), log),
      DeleteSubcloudPeerGroup: controllerUnary((req) => geo.deleteGroup(req.peer_group), log),
      ListSubcloudPeerGroupSubclouds: controllerUnary(
        async (req) => ({
          subclouds: (await geo.groupMembers(req.peer_group)).map((r) => subcloudMessage(r)),
        }),
        log,
      ),
      MigrateSubcloudPeerGroup: controllerUnary((req) => geo.migrate(req.peer_group), log),
      GetSubcloudPeerGroupStatus: controllerUnary((req) => geo.groupStatus(req.peer_group), log),
      AddPeerGroupAssociation: controllerUnary((req) => geo.addAssociation(req), log),
      ListPeerGroupAssociations: controllerUnary(
        async () => ({ peer_group_associations: await geo.listAssociations() }),
        log,
      ),
      GetPeerGroupAssociation: controllerUnary((req) => geo.getAssociation(req.association), log),
      UpdatePeerGroupAssociation: controllerUnary((req) => geo.updateAssociation(req), log),
      SyncPeerGroupAssociation: controllerUnary((req) => geo.syncAssociation(req.association), log),
      DeletePeerGroupAssociation: controllerUnary((req) => geo.deleteAssociation(req.association), log),
    }
  }
}
