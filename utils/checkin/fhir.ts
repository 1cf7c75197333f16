/**
 * FHIR R4 shapes for export: an instrument as a Questionnaire and a check-in as a QuestionnaireResponse. The
 * Questionnaire holds one group per view (client, clinician) with the instrument's items, and a rupture group.
 * Clients appear only by Attune's opaque id, never by alias.
 */
import type { MessageKey } from '../i18n';
import type { Instrument, Wording } from './instrument';
import { CHECK_IN_VIEWS, REPAIR_STATES, RUPTURE_MARKERS, STRAINED_PARTS, type CheckIn, type CheckInView } from './record';
import { answerOf } from './scoring';

export interface FhirWords {
  /** The text of an instrument's wording (see wording.ts). */
  wording: (wording: Wording) => string;
  /** Attune's translation of a key. */
  t: (key: MessageKey) => string;
}

const SYSTEM = 'urn:attune';
const ALLIANCE_PART_SYSTEM = `${SYSTEM}:alliance-part`;
const RUPTURE_MARKER_SYSTEM = `${SYSTEM}:rupture-marker`;
const STRAINED_PART_SYSTEM = `${SYSTEM}:strained-part`;
const REPAIR_SYSTEM = `${SYSTEM}:repair`;
const CLIENT_SYSTEM = `${SYSTEM}:client`;
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

const VIEW_TITLE: Record<CheckInView, MessageKey> = { client: 'checkInViewClient', clinician: 'checkInViewClinician' };
const MARKER_TITLE: Record<(typeof RUPTURE_MARKERS)[number], MessageKey> = { withdrawal: 'ruptureWithdrawal', confrontation: 'ruptureConfrontation' };
const STRAINED_TITLE: Record<(typeof STRAINED_PARTS)[number], MessageKey> = { goal: 'ruptureStrainedGoal', task: 'ruptureStrainedTask', bond: 'ruptureStrainedBond' };
const REPAIR_TITLE: Record<(typeof REPAIR_STATES)[number], MessageKey> = { 'not-yet': 'ruptureRepairNotYet', addressed: 'ruptureRepairAddressed', repaired: 'ruptureRepairRepaired' };

export function questionnaireUrl(instrument: Pick<Instrument, 'id'>): string {
  return `${SYSTEM}:questionnaire:${instrument.id}`;
}

/** A FHIR resource id: letters, digits, dashes and dots, at most 64. */
function resourceId(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64);
}

/** A FHIR computable name: starts with a capital, then letters, digits and underscores. */
function computableName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase()).replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Z]/, 'I');
}

export function instrumentToQuestionnaire(instrument: Instrument, words: FhirWords) {
  const coding = <T extends string>(system: string, code: T, display: string) => ({ valueCoding: { system, code, display } });
  return {
    resourceType: 'Questionnaire' as const,
    id: resourceId(`${instrument.id}-${instrument.version}`),
    url: questionnaireUrl(instrument),
    version: instrument.version,
    name: computableName(instrument.id),
    title: words.wording(instrument.title),
    status: 'active' as const,
    description: words.wording(instrument.notice),
    item: [
      ...CHECK_IN_VIEWS.map((view) => ({
        linkId: view,
        text: words.t(VIEW_TITLE[view]),
        type: 'group' as const,
        item: instrument.items.map((item) => ({
          linkId: `${view}.${item.id}`,
          code: [{ system: ALLIANCE_PART_SYSTEM, code: item.part }],
          text: words.wording(item.text),
          type: 'integer' as const,
          required: false,
          extension: [
            { url: MIN_VALUE, valueInteger: instrument.scale.min },
            { url: MAX_VALUE, valueInteger: instrument.scale.max },
          ],
        })),
      })),
      {
        linkId: 'rupture',
        text: words.t('ruptureHeading'),
        type: 'group' as const,
        item: [
          {
            linkId: 'rupture.markers',
            text: words.t('ruptureMarkersLegend'),
            type: 'choice' as const,
            repeats: true,
            answerOption: RUPTURE_MARKERS.map((marker) => coding(RUPTURE_MARKER_SYSTEM, marker, words.t(MARKER_TITLE[marker]))),
          },
          {
            linkId: 'rupture.strained',
            text: words.t('ruptureStrainedLegend'),
            type: 'choice' as const,
            repeats: true,
            answerOption: STRAINED_PARTS.map((part) => coding(STRAINED_PART_SYSTEM, part, words.t(STRAINED_TITLE[part]))),
          },
          {
            linkId: 'rupture.repair',
            text: words.t('ruptureRepairLegend'),
            type: 'choice' as const,
            answerOption: REPAIR_STATES.map((state) => coding(REPAIR_SYSTEM, state, words.t(REPAIR_TITLE[state]))),
          },
          { linkId: 'rupture.forNextTime', text: words.t('forNextTimeLabel'), type: 'text' as const },
        ],
      },
    ],
  };
}

/** A check-in as a QuestionnaireResponse. Skipped items and skipped views carry no answer. */
export function checkInToQuestionnaireResponse(checkIn: CheckIn, instrument: Instrument, words: FhirWords) {
  const viewGroups = CHECK_IN_VIEWS.filter((view) => !checkIn[view].skipped).flatMap((view) => {
    const items = instrument.items.flatMap((item) => {
      const value = answerOf(instrument, checkIn[view], item.id);
      return value === undefined ? [] : [{ linkId: `${view}.${item.id}`, text: words.wording(item.text), answer: [{ valueInteger: value }] }];
    });
    return items.length === 0 ? [] : [{ linkId: view, text: words.t(VIEW_TITLE[view]), item: items }];
  });
  const { rupture } = checkIn;
  const ruptureItems = [
    ...(rupture.markers.length === 0
      ? []
      : [{ linkId: 'rupture.markers', answer: rupture.markers.map((marker) => ({ valueCoding: { system: RUPTURE_MARKER_SYSTEM, code: marker, display: words.t(MARKER_TITLE[marker]) } })) }]),
    ...(rupture.strained.length === 0
      ? []
      : [{ linkId: 'rupture.strained', answer: rupture.strained.map((part) => ({ valueCoding: { system: STRAINED_PART_SYSTEM, code: part, display: words.t(STRAINED_TITLE[part]) } })) }]),
    ...(rupture.repair === null
      ? []
      : [{ linkId: 'rupture.repair', answer: [{ valueCoding: { system: REPAIR_SYSTEM, code: rupture.repair, display: words.t(REPAIR_TITLE[rupture.repair]) } }] }]),
    ...(rupture.forNextTime.trim() === '' ? [] : [{ linkId: 'rupture.forNextTime', answer: [{ valueString: rupture.forNextTime }] }]),
  ];
  const items = [...viewGroups, ...(ruptureItems.length === 0 ? [] : [{ linkId: 'rupture', item: ruptureItems }])];
  return {
    resourceType: 'QuestionnaireResponse' as const,
    id: resourceId(checkIn.id),
    questionnaire: `${questionnaireUrl(instrument)}|${instrument.version}`,
    status: checkIn.completedAt === null ? ('in-progress' as const) : ('completed' as const),
    subject: { identifier: { system: CLIENT_SYSTEM, value: checkIn.clientId } },
    authored: new Date(checkIn.completedAt ?? checkIn.updatedAt).toISOString(),
    // FHIR allows no empty arrays: a check-in with nothing answered carries no items at all.
    ...(items.length === 0 ? {} : { item: items }),
  };
}
