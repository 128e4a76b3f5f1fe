import { SYSTEM_CONTROLLER_REGION } from '@dc/protos'

/** Where the CLI connects when neither `--url` nor `DC_URL` says: the controller's default listen address. */
export const DEFAULT_URL = '127.0.0.1:50050'

/** The region of the system controller itself; calls for it carry no region metadata. */
export const DEFAULT_REGION = SYSTEM_CONTROLLER_REGION

export const DEFAULT_TIMEOUT_SECONDS = 30

/** The global options as given on the command line, before defaults. */
export interface GlobalFlags {
  readonly url?: string | undefined
  readonly region?: string | undefined
  readonly timeout?: string | undefined
}

export interface ConnectionConfig {
  readonly url: string
  /** `null` for the system controller's own region: no metadata is sent. */
  readonly region: string | null
  readonly timeoutMs: number
}

/**
 * Merges flags over environment (`DC_URL`, `OS_REGION_NAME`) over defaults. Returns an error message
 * instead of a config when `--timeout` is not a positive number of seconds.
 */
export function resolveConnectionConfig(
  flags: GlobalFlags,
  env: Readonly<Record<string, string | undefined>>,
): ConnectionConfig | { readonly error: string } {
  const url = flags.url ?? nonEmpty(env['DC_URL']) ?? DEFAULT_URL
  const region = flags.region ?? nonEmpty(env['OS_REGION_NAME']) ?? DEFAULT_REGION
  const seconds = flags.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(flags.timeout)
  if (!Number.isFinite(seconds) || seconds <= 0) {
    return {
      error: `argument --timeout: expected a positive number of seconds, got '${flags.timeout ?? ''}'`,
    }
  }
  return { url, region: region === DEFAULT_REGION ? null : region, timeoutMs: Math.round(seconds * 1000) }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
