/** A topology file that cannot be used; `key` names the offending entry, e.g. `sites[2].link.ipv4`. */
export class TopologyError extends Error {
  readonly code = 'TOPOLOGY_INVALID'
  constructor(
    readonly key: string,
    readonly rule: string,
  ) {
    super(key === '' ? rule : `${key}: ${rule}`)
    this.name = 'TopologyError'
  }
}
