/** Bootstrap values of system controller `n` (IPv6 single-stack, duplex), as YAML. */
export function controllerYaml(n = 1, name = 'central'): string {
  return `
name: ${name}
system_mode: duplex
distributed_cloud_role: systemcontroller
software_version: "24.09"
management_subnet: fd01:${n}::/64
management_start_address: fd01:${n}::2
management_end_address: fd01:${n}::ff
external_oam_subnet: fd00:${n}::/64
external_oam_gateway_address: fd00:${n}::1
external_oam_floating_address: fd00:${n}::2
cluster_host_subnet: fd02:${n}::/64
cluster_pod_subnet: fd03:${n}::/64
cluster_service_subnet: fd04:${n}::/112
`
}

/** Bootstrap values of subcloud `n` of controller 1 (IPv6 single-stack simplex), as YAML. */
export function subcloudYaml(n: number, name = `subcloud${n}`): string {
  return `
name: ${name}
system_mode: simplex
management_subnet: fd01:1${n}::/64
management_start_address: fd01:1${n}::2
management_end_address: fd01:1${n}::50
management_gateway_address: fd01:1${n}::1
systemcontroller_gateway_address: fd01:1::1
external_oam_subnet: fd00:1${n}::/64
external_oam_gateway_address: fd00:1${n}::1
external_oam_floating_address: fd00:1${n}::2
cluster_host_subnet: fd02:1${n}::/64
cluster_pod_subnet: fd03:1${n}::/64
cluster_service_subnet: fd04:1${n}::/112
`
}
