import { chromium } from 'playwright-core'
import type { BrowserContext, BrowserContextOptions } from 'playwright-core'
import { findExecutable } from './find-executable.js'
import { installDebianPackage } from './install-debian-package.js'
import { makeTempDir, removeTempDir } from './temp-dir.js'

/** Debian's Chromium; playwright-core drives it and downloads no browser of its own. */
const CHROMIUM = 'chromium'

/** The Chromium binary: Debian's package, installed when missing and running as root. */
export async function chromiumExecutable(signal?: AbortSignal): Promise<string> {
  const found = findExecutable(CHROMIUM)
  if (found !== undefined) return found
  await installDebianPackage(CHROMIUM, { purpose: 'Chromium (for the web console tests)', signal })
  const installed = findExecutable(CHROMIUM)
  if (installed === undefined) throw new Error('apt-get installed chromium but no chromium is on PATH')
  return installed
}

/** A headless Chromium with a fresh profile that makes no network traffic of its own. */
export interface HeadlessChromium {
  readonly context: BrowserContext
  close(): Promise<void>
}

/** Options of the browser context: viewport, client certificates, trusting the test CA's server. */
export type ChromiumOptions = Pick<
  BrowserContextOptions,
  'viewport' | 'clientCertificates' | 'ignoreHTTPSErrors'
>

/**
 * Chromium with a fresh profile directory (playwright takes it as the persistent context's
 * `--user-data-dir`), removed on close.
 */
export async function launchChromium(
  options: ChromiumOptions = {},
  signal?: AbortSignal,
): Promise<HeadlessChromium> {
  const executablePath = await chromiumExecutable(signal)
  const profile = await makeTempDir('dct-chromium-')
  try {
    const context = await chromium.launchPersistentContext(profile, {
      ...options,
      executablePath,
      headless: true,
      // These keep Chromium from calling home.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    return {
      context,
      close: async () => {
        await context.close()
        await removeTempDir(profile)
      },
    }
  } catch (err) {
    await removeTempDir(profile)
    throw err
  }
}
