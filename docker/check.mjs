// Static checks of the Docker testbed, for a machine without a Docker engine: the compose file
// parses; every build context, Dockerfile and bind-mounted path exists; every Dockerfile has FROM,
// a non-root USER in its final stage, EXPOSE 50051, a HEALTHCHECK running docker/healthcheck.mjs
// (which asks through grpc-health-check with the TLS files), ENV DC_TLS_DIR=/etc/dc/tls, no
// --insecure in CMD, and ENTRYPOINT docker/entrypoint.mjs for a role; every network is
// dual-stack (enable_ipv6, an IPv6 ULA subnet and an IPv4 documentation subnet); fixed addresses
// lie in their network's subnets and are unique; depends_on names real services, and
// service_healthy ones have a health check; the compose file is what testbed/topology.yml renders.
// Usage: node docker/check.mjs [--compose FILE] [--project-dir DIR]
//   --project-dir defaults to the compose file's directory, as for docker compose.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { BlockList, isIPv4, isIPv6 } from 'node:net'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'

// `yaml` is a dependency of the test package (@dc/test), which runs this script in its tests.
const { parse } = createRequire(new URL('../test/package.json', import.meta.url))('yaml')

const dockerDir = import.meta.dirname
const { values: flags } = parseArgs({
  options: { compose: { type: 'string' }, 'project-dir': { type: 'string' } },
})
const composeFile = resolve(flags.compose ?? join(dockerDir, 'docker-compose.yml'))
const projectDir = resolve(flags['project-dir'] ?? dirname(composeFile))
const problems = []
const problem = (text) => problems.push(text)
const show = (path) => relative(process.cwd(), path) || '.'

const ULA = blockOf([['fd00::', 8, 'ipv6']])
const DOCUMENTATION_V4 = blockOf([
  ['192.0.2.0', 24, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
])
const FINAL_STAGE_REQUIRED = ['USER', 'EXPOSE', 'HEALTHCHECK', 'ENTRYPOINT']
const ENTRYPOINT_SCRIPT = 'docker/entrypoint.mjs'
const HEALTHCHECK_SCRIPT = 'docker/healthcheck.mjs'
/** Where the images read their TLS files (docker/README.md). */
const TLS_DIR = '/etc/dc/tls'
const ROLE_PACKAGES = { controller: 'packages/system-controller', agent: 'packages/subcloud-agent' }

function blockOf(subnets) {
  const list = new BlockList()
  for (const [network, prefix, type] of subnets) list.addSubnet(network, prefix, type)
  return list
}

function familyOf(address) {
  if (isIPv4(address)) return 'ipv4'
  if (isIPv6(address)) return 'ipv6'
  return undefined
}

/** `a.b.c.d/n` or `x::/n` -> { network, prefix, type }, or undefined when malformed. */
function parseSubnet(text) {
  const [network, prefixText] = String(text).split('/')
  const type = familyOf(network)
  const prefix = Number(prefixText)
  if (type === undefined || !Number.isInteger(prefix)) return undefined
  if (prefix < 0 || prefix > (type === 'ipv4' ? 32 : 128)) return undefined
  return { network, prefix, type }
}

/** Instructions of a Dockerfile: comments dropped, continuation lines joined. */
function dockerfileInstructions(text) {
  const instructions = []
  let current = ''
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (current === '' && (line === '' || line.startsWith('#'))) continue
    if (line.startsWith('#')) continue
    current += ` ${line.replace(/\\$/, '')}`
    if (!line.endsWith('\\')) {
      const [keyword = '', ...rest] = current.trim().split(/\s+/)
      instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' ') })
      current = ''
    }
  }
  return instructions
}

