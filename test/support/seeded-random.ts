/** A seeded generator of numbers in [0, 1), so a failing run can be replayed. */
export interface SeededRandom {
  readonly seed: number
  /** `NAME=seed`, to print with every failure so the run can be replayed. */
  readonly replay: string
  next(): number
  /** An integer in [min, max]. */
  between(min: number, max: number): number
}

/**
 * mulberry32 seeded from the environment variable `envName` when set (to replay a printed run),
 * otherwise from the clock. The seed is printed once, so a log of a failed run is enough to replay it.
 *
 * @example
 * const random = seededRandom('CHAOS_SEED')
 * await sleep(random.between(50, 400))
 */
export function seededRandom(envName: string): SeededRandom {
  const given = process.env[envName]
  const seed = given !== undefined && given !== '' ? Number(given) : Date.now() % 1_000_000
  if (!Number.isSafeInteger(seed)) throw new Error(`${envName} must be an integer, got ${given ?? ''}`)
  const replay = `${envName}=${seed}`
  process.stdout.write(`seeded random: ${replay}\n`)
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { seed, replay, next, between: (min, max) => min + Math.floor(next() * (max - min + 1)) }
}
