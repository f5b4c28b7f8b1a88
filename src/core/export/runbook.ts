import { getCatalog, type Catalog } from '../catalog/catalog';
import { SUPPORTED_OS, type PackageManager } from '../catalog/os';
import { EDITION_NAMES, type RoleId } from '../catalog/role-ids';
import type { Plan, PlanNode } from '../plan/schema';
import { hostnameProblem } from '../validation/rules/hostname-fqdn';
import { mdText } from './markdown';

/** Where the steps come from (docs/runbook-facts.md, zextras/tech-doc under source/). */
const RUNBOOK_SOURCE =
  'Carbonio docs 25.12.0 (2026-02-04), the last with manual Multi-Server steps: install/scenarios/multi-server-scenario.rst, architecture/components/component-*.rst, _includes/_installation/*.rst';

/**
 * Install order rank of a role: Mesh & Directory first, then Database, then the other
 * infrastructure, then the rest as the docs' scenarios go (MTA/Proxy, Mailstore, collaboration,
 * additional).
 */
function roleRank(roleId: string, catalog: Catalog): number {
  if (roleId === 'mesh-directory') return 0;
  if (roleId === 'database') return 1;
  const kind = catalog.get(roleId)?.kind;
  if (kind === 'infra' || kind === 'legacy') return 2;
  if (roleId === 'mta' || roleId === 'proxy' || kind === 'ui') return 3;
  if (roleId === 'mailstore') return 4;
  if (kind === 'collaboration') return 5;
  return 6;
}

