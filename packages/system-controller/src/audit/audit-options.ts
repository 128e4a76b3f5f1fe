/** Tuning of the audit. Every field is optional. */
export interface AuditOptions {
  /**
   * Heartbeat interval the audit asks each agent for in `Watch`, and the length of one audit
   * interval: no message for one interval (plus {@link missGraceMs}) is one miss.
   * @default 1000
   */
  heartbeatIntervalMs?: number
  /**
   * Consecutive misses after which an online subcloud goes offline: StarlingX's two-strike rule.
   * @default 2
   */
  offlineAfterMisses?: number
  /**
   * Slack added to every interval before it counts as missed, so a heartbeat that is merely late on
   * a busy host is not a miss.
   * @default half of heartbeatIntervalMs
   */
  missGraceMs?: number
  /**
   * Availability and sync changes are collected and written in one transaction this often.
   * @default 500
   */
  flushIntervalMs?: number
  /**
   * Attempts to re-open a `Watch` stream that broke: the first at once, the others
   * {@link quickReopenDelayMs} apart. When the agent is unreachable (UNAVAILABLE: connection
   * refused or reset) on every one of them, the subcloud goes offline at once instead of waiting
   * for the missed heartbeats; an agent restarted within the window is never seen offline.
   * @default 3
   */
  quickReopenAttempts?: number
  /**
   * Pause between two quick re-open attempts.
   * @default 250
   */
  quickReopenDelayMs?: number
  /**
   * An availability verdict (online, offline) is written this soon instead of waiting for the
   * next {@link flushIntervalMs}, so the list and 280.001 follow within a few tens of ms; every
   * change pending by then shares the transaction.
   * @default 25
   */
  verdictFlushDelayMs?: number
  /**
   * First delay before re-opening a `Watch` stream once the quick attempts are spent (or the
   * stream failed for another reason than an unreachable agent); doubles per failed attempt.
   * @default 250
   */
  reopenBackoffMs?: number
  /**
   * Cap of the re-open delay while the subcloud is not offline (an offline one is tried every
   * {@link offlineReopenMs}).
   * @default 2000
   */
  maxReopenBackoffMs?: number
  /**
   * Each re-open delay of the backoff is shortened by a random share of up to this many percent,
   * so that subclouds that failed together (a site-wide outage) do not retry in step and a fleet
   * revived at once reconnects over a spread instead of in one burst. The delay never exceeds its
   * nominal value.
   * @default 20
   */
  reopenJitterPercent?: number
  /**
   * Once a subcloud is offline, its stream is tried again this often (shortened by the same jitter)
   * instead of on the backoff: a dead agent costs one TCP probe per try, and a fleet that stays
   * down for hours is tried at a pace the controller can carry, yet each subcloud is seen within
   * this of its agent listening again.
   * @default 4000
   */
  offlineReopenMs?: number
  /**
   * How long a config hash mismatch must last before the endpoint is reported out-of-sync (and
   * 280.002 raised). Covers the moment after a change the controller forwarded, when the agent's
   * new hash is known before the controller has recorded it as expected.
   * @default 2000
   */
  outOfSyncGraceMs?: number
  /**
   * Values that change on every heartbeat without changing any verdict (`last heartbeat` time, and
   * `audit_fail_count` of an already offline subcloud) are written at most this often per subcloud.
   * @default 30000
   */
  slowWriteIntervalMs?: number
}

export type AuditOptionsWithDefaults = Required<AuditOptions>

/** Fills in defaults; throws `TypeError` on a value that is not a positive integer. */
export function auditOptionsWithDefaults(options: AuditOptions = {}): AuditOptionsWithDefaults {
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1000
  const resolved: AuditOptionsWithDefaults = {
    heartbeatIntervalMs,
    offlineAfterMisses: options.offlineAfterMisses ?? 2,
    missGraceMs: options.missGraceMs ?? Math.ceil(heartbeatIntervalMs / 2),
    flushIntervalMs: options.flushIntervalMs ?? 500,
    quickReopenAttempts: options.quickReopenAttempts ?? 3,
    quickReopenDelayMs: options.quickReopenDelayMs ?? 250,
    verdictFlushDelayMs: options.verdictFlushDelayMs ?? 25,
    reopenBackoffMs: options.reopenBackoffMs ?? 250,
    maxReopenBackoffMs: options.maxReopenBackoffMs ?? 2000,
    reopenJitterPercent: options.reopenJitterPercent ?? 20,
    offlineReopenMs: options.offlineReopenMs ?? 4000,
    outOfSyncGraceMs: options.outOfSyncGraceMs ?? 2000,
    slowWriteIntervalMs: options.slowWriteIntervalMs ?? 30_000,
  }
  for (const [key, value] of Object.entries(resolved)) {
    const mayBeZero =
      key === 'missGraceMs' ||
      key === 'outOfSyncGraceMs' ||
      key === 'verdictFlushDelayMs' ||
      key === 'reopenJitterPercent'
    if (!Number.isSafeInteger(value) || value < (mayBeZero ? 0 : 1)) {
      throw new TypeError(
        `audit option ${key} must be a ${mayBeZero ? 'non-negative' : 'positive'} integer, got ${value}`,
      )
    }
  }
  if (resolved.reopenJitterPercent > 100) {
    throw new TypeError(
      `audit option reopenJitterPercent must be at most 100, got ${resolved.reopenJitterPercent}`,
    )
  }
  if (resolved.maxReopenBackoffMs < resolved.reopenBackoffMs) {
    throw new TypeError('audit option maxReopenBackoffMs must not be below reopenBackoffMs')
  }
  return resolved
}
