/**
 * A FHIR R4 Bundle (type "collection") for a practice's EHR: one Questionnaire per instrument used, then one
 * QuestionnaireResponse per check-in, each pointing at its Questionnaire by canonical URL. Clients appear only by
 * Attune's opaque id (see utils/checkin/fhir.ts).
 */
import { checkInToQuestionnaireResponse, instrumentToQuestionnaire, questionnaireUrl, type FhirWords } from '../checkin/fhir';
import type { Instrument } from '../checkin/instrument';
import type { CheckIn } from '../checkin/record';

export function checkInBundle(checkIns: readonly CheckIn[], instruments: ReadonlyMap<string, Instrument>, words: FhirWords, now: number) {
  const used = [...instruments.entries()].filter(([key]) => checkIns.some((checkIn) => `${checkIn.instrumentId}@${checkIn.instrumentVersion}` === key));
  const ordered = [...checkIns].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return {
    resourceType: 'Bundle' as const,
    type: 'collection' as const,
    timestamp: new Date(now).toISOString(),
    entry: [
      ...used.map(([, instrument]) => ({
        fullUrl: `${questionnaireUrl(instrument)}:${instrument.version}`,
        resource: instrumentToQuestionnaire(instrument, words),
      })),
      ...ordered.flatMap((checkIn) => {
        const instrument = instruments.get(`${checkIn.instrumentId}@${checkIn.instrumentVersion}`);
        return instrument === undefined
          ? []
          : [{ fullUrl: `urn:uuid:${checkIn.id}`, resource: checkInToQuestionnaireResponse(checkIn, instrument, words) }];
      }),
    ],
  };
}
