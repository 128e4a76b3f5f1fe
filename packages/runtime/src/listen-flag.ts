import { NetModelError, formatHostPort, parseHostPort } from '@dc/netmodel'
import { FlagValueError } from './flag-value-error.js'

/** One address a server listens on. */
export interface ListenAddress {
  /** Canonical address text, unbracketed: `::1`, `127.0.0.1`. */
  readonly host: string
  readonly port: number
  /** `host:port` with an IPv6 host bracketed (`[::1]:50051`): what gRPC binds, and a unique key. */
  readonly text: string
}

/** The listen address of canonical `host` text and `port`. */
export function listenAddress(host: string, port: number): ListenAddress {
  return { host, port, text: formatHostPort(host, port) }
}

/**
 * The addresses of a listen flag, `ADDR:PORT[,ADDR:PORT...]`, in the order given. Refused, with a
 * {@link FlagValueError} naming the flag: an empty list or an empty item, an IPv6 address without
 * brackets (`fd00::2:50051` is itself a valid address, so its port would be a guess), an address
 * that is not a literal IP, a missing or out-of-range port, and the same address twice.
 *
 * @example
 * listenFlag('--listen', '[FD00::2]:50051,10.20.2.2:50051').map((a) => a.text) // ['[fd00::2]:50051', '10.20.2.2:50051']
 */
export function listenFlag(flag: string, text: string): ListenAddress[] {
  const items = text.split(',').map((s) => s.trim())
  if (items.every((s) => s === '')) throw new FlagValueError(flag, 'needs at least one ADDR:PORT')
  if (items.some((s) => s === '')) throw new FlagValueError(flag, `has an empty address in '${text}'`)
  const out: ListenAddress[] = []
  for (const item of items) {
    if (!item.startsWith('[') && item.indexOf(':') !== item.lastIndexOf(':')) {
      throw new FlagValueError(flag, `'${item}': an IPv6 address must be bracketed, e.g. [fd00::2]:50051`)
    }
    let address: ListenAddress
    try {
      const parsed = parseHostPort(item)
      address = listenAddress(parsed.host.toString(), parsed.port)
    } catch (err) {
      if (!(err instanceof NetModelError)) throw err
      throw new FlagValueError(flag, `'${item}' is not ADDR:PORT or [IPv6]:PORT: ${err.message}`, {
        cause: err,
      })
    }
    if (out.some((a) => a.text === address.text)) throw new FlagValueError(flag, `'${item}' is given twice`)
    out.push(address)
  }
  return out
}

/**
 * The address of a flag that takes exactly one `ADDR:PORT`, by the rules of {@link listenFlag}.
 *
 * @example
 * listenAddressFlag('--control', '127.0.0.1:7000').text // '127.0.0.1:7000'
 */
export function listenAddressFlag(flag: string, text: string): ListenAddress {
  const addresses = listenFlag(flag, text)
  const [address] = addresses
  if (address === undefined || addresses.length > 1) throw new FlagValueError(flag, 'takes one ADDR:PORT')
  return address
}
