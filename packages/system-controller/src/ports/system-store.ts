/** The controller's own system as stored: one row. */
export interface StoredSystem {
  readonly uuid: string
  readonly name: string
  /** netmodel `SystemState` as JSON. */
  readonly stateJson: string
  /** sha256 of the canonical per-key digests of the bootstrap values. */
  readonly bootstrapHash: string
  /** Redacted bootstrap values and per-key digests, as JSON. */
  readonly bootstrapJson: string
  /** The fencing epoch this controller claims subclouds with. */
  readonly epoch: number
}

/** The controller's own system (region SystemController). */
export interface SystemStore {
  get(): Promise<StoredSystem | undefined>
  create(system: StoredSystem): Promise<void>
  saveState(stateJson: string): Promise<void>
}
