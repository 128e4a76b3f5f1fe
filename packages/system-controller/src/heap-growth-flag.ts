/**
 * How far V8 lets the old generation grow past what a full collection left alive, in percent.
 *
 * Left to itself, V8 sized the controller's heap at 10,000 subclouds by up to 3.5 times its live
 * objects (1.18 GB before a full collection, 332 MB after), so most of the resident memory was
 * garbage waiting for the next one. At 30 %, `pnpm bench --sizes 10000 --phases audit` measured
 * 68 KiB per subcloud instead of 115, for more frequent full collections of the same live heap
 * (see docs/performance.md, "Mass outage and memory").
 */
export const HEAP_GROWING_PERCENT = 30

/**
 * The V8 flag that bounds the controller's heap growth, or undefined when the process was started
 * with a `--heap-growing-percent` of its own: an operator's choice wins.
 */
export function heapGrowthFlag(execArgv: readonly string[]): string | undefined {
  const given = execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg))
  return given ? undefined : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`
}
