import { availableParallelism, loadavg } from 'node:os'
import { setTimeout } from 'node:timers/promises'
import type { Page } from 'playwright-core'
import { buildConsoleAssets } from '@dc/test/console/console-page.js'
import { chromiumExecutable, launchChromium } from '@dc/test/support/index.js'
import type { BenchRow } from './bench-row.js'
import { median } from './bench-row.js'

export interface MeasureConsoleProps {
  /** The controller's `--console-listen` URL. */
  readonly url: string
  /** Subclouds the controller lists. */
  readonly subclouds: number
  readonly signal: AbortSignal
}

const INTERACTIVE_TARGET_MS = 1_000
const FILTER_TARGET_MS = 100
/** The page must show rows within this; polled every READY_POLL_MS (the page times itself). */
const READY_TIMEOUT_MS = 120_000
const READY_POLL_MS = 50
/** Name filters typed one after another: each narrows the whole fleet, and clearing it brings it back. */
const NEEDLES = ['subcloud1', '', 'subcloud12', '', 'subcloud2', '', 'subcloud99', '']
/** A filter that has not changed the count by then is left out of the sample (it matched them all). */
const FILTER_GIVE_UP_MS = 5_000

// Runs in the page from its first script: the moment (ms since navigation) the Subclouds table
// first shows rows, that is the snapshot arrived, rows rendered and the filters usable.
const READY_PROBE = `
  window.consoleTimes = {}
  const NativeEventSource = window.EventSource
  window.EventSource = class extends NativeEventSource {
    constructor(...args) {
      super(...args)
      window.consoleTimes.opened = performance.now()
      this.addEventListener('snapshot', (e) => {
        window.consoleTimes.snapshot ??= performance.now()
        window.consoleTimes.bytes ??= e.data.length
      })
    }
  }
  new MutationObserver((_, observer) => {
    const shown = document.querySelector('[data-shown]')
    if (shown && Number(shown.getAttribute('data-shown')) > 0 && document.querySelector('.vbody .vrow')) {
      window.consoleReadyMs = performance.now()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true, attributes: true })
`

// Runs in the page: types each needle into the name filter and times it until the row count
// shown has changed and the next frame is painted.
const FILTER_PROBE = `async (needles, giveUpMs) => {
  const input = document.querySelector('input[type=search]')
  const shown = document.querySelector('[data-shown]')
  const times = []
  for (const needle of needles) {
    const before = shown.getAttribute('data-shown')
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (shown.getAttribute('data-shown') !== before) {
          observer.disconnect()
          requestAnimationFrame(() => resolve(true))
        }
      })
      observer.observe(shown, { attributes: true })
      setTimeout(() => (observer.disconnect(), resolve(false)), giveUpMs)
    })
    const start = performance.now()
    input.value = needle
    input.dispatchEvent(new Event('input', { bubbles: true }))
    if (await changed) times.push(performance.now() - start)
  }
  return times
}`

function notMeasured(label: string, note: string): BenchRow[] {
  return [
    {
      figure: `web console ${label}: Subclouds page interactive`,
      value: Number.NaN,
      unit: 'ms',
      target: `<= ${INTERACTIVE_TARGET_MS} ms`,
      note,
    },
  ]
}

/**
 * The Subclouds page of the web console in headless Chromium, against the bench's controller:
 * from navigation to rows on screen (the whole fleet's snapshot over the event stream, rendered),
 * then name filters typed into it, each timed to the repaint.
 */
/**
 * When the page first showed rows, as it recorded itself. Polled from here: Playwright's own
 * waitForFunction polls by `eval` in the page, which the console's Content-Security-Policy
 * (`script-src 'self'`) refuses; an evaluate over the DevTools protocol is not subject to it.
 */
async function consoleReadyMs(page: Page, signal: AbortSignal): Promise<number> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    const ready: unknown = await page.evaluate('window.consoleReadyMs')
    if (typeof ready === 'number') return ready
    if (Date.now() > deadline) throw new Error(`the subclouds page showed no rows in ${READY_TIMEOUT_MS} ms`)
    await setTimeout(READY_POLL_MS, undefined, { signal })
  }
}

function phasesNote(phases: { opened?: number; snapshot?: number; bytes?: number }, readyMs: number): string {
  const { opened, snapshot, bytes } = phases
  if (opened === undefined || snapshot === undefined || bytes === undefined)
    return 'page, bundle, snapshot, render'
  const ms = (n: number): string => `${Math.round(n)} ms`
  return (
    `page and bundle ${ms(opened)}, snapshot of ${(bytes / 1024).toFixed(0)} KiB over the event stream ` +
    `${ms(snapshot - opened)}, parse and render ${ms(readyMs - snapshot)}`
  )
}

export async function measureConsole(props: MeasureConsoleProps): Promise<BenchRow[]> {
  const label = props.subclouds.toLocaleString('en-US')
  try {
    await chromiumExecutable(props.signal)
  } catch (err) {
    return notMeasured(label, err instanceof Error ? err.message : String(err))
  }
  await buildConsoleAssets()
  const chromium = await launchChromium({ viewport: { width: 1280, height: 800 } }, props.signal)
  try {
    const page = await chromium.context.newPage()
    await page.addInitScript(READY_PROBE)
    await page.goto(`${props.url}#/subclouds`)
    const readyMs = await consoleReadyMs(page, props.signal)
    const phases = (await page.evaluate('window.consoleTimes')) as {
      opened?: number
      snapshot?: number
      bytes?: number
    }
    const times = (await page.evaluate(
      `(${FILTER_PROBE})(${JSON.stringify(NEEDLES)}, ${FILTER_GIVE_UP_MS})`,
    )) as number[]
    if (times.length === 0) throw new Error('no name filter changed the rows shown')
    // Chromium shares the cores with the controller, the simulators and PostgreSQL.
    const load = `host load ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores`
    const worst = Math.max(...times)
    const typical = median([...times])
    return [
      {
        figure: `web console ${label}: Subclouds page interactive`,
        value: readyMs,
        unit: 'ms',
        target: `<= ${INTERACTIVE_TARGET_MS} ms`,
        met: readyMs <= INTERACTIVE_TARGET_MS,
        note: `navigation to the first rows on screen, measured in Chromium: ${phasesNote(phases, readyMs)}; ${load}`,
      },
      {
        figure: `web console ${label}: name filter answers (slowest of ${times.length})`,
        value: worst,
        unit: 'ms',
        target: `<= ${FILTER_TARGET_MS} ms`,
        met: worst <= FILTER_TARGET_MS,
        note: `typed ${NEEDLES.map((n) => `'${n}'`).join(', ')}; to the next paint after the count changed; median ${typical.toFixed(1)} ms; ${load}`,
      },
    ]
  } finally {
    await chromium.close()
  }
}
