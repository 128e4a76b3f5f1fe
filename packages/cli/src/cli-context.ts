import type { DcManagerClient, PlatformClient } from '@dc/protos'

import type { PromiseClient } from './promise-client.js'

/** What a command gets to do its work: the two services, progress output and a few host facilities. */
export interface CliContext {
  /** `dc.platform.v1.Platform`; calls carry the region metadata when a subcloud region is selected. */
  readonly platform: PromiseClient<PlatformClient>
  /** The region selected (`--os-region-name`, `OS_REGION_NAME`), `SystemController` by default. */
  readonly region: string
  /** `dc.manager.v1.DcManager` of the system controller. */
  readonly dcManager: PromiseClient<DcManagerClient>
  /** Writes one progress line to stderr (stdout stays parseable). */
  readonly progress: (line: string) => void
  /**
   * Rewrites the current stderr line in place with `line` (a progress bar); only meaningful when
   * {@link interactive}. End it with `progress('')` before anything else is printed.
   */
  readonly redraw: (line: string) => void
  /** True when stdout is a terminal: progress may be drawn in place rather than line by line. */
  readonly interactive: boolean
  /** Aborted on Ctrl-C: waits stop, calls in flight are cancelled. */
  readonly signal: AbortSignal
  /** Reads a local file as UTF-8 text. */
  readonly readTextFile: (path: string) => Promise<string>
  /** Waits `ms`, or rejects when the CLI is interrupted. */
  readonly sleep: (ms: number) => Promise<void>
  /** Pause between two polls of a long operation (`subcloud add --wait`). */
  readonly pollIntervalMs: number
}
