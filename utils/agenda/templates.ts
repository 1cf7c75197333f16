/**
 * The agenda templates Attune ships, in its own words. A registry: adding a template is adding an object here and
 * its strings to the locale file. Item texts are message keys, so a template reads in the clinician's language.
 */
import type { MessageKey } from '../i18n';

export interface ShippedAgendaTemplate {
  /** Stable id; never renamed once shipped. */
  readonly id: string;
  readonly nameKey: MessageKey;
  readonly items: readonly { readonly textKey: MessageKey; readonly timeBoxMinutes: number | null }[];
}

export const shippedAgendaTemplates: readonly ShippedAgendaTemplate[] = [
  {
    id: 'structured-session',
    nameKey: 'templateStructuredName',
    items: [
      { textKey: 'templateStructuredMood', timeBoxMinutes: 5 },
      { textKey: 'templateStructuredBridge', timeBoxMinutes: 3 },
      { textKey: 'templateStructuredAgenda', timeBoxMinutes: 3 },
      { textKey: 'templateStructuredHomeworkReview', timeBoxMinutes: 7 },
      { textKey: 'templateStructuredMainTopics', timeBoxMinutes: 20 },
      { textKey: 'templateStructuredNewHomework', timeBoxMinutes: 5 },
      { textKey: 'templateStructuredSummary', timeBoxMinutes: 3 },
      { textKey: 'templateStructuredFeedback', timeBoxMinutes: 3 },
    ],
  },
  {
    id: 'first-visit',
    nameKey: 'templateIntakeName',
    items: [
      { textKey: 'templateIntakeWelcome', timeBoxMinutes: 5 },
      { textKey: 'templateIntakeReason', timeBoxMinutes: 15 },
      { textKey: 'templateIntakeHistory', timeBoxMinutes: 15 },
      { textKey: 'templateIntakeSafety', timeBoxMinutes: 5 },
      { textKey: 'templateIntakeGoals', timeBoxMinutes: 10 },
      { textKey: 'templateIntakeNextSteps', timeBoxMinutes: 5 },
    ],
  },
  {
    id: 'brief-follow-up',
    nameKey: 'templateBriefName',
    items: [
      { textKey: 'templateBriefSinceLast', timeBoxMinutes: 5 },
      { textKey: 'templateBriefPlanCheck', timeBoxMinutes: 10 },
      { textKey: 'templateBriefAdjust', timeBoxMinutes: 10 },
      { textKey: 'templateBriefNextStep', timeBoxMinutes: 5 },
    ],
  },
];

export function shippedTemplateById(id: string): ShippedAgendaTemplate | undefined {
  return shippedAgendaTemplates.find((template) => template.id === id);
}
