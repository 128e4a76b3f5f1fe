// The web console in headless Chromium: a dc-controller (PostgreSQL) with three real dc-agents and
// `--console-listen`; the pages show the fleet, follow it live (a killed agent, a strategy's steps)
// without a reload, and write the README's screenshots to docs/.
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Page } from 'playwright-core'
import { freePort, launchChromium, repoRoot } from '../support/index.js'
import type { HeadlessChromium } from '../support/index.js'
import { DUAL, DUPLEX, SIMPLEX, StrategyFleet } from '../strategy/strategy-fleet.js'
import { buildConsoleAssets, textsOf, waitForText } from './console-page.js'

interface Ctx {
  fleet: StrategyFleet | undefined
  chromium: HeadlessChromium | undefined
  page: Page | undefined
  url: string
}

const test = suite<Ctx>('web console', { fleet: undefined, chromium: undefined, page: undefined, url: '' })

function pageOf(c: Ctx): Page {
  if (c.page === undefined) throw new Error('the suite did not start')
  return c.page
}

function fleetOf(c: Ctx): StrategyFleet {
  if (c.fleet === undefined) throw new Error('the suite did not start')
  return c.fleet
}

const screenshot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: join(repoRoot, 'docs', `console-${name}.png`) })

test.before(async (c) => {
  await buildConsoleAssets()
  const port = await freePort('127.0.0.1')
  c.url = `http://127.0.0.1:${port}/`
  c.fleet = await StrategyFleet.start({
    prefix: 'dct-console-',
    controllerArgs: ['--console-listen', `127.0.0.1:${port}`],
  })
  c.chromium = await launchChromium({ viewport: { width: 1280, height: 760 } })
  c.page = await c.chromium.context.newPage()
  await c.page.goto(c.url)
  // A page that reloads loses this; the live tests check it is still there.
  await c.page.evaluate(() => Object.assign(globalThis, { notReloaded: true }))
})

test.after(async (c) => {
  await c.chromium?.close()
  await c.fleet?.stop()
})

const notReloaded = (page: Page): Promise<boolean> =>
  page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded === true)

test('Fleet counts the subclouds by status and network mode, live, read-only', async (c) => {
  const page = pageOf(c)
  await waitForText(page, '[data-connection]', 'live')
  await waitForText(page, '[data-total]', /^3 subclouds/)
  await waitForText(page, '#count-availability ~ dl [data-count="online"] dd', '3')
  await waitForText(page, '#count-sync-status ~ dl [data-count="in-sync"] dd', '3')
  await waitForText(page, '#count-management ~ dl [data-count="managed"] dd', '3')
  await waitForText(page, '#count-deploy-status ~ dl [data-count="complete"] dd', '3')
  // Two IPv6 single-stack sites and one dual-stack IPv6-primary, from the agents themselves.
  await waitForText(page, '#count-network-mode ~ dl [data-count="ipv6"] dd', '2')
  await waitForText(page, '#count-network-mode ~ dl [data-count="dual-ipv6-primary"] dd', '1')
  assert.equal(await textsOf(page, '#count-network-mode ~ dl [data-count="ipv6"] dt'), ['IPv6 single-stack'])
  assert.equal(await page.locator('[data-viewer]').textContent(), 'local user (no TLS), read-only')
  await screenshot(page, 'fleet')
})

test('Subclouds lists every row, filters by name and status, sorts, opens a subcloud by keyboard', async (c) => {
  const page = pageOf(c)
  await page.click('nav >> text=Subclouds')
  await waitForText(page, '[data-shown]', '3 of 3 subclouds shown')
  const names = (): Promise<string[]> => textsOf(page, '.vbody .c-name')
  assert.equal(await names(), [SIMPLEX, DUPLEX, DUAL])
  // Sorted by name ascending at first: one click turns it around.
  await page.click('[role=columnheader] >> text=Name')
  assert.equal(await names(), [DUAL, DUPLEX, SIMPLEX])
  assert.equal(await page.getAttribute('.c-name[role=columnheader]', 'aria-sort'), 'descending')
  await page.getByLabel('Network mode').selectOption('dual-ipv6-primary')
  await waitForText(page, '[data-shown]', '1 of 3 subclouds shown')
  assert.equal(await names(), [DUAL])
  assert.equal(await textsOf(page, '.vbody .c-networkMode'), ['dual-stack IPv6-primary'])
  await page.getByLabel('Network mode').selectOption('')
  await page.getByLabel('Name').fill('subcloud2')
  await waitForText(page, '[data-shown]', '1 of 3 subclouds shown')
  await page.getByLabel('Name').fill('')
  await page.getByLabel('Availability').selectOption('online')
  await waitForText(page, '[data-shown]', '3 of 3 subclouds shown')
  assert.equal(await textsOf(page, '.vbody .c-availability'), ['online', 'online', 'online'])
  await screenshot(page, 'subclouds')
  // Keyboard only: into the table body, down one row (subcloud2 when sorted descending), Enter.
  await page.focus('.vbody')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await waitForText(page, 'h1', `Subcloud ${DUPLEX}`)
})

