/** The sections of a Carbonio Ansible inventory, in the order of the domain reference §6. */
export const EXPECTED_INVENTORY_SECTIONS = [
  'postgresServers',
  'masterDirectoryServers',
  'masterDirectoryServers:vars',
  'replicaDirectoryServers',
  'serviceDiscoverServers',
  'dbsConnectorServers',
  'mtaServers',
  'proxyServers',
  'proxyServers:vars',
  'applicationServers',
  'filesServers',
  'docsServers',
  'taskServers',
  'previewServers',
  'videoServers',
  'workStreamServers',
  'prometheusServers',
  'syslogServer',
];

/** Lines as Ansible's INI plugin sees them: Python's str.splitlines() breaks on all of these. */
export function pythonLines(text: string): string[] {
  return text.split(/\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/);
}

/**
 * A minimal reading of an INI inventory as Ansible does: `[group]` or `[group:vars]` headers, then
 * entries; blank lines and `#`/`;` comments ignored. Returns group → entries, in file order.
 */
export function parseInventory(text: string): [string, string[]][] {
  const groups: [string, string[]][] = [];
  for (const raw of pythonLines(text)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      groups.push([header[1]!, []]);
      continue;
    }
    const current = groups.at(-1);
    if (!current) throw new Error(`entry outside a group: ${line}`);
    current[1].push(line);
  }
  return groups;
}
