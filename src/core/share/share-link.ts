import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { loadPlan, type LoadResult } from '../plan/loader';
import type { Plan } from '../plan/schema';

/** The URL fragment key: `#plan=<data>`. */
export const SHARE_KEY = 'plan';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it contains characters a share link never has');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The plan as a URL fragment value: compact JSON, raw-deflated, base64url. Canvas positions are
 * kept so the receiver sees the same layout.
 */
export function encodeSharedPlan(plan: Plan): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(plan)), { level: 9 }));
}

/** The fragment (with or without `#`) for a plan: `#plan=…`. */
export function shareFragment(plan: Plan): string {
  return `#${SHARE_KEY}=${encodeSharedPlan(plan)}`;
}

/** The encoded plan in a URL fragment, or `undefined` when the fragment holds no shared plan. */
export function sharedPlanData(fragment: string): string | undefined {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const value = params.get(SHARE_KEY);
  return value === null ? undefined : value;
}

/**
 * Decodes a shared plan through the one loader. A damaged or truncated link gives a problem
 * saying so, never an exception.
 */
export function decodeSharedPlan(data: string): LoadResult {
  let text: string;
  try {
    text = strFromU8(inflateSync(fromBase64Url(data.trim())));
  } catch (error) {
    const reason = error instanceof Error && error.message.startsWith('it ') ? error.message : 'it is damaged or cut short';
    return { ok: false, problems: [{ path: '$', message: `the share link cannot be read: ${reason}. Ask for the link again, or for the plan file` }] };
  }
  return loadPlan(text);
}
