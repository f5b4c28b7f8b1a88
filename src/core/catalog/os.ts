/** Package manager family of an operating system. */
export type PackageManager = 'apt' | 'dnf';

/** An operating system the Carbonio docs support for a node. */
export interface SupportedOs {
  readonly id: string;
  readonly name: string;
  readonly packageManager: PackageManager;
}

/**
 * Ubuntu 22.04 / 24.04 Server (not "minimized") and RHEL 8 / 9, 64-bit; Ubuntu 20.04 was dropped
 * in 25.6. Ansible wants the same OS on every node (domain §3 Nodes and network).
 */
export const SUPPORTED_OS: readonly SupportedOs[] = [
  { id: 'ubuntu-22.04', name: 'Ubuntu 22.04 LTS Server', packageManager: 'apt' },
  { id: 'ubuntu-24.04', name: 'Ubuntu 24.04 LTS Server', packageManager: 'apt' },
  { id: 'rhel-8', name: 'RHEL 8', packageManager: 'dnf' },
  { id: 'rhel-9', name: 'RHEL 9', packageManager: 'dnf' },
];