/** The nodes in install order (plan order within a rank). */
export function installOrder(plan: Plan): PlanNode[] {
  const catalog = getCatalog(plan.edition);
  const rank = (node: PlanNode) => Math.min(7, ...node.roles.map((r) => roleRank(r, catalog)));
  return plan.nodes
    .map((node, index) => ({ node, index, rank: rank(node) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.node);
}

const MESH_SERVER_ROLES: readonly string[] = ['mesh-directory', 'mesh-server'];

/** Packages that go on the first node of a role only (domain §2), keyed by package name. */
const FIRST_NODE_ONLY: Readonly<Record<string, RoleId>> = {
  'carbonio-memcached': 'proxy',
  'carbonio-message-dispatcher': 'chats',
};

/**
 * The packages of a node, in role order, the Mesh agent included where the node is no Mesh
 * server. With the plan, packages installed on the first node of a role only (memcached on the
 * first Proxy, the commercial message dispatcher on the first Chats node) are left out elsewhere.
 */
export function nodePackages(node: PlanNode, catalog: Catalog, packageManager: PackageManager, plan?: Plan): string[] {
  const packages: string[] = [];
  const firstHolder = (roleId: RoleId) => plan?.nodes.find((n) => n.roles.includes(roleId));
  const add = (name: string) => {
    const role = FIRST_NODE_ONLY[name];
    if (role && plan && firstHolder(role) !== node) return;
    if (!packages.includes(name)) packages.push(name);
  };
  for (const roleId of node.roles) {
    for (const name of catalog.get(roleId)?.packages ?? []) {
      if (packageManager === 'dnf' && name === 'postgresql-16') {
        add('postgresql16');
        add('postgresql16-server');
      } else add(name);
    }
  }
  if (node.roles.includes('chats')) add(packageManager === 'apt' ? 'postgresql-client-16' : 'postgresql16');
  if (!node.roles.some((r) => MESH_SERVER_ROLES.includes(r))) add('service-discover-agent');
  return packages;
}

function osOf(node: PlanNode) {
  return SUPPORTED_OS.find((os) => os.id === node.os);
}

/** Commands default to Ubuntu 24.04 when the plan does not say. */
const DEFAULT_OS_ID = 'ubuntu-24.04';

/** A hostname fit for a command line, or a placeholder that says what to fix. */
function commandHost(node: PlanNode): string {
  return hostnameProblem(node.hostname) === undefined ? node.hostname.trim() : '<set a valid FQDN for this node>';
}

function has(node: PlanNode, roleId: RoleId): boolean {
  return node.roles.includes(roleId);
}

function dbBootstraps(plan: Plan): string[] {
  const all = new Set(plan.nodes.flatMap((n) => n.roles));
  const commercial = plan.edition === 'carbonio';
  const names: string[] = [];
  if (commercial) names.push('carbonio-mailbox-db-bootstrap');
  if (commercial && all.has('docs')) names.push('carbonio-docs-connector-db-bootstrap');
  if (all.has('files')) names.push('carbonio-files-db-bootstrap');
  if (all.has('tasks')) names.push('carbonio-tasks-db-bootstrap');
  if (all.has('chats')) names.push('carbonio-message-dispatcher-db-bootstrap', 'carbonio-ws-collaboration-db-bootstrap');
  if (commercial && all.has('chats')) names.push('carbonio-notification-push-db-bootstrap');
  return names.map((n) => `PGPASSWORD=$DB_ADM_PWD ${n} carbonio_adm 127.0.0.1`);
}

function restartSteps(node: PlanNode, osId: string): string[] {
  const systemd = osId === 'ubuntu-24.04' || osId === 'rhel-9';
  if (!systemd) return ['su - zextras -c "zmcontrol restart"'];
  const targets: string[] = [];
  if (has(node, 'mesh-directory') || has(node, 'directory-replica')) targets.push('carbonio-directory-server.target');
  if (has(node, 'mailstore')) targets.push('carbonio-appserver.target');
  if (has(node, 'mta')) targets.push('carbonio-mta.target');
  if (has(node, 'proxy')) targets.push('carbonio-proxy.target');
  return targets.map((t) => `systemctl restart ${t}`);
}

function codeBlock(lines: readonly string[]): string[] {
  return ['```sh', ...lines, '```'];
}

function repositorySteps(pm: PackageManager, osId: string): string[] {
  if (pm === 'apt') {
    const codename = osId === 'ubuntu-22.04' ? 'jammy' : 'noble';
    return codeBlock([
      `echo "deb [arch=amd64 signed-by=/usr/share/keyrings/zextras.gpg] https://repo.zextras.io/release/ubuntu ${codename} main" > /etc/apt/sources.list.d/zextras.list`,
      'wget -O- "https://keyserver.ubuntu.com/pks/lookup?op=get&search=0x5dc7680bc4378c471a7fa80f52fd40243e584a21" | gpg --dearmor | tee /usr/share/keyrings/zextras.gpg > /dev/null',
      'chmod 644 /usr/share/keyrings/zextras.gpg',
      'apt update && apt upgrade',
    ]);
  }
  const v = osId === 'rhel-9' ? '9' : '8';
  return codeBlock([
    `printf '[zextras]\\nname=zextras\\nbaseurl=https://repo.zextras.io/release/rhel${v}\\nenabled=1\\nrepo_gpgcheck=1\\ngpgcheck=0\\ngpgkey=https://repo.zextras.io/repomd.xml.key\\n' > /etc/yum.repos.d/zextras.repo`,
    `dnf -y install https://dl.fedoraproject.org/pub/epel/epel-release-latest-${v}.noarch.rpm`,
    `subscription-manager repos --enable=rhel-${v}-for-x86_64-baseos-rpms`,
    `subscription-manager repos --enable=rhel-${v}-for-x86_64-appstream-rpms`,
    `subscription-manager repos --enable=codeready-builder-for-rhel-${v}-x86_64-rpms`,
    'dnf upgrade',
  ]);
}

function databaseSteps(pm: PackageManager, osId: string): string[] {
  const v = osId === 'rhel-9' ? '9' : '8';
  const repo =
    pm === 'apt'
      ? [
          'echo "deb https://apt.postgresql.org/pub/repos/apt $(lsb_release -cs)-pgdg main" > /etc/apt/sources.list.d/pgdg.list',
          'wget -O- "https://www.postgresql.org/media/keys/ACCC4CF8.asc" | gpg --dearmor | tee /usr/share/keyrings/postgres.gpg > /dev/null',
          "sed -i 's/deb/deb [signed-by=\\/usr\\/share\\/keyrings\\/postgres.gpg] /' /etc/apt/sources.list.d/pgdg.list",
          'apt update',
        ]
      : [
          `dnf -y install https://download.postgresql.org/pub/repos/yum/reporpms/EL-${v}-x86_64/pgdg-redhat-repo-latest.noarch.rpm`,
          'dnf -qy module disable postgresql',
        ];
  const hba = pm === 'apt' ? '/etc/postgresql/16/main/pg_hba.conf' : '/var/lib/pgsql/16/data/pg_hba.conf';
  const service = pm === 'apt' ? 'postgresql' : 'postgresql-16';
  const init = pm === 'apt' ? [] : ['/usr/pgsql-16/bin/postgresql-16-setup initdb', 'systemctl enable --now postgresql-16'];
  return [
    'PostgreSQL repository (before installing the packages):',
    '',
    ...codeBlock(repo),
    '',
    'After installing the packages, create the Carbonio administrator role and open the database to the cluster (replace `0.0.0.0/0` with your private network):',
    '',
    ...codeBlock([
      ...init,
      'read -s -p "Insert Password:" DB_ADM_PWD',
      `su - postgres -c "psql --command=\\"CREATE ROLE carbonio_adm WITH LOGIN SUPERUSER encrypted password '$DB_ADM_PWD';\\""`,
      'su - postgres -c "psql --command=\\"CREATE DATABASE carbonio_adm owner carbonio_adm;\\""',
      `su - postgres -c "psql --command=\\"ALTER SYSTEM SET listen_addresses TO '*';\\""`,
      'su - postgres -c "psql --command=\\"ALTER SYSTEM SET max_connections = 500;\\""',
      'su - postgres -c "psql --command=\\"ALTER SYSTEM SET shared_buffers = 5000;\\""',
      `echo "host    all             all             0.0.0.0/0            md5" >> ${hba}`,
      `systemctl restart ${service}`,
    ]),
  ];
}

/**
 * The install runbook as Markdown: node order, then per node its packages with the install
 * command for its OS, the database setup, bootstrap, Mesh join and the follow-up steps. Every
 * value from the plan is escaped; commands use a hostname only when it is a valid FQDN.
 */
export function exportRunbook(plan: Plan, options: { date: string }): string {
  const catalog = getCatalog(plan.edition);
  const order = installOrder(plan);
  const first = order.find((n) => has(n, 'mesh-directory'));
  const databaseNode = plan.nodes.find((n) => has(n, 'database'));
  const out: string[] = [
    `# Install runbook: ${mdText(plan.name) || 'untitled plan'}`,
    '',
    `${EDITION_NAMES[plan.edition]} · ${plan.nodes.length} node${plan.nodes.length === 1 ? '' : 's'} · generated ${mdText(options.date)} from the plan.`,
    '',
    `Source: ${RUNBOOK_SOURCE}.`,
    '',
  ];
  if (plan.edition === 'carbonio') {
    out.push(
      '> The commercial edition is installed with the Ansible playbook `zxbot.carbonio_install` (export the inventory from the designer). The manual steps below follow the last docs that described them, for reference and troubleshooting.',
      '',
    );
  } else if (plan.nodes.length > 1) {
    out.push('> Since docs 26.x the CE guide describes Single-Server only; these Multi-Server steps follow the 2024-2025 CE docs.', '');
  }
  out.push('## Order', '', 'Install the nodes one after the other, in this order (Mesh & Directory first, then Database, then the other infrastructure, then the rest):', '');
  order.forEach((node, i) => {
    const roles = node.roles.map((r) => mdText(catalog.get(r)?.name ?? r)).join(', ') || 'no role';
    out.push(`${i + 1}. **${mdText(node.hostname) || mdText(node.id)}**: ${roles}`);
  });
  out.push(
    '',
    '## Every node',
    '',
    '- An FQDN hostname that every node resolves, a private IP, `/etc/hosts` without IPv6 entries, locale en_US.UTF-8.',
    '- The same OS on every node: Ubuntu 22.04 / 24.04 Server or RHEL 8 / 9, 64-bit.',
    `- Collect from the first node after its installation: \`hostname -f\`, the LDAP password (${plan.edition === 'ce' ? '`su - zextras -c "zmlocalconfig -s | grep ldap_password"`' : '`su - zextras -c "zmlocalconfig -s ldap_root_password"`'}) and the Mesh secret (\`cat /var/lib/service-discover/password\`).`,
    '',
  );

  order.forEach((node, i) => {
    const os = osOf(node);
    const osId = os?.id ?? DEFAULT_OS_ID;
    const pm: PackageManager = os?.packageManager ?? 'apt';
    const host = commandHost(node);
    const isFirst = node === first;
    out.push(`## ${i + 1}. ${mdText(node.hostname) || mdText(node.id)}`, '');
    out.push(`Roles: ${node.roles.map((r) => mdText(catalog.get(r)?.name ?? r)).join(', ') || 'none'}.`);
    out.push(os ? `OS: ${os.name}.` : 'OS: not set in the plan; the commands below are for Ubuntu 24.04 (set the OS to get RHEL commands).');
    out.push('');
    let step = 1;
    const heading = (title: string) => out.push(`### ${i + 1}.${step++} ${title}`, '');
    heading('Repository and hostname');
    out.push(...repositorySteps(pm, osId), '');
    out.push(...codeBlock([`hostnamectl set-hostname ${host}`]), '');
    if (has(node, 'database')) {
      heading('Database');
      out.push(...databaseSteps(pm, osId), '');
    }
    heading('Packages');
    const packages = nodePackages(node, catalog, pm, plan);
    out.push(...codeBlock([`${pm} install ${packages.join(' ')}`]), '');
    if (has(node, 'video-server')) out.push(...codeBlock(['systemctl enable carbonio-videoserver.service', 'systemctl start carbonio-videoserver.service']), '');
    heading('Bootstrap');
    out.push(...codeBlock(['carbonio-bootstrap', ...(osId === 'rhel-9' ? ['reboot'] : [])]), '');
    if (!isFirst) out.push('The bootstrap asks for the `Ldap master host` (the first node\'s FQDN) and the `Ldap Admin password`.', '');
    heading(isFirst ? 'Start the Carbonio Mesh' : 'Join the Carbonio Mesh');
    out.push(...codeBlock(['service-discover setup-wizard', 'pending-setups -a']), '');
    out.push(
      isFirst
        ? 'The wizard asks for this node\'s IP and netmask and a new Mesh secret; it stores the setup in `/etc/zextras/service-discover/cluster-credentials.tar.gpg`.'
        : 'The wizard asks for this node\'s IP and netmask and the Mesh secret of the first node.',
      '',
    );
    if (node === databaseNode) {
      const bootstraps = dbBootstraps(plan);
      if (bootstraps.length > 0) {
        heading('Database bootstraps');
        out.push('Run on this node, after its bootstrap and Mesh join:', '', ...codeBlock(bootstraps), '');
      }
    }
    if (has(node, 'chats')) {
      heading('Chats');
      const target = plan.nodes.length > 1 ? '127.78.0.10 20000' : '127.0.0.1';
      out.push(
        ...codeBlock([
          `PGPASSWORD=$DB_ADM_PWD carbonio-message-dispatcher-migration carbonio_adm ${target}`,
          'systemctl restart carbonio-message-dispatcher',
          'su - zextras -c "carbonio prov mc default carbonioFeatureWscEnabled TRUE"',
          'systemctl restart carbonio-ws-collaboration',
        ]),
        '',
      );
    }
    if (has(node, 'monitoring')) out.push(...codeBlock(['systemctl restart carbonio-prometheus']), '');
    if (has(node, 'directory-replica')) {
      out.push('Then, on the master Directory node, enable the replica:', '', ...codeBlock(['/opt/zextras/libexec/zmldapenablereplica']), '');
    }
    const restart = restartSteps(node, osId);
    if (restart.length > 0) {
      heading('Complete the installation');
      out.push(...codeBlock(restart), '');
    }
  });
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
