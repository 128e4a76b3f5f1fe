import type { Kysely } from 'kysely'
import { KyselyAuditStore } from '../src/adapters/kysely/kysely-audit-store.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import type { Database } from '../src/adapters/kysely/schema.js'
import { update } from '../src/ports/mutation.js'
import type { DeployStatus } from '../src/subclouds/deploy-status.js'
import { NEW_SUBCLOUD_STATE } from '../src/subclouds/subcloud.js'
import type { Availability, ManagementState, Subcloud, SubcloudFields } from '../src/subclouds/subcloud.js'

/** A new subcloud's fields: IPv6 management range `fd01:<n>::/64`, region `<n>` padded to 32 characters. */
export function subcloudFields(
  name: string,
  n: number,
  overrides: Partial<SubcloudFields> = {},
): SubcloudFields {
  return {
    name,
    description: '',
    location: '',
    regionName: `${n}`.padStart(32, 'a'),
    softwareVersion: '24.09',
    managementSubnet: `fd01:${n}::/64`,
    managementStartIp: `fd01:${n}::2`,
    managementEndIp: `fd01:${n}::50`,
    managementGatewayIp: `fd01:${n}::1`,
    systemcontrollerGatewayIp: 'fd01:1::1',
    externalOamFamily: 'IPv6',
    groupId: 1,
    ...NEW_SUBCLOUD_STATE,
    bootstrapAddress: `[::1]:${50000 + n}`,
    storedValuesJson: '{}',
    epoch: 1,
    ...overrides,
  }
}

/** Insert and return the subcloud; fails the test when its name is taken. */
export async function insertSubcloud(store: KyselySubcloudStore, fields: SubcloudFields): Promise<Subcloud> {
  const result = await store.insert(fields, ['platform'])
  if (result.kind !== 'created') throw new Error(`${fields.name} not inserted: its name is taken`)
  return result.row
}

/** What the deploy, the audit or an operator leaves a subcloud in, as a test sets it up. */
export interface SimulatedState {
  readonly deployStatus?: DeployStatus
  readonly availability?: Availability
  readonly managementState?: ManagementState
}

/**
 * Write `state` the way its owners do: deploy and management state by a locked change, the
 * availability by an audit status batch.
 */
export async function simulateSubcloudState(
  db: Kysely<Database>,
  ref: string,
  state: SimulatedState,
): Promise<void> {
  const subclouds = new KyselySubcloudStore(db)
  const { deployStatus, managementState } = state
  if (deployStatus !== undefined || managementState !== undefined) {
    await subclouds.mutate(ref, () =>
      update({
        set: {
          ...(deployStatus === undefined ? {} : { deployStatus }),
          ...(managementState === undefined ? {} : { managementState }),
        },
      }),
    )
  }
  const found = await subclouds.find(ref)
  if (state.availability !== undefined && found !== undefined) {
    await new KyselyAuditStore(db).writeStatusBatch(
      [
        {
          subcloudId: found.id,
          name: found.name,
          availability: state.availability,
          raiseAlarms: [],
          clearAlarms: [],
        },
      ],
      new AbortController().signal,
    )
  }
}
