import { beforeEach, describe, expect, it } from 'vitest';
import { cueText, nextPrompt, presencePrompts } from '../../utils/presence/prompts';
import { useEnglishMessages } from './support-messages';

describe('the presence prompt registry', () => {
  beforeEach(useEnglishMessages);

  it('has unique ids and words for every prompt', () => {
    expect(new Set(presencePrompts.map((prompt) => prompt.id)).size).toBe(presencePrompts.length);
    for (const prompt of presencePrompts) expect(prompt.text('48 s').length, prompt.id).toBeGreaterThan(20);
  });

  it('has enough prompts of each kind to rotate', () => {
    for (const kind of ['return', 'periodic'] as const) {
      expect(presencePrompts.filter((prompt) => prompt.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
    }
  });

  it('puts the time away into every return cue, and none into periodic prompts', () => {
    for (const prompt of presencePrompts) {
      expect(prompt.text('48 s').includes('48 s'), prompt.id).toBe(prompt.kind === 'return');
    }
  });

  it('speaks kindly: no blame, no scores', () => {
    const words = presencePrompts.map((prompt) => prompt.text('48 s')).join(' ');
    expect(words).not.toMatch(/\b(should|must|failed|distracted|again\?|score|bad)\b/i);
  });

  it.each(['return', 'periodic'] as const)('rotates %s prompts without repeating one twice in a row', (kind) => {
    let last: string | null = null;
    const seen: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const prompt = nextPrompt(kind, last);
      expect(prompt.id).not.toBe(last);
      expect(prompt.kind).toBe(kind);
      seen.push(prompt.id);
      last = prompt.id;
    }
    expect(new Set(seen).size).toBe(presencePrompts.filter((prompt) => prompt.kind === kind).length);
  });

  it('writes the cue with a readable time away', () => {
    expect(cueText({ promptId: 'return-summarise', awayMs: 48_900 })).toBe(
      'Away 48 s. A short summary back to the client can help you both reconnect.',
    );
    expect(cueText({ promptId: 'return-notice', awayMs: 125_000 })).toMatch(/^Away 2 min 5 s\./);
    expect(cueText({ promptId: 'breathe', awayMs: null })).toBe('One slow breath. Let your attention settle on the client.');
  });
});
