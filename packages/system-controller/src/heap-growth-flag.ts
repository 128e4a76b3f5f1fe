/**
 * How far V8 lets the old generation grow past what a full collection left alive, in percent.
 *
 * Left to itself, V8 sized the controller's heap at 10,000 subclouds by up to 3.5 times its live
 * objects (1.18 GB before a full collection, 332 MB after), so most of the resident memory was
 * garbage waiting for the next one. `pnpm bench --sizes 10000` measured 68 KiB per subcloud at
 * 30 % and 74 KiB at 50 %, against 115 unbounded. 50 %, not 30: while 10,000 subclouds are
 * onboarded the heap grows tenfold, and at 30 % the full collections on the way cost the
 * onboarding about 10 s (see docs/performance.md, "Mass outage and memory").
 */
export const HEAP_GROWING_PERCENT = 50

/**
 * The V8 flag that bounds the controller's heap growth, or undefined when the process was started
 * with a `--heap-growing-percent` of its own: an operator's choice wins.
 */
export function heapGrowthFlag(execArgv: readonly string[]): string | undefined {
  const given = execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg))
  return given ? undefined : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`
}
