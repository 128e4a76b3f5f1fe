import fc from 'fast-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  AddressSyntaxError,
  Cidr,
  IpAddress,
  IpRange,
  canonicalIp,
  cidrOf,
  familyOf,
  formatHostPort,
  parseCidr,
  parseHostPort,
  parseIp,
  parseIpv4,
  parseIpv6,
  parseRange,
  tryParseIp,
} from '../src/index.js'

/** Asserts `fn` throws an {@link AddressSyntaxError} whose message matches `message`. */
function refused(fn: () => unknown, message: RegExp): void {
  try {
    fn()
  } catch (e) {
    assert.instance(e, AddressSyntaxError)
    if (e instanceof AddressSyntaxError) {
      assert.is(e.code, 'ADDRESS_SYNTAX')
      assert.is(e.category, 'invalid-argument')
      assert.match(e.message, message)
    }
    return
  }
  assert.unreachable('expected an AddressSyntaxError')
}

/**
 * RFC 5952 text written independently of ipaddr.js: lowercase hex groups without leading zeros,
 * the longest run of two or more zero groups (the first on a tie) shortened to `::`.
 */
function rfc5952(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt((7 - i) * 16)) & 0xffffn))
  let best = { at: -1, length: 0 }
  for (let i = 0; i < 8;) {
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > best.length) best = { at: i, length: j - i }
    i = j > i ? j : i + 1
  }
  const hex = groups.map((g) => g.toString(16))
  if (best.length < 2) return hex.join(':')
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.length).join(':')}`
}

const ipv4Value = fc.bigInt({ min: 0n, max: (1n << 32n) - 1n })
// sparse values, so that zero runs of every length and position turn up
const ipv6Value = fc
  .array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
    minLength: 8,
    maxLength: 8,
  })
  .map((groups) => groups.reduce((v, g) => (v << 16n) | BigInt(g), 0n))
const isMapped = (v: bigint): boolean => v >> 32n === 0xffffn

// --- parseIpv4 / parseIp -------------------------------------------------------------------------------

const ParseIpv4 = suite('parseIpv4')

ParseIpv4('parseIpv4 - reads a dotted quad', () => {
  const ip = parseIpv4('10.20.2.1')
  assert.is(ip.family, 'IPv4')
  assert.is(ip.value, 0x0a140201n)
  assert.is(ip.toString(), '10.20.2.1')
  assert.is(parseIpv4('0.0.0.0').value, 0n)
  assert.is(parseIpv4('255.255.255.255').value, 0xffffffffn)
})

ParseIpv4('parseIpv4 - refuses forms other parsers read differently', () => {
  // 010 is 8 to inet_aton, 10 to others; 10.1 is 10.0.0.1 to inet_aton; hex parts likewise
  for (const text of ['010.0.0.1', '10.1', '0x0a.0.0.1', '10.0.0.01', '1.2.3', '1.2.3.4.5', '256.0.0.1']) {
    refused(() => parseIpv4(text), /not a dotted-quad IPv4 address/)
  }
  for (const text of ['', '1.2.3.-4', '+1.2.3.4', 'fd00::1', '10.0.0.1/24']) {
    refused(() => parseIpv4(text), /not a dotted-quad IPv4 address/)
  }
})

ParseIpv4('parseIpv4 - property: canonical text round-trips, and is the only text accepted', () => {
  fc.assert(
    fc.property(ipv4Value, (v) => {
      const ip = new IpAddress('IPv4', v)
      const text = ip.toString()
      assert.is(text, [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.'))
      assert.ok(parseIpv4(text).equals(ip))
      // the same address with a zero-padded part is refused, never read as octal or decimal
      const padded = text.replace(/^(\d+)/, '0$1')
      refused(() => parseIpv4(padded), /dotted-quad/)
    }),
  )
})

const ParseIpv6 = suite('parseIpv6')

ParseIpv6('parseIpv6 - reads any RFC 4291 form and prints RFC 5952', () => {
  for (const [text, canonical] of [
    ['FD00:0000:0000:0000:0000:0000:0000:0001', 'fd00::1'],
    ['fd00:0:0:1:0:0:0:1', 'fd00:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:DB8::0001', '2001:db8::1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['::', '::'],
    ['fd00::1.2.3.4', 'fd00::102:304'],
  ] as const) {
    assert.is(parseIpv6(text).toString(), canonical, text)
  }
})

ParseIpv6('parseIpv6 - refuses zone ids, IPv4-mapped forms and junk', () => {
  refused(() => parseIpv6('fe80::1%eth0'), /not an IPv6 address/)
  refused(() => parseIpv6('::ffff:10.0.0.1'), /IPv4-mapped IPv6 addresses are ambiguous/)
  refused(() => parseIpv6('::FFFF:a00:1'), /IPv4-mapped/)
  for (const text of ['1::2::3', 'fd00::00001', '10.0.0.1', 'fd00::/64', '']) {
    refused(() => parseIpv6(text), /not an IPv6 address/)
  }
})

ParseIpv6('parseIpv6 - property: RFC 5952 text round-trips for every address but IPv4-mapped ones', () => {
  fc.assert(
    fc.property(ipv6Value, fc.boolean(), (v, upper) => {
      const ip = new IpAddress('IPv6', v)
      const text = ip.toString()
      assert.is(text, rfc5952(v))
      // any spelling of the address, here the full uppercase one, comes back canonical
      const full = Array.from({ length: 8 }, (_, i) => ((v >> BigInt((7 - i) * 16)) & 0xffffn).toString(16))
        .map((g) => g.padStart(4, '0'))
        .join(':')
      const spelled = upper ? full.toUpperCase() : full
      if (isMapped(v)) {
        refused(() => parseIpv6(text), /IPv4-mapped/)
        return
      }
      assert.ok(parseIpv6(text).equals(ip))
      assert.is(parseIpv6(spelled).toString(), text)
      assert.is(canonicalIp(spelled), text)
    }),
    { numRuns: 500 },
  )
})

const ParseIp = suite('parseIp')

ParseIp('parseIp - picks the family by the colon, trimming blanks', () => {
  assert.is(parseIp(' 10.0.0.1 ').family, 'IPv4')
  assert.is(parseIp('fd00::1\n').family, 'IPv6')
  refused(() => parseIp('010.0.0.1'), /dotted-quad/)
  refused(() => parseIp('fd00:::1'), /not an IPv6 address/)
})

ParseIp(
  'parseIp - parsing again (remembered) gives the same address, and bad text is refused every time',
  () => {
    fc.assert(
      fc.property(
        ipv4Value,
        ipv6Value.filter((v) => !isMapped(v)),
        (v4, v6) => {
          for (const ip of [new IpAddress('IPv4', v4), new IpAddress('IPv6', v6)]) {
            const text = ip.toString()
            assert.ok(parseIp(text).equals(ip))
            assert.ok(parseIp(text).equals(ip))
          }
        },
      ),
      { numRuns: 300 },
    )
    for (let n = 0; n < 2; n++) refused(() => parseIp('10.0.0.256'), /dotted-quad/)
  },
)

const TryParseIp = suite('tryParseIp')

TryParseIp('tryParseIp - gives undefined instead of throwing', () => {
  assert.is(tryParseIp('10.1'), undefined)
  assert.is(tryParseIp('fd00::1%lo'), undefined)
  assert.is(tryParseIp('fd00::1')?.toString(), 'fd00::1')
  assert.is(tryParseIp('10.0.0.1')?.toString(), '10.0.0.1')
})

const FamilyOf = suite('familyOf')

FamilyOf('familyOf - names the family of an address or a CIDR, undefined for junk', () => {
  assert.is(familyOf('10.0.0.0/8'), 'IPv4')
  assert.is(familyOf('10.0.0.1'), 'IPv4')
  assert.is(familyOf('fd00::/64'), 'IPv6')
  assert.is(familyOf('fd00::2'), 'IPv6')
  assert.is(familyOf('010.0.0.0/8'), undefined)
  assert.is(familyOf('bogus'), undefined)
})

const Address = suite('IpAddress')

Address('IpAddress - refuses values outside the family, also when offset past either end', () => {
  refused(() => new IpAddress('IPv4', 1n << 32n), /value out of range for IPv4/)
  refused(() => new IpAddress('IPv6', -1n), /value out of range for IPv6/)
  refused(() => parseIp('255.255.255.255').offset(1), /out of range/)
  refused(() => parseIp('::').offset(-1), /out of range/)
  assert.is(parseIp('10.0.0.255').offset(1).toString(), '10.0.1.0')
  assert.is(parseIp('fd00::ffff').offset(1n).toString(), 'fd00::1:0')
})

Address('IpAddress - equals compares family and value', () => {
  assert.ok(parseIp('fd00::1').equals(parseIp('FD00:0::0001')))
  assert.not.ok(parseIp('0.0.0.1').equals(parseIp('::1')))
})

Address('IpAddress - isMulticast covers 224.0.0.0/4 and ff00::/8', () => {
  assert.ok(parseIp('239.1.1.1').isMulticast())
  assert.ok(parseIp('224.0.0.0').isMulticast())
  assert.not.ok(parseIp('240.0.0.0').isMulticast())
  assert.not.ok(parseIp('223.255.255.255').isMulticast())
  assert.ok(parseIp('ff08::1:1:0').isMulticast())
  assert.not.ok(parseIp('fe80::1').isMulticast())
})

// --- Cidr ----------------------------------------------------------------------------------------------

const ParseCidr = suite('parseCidr')

ParseCidr('parseCidr - reads network/prefix of both families', () => {
  const v4 = parseCidr('192.168.204.0/24')
  assert.equal([v4.family, v4.network.toString(), v4.prefix, v4.size], ['IPv4', '192.168.204.0', 24, 256n])
  const v6 = parseCidr('FD04:0::/112')
  assert.equal([v6.family, v6.toString(), v6.size], ['IPv6', 'fd04::/112', 65536n])
})

ParseCidr('parseCidr - refuses host bits, bad prefixes and missing parts', () => {
  refused(() => parseCidr('10.0.0.1/24'), /host bits are set/)
  refused(() => parseCidr('fd00::1/64'), /host bits are set/)
  refused(() => parseCidr('10.0.0.0/33'), /prefix must be 0..32/)
  refused(() => parseCidr('fd00::/129'), /prefix must be 0..128/)
  for (const text of ['10.0.0.0/024', '10.0.0.0/', '10.0.0.0/x', 'fd00::/-1', 'fd00::/0x40']) {
    refused(() => parseCidr(text), /prefix must be a decimal number/)
  }
  refused(() => parseCidr('10.0.0.0'), /expected <network>\/<prefix>/)
  refused(() => parseCidr('010.0.0.0/8'), /dotted-quad/)
})

ParseCidr('parseCidr - property: canonical CIDR text round-trips (both families)', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.tuple(fc.constant('IPv4' as const), ipv4Value, fc.integer({ min: 0, max: 32 })),
        fc.tuple(fc.constant('IPv6' as const), ipv6Value, fc.integer({ min: 0, max: 128 })),
      ),
      ([family, value, prefix]) => {
        const bits = family === 'IPv4' ? 32n : 128n
        const masked = (value >> (bits - BigInt(prefix))) << (bits - BigInt(prefix))
        if (family === 'IPv6' && isMapped(masked)) return
        const cidr = new Cidr(new IpAddress(family, masked), prefix)
        const again = parseCidr(cidr.toString())
        assert.is(again.toString(), cidr.toString())
        assert.ok(again.network.equals(cidr.network))
        assert.is(again.prefix, prefix)
      },
    ),
  )
})

const CidrOf = suite('cidrOf')

CidrOf('cidrOf - builds a subnet from the addrpool-add network and prefix', () => {
  assert.is(cidrOf('fd01::', 64).toString(), 'fd01::/64')
  assert.is(cidrOf('10.96.0.0', 12).last.toString(), '10.111.255.255')
  refused(() => cidrOf('10.96.0.1', 12), /host bits are set/)
})

const CidrSuite = suite('Cidr')

CidrSuite('Cidr.at - indexes like Python, negative from the end', () => {
  const v4 = parseCidr('192.168.204.0/24')
  assert.equal([v4.at(0), v4.at(1), v4.at(-2), v4.at(-1)].map(String), [
    '192.168.204.0',
    '192.168.204.1',
    '192.168.204.254',
    '192.168.204.255',
  ])
  const v6 = parseCidr('fd02::/64')
  assert.equal([v6.at(1), v6.at(-2), v6.at(-1)].map(String), [
    'fd02::1',
    'fd02::ffff:ffff:ffff:fffe',
    'fd02::ffff:ffff:ffff:ffff',
  ])
  assert.is(v6.at(2n).toString(), 'fd02::2')
})

CidrSuite('Cidr.at - refuses an index outside the subnet', () => {
  const v4 = parseCidr('10.0.0.0/30')
  assert.throws(() => v4.at(4), /index 4 is outside 10.0.0.0\/30 \(4 addresses\)/)
  assert.throws(() => v4.at(-5), /index -5 is outside/)
  assert.throws(() => parseCidr('fd00::/126').at(4), /outside fd00::\/126/)
  assert.is(v4.at(-4).toString(), '10.0.0.0')
})

CidrSuite('Cidr - contains, overlaps and broadcast respect the family', () => {
  const v4 = parseCidr('10.0.0.0/24')
  assert.ok(v4.contains(parseIp('10.0.0.255')))
  assert.not.ok(v4.contains(parseIp('10.0.1.0')))
  assert.not.ok(v4.contains(parseIp('::a00:1')), 'same value, other family')
  assert.ok(v4.overlaps(parseCidr('10.0.0.128/25')))
  assert.ok(parseCidr('10.0.0.0/8').overlaps(v4))
  assert.not.ok(v4.overlaps(parseCidr('10.0.1.0/24')))
  assert.is(v4.broadcast()?.toString(), '10.0.0.255')
  assert.is(parseCidr('fd00::/64').broadcast(), undefined)
  assert.not.ok(parseCidr('::/0').overlaps(parseCidr('0.0.0.0/0')))
})

CidrSuite('Cidr - refuses a prefix wider than the family or host bits', () => {
  refused(() => new Cidr(parseIp('10.0.0.0'), 33), /prefix must be 0..32/)
  refused(() => new Cidr(parseIp('10.0.0.0'), 1.5), /prefix must be 0..32/)
  refused(() => new Cidr(parseIp('fd00::1'), 127), /host bits are set/)
})

// --- IpRange -------------------------------------------------------------------------------------------

const ParseRange = suite('parseRange')

ParseRange('parseRange - reads start-end of both families, canonically', () => {
  const v4 = parseRange('10.0.0.1-10.0.0.9')
  assert.equal([v4.family, v4.size, v4.toString()], ['IPv4', 9n, '10.0.0.1-10.0.0.9'])
  const v6 = parseRange(' FD02::0001-fd02::FFFF:ffff:ffff:fffe ')
  assert.equal([v6.family, v6.toString()], ['IPv6', 'fd02::1-fd02::ffff:ffff:ffff:fffe'])
})

ParseRange('parseRange - refuses mixed families, missing ends and ambiguous IPv4', () => {
  refused(() => parseRange('10.0.0.1-fd00::1'), /start and end differ in family/)
  refused(() => parseRange('10.0.0.1'), /expected <start>-<end>/)
  refused(() => parseRange('10.0.0.1-10.0.0.2-10.0.0.3'), /expected <start>-<end>/)
  refused(() => parseRange('10.0.0.1-10.1'), /dotted-quad/)
})

ParseRange('parseRange - property: range text round-trips (both families)', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.tuple(fc.constant('IPv4' as const), ipv4Value, ipv4Value),
        fc.tuple(fc.constant('IPv6' as const), ipv6Value, ipv6Value),
      ),
      ([family, a, b]) => {
        if (family === 'IPv6' && (isMapped(a) || isMapped(b))) return
        const range = new IpRange(new IpAddress(family, a), new IpAddress(family, b))
        const again = parseRange(range.toString())
        assert.ok(again.start.equals(range.start) && again.end.equals(range.end))
      },
    ),
  )
})

const Range = suite('IpRange')

Range('IpRange - size counts both ends; a reversed range is empty', () => {
  assert.is(parseRange('10.0.0.5-10.0.0.5').size, 1n)
  assert.is(parseRange('fd04::1-fd04::fffe').size, 65534n)
  assert.is(parseRange('10.0.0.9-10.0.0.1').size, 0n)
})

Range('IpRange - contains and overlaps, inclusive, per family', () => {
  const r = parseRange('10.0.0.10-10.0.0.20')
  assert.ok(r.contains(parseIp('10.0.0.10')) && r.contains(parseIp('10.0.0.20')))
  assert.not.ok(r.contains(parseIp('10.0.0.21')))
  assert.ok(r.overlaps(parseRange('10.0.0.20-10.0.0.30')))
  assert.not.ok(r.overlaps(parseRange('10.0.0.21-10.0.0.30')))
  assert.not.ok(parseRange('::a00:a-::a00:14').overlaps(r), 'same values, other family')
})

// --- host:port -----------------------------------------------------------------------------------------

const ParseHostPort = suite('parseHostPort')

ParseHostPort('parseHostPort - IPv4 takes ADDR:PORT, IPv6 takes [ADDR]:PORT', () => {
  const v4 = parseHostPort('10.20.2.2:50051')
  assert.equal([v4.host.toString(), v4.port], ['10.20.2.2', 50051])
  const v6 = parseHostPort('[FD00::0002]:50051')
  assert.equal([v6.host.toString(), v6.port], ['fd00::2', 50051])
})

ParseHostPort('parseHostPort - a bare or bracketed address takes the default port', () => {
  assert.is(parseHostPort('10.0.0.1', 443).port, 443)
  assert.is(parseHostPort('[fd00::2]', 443).port, 443)
  // fd00::2:8080 is itself an address, so it never splits into host and port
  const bare = parseHostPort('fd00::2:8080', 443)
  assert.equal([bare.host.toString(), bare.port], ['fd00::2:8080', 443])
  refused(() => parseHostPort('10.0.0.1'), /a port is required/)
  refused(() => parseHostPort('[fd00::2]'), /a port is required/)
})

ParseHostPort('parseHostPort - refuses bad ports, bracketed IPv4 and ambiguous hosts', () => {
  for (const text of ['10.0.0.1:0', '10.0.0.1:65536', '10.0.0.1:80a', '10.0.0.1:', '[fd00::2]:123456']) {
    refused(() => parseHostPort(text), /port must be 1..65535|not an IPv6 address|dotted-quad/)
  }
  refused(() => parseHostPort('[10.0.0.1]:80'), /not an IPv6 address/)
  refused(() => parseHostPort('010.0.0.1:80'), /dotted-quad/)
  refused(() => parseHostPort('[fd00::2'), /not an IPv6 address/)
})

const FormatHostPort = suite('formatHostPort')

FormatHostPort('formatHostPort - brackets IPv6 literals only', () => {
  assert.is(formatHostPort('fd00::2', 50051), '[fd00::2]:50051')
  assert.is(formatHostPort('10.20.2.2', 50051), '10.20.2.2:50051')
  assert.is(formatHostPort('::1', 1), '[::1]:1')
})

FormatHostPort('formatHostPort - property: parseHostPort reads back what it writes (both families)', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        ipv4Value.map((v) => new IpAddress('IPv4', v)),
        ipv6Value.filter((v) => !isMapped(v)).map((v) => new IpAddress('IPv6', v)),
      ),
      fc.integer({ min: 1, max: 65535 }),
      (ip, port) => {
        const text = formatHostPort(ip.toString(), port)
        const back = parseHostPort(text)
        assert.ok(back.host.equals(ip), text)
        assert.is(back.port, port)
      },
    ),
  )
})

ParseIpv4.run()
ParseIpv6.run()
ParseIp.run()
TryParseIp.run()
FamilyOf.run()
Address.run()
ParseCidr.run()
CidrOf.run()
CidrSuite.run()
ParseRange.run()
Range.run()
ParseHostPort.run()
FormatHostPort.run()
