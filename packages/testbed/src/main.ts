#!/usr/bin/env node
import { join } from 'node:path'
import { ignoreIpServernameWarning } from '@dc/tls'
import { down, cut, heal, kill, runInSite, start } from './testbed-commands.js'
import { TopologyError } from './topology-error.js'
import { REPO_ROOT } from './testbed-paths.js'
import { openTestbed, TestbedUsageError } from './testbed-session.js'
import { onboardAll, selectSubclouds } from './testbed-onboard.js'
import { listSubclouds } from './controller-client.js'
import { status } from './testbed-status.js'
import { up } from './testbed-up.js'

const USAGE = `usage: pnpm testbed <command>
  up [--subclouds N] [--topology FILE]   build the testbed (or complete it); exits 0 once every
                                         accepted subcloud is online, managed and in-sync
  status                                 sites, addresses, processes, subcloud states
  run SITE -- COMMAND...                 run COMMAND in SITE's namespace as the admin operator
  cut SITE [--from SITE,...]             partition SITE from the WAN, or from the named sites only
  heal SITE                              undo the cut of SITE
  kill PROCESS | start PROCESS           PROCESS: SITE/SERVICE (postgres, nats, controller, agent)
                                         or a subcloud's site name
  down                                   stop everything, delete every namespace and the state
environment: DC_TESTBED_DIR (state directory, default /run/dc-testbed),
             DC_TESTBED_PREFIX (namespace name prefix, default dctb-)`

// The controllers are dialled by IP address, which is what their certificates name.
ignoreIpServernameWarning()
/** Progress times count from the `up` that started this process, when one did. */
const started = Number(process.env.DC_TESTBED_T0 ?? Date.now())
const progress = (line: string): void => {
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}\n`)
}

/** `--flag VALUE` out of `args`, or undefined; the rest must be exactly `positional` words. */
function options(
  args: readonly string[],
  flags: readonly string[],
  positional: number,
  usage: string,
): { words: string[]; values: Map<string, string> } {
  const words: string[] = []
  const values = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg.startsWith('--')) {
      if (!flags.includes(arg)) throw new TestbedUsageError(`unknown option ${arg}`)
      const value = args[++i]
      if (value === undefined) throw new TestbedUsageError(`${arg} needs a value`)
      values.set(arg, value)
    } else words.push(arg)
  }
  if (words.length !== positional) throw new TestbedUsageError(`usage: pnpm testbed ${usage}`)
  return { words, values }
}

function subcloudCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text)) throw new TestbedUsageError(`--subclouds must be a whole number, got '${text}'`)
  return Number(text)
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv
  const env = process.env
  switch (command) {
    case 'up': {
      const { values } = options(
        args,
        ['--subclouds', '--topology'],
        0,
        'up [--subclouds N] [--topology FILE]',
      )
      const controller = new AbortController()
      process.once('SIGINT', () => controller.abort())
      await up({
        topologyFile: values.get('--topology') ?? join(REPO_ROOT, 'testbed', 'topology.yml'),
        subclouds: subcloudCount(values.get('--subclouds')),
        env,
        progress,
        signal: controller.signal,
        startedAt: started,
      })
      progress('up: the testbed is ready')
      return 0
    }
    case 'internal-onboard': {
      const { values } = options(args, ['--subclouds'], 0, 'internal-onboard [--subclouds N]')
      const session = await openTestbed(env)
      try {
        await onboardAll(
          session,
          selectSubclouds(session.topology, subcloudCount(values.get('--subclouds'))),
          progress,
        )
      } finally {
        session.close()
      }
      return 0
    }
    case 'internal-subclouds': {
      const session = await openTestbed(env)
      try {
        const site = session.site(options(args, [], 1, 'internal-subclouds SITE').words[0] ?? '')
        if (site.role !== 'central') throw new TestbedUsageError(`${site.name} runs no controller`)
        process.stdout.write(`${JSON.stringify(await listSubclouds(session.controller(site)))}\n`)
      } finally {
        session.close()
      }
      return 0
    }
    case 'status':
      options(args, [], 0, 'status')
      await status(env, (line) => process.stdout.write(`${line}\n`))
      return 0
    case 'run': {
      const separator = args.indexOf('--')
      if (separator !== 1) throw new TestbedUsageError('usage: run SITE -- COMMAND...')
      return runInSite(env, args[0] ?? '', args.slice(2))
    }
    case 'cut': {
      const { words, values } = options(args, ['--from'], 1, 'cut SITE [--from SITE,...]')
      const from = values
        .get('--from')
        ?.split(',')
        .filter((s) => s !== '')
      await cut(env, words[0] ?? '', from, progress)
      return 0
    }
    case 'heal':
      await heal(env, options(args, [], 1, 'heal SITE').words[0] ?? '', progress)
      return 0
    case 'kill':
      await kill(env, options(args, [], 1, 'kill PROCESS').words[0] ?? '', progress)
      return 0
    case 'start':
      await start(env, options(args, [], 1, 'start PROCESS').words[0] ?? '', progress)
      return 0
    case 'down':
      options(args, [], 0, 'down')
      await down(env, progress)
      return 0
    case undefined:
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`)
      return command === undefined ? 2 : 0
    default:
      throw new TestbedUsageError(`unknown command ${command}\n${USAGE}`)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const usage = error instanceof TestbedUsageError || error instanceof TopologyError
    process.stderr.write(`dc-testbed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = usage ? 2 : 1
  },
)
