/**
 * Text safety shared by the exporters (Ansible INI, Mermaid): user values never start a line.
 *
 * Parsers disagree on what ends a line: Python's `str.splitlines()` (used by Ansible's INI
 * inventory plugin) also splits on VT, FF, FS/GS/RS, NEL, U+2028 and U+2029. Everything of the
 * kind is treated as a line break here.
 */
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** The text on one line: every control character and line or paragraph separator becomes a space. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKING, ' ');
}

/** At most `max` characters (code points), with `…` when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** A user value for a message: quoted, one line, at most `max` characters. */
export function shown(value: string, max = 60): string {
  return `"${oneLine(truncate(value, max))}"`;
}

const IPV4_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);
const HEXTET = /^[0-9A-Fa-f]{1,4}$/;

/** A dotted-quad IPv4 address (no leading zeros, which some tools read as octal). */
export function isIPv4(value: string): boolean {
  return IPV4.test(value);
}

/** An IPv6 address in any RFC 4291 text form (`::` compression, IPv4 tail), without zone id. */
export function isIPv6(value: string): boolean {
  if (value.length > 45 || value.length < 2) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const parts = (half: string) => (half === '' ? [] : half.split(':'));
  const groups = [...parts(halves[0]!), ...(halves.length === 2 ? parts(halves[1]!) : [])];
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (HEXTET.test(g)) count += 1;
    else if (i === groups.length - 1 && !value.endsWith(':') && isIPv4(g)) count += 2;
    else return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** A valid IPv4 or IPv6 address, exactly (no surrounding spaces). */
export function isIpAddress(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}
