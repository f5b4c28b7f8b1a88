import { ROLE_KINDS, type RoleKind } from '../catalog/role-ids';

/** The kind a chip is drawn as: a catalog kind, or `unknown` for an id the catalog does not know. */
export type ChipKind = RoleKind | 'unknown';

/** Legend label and colours of a kind: fill and stroke of the chip, and a darker text colour. */
export interface KindStyle {
  readonly label: string;
  readonly fill: string;
  readonly stroke: string;
  readonly text: string;
}

/**
 * The light theme's kind colours (src/app/theme.css): core warm red/orange, infrastructure amber,
 * UI yellow, collaboration blue, additional green, legacy grey. Text is a darker shade of the
 * stroke so it reads on the pale fill (contrast above 4.5:1).
 */
export const KIND_STYLES: Readonly<Record<ChipKind, KindStyle>> = {
  core: { label: 'Core', fill: '#fff0e6', stroke: '#d9480f', text: '#9a3412' },
  infra: { label: 'Infrastructure', fill: '#fff8e1', stroke: '#b7791f', text: '#7a4f0e' },
  ui: { label: 'User interface', fill: '#fff9c4', stroke: '#8f6b00', text: '#5f4700' },
  collaboration: { label: 'Collaboration', fill: '#e7f1fd', stroke: '#1864ab', text: '#124a80' },
  additional: { label: 'Additional', fill: '#e9f7ec', stroke: '#2b8a3e', text: '#1f6330' },
  legacy: { label: 'Legacy', fill: '#eef0f3', stroke: '#5b6475', text: '#3d4452' },
  unknown: { label: 'Unknown role', fill: '#fff0f0', stroke: '#c92a2a', text: '#a51d1d' },
};

/** Legend order: the palette's, then unknown roles. */
export const CHIP_KINDS: readonly ChipKind[] = [...ROLE_KINDS, 'unknown'];

export const FONT_FAMILY = 'DejaVu Sans, Arial, Helvetica, sans-serif';

export const COLORS = {
  background: '#ffffff',
  text: '#1d2330',
  muted: '#5b6475',
  nodeFill: '#ffffff',
  nodeStroke: '#8a94a6',
  accent: '#1c64c8',
  internetFill: '#e8f1fd',
  dmzFill: '#fdf1f1',
  dmzStroke: '#d9a0a0',
  dmzText: '#8f2d2d',
  lanFill: '#f1f5fa',
  lanStroke: '#a9bad0',
  lanText: '#2f4a6d',
} as const;

/** Font sizes in user units; all at least 10 so an A4 print of a typical plan stays readable. */
export const FONT = {
  title: 22,
  subtitle: 13,
  hostname: 15,
  line: 12,
  chip: 11,
  band: 13,
  link: 11,
  internet: 14,
  legend: 12,
} as const;
