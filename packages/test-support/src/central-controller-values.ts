/**
 * The bootstrap values of `central`, the system controller of the tests: duplex, dual-stack with
 * IPv6 primary on management and OAM, single-stack IPv6 cluster networks. Its subclouds' gateways
 * sit in `fd01:1::/64` and `192.168.101.0/24` outside the ranges, so a subcloud planned from
 * `fd01:1N::/64` fits. The agent's and the controller's tests pin the same config hash from it.
 */
export const CENTRAL_CONTROLLER_VALUES: Readonly<Record<string, string>> = {
  name: 'central',
  system_mode: 'duplex',
  distributed_cloud_role: 'systemcontroller',
  software_version: '24.09',
  management_subnet: 'fd01:1::/64,192.168.101.0/24',
  management_start_address: 'fd01:1::2,192.168.101.2',
  management_end_address: 'fd01:1::ff,192.168.101.200',
  external_oam_subnet: 'fd00:1::/64,10.10.1.0/24',
  external_oam_gateway_address: 'fd00:1::1,10.10.1.1',
  external_oam_floating_address: 'fd00:1::2,10.10.1.2',
  cluster_host_subnet: 'fd02:1::/64',
  cluster_pod_subnet: 'fd03:1::/64',
  cluster_service_subnet: 'fd04:1::/112',
}