test('Subcloud shows its pools by family, Kubernetes dual-stack, calls per local address', async (c) => {
  const page = pageOf(c)
  await page.goto(`${c.url}#/subclouds/${DUAL}`)
  await waitForText(page, 'h1', `Subcloud ${DUAL}`)
  await waitForText(page, '[data-network="oam"] td:nth-of-type(2)', /^oam-ipv6 fd00:13::\/64 \(IPv6\)$/)
  await waitForText(page, '[data-network="oam"] td:nth-of-type(3)', /\(IPv4\)$/)
  await waitForText(page, '[data-kubernetes]', 'Kubernetes dual-stack: on')
  await waitForText(page, '[data-field="mode"]', 'dual-stack IPv6-primary')
  await waitForText(page, '[data-field="errors"]', 'No errors present')
  const agent = fleetOf(c).agent(DUAL)
  const [primary = '', secondary = ''] = agent.addresses
  await waitForText(page, `[data-calls="${primary}"] th`, `${primary} (primary)`)
  assert.ok(Number(await page.locator(`[data-calls="${primary}"] td`).textContent()) > 0)
  // Every call goes to the primary address: the secondary one has served none.
  await waitForText(page, `[data-calls="${secondary}"] td`, '0')
  await screenshot(page, 'subcloud')
})

test("a strategy's progress moves on screen without a reload", async (c) => {
  const page = pageOf(c)
  const fleet = fleetOf(c)
  await page.goto(`${c.url}#/strategy`)
  await page.evaluate(() => Object.assign(globalThis, { notReloaded: true }))
  const created = await fleet.dcmanager(['network-strategy', 'create', '--plan', fleet.addPlan, SIMPLEX])
  assert.is(created.code, 0, created.stderr)
  await waitForText(page, '[data-progress]', /^0\/1 complete, 0 failed, 1 to go; strategy initial$/)
  await waitForText(page, '.vbody .c-state', 'initial')
  const applied = await fleet.dcmanager(['network-strategy', 'apply'])
  assert.is(applied.code, 0, applied.stderr)
  await waitForText(page, '[data-progress]', /^1\/1 complete, 0 failed, 0 to go; strategy complete$/, 240_000)
  await waitForText(page, '.vbody .c-state', 'complete')
  assert.ok(await notReloaded(page), 'the page was reloaded')
  // The Subcloud page then tells the new mode, read from the agent again.
  await page.click('nav >> text=Fleet')
  await waitForText(page, '#count-network-mode ~ dl [data-count="dual-ipv6-primary"] dd', '2', 60_000)
})

test('a killed agent turns its row offline on screen within 5 s, without a reload', async (c) => {
  const page = pageOf(c)
  await page.click('nav >> text=Subclouds')
  await page.getByLabel('Name').fill(DUPLEX)
  await waitForText(page, '.vbody .c-availability', 'online')
  await fleetOf(c).agent(DUPLEX).kill9()
  await waitForText(page, '.vbody .c-availability', 'offline', 5_000)
  assert.ok(await notReloaded(page), 'the page was reloaded')
  await page.click('nav >> text=Fleet')
  await waitForText(page, '#count-availability ~ dl [data-count="offline"] dd', '1')
  await waitForText(page, '#count-active-alarms-by-severity ~ dl [data-count="critical"] dd', /^[1-9]/)
})

test('the console offers no change: every method but GET and HEAD is refused', async (c) => {
  const page = pageOf(c)
  const statuses = await page.evaluate(async () =>
    Promise.all(
      ['POST', 'PUT', 'PATCH', 'DELETE'].map(
        async (method) => (await fetch('/api/subclouds', { method })).status,
      ),
    ),
  )
  assert.equal(statuses, [405, 405, 405, 405])
  assert.is(await page.locator('form[method="post" i], input[type="submit"]').count(), 0)
})

test.run()
