import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, release, totalmem } from 'node:os'

let clockTicks: number | undefined

/** Kernel clock ticks per second, the unit of /proc/<pid>/stat times. */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    const text = (() => {
      try {
        return execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()
      } catch {
        return ''
      }
    })()
    // 100 is what every Linux architecture Node supports reports; getconf only confirms it.
    clockTicks = /^\d+$/.test(text) ? Number(text) : 100
  }
  return clockTicks
}

/** CPU seconds (user + system) process `pid` has used so far, from /proc/<pid>/stat. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may hold spaces and parentheses: fields are counted from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return (utime + stime) / ticksPerSecond()
}

/** Resident set size of process `pid`, in bytes. */
export function processRssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (match === null) throw new Error(`no VmRSS for process ${pid}`)
  return Number(match[1]) * 1024
}

/** This process's soft limit of open files. */
export function openFileLimit(): number {
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'))
  return match === null || match[1] === 'unlimited' ? 1_048_576 : Number(match[1])
}

/** First port of the kernel's ephemeral range: listeners below it never clash with outgoing connections. */
function ephemeralPortStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)
    return Number(low ?? 32_768)
  } catch {
    return 32_768
  }
}

/** Local ports of every TCP socket on this host (any address, any state), from /proc/net/tcp{,6}. */
function portsInUse(): Set<number> {
  const ports = new Set<number>()
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = readFileSync(file, 'utf8')
    for (const line of text.split('\n').slice(1)) {
      const port = line.trim().split(/\s+/)[1]?.split(':')[1]
      if (port !== undefined) ports.add(parseInt(port, 16))
    }
  }
  return ports
}

/**
 * The highest run of `count` consecutive ports between 1024 and the ephemeral range that no TCP
 * socket uses now and that is not in `reserved`; the run is added to `reserved`.
 */
export function reserveFreePortRun(count: number, reserved: Set<number>): number {
  const used = portsInUse()
  let end = ephemeralPortStart() - 1
  while (end - count + 1 >= 1_024) {
    const start = end - count + 1
    let clash = -1
    for (let port = end; port >= start && clash < 0; port--) {
      if (used.has(port) || reserved.has(port)) clash = port
    }
    if (clash < 0) {
      for (let port = start; port <= end; port++) reserved.add(port)
      return start
    }
    end = clash - 1
  }
  throw new Error(`no ${count} consecutive free ports below the ephemeral range`)
}

/** The machine the figures were measured on, for the printed table and docs/performance.md. */
export function machineDescription(): string {
  const list = cpus()
  const model = list[0]?.model.trim() ?? 'unknown CPU'
  return (
    `${list.length} x ${model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Linux ${release()}, Node ${process.versions.node}`
  )
}