/** Checks one Dockerfile built from `buildContext`; returns whether it declares a HEALTHCHECK. */
function checkDockerfile(path, buildContext) {
  const name = show(path)
  const instructions = dockerfileInstructions(readFileSync(path, 'utf8'))
  const lastFrom = instructions.findLastIndex((i) => i.keyword === 'FROM')
  if (lastFrom < 0) {
    problem(`${name}: no FROM`)
    return false
  }
  const finalStage = instructions.slice(lastFrom)
  for (const keyword of FINAL_STAGE_REQUIRED) {
    if (!finalStage.some((i) => i.keyword === keyword)) problem(`${name}: final stage has no ${keyword}`)
  }
  const user = finalStage.findLast((i) => i.keyword === 'USER')?.args.split(':')[0]
  if (user === 'root' || user === '0') problem(`${name}: final stage runs as root (USER ${user})`)
  const exposed = finalStage.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.split(/\s+/))
  if (!exposed.some((port) => port.replace(/\/tcp$/, '') === '50051'))
    problem(`${name}: does not EXPOSE 50051`)
  const entrypoint = finalStage.find((i) => i.keyword === 'ENTRYPOINT')
  if (entrypoint !== undefined && !entrypoint.args.startsWith('[')) {
    problem(`${name}: ENTRYPOINT should be exec form (JSON array) so signals reach node`)
  } else if (entrypoint !== undefined) {
    checkEntrypoint(name, JSON.parse(entrypoint.args), buildContext)
  }
  const cmd = finalStage.findLast((i) => i.keyword === 'CMD')
  if (cmd?.args.includes('--insecure')) {
    problem(`${name}: CMD passes --insecure; the image must start with TLS as shipped`)
  }
  const env = finalStage.filter((i) => i.keyword === 'ENV').map((i) => i.args)
  if (!env.some((args) => new RegExp(`\\bDC_TLS_DIR=${TLS_DIR}(\\s|$)`).test(args))) {
    problem(`${name}: final stage does not set ENV DC_TLS_DIR=${TLS_DIR}`)
  }
  const health = finalStage.findLast((i) => i.keyword === 'HEALTHCHECK')
  if (health !== undefined && !/^NONE\b/i.test(health.args) && !health.args.includes(HEALTHCHECK_SCRIPT)) {
    problem(`${name}: HEALTHCHECK does not run ${HEALTHCHECK_SCRIPT}`)
  }
  return finalStage.some((i) => i.keyword === 'HEALTHCHECK' && !/^NONE\b/i.test(i.args))
}

/**
 * The images start as shipped: through docker/entrypoint.mjs (TLS from the mounted files, or one
 * line naming what is missing) for a role whose package is in the build context.
 */
function checkEntrypoint(name, args, buildContext) {
  const [, script, role] = args
  const pkg = ROLE_PACKAGES[role]
  if (script !== ENTRYPOINT_SCRIPT || pkg === undefined) {
    problem(`${name}: ENTRYPOINT must be ["node", "${ENTRYPOINT_SCRIPT}", "controller"|"agent"]`)
  } else if (!existsSync(join(buildContext, pkg))) {
    problem(`${name}: ENTRYPOINT runs the ${role}, but ${pkg} is not in the build context`)
  } else if (!existsSync(join(buildContext, script))) {
    problem(`${name}: ENTRYPOINT runs ${script}, which is not in the build context`)
  }
}

/** The probe speaks the TLS the entrypoint serves and asks through the health library. */
function checkHealthcheckScript() {
  const text = readFileSync(join(dockerDir, 'healthcheck.mjs'), 'utf8')
  if (!text.includes("require('grpc-health-check')")) {
    problem('docker/healthcheck.mjs: does not use the grpc-health-check library')
  }
  if (!text.includes('DC_TLS_DIR'))
    problem('docker/healthcheck.mjs: does not read the TLS files of DC_TLS_DIR')
}

function checkNetworks(networks) {
  const subnetsByNetwork = new Map()
  for (const [name, network] of Object.entries(networks ?? {})) {
    if (network?.enable_ipv6 !== true) problem(`network ${name}: enable_ipv6 is not true`)
    const subnets = (network?.ipam?.config ?? []).map((entry) => {
      const subnet = parseSubnet(entry?.subnet)
      if (subnet === undefined) problem(`network ${name}: malformed subnet ${entry?.subnet}`)
      return subnet
    })
    const valid = subnets.filter(Boolean)
    const v6 = valid.filter((s) => s.type === 'ipv6')
    const v4 = valid.filter((s) => s.type === 'ipv4')
    if (v6.length === 0) problem(`network ${name}: no IPv6 subnet`)
    if (v4.length === 0) problem(`network ${name}: no IPv4 subnet`)
    for (const s of v6)
      if (!ULA.check(s.network, 'ipv6')) problem(`network ${name}: ${s.network}/${s.prefix} is not ULA`)
    for (const s of v4) {
      if (!DOCUMENTATION_V4.check(s.network, 'ipv4') || s.prefix < 24) {
        problem(`network ${name}: ${s.network}/${s.prefix} is not inside an IPv4 documentation range`)
      }
    }
    subnetsByNetwork.set(name, blockOf(valid.map((s) => [s.network, s.prefix, s.type])))
  }
  return subnetsByNetwork
}

