// What the console tests share: the built front end, and text read back from a page.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { repoRoot, waitFor } from '../support/index.js'

/** Bundle the front end (`pnpm run build` does the same), so that a source run serves it too. */
export async function buildConsoleAssets(): Promise<void> {
  await promisify(execFile)(process.execPath, [join(repoRoot, 'packages', 'console', 'build.mjs')])
}

/** Waits until the first element matching `selector` reads `expected`; the error names the last text. */
export async function waitForText(
  page: Page,
  selector: string,
  expected: string | RegExp,
  timeoutMs = 30_000,
): Promise<void> {
  let last = ''
  try {
    await waitFor(
      async () => {
        last = ((await page.locator(selector).first().textContent({ timeout: 1_000 })) ?? '').trim()
        return typeof expected === 'string' ? last === expected : expected.test(last)
      },
      { timeoutMs, message: `${selector} to read ${String(expected)}` },
    )
  } catch (err) {
    throw new Error(`${(err as Error).message}; it read '${last}'`, { cause: err })
  }
}

/** The texts of every element matching `selector`, trimmed. */
export async function textsOf(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((t) => t.trim())
}
