import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { agendaTemplateItemSchema } from '../../utils/agenda/schema';
import { shippedAgendaTemplates } from '../../utils/agenda/templates';

describe('shipped agenda templates (registry)', () => {
  it('have unique ids', () => {
    const ids = shippedAgendaTemplates.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['structured-session', 'first-visit', 'brief-follow-up']);
  });

  it.each(shippedAgendaTemplates.map((template) => [template.id, template] as const))('%s: every string is translated and every item is valid', (_id, template) => {
    expect(english).toHaveProperty(template.nameKey);
    expect(template.items.length).toBeGreaterThan(0);
    for (const item of template.items) {
      const text = english[item.textKey].message;
      expect(agendaTemplateItemSchema.safeParse({ text, timeBoxMinutes: item.timeBoxMinutes }).success, item.textKey).toBe(true);
    }
  });

  it('the structured session follows the usual rhythm, in order', () => {
    const structured = shippedAgendaTemplates.find((template) => template.id === 'structured-session');
    expect(structured?.items.map((item) => item.textKey)).toEqual([
      'templateStructuredMood',
      'templateStructuredBridge',
      'templateStructuredAgenda',
      'templateStructuredHomeworkReview',
      'templateStructuredMainTopics',
      'templateStructuredNewHomework',
      'templateStructuredSummary',
      'templateStructuredFeedback',
    ]);
  });
});