function checkService(name, service, context) {
  const { subnetsByNetwork, healthyServices, addressOwners } = context
  if (service.build === undefined && service.image === undefined)
    problem(`service ${name}: neither build nor image`)
  if (service.build !== undefined) {
    const build = typeof service.build === 'string' ? { context: service.build } : service.build
    const buildContext = resolve(projectDir, build.context ?? '.')
    const dockerfile = resolve(buildContext, build.dockerfile ?? 'Dockerfile')
    if (!existsSync(buildContext))
      problem(`service ${name}: build context ${show(buildContext)} does not exist`)
    else if (!existsSync(dockerfile))
      problem(`service ${name}: Dockerfile ${show(dockerfile)} does not exist`)
    else if (checkDockerfile(dockerfile, buildContext)) healthyServices.add(name)
  }
  if (service.healthcheck?.test !== undefined && service.healthcheck.disable !== true)
    healthyServices.add(name)

  const attached = Array.isArray(service.networks)
    ? Object.fromEntries(service.networks.map((n) => [n, {}]))
    : (service.networks ?? {})
  for (const [network, settings] of Object.entries(attached)) {
    const subnets = subnetsByNetwork.get(network)
    if (subnets === undefined) {
      problem(`service ${name}: network ${network} is not defined`)
      continue
    }
    for (const key of ['ipv4_address', 'ipv6_address']) {
      const address = settings?.[key]
      if (address === undefined) continue
      const type = familyOf(address)
      if (type !== (key === 'ipv4_address' ? 'ipv4' : 'ipv6')) {
        problem(`service ${name}: ${key} ${address} is not an ${key.slice(0, 4)} address`)
      } else if (!subnets.check(address, type)) {
        problem(`service ${name}: ${key} ${address} is outside network ${network}'s subnets`)
      }
      const owner = addressOwners.get(address)
      if (owner !== undefined) problem(`service ${name}: ${address} is already ${owner}'s`)
      addressOwners.set(address, name)
    }
  }

  for (const volume of service.volumes ?? []) {
    const source = typeof volume === 'string' ? volume.split(':')[0] : volume?.source
    const isPath = typeof source === 'string' && (source.startsWith('.') || isAbsolute(source))
    if (isPath && !existsSync(resolve(projectDir, source)))
      problem(`service ${name}: bind mount ${source} does not exist`)
  }
}

function checkDependencies(services, healthyServices) {
  for (const [name, service] of Object.entries(services)) {
    const dependsOn = Array.isArray(service.depends_on)
      ? Object.fromEntries(service.depends_on.map((d) => [d, { condition: 'service_started' }]))
      : (service.depends_on ?? {})
    for (const [dependency, { condition = 'service_started' } = {}] of Object.entries(dependsOn)) {
      if (!(dependency in services)) problem(`service ${name}: depends on unknown service ${dependency}`)
      else if (condition === 'service_healthy' && !healthyServices.has(dependency)) {
        problem(
          `service ${name}: waits for ${dependency} to be healthy, but ${dependency} has no health check`,
        )
      }
    }
  }
}

function checkCompose() {
  let compose
  try {
    compose = parse(readFileSync(composeFile, 'utf8'))
  } catch (error) {
    problem(`${show(composeFile)}: ${error.message}`)
    return { services: 0, networks: 0 }
  }
  const services = compose?.services ?? {}
  if (Object.keys(services).length === 0) problem(`${show(composeFile)}: no services`)
  if (Object.keys(compose?.networks ?? {}).length === 0) problem(`${show(composeFile)}: no networks`)
  const context = {
    services,
    subnetsByNetwork: checkNetworks(compose?.networks),
    healthyServices: new Set(),
    addressOwners: new Map(),
  }
  for (const [name, service] of Object.entries(services)) checkService(name, service ?? {}, context)
  checkDependencies(services, context.healthyServices)
  return { services: Object.keys(services).length, networks: context.subnetsByNetwork.size }
}

/** The committed compose file is what the topology renders (only for the real one, not a copy under test). */
async function checkGenerated() {
  if (flags.compose !== undefined) return
  const { loadTopology, renderCompose } = await import('../packages/testbed/dist/index.js')
  const rendered = renderCompose(await loadTopology(join(dockerDir, '..', 'testbed', 'topology.yml')))
  if (readFileSync(composeFile, 'utf8') !== rendered) {
    problem(`${show(composeFile)}: drifted from testbed/topology.yml; run node docker/render-compose.mjs`)
  }
}

const counts = checkCompose()
await checkGenerated()
// Dockerfiles no service builds yet must still be sound.
const dockerfiles = readdirSync(dockerDir).filter((f) => f.endsWith('.Dockerfile'))
for (const file of dockerfiles) checkDockerfile(join(dockerDir, file), dirname(dockerDir))
checkHealthcheckScript()

if (problems.length > 0) {
  for (const text of [...new Set(problems)]) console.error(`docker check: ${text}`)
  process.exitCode = 1
} else {
  console.log(
    `docker check: ok (${counts.services} services, ${counts.networks} networks, ${dockerfiles.length} Dockerfiles)`,
  )
}
