/**
 * The presence prompts Attune ships, in its own words: kind, brief, never judgmental. A registry of typed objects, so
 * adding a prompt is adding an entry here and its message in public/_locales; the i18n meta-test checks every key
 * exists and takes the substitutions it is given, and the prompt tests check each kind can rotate.
 */
import { formatDuration, t } from '../i18n';

export interface PresencePrompt {
  id: string;
  /** `return`: after the clinician comes back from being away; `periodic`: on a rhythm during the visit. */
  kind: 'return' | 'periodic';
  /** The words, in the browser's language; a return cue is given the time away, already formatted. */
  text: (timeAway: string) => string;
}

export const presencePrompts = [
  { id: 'return-summarise', kind: 'return', text: (away) => t('presenceReturnSummarise', away) },
  { id: 'return-where-were-we', kind: 'return', text: (away) => t('presenceReturnWhereWereWe', away) },
  { id: 'return-notice', kind: 'return', text: (away) => t('presenceReturnNotice', away) },
  { id: 'breathe', kind: 'periodic', text: () => t('presencePromptBreathe') },
  { id: 'affect', kind: 'periodic', text: () => t('presencePromptAffect') },
  { id: 'reflect', kind: 'periodic', text: () => t('presencePromptReflect') },
  { id: 'agenda', kind: 'periodic', text: () => t('presencePromptAgenda') },
  { id: 'validate', kind: 'periodic', text: () => t('presencePromptValidate') },
  { id: 'pace', kind: 'periodic', text: () => t('presencePromptPace') },
] as const satisfies readonly PresencePrompt[];

export type PresencePromptId = (typeof presencePrompts)[number]['id'];

export function promptById(id: string): PresencePrompt | undefined {
  return presencePrompts.find((prompt) => prompt.id === id);
}

/** The next prompt of a kind, in rotation after `lastId`: never the same one twice in a row. */
export function nextPrompt(kind: PresencePrompt['kind'], lastId: string | null): PresencePrompt {
  const ofKind: readonly PresencePrompt[] = presencePrompts.filter((prompt) => prompt.kind === kind);
  const last = ofKind.findIndex((prompt) => prompt.id === lastId);
  const next = ofKind[(last + 1) % ofKind.length];
  if (next === undefined) throw new Error(`Attune ships no presence prompt of kind "${kind}".`);
  return next;
}

/** The words of a cue as the clinician reads them; a return cue says how long they were away. */
export function cueText(cue: { promptId: string; awayMs: number | null }): string {
  return promptById(cue.promptId)?.text(formatDuration(cue.awayMs ?? 0)) ?? '';
}
