import type { Subcloud } from './subcloud.js'

/** Which fields of a member `subcloud update` changes, as far as the peer group rules care. */
export type MemberEdit = 'bootstrap' | 'other'

/** What a member lifecycle change is. */
export type MemberAction = 'managed' | 'unmanaged' | 'deleted'

/**
 * The geo-redundancy rules the subcloud use cases obey (spec distcloud 4.2), and the peers they
 * tell: implemented by the geo service, so the subcloud service never reads peer groups itself.
 */
export interface SubcloudMembership {
  /** Why a member may not be managed, unmanaged or deleted here; undefined when it may. */
  lifecycleRefusal(subcloud: Subcloud, action: MemberAction): Error | undefined
  /**
   * The check `subcloud update` runs under the row lock, prepared beforehand (it reads the group
   * and its peers): why this edit of the member is refused, or undefined.
   */
  editCheck(subcloud: Subcloud): Promise<(current: Subcloud, edit: MemberEdit) => Error | undefined>
  /** `--peer-group <group|none>`: join or leave; the subcloud as it is afterwards. */
  setMembership(subcloud: Subcloud, groupRef: string): Promise<Subcloud>
  /** A member changed: its copies on the peer sites follow. */
  changed(subcloudId: number): Promise<void>
}
